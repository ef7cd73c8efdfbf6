import type { AriUser } from './config.js';

/** `[section]` and `key = value` / `key => value` lines of an Asterisk .conf file, `;` comments. */
function sections(text: string): Map<string, [string, string][]> {
  const out = new Map<string, [string, string][]>();
  let current: [string, string][] | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|[^\\]);.*$/, '$1').trim();
    if (!line) continue;
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      current = [];
      out.set(header[1] ?? '', current);
      continue;
    }
    const pair = /^([^=]+?)\s*=>?\s*(.*)$/.exec(line);
    if (current && pair) current.push([(pair[1] ?? '').trim(), (pair[2] ?? '').trim()]);
  }
  return out;
}

/** ari.conf: every `type = user` section is a user (plain passwords only: the sim cannot check crypt). */
export function parseAriConf(text: string): AriUser[] {
  const users: AriUser[] = [];
  for (const [name, entries] of sections(text)) {
    const get = (key: string) => entries.find(([k]) => k === key)?.[1];
    if (get('type') !== 'user') continue;
    users.push({
      username: name,
      password: get('password') ?? '',
      readOnly: /^(yes|true|1|on)$/i.test(get('read_only') ?? ''),
    });
  }
  return users;
}

/** musiconhold.conf: `mode = files` classes with their `directory`. */
export function parseMusicOnHoldConf(text: string): Record<string, { directory: string }> {
  const classes: Record<string, { directory: string }> = {};
  for (const [name, entries] of sections(text)) {
    const directory = entries.find(([k]) => k === 'directory')?.[1];
    const mode = entries.find(([k]) => k === 'mode')?.[1] ?? 'files';
    if (directory && mode === 'files') classes[name] = { directory };
  }
  return classes;
}
