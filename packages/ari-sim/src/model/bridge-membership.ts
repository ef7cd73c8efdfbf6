import type { SimBridge } from './bridge.js';
import { propagateConnectedToPeer } from './callerid.js';
import { type BridgeMembership, type SimChannel, sameCaller } from './channel.js';
import type { Core } from './core.js';
import { setVar } from './vars.js';

export type LeaveReason = 'hangup' | 'removed' | 'moved' | 'destroyed' | 'internal';

/** A bridge event's snapshot shows the technology from before this change took effect. */
function publishMembership(core: Core, bridge: SimBridge, chan: SimChannel, type: string): void {
  if (chan.internal) return;
  core.publishBridge(bridge, type, { bridge: bridge.toJson(), channel: core.snapshot(chan) });
}

/**
 * A channel joins (moving out of its current bridge first, ChannelLeftBridge then Entered). The
 * channel's app subscribes to the bridge. A join that makes the bridge multi-party puts the newcomer
 * at the head of the member list, as the BRIDGEPEER lists of warm-transfer and recording show.
 */
export function joinBridge(
  core: Core,
  chan: SimChannel,
  bridge: SimBridge,
  options: Omit<BridgeMembership, 'bridge'>,
): void {
  if (chan.membership?.bridge === bridge) {
    chan.membership = { ...options, bridge };
    return;
  }
  if (chan.membership) leaveBridge(core, chan, 'moved');
  if (bridge.bridgeType === 'mixing' && bridge.members.length >= 2) bridge.members.unshift(chan);
  else bridge.members.push(chan);
  chan.membership = { ...options, bridge };
  if (chan.stasis?.app) core.apps.subscribeBridge(chan.stasis.app, bridge.id);
  publishMembership(core, bridge, chan, 'ChannelEnteredBridge');
  reconfigure(core, bridge);
}

/**
 * BRIDGEPEER is cleared, then ChannelLeftBridge. A channel that leaves alive (removed, moved, or
 * its bridge destroyed) unsubscribes its app from the bridge; one that hangs up does not, which is
 * why BridgeDestroyed still reaches the app later (bridge-subscription trace).
 */
export function leaveBridge(core: Core, chan: SimChannel, reason: LeaveReason): void {
  const bridge = chan.membership?.bridge;
  if (!bridge) return;
  setVar(core, chan, 'BRIDGEPEER', undefined);
  const i = bridge.members.indexOf(chan);
  if (i >= 0) bridge.members.splice(i, 1);
  publishMembership(core, bridge, chan, 'ChannelLeftBridge');
  chan.membership = undefined;
  if (reason !== 'hangup' && chan.stasis?.app) core.apps.unsubscribeBridge(chan.stasis.app, bridge.id);
  if (reason !== 'destroyed') reconfigure(core, bridge);
  core.talk.audioChanged();
}

/** bridge_reconfigured: smart-bridge switch, BRIDGEPEER, then connected-line updates. */
function reconfigure(core: Core, bridge: SimBridge): void {
  bridge.technology = bridge.settledTechnology();
  const members = bridge.members;
  if (bridge.bridgeType === 'holding') {
    for (const m of members) setVar(core, m, 'BRIDGEPEER', undefined);
  } else if (members.length === 2) {
    const [first, last] = members as [SimChannel, SimChannel];
    setVar(core, first, 'BRIDGEPEER', last.name);
    setVar(core, last, 'BRIDGEPEER', first.name);
    updateConnected(core, last, first);
    updateConnected(core, first, last);
  } else if (members.length > 2) {
    const names = members.slice(0, 11).map((m) => m.name);
    members.forEach((m, i) => {
      setVar(core, m, 'BRIDGEPEER', names.filter((_, j) => j !== i).join(','));
    });
  }
  core.talk.audioChanged();
}

/** COLP in a two-party bridge: each side's connected line becomes the other's caller id. */
function updateConnected(core: Core, chan: SimChannel, other: SimChannel): void {
  if (chan.membership?.inhibitColp || sameCaller(chan.connected, other.caller)) return;
  chan.connected = { ...other.caller };
  core.publishChannel(chan, 'ChannelConnectedLine');
  propagateConnectedToPeer(chan);
}

/**
 * `DELETE /bridges/{id}`: members go back to Stasis (ChannelLeftBridge each, unsubscribing their
 * apps), hidden channels hang up, and BridgeDestroyed reaches whoever is still subscribed.
 */
export function destroyBridge(
  core: Core,
  bridge: SimBridge,
  hangUpInternal: (chan: SimChannel) => void,
): void {
  bridge.destroyed = true;
  for (const chan of [...bridge.members]) {
    if (chan.internal) {
      bridge.members.splice(bridge.members.indexOf(chan), 1);
      chan.membership = undefined;
      hangUpInternal(chan);
    } else leaveBridge(core, chan, 'destroyed');
  }
  bridge.technology = bridge.settledTechnology();
  core.publishBridge(bridge, 'BridgeDestroyed', { bridge: bridge.toJson() });
  core.bridges.delete(bridge.id);
  core.apps.forgetBridge(bridge.id);
}
