import { arch, release } from 'node:os';
import { formatTimestamp } from '../model/channel.js';
import { fail } from '../model/failure.js';
import { type HandlerTable, noContent, ok } from './router.js';

/** The modules a test instance loads (ari.md §2.2), as `GET /asterisk/modules` lists them. */
const MODULES = [
  'res_ari.so',
  'res_stasis.so',
  'app_stasis.so',
  'res_musiconhold.so',
  'func_talkdetect.so',
  'bridge_softmix.so',
  'chan_bridge_media.so',
  'res_http_media_cache.so',
];

function moduleJson(name: string) {
  return {
    name,
    description: name.replace(/\.so$/, ''),
    use_count: 0,
    status: 'Running',
    support_level: 'core',
  };
}

export const asteriskHandlers: HandlerTable = {
  'asterisk.getInfo': (ctx) => {
    const { config, startedAt } = ctx.core;
    const sections = {
      build: {
        os: 'Linux',
        kernel: release(),
        options: '',
        machine: arch(),
        date: formatTimestamp(startedAt),
        user: 'ari-sim',
      },
      system: { version: config.version, entity_id: config.asteriskId },
      config: {
        name: config.systemName,
        default_language: config.defaultLanguage,
        setid: { user: '', group: '' },
      },
      status: { startup_time: formatTimestamp(startedAt), last_reload_time: formatTimestamp(startedAt) },
    };
    const only = ctx.list('only');
    if (only.length === 0) return ok(sections);
    return ok(Object.fromEntries(Object.entries(sections).filter(([key]) => only.includes(key))));
  },
  'asterisk.ping': (ctx) =>
    ok({ asterisk_id: ctx.core.config.asteriskId, ping: 'pong', timestamp: ctx.core.timestamp() }),
  'asterisk.getGlobalVar': (ctx) => {
    const name = ctx.str('variable');
    if (!name) return fail(400, 'Variable name is required');
    return ok({ value: ctx.core.globals.get(name) ?? '' });
  },
  'asterisk.setGlobalVar': (ctx) => {
    const name = ctx.str('variable');
    if (!name) return fail(400, 'Variable name is required');
    ctx.core.globals.set(name, ctx.str('value') ?? '');
    return noContent();
  },
  'asterisk.listModules': () => ok(MODULES.map(moduleJson)),
  'asterisk.getModule': (ctx) => {
    const name = ctx.str('moduleName') ?? '';
    return MODULES.includes(name)
      ? ok(moduleJson(name))
      : fail(404, 'Module could not be found in running modules');
  },
  'asterisk.listLogChannels': () => ok([]),
};
