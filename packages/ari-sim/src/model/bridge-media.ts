import type { SimBridge } from './bridge.js';
import { joinBridge, leaveBridge } from './bridge-membership.js';
import { SimChannel } from './channel.js';
import { StasisControl } from './control.js';
import type { Core } from './core.js';
import { newChannelMedia, startMoh } from './media-state.js';

/**
 * chan_bridge_media's channels: an Announcer plays bridge playbacks and bridge MOH, a Recorder
 * records the mix. They take the Local name counter (`Recorder/ARI-0000001c;2`), sit in the bridge
 * like anyone else (so BRIDGEPEER names them) but are internal: no events, no listings.
 */
function internalChannel(core: Core, kind: 'Announcer' | 'Recorder', label: string): SimChannel {
  const name = `${kind}/${label}-${core.nextUnrealSuffix()};2`;
  const chan = new SimChannel(
    core.generateChannelId(),
    name,
    kind,
    core.now(),
    { context: 'default', exten: 's', priority: 1 },
    newChannelMedia(),
  );
  chan.internal = true;
  chan.state = 'Up';
  chan.stasis = new StasisControl('', [], { appName: '', appData: '' }, () => {});
  return chan;
}

function join(core: Core, chan: SimChannel, bridge: SimBridge): void {
  joinBridge(core, chan, bridge, { role: 'announcer', absorbDtmf: true, mute: false, inhibitColp: false });
}

/** Takes an internal channel out of its bridge and ends it (its thread hangs it up). */
export function retire(core: Core, chan: SimChannel): void {
  if (chan.destroyed) return;
  chan.stasis?.queue.close();
  chan.media.generator = undefined;
  chan.media.playback = undefined;
  const bridge = chan.bridge;
  if (bridge?.announcer === chan) bridge.announcer = undefined;
  if (bridge?.mohChannel === chan) bridge.mohChannel = undefined;
  leaveBridge(core, chan, 'internal');
  chan.destroyed = true;
}

/**
 * The announcer that runs bridge playbacks: reused while it still has playbacks queued, otherwise
 * a new one joins. It leaves once its queue runs dry. A holding bridge takes one announcer only,
 * so with bridge MOH on it there is no room (ari.md §1.5).
 */
export function playbackAnnouncer(core: Core, bridge: SimBridge): SimChannel | undefined {
  if (bridge.announcer && !bridge.announcer.destroyed) return bridge.announcer;
  if (bridge.bridgeType === 'holding' && bridge.mohChannel) return undefined;
  const chan = internalChannel(core, 'Announcer', 'ARI');
  join(core, chan, bridge);
  bridge.announcer = chan;
  const queue = chan.stasis?.queue;
  if (queue) queue.onIdle = () => retire(core, chan);
  return chan;
}

export function startBridgeMoh(core: Core, bridge: SimBridge, mohClass: string): void {
  let chan = bridge.mohChannel;
  if (!chan || chan.destroyed) {
    chan = internalChannel(core, 'Announcer', 'ARI_MOH');
    join(core, chan, bridge);
    bridge.mohChannel = chan;
  }
  startMoh(core, chan, mohClass);
}

/** False when the bridge plays no music (409 "Bridge isn't playing music"). */
export function stopBridgeMoh(core: Core, bridge: SimBridge): boolean {
  const chan = bridge.mohChannel;
  if (!chan || chan.destroyed) return false;
  retire(core, chan);
  return true;
}

export function newRecorder(core: Core, bridge: SimBridge): SimChannel {
  const chan = internalChannel(core, 'Recorder', 'ARI');
  joinBridge(core, chan, bridge, { role: '', absorbDtmf: true, mute: false, inhibitColp: false });
  return chan;
}
