import { type AriClient, ignoreGone } from '@parley/ari';

export type RecordingStart = { ok: true; name: string } | { ok: false; reason: string };

/**
 * Records a call from the side, through a snoop channel that hears both directions: a channel that
 * records itself blocks its own command queue (prompts, DTMF) and cannot join a bridge later
 * (ari.md §1.3), a snoop does neither and keeps recording when the call is bridged.
 */
export async function startSnoopRecording(
  ari: AriClient,
  channelId: string,
  name: string,
): Promise<RecordingStart> {
  const [app] = ari.apps;
  if (!app) return { ok: false, reason: 'the ARI client serves no app for the snoop channel' };
  const snoopId = `${channelId}-rec`;
  const inStasis = ari.waitFor('StasisStart', undefined, { channelId: snoopId, timeoutMs: 5000 });
  inStasis.catch(() => {});
  try {
    await ari.channels.snoopChannelWithId({ channelId, snoopId, app, appArgs: 'recording', spy: 'both' });
    await inStasis;
    const live = await ari.channels.record({
      channelId: snoopId,
      name,
      format: 'wav',
      ifExists: 'overwrite',
    });
    if (live.state === 'failed') return { ok: false, reason: live.cause ?? 'Asterisk refused the recording' };
    return { ok: true, name };
  } catch (error) {
    await ignoreGone(ari.channels.hangup({ channelId: snoopId })).catch(() => undefined);
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Stops and keeps the recording, then lets the snoop channel go. Gone already is fine. */
export async function stopSnoopRecording(ari: AriClient, channelId: string, name: string): Promise<void> {
  await ignoreGone(ari.recordings.stop({ recordingName: name })).catch(() => undefined);
  await ignoreGone(ari.channels.hangup({ channelId: `${channelId}-rec` })).catch(() => undefined);
}
