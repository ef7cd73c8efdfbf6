import { publishCallerChange } from './callerid.js';
import { SimChannel, sameCaller } from './channel.js';
import type { Core } from './core.js';
import { newChannelMedia } from './media-state.js';

/** `Local/<exten>@<context>[/options]`, split the way core_local does. */
export interface LocalTarget {
  exten: string;
  context: string;
  options: string;
  /** What follows `Local/`, shown as `Dial.dialstring`. */
  resource: string;
}

export function parseLocalResource(resource: string): LocalTarget {
  const [dest = '', options = ''] = resource.split('/');
  const at = dest.lastIndexOf('@');
  const exten = at < 0 ? dest : dest.slice(0, at);
  const context = at < 0 ? 'default' : dest.slice(at + 1) || 'default';
  return { exten, context, options, resource };
}

export interface PairIds {
  id1?: string | undefined;
  id2?: string | undefined;
}

/**
 * Allocates both halves as `ast_request("Local", ...)` does: `;1` (returned to the requester,
 * Down) and `;2` (the one that will run the dialplan, Ring). The name counter is consumed even
 * when an id turns out to be taken, as Asterisk allocates the pair before the channels.
 */
export function createLocalPair(
  core: Core,
  target: LocalTarget,
  ids: PairIds,
): [SimChannel, SimChannel] | 'duplicate' {
  const suffix = core.nextUnrealSuffix();
  const id1 = ids.id1 || core.generateChannelId();
  const id2 = ids.id2 || core.generateChannelId();
  if (core.channels.has(id1) || core.channels.has(id2) || id1 === id2) return 'duplicate';
  const base = `Local/${target.exten}@${target.context}-${suffix}`;
  const location = { context: target.context, exten: target.exten, priority: 1 };
  const now = core.now();
  const one = new SimChannel(id1, `${base};1`, 'Local', now, location, newChannelMedia());
  const two = new SimChannel(id2, `${base};2`, 'Local', now, location, newChannelMedia());
  one.peer = two;
  two.peer = one;
  one.half = 1;
  two.half = 2;
  two.state = 'Ring';
  one.mohPassthrough = target.options.includes('m');
  two.mohPassthrough = one.mohPassthrough;
  core.channels.set(id1, one);
  core.channels.set(id2, two);
  return [one, two];
}

/**
 * `ast_call` on ;1: the ;2 takes ;1's connected line as its caller and ;1's caller as its
 * connected line (so the called party sees who calls), and inherits `_`/`__` variables.
 */
export function handOverIdentity(core: Core, one: SimChannel): void {
  const two = one.peer;
  if (!two) return;
  for (const [name, value] of one.vars) {
    if (name.startsWith('_')) two.vars.set(name.startsWith('__') ? name : name.slice(1), value);
  }
  // Both are set before either is published: the ChannelCallerId snapshot already shows the new
  // connected line.
  const callerChanged = !sameCaller(two.caller, one.connected);
  const connectedChanged = !sameCaller(two.connected, one.caller);
  two.caller = { ...one.connected };
  two.connected = { ...one.caller };
  if (callerChanged) publishCallerChange(core, two);
  if (connectedChanged) core.publishChannel(two, 'ChannelConnectedLine');
}

export function isLocalHalfTwo(chan: SimChannel): boolean {
  return chan.tech === 'Local' && chan.half === 2;
}
