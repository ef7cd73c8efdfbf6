import { publishCallerChange } from './callerid.js';
import type { CallerIdent, SimChannel } from './channel.js';
import type { Core } from './core.js';

/**
 * Channel variables and the dialplan functions the tests use. Setting a variable publishes
 * ChannelVarset; deleting one publishes an empty value only if it was set (pbx_builtin_setvar_helper).
 * Functions publish nothing of their own.
 */
export function setVar(core: Core, chan: SimChannel, name: string, value: string | undefined): void {
  const had = chan.vars.has(name);
  if (value === undefined) {
    chan.vars.delete(name);
    if (had) core.publishChannel(chan, 'ChannelVarset', { variable: name, value: '' });
    return;
  }
  chan.vars.set(name, value);
  core.publishChannel(chan, 'ChannelVarset', { variable: name, value });
}

/** 22.10.1 refuses these from ARI unless `live_dangerously = yes` (GHSA-vrfp-mg3q-3959). */
const DANGEROUS = new Set([
  'SHELL',
  'FILE',
  'DB',
  'DB_DELETE',
  'DB_KEYS',
  'CURL',
  'STAT',
  'SYSTEM',
  'EVAL',
  'ODBC',
]);

function callerPart(id: CallerIdent, part: string): string | undefined {
  if (part === 'num' || part === 'number') return id.number;
  if (part === 'name') return id.name;
  if (part === 'all') return id.name ? `"${id.name}" <${id.number}>` : id.number;
  return undefined;
}

function parseCall(expr: string): { fn: string; args: string } | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\((.*)\)$/.exec(expr.trim());
  return m ? { fn: (m[1] ?? '').toUpperCase(), args: m[2] ?? '' } : undefined;
}

/** A variable or function read, as `${...}` and `GET /variable` see it; undefined = not found. */
export function readVar(core: Core, chan: SimChannel, name: string): string | undefined {
  const call = parseCall(name);
  if (!call) return readPlain(core, chan, name);
  const [first = '', second = ''] = call.args.split(',');
  switch (call.fn) {
    case 'CALLERID':
      return callerPart(chan.caller, first);
    case 'CONNECTEDLINE':
      return callerPart(chan.connected, first);
    case 'CHANNEL':
      return channelField(chan, first);
    case 'TALK_DETECT':
      return undefined;
    case 'LEN':
      return String(call.args.length);
    case 'CUT': {
      const field = Number(call.args.split(',')[2] ?? '1');
      return (readVar(core, chan, first) ?? '').split(second || '-')[field - 1] ?? '';
    }
    default:
      return undefined;
  }
}

function channelField(chan: SimChannel, field: string): string | undefined {
  switch (field) {
    case 'name':
      return chan.name;
    case 'uniqueid':
      return chan.id;
    case 'state':
      return chan.state;
    case 'language':
      return chan.language;
    case 'channeltype':
      return chan.tech;
    case 'context':
      return chan.dialplan.context;
    case 'exten':
      return chan.dialplan.exten;
    default:
      return undefined;
  }
}

function readPlain(core: Core, chan: SimChannel, name: string): string | undefined {
  const own = chan.vars.get(name);
  if (own !== undefined) return own;
  switch (name) {
    case 'EXTEN':
      return chan.dialplan.exten;
    case 'CONTEXT':
      return chan.dialplan.context;
    case 'PRIORITY':
      return String(chan.dialplan.priority);
    case 'CHANNEL':
      return chan.name;
    case 'UNIQUEID':
      return chan.id;
    case 'HANGUPCAUSE':
      return String(chan.hangupCause);
    default:
      return core.globals.get(name);
  }
}

export type WriteResult = 'ok' | 'failed';

/** `Set(NAME=value)` and `POST /variable`: a plain variable, or a function we know how to write. */
export function writeVar(core: Core, chan: SimChannel, name: string, value: string): WriteResult {
  const call = parseCall(name);
  if (!call) {
    setVar(core, chan, name, value);
    return 'ok';
  }
  if (DANGEROUS.has(call.fn)) return 'failed';
  switch (call.fn) {
    case 'TALK_DETECT':
      return core.talk.configure(chan, call.args, value) ? 'ok' : 'failed';
    case 'CALLERID':
    case 'CONNECTEDLINE': {
      const target = call.fn === 'CALLERID' ? chan.caller : chan.connected;
      const next = { ...target };
      if (call.args === 'num' || call.args === 'number') next.number = value;
      else if (call.args === 'name') next.name = value;
      else return 'failed';
      if (call.fn === 'CALLERID') {
        chan.caller = next;
        publishCallerChange(core, chan);
      } else {
        chan.connected = next;
        core.publishChannel(chan, 'ChannelConnectedLine');
      }
      return 'ok';
    }
    case 'CHANNEL':
      if (call.args !== 'language') return 'failed';
      chan.language = value;
      return 'ok';
    default:
      return 'failed';
  }
}
