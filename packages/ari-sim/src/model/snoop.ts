import { SimChannel } from './channel.js';
import type { Core } from './core.js';
import { requestHangup } from './hangup.js';
import { newChannelMedia } from './media-state.js';
import { enterStasis } from './stasis.js';

export type SnoopDirection = 'none' | 'both' | 'out' | 'in';

export interface SnoopParams {
  spy: SnoopDirection;
  whisper: SnoopDirection;
  app: string;
  appArgs: string | undefined;
  snoopId: string | undefined;
}

/**
 * res_stasis_snoop: a `Snoop/<uniqueid>-<n>` channel, Up at once, that enters `app`. With a
 * whisper direction, what is played on it is mixed into what the snooped channel hears; it hangs
 * up when the snooped channel does.
 */
export function createSnoop(core: Core, target: SimChannel, p: SnoopParams): SimChannel {
  const id = p.snoopId || core.generateChannelId();
  const chan = new SimChannel(
    id,
    `Snoop/${target.id}-${core.nextSnoopSuffix()}`,
    'Snoop',
    core.now(),
    { context: 'default', exten: 's', priority: 1 },
    newChannelMedia(),
  );
  chan.state = 'Up';
  chan.caller = { ...target.caller };
  chan.connected = { ...target.connected };
  chan.snoopTarget = target;
  target.snoops ??= new Set();
  target.snoops.add(chan);
  core.channels.set(id, chan);
  if (p.whisper !== 'none') target.media.whispers.add(chan);
  core.defer(() => {
    const args = p.appArgs ? p.appArgs.split(',') : [];
    if (!enterStasis(core, chan, p.app, args, { onExit: () => requestHangup(core, chan, 16, 'silent') })) {
      requestHangup(core, chan, 16, 'silent');
    }
  });
  return chan;
}

/** The snooped channel is gone: its snoops read nothing more and hang up. */
export function endSnoopsOf(core: Core, target: SimChannel): void {
  for (const chan of target.snoops ?? []) {
    if (!chan.hangingUp) core.defer(() => requestHangup(core, chan, 16, 'far-side'));
  }
}
