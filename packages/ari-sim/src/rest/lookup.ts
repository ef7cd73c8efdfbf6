import type { SimBridge } from '../model/bridge.js';
import type { SimChannel } from '../model/channel.js';
import type { StasisControl } from '../model/control.js';
import type { Core } from '../model/core.js';
import { type Failure, fail } from '../model/failure.js';

export interface Controlled {
  chan: SimChannel;
  control: StasisControl;
}

/** resource_channels.c `find_control`: 404 when the channel does not exist, 409 when not in Stasis. */
export function findControl(core: Core, id: string | undefined): Controlled | Failure {
  const chan = id === undefined ? undefined : core.channels.get(id);
  if (!chan) return fail(404, 'Channel not found');
  if (!chan.stasis) return fail(409, 'Channel not in Stasis application');
  return { chan, control: chan.stasis };
}

/**
 * `channel_state_invalid`: since Asterisk 14 unanswered outbound channels may sit in Stasis, but
 * state changes and media need Ring or Up (Down, Rsrved and Ringing give 412).
 */
export function stateInvalid(chan: SimChannel): Failure | undefined {
  if (chan.state === 'Down' || chan.state === 'Rsrved' || chan.state === 'Ringing') {
    return fail(412, 'Channel in invalid state');
  }
  return undefined;
}

/** Both checks, as most channel operations run them. */
export function findPlayableControl(core: Core, id: string | undefined): Controlled | Failure {
  const found = findControl(core, id);
  if ('control' in found) return stateInvalid(found.chan) ?? found;
  return found;
}

/** resource_bridges.c `find_bridge`. */
export function findBridge(core: Core, id: string | undefined): SimBridge | Failure {
  const bridge = id === undefined ? undefined : core.bridges.get(id);
  return bridge ?? fail(404, 'Bridge not found');
}

/** `variables` in a JSON body: string values only. */
export function bodyVariables(
  body: Record<string, unknown> | undefined,
): Record<string, string> | Failure | undefined {
  const vars = body?.variables;
  if (vars === undefined || vars === null) return undefined;
  if (typeof vars !== 'object' || Array.isArray(vars))
    return fail(400, "Only string values in the 'variables' object allowed");
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars)) {
    if (typeof value !== 'string') return fail(400, "Only string values in the 'variables' object allowed");
    out[name] = value;
  }
  return out;
}
