import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Core } from '../model/core.js';
import { fail } from '../model/failure.js';
import { type HandlerTable, ok } from './router.js';

interface Sound {
  id: string;
  formats: { language: string; format: string }[];
}

/** Every file under the sound roots' language directories, grouped by name. */
function listSounds(core: Core): Sound[] {
  const byId = new Map<string, Sound>();
  for (const root of core.config.soundDirs) {
    let langs: string[] = [];
    try {
      langs = readdirSync(root, { withFileTypes: true })
        .filter((d) => d.isDirectory() && d.name !== 'moh')
        .map((d) => d.name);
    } catch {
      continue;
    }
    for (const language of langs) {
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) walk(path);
          else {
            const rel = relative(join(root, language), path);
            const dot = rel.lastIndexOf('.');
            const id = rel.slice(0, dot);
            const sound = byId.get(id) ?? { id, formats: [] };
            sound.formats.push({ language, format: rel.slice(dot + 1) });
            byId.set(id, sound);
          }
        }
      };
      walk(join(root, language));
    }
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export const soundHandlers: HandlerTable = {
  'sounds.list': (ctx) => {
    const lang = ctx.str('lang');
    const format = ctx.str('format');
    const sounds = listSounds(ctx.core)
      .map((s) => ({
        ...s,
        formats: s.formats.filter((f) => (!lang || f.language === lang) && (!format || f.format === format)),
      }))
      .filter((s) => s.formats.length > 0);
    return ok(sounds);
  },
  'sounds.get': (ctx) => {
    const sound = listSounds(ctx.core).find((s) => s.id === ctx.str('soundId'));
    return sound ? ok(sound) : fail(404, 'Sound not found');
  },
};
