/** Event bodies shaped like the ones in the Asterisk 22 traces, trimmed to what the client reads. */

export function channel(id: string, state = 'Up'): Record<string, unknown> {
  return {
    id,
    name: `Local/1001@test-agents-0000000e;${id.endsWith('ph') ? 2 : 1}`,
    state,
    protocol_id: '',
    caller: { name: '', number: '' },
    connected: { name: '', number: '' },
    accountcode: '',
    dialplan: {
      context: 'from-test',
      exten: '18005550100',
      priority: 1,
      app_name: 'Stasis',
      app_data: 'parley',
    },
    creationtime: '2026-11-21T03:25:51.024+0000',
    language: 'en',
  };
}

export function bridge(id: string, channels: string[] = []): Record<string, unknown> {
  return {
    id,
    technology: 'simple_bridge',
    bridge_type: 'mixing',
    bridge_class: 'stasis',
    creator: 'Stasis',
    name: '',
    channels,
    video_mode: 'talker',
    creationtime: '2026-11-21T03:25:51.024+0000',
  };
}

export function playback(id: string, channelId: string, state = 'playing'): Record<string, unknown> {
  return { id, media_uri: 'sound:hello-world', target_uri: `channel:${channelId}`, language: 'en', state };
}

export function recording(name: string, state = 'recording'): Record<string, unknown> {
  return { name, format: 'wav', state, target_uri: 'bridge:b1' };
}
