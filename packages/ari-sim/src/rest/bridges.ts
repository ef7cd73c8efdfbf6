import { createBridge, type SimBridge } from '../model/bridge.js';
import {
  newRecorder,
  playbackAnnouncer,
  retire,
  startBridgeMoh,
  stopBridgeMoh,
} from '../model/bridge-media.js';
import { destroyBridge, joinBridge, leaveBridge } from '../model/bridge-membership.js';
import type { SimChannel } from '../model/channel.js';
import type { StasisControl } from '../model/control.js';
import { type Failure, fail, failAlloc, isFailure } from '../model/failure.js';
import { SimPlayback } from '../model/playback.js';
import { recordingOptions } from './channel-media.js';
import { bodyVariables, findBridge } from './lookup.js';
import { type HandlerTable, noContent, ok, type Reply, type RestContext } from './router.js';

/** resource_bridges.c `control_list_create`: every id must be a channel in Stasis (400 / 422). */
function controlList(ctx: RestContext): { chan: SimChannel; control: StasisControl }[] | Failure {
  const ids = ctx.list('channel').filter(Boolean);
  if (ids.length === 0) return fail(400, 'Missing parameter channel');
  const out: { chan: SimChannel; control: StasisControl }[] = [];
  for (const id of ids) {
    const chan = ctx.core.channels.get(id);
    if (!chan) return fail(400, 'Channel not found');
    if (!chan.stasis) return fail(422, 'Channel not in Stasis application');
    out.push({ chan, control: chan.stasis });
  }
  return out;
}

function create(ctx: RestContext, withId: boolean): Reply {
  const variables = bodyVariables(ctx.body);
  if (isFailure(variables)) return variables;
  const id = ctx.str('bridgeId');
  const bridge = createBridge(ctx.core, ctx.str('type'), id, ctx.str('name'));
  if (!bridge) {
    return fail(
      500,
      withId
        ? 'Unable to create bridge'
        : `Unable to create bridge. Possible duplicate bridge id '${id ?? '(null)'}'`,
    );
  }
  for (const [name, value] of Object.entries(variables ?? {})) bridge.vars.set(name, value);
  return ok(bridge.toJson());
}

async function addChannel(ctx: RestContext): Promise<Reply> {
  const bridge = findBridge(ctx.core, ctx.str('bridgeId'));
  if (isFailure(bridge)) return bridge;
  const list = controlList(ctx);
  if (isFailure(list)) return list;
  for (const { chan, control } of list) {
    if (ctx.core.recordings.isRecording(chan)) return fail(409, `Channel ${chan.id} currently recording`);
    const options = {
      role: ctx.str('role') ?? '',
      absorbDtmf: ctx.bool('absorbDTMF'),
      mute: ctx.bool('mute'),
      inhibitColp: ctx.bool('inhibitConnectedLineUpdates'),
    };
    await control.runSync(() => {
      if (!bridge.destroyed) joinBridge(ctx.core, chan, bridge, options);
    });
  }
  return noContent();
}

async function removeChannel(ctx: RestContext): Promise<Reply> {
  const bridge = findBridge(ctx.core, ctx.str('bridgeId'));
  if (isFailure(bridge)) return bridge;
  const list = controlList(ctx);
  if (isFailure(list)) return list;
  if (list.some(({ chan }) => chan.bridge !== bridge)) return fail(422, 'Channel not in this bridge');
  for (const { chan, control } of list) {
    await control.runSync(() => {
      if (chan.bridge === bridge) leaveBridge(ctx.core, chan, 'removed');
    });
  }
  return noContent();
}

const KNOWN_SLIN = /^(slin(12|16|24|32|44|48|96|192)?|ulaw|alaw|gsm|g722)$/;

function play(ctx: RestContext): Reply {
  const bridge = findBridge(ctx.core, ctx.str('bridgeId'));
  if (isFailure(bridge)) return bridge;
  const format = ctx.str('announcer_format');
  if (format && !KNOWN_SLIN.test(format))
    return fail(422, 'specified announcer_format is unknown on this system');
  const skipMs = ctx.int('skipms') ?? 3000;
  const offsetMs = ctx.int('offsetms') ?? 0;
  const media = ctx.list('media').filter(Boolean);
  const core = ctx.core;
  // stasis_app_control_play_uri refuses these, answered as an allocation failure.
  if (skipMs < 0 || offsetMs < 0 || media.length === 0) return failAlloc();
  const announcer = playbackAnnouncer(core, bridge);
  if (!announcer?.stasis) return fail(500, 'Failed to put playback channel into the bridge');
  const playback = new SimPlayback(
    core,
    {
      chan: announcer,
      publish: (type, body) => core.publishBridge(bridge, type, body as Record<string, unknown>),
      setAudio: (source) => {
        announcer.media.playback = source;
        core.talk.audioChanged();
      },
      beforeStart: () => {},
    },
    {
      id: ctx.str('playbackId') || core.uuid(),
      media,
      language: ctx.str('lang') || 'en',
      targetUri: `bridge:${bridge.id}`,
      offsetMs,
      skipMs: skipMs || 3000,
    },
  );
  core.playbacks.add(playback);
  const json = playback.toJson();
  announcer.stasis.queue.enqueue({ run: (done) => playback.run(done), cancel: () => playback.abort() });
  return { status: 201, json };
}

function record(ctx: RestContext): Reply {
  const bridge = findBridge(ctx.core, ctx.str('bridgeId'));
  if (isFailure(bridge)) return bridge;
  const core = ctx.core;
  const options = recordingOptions(ctx, `bridge:${bridge.id}`);
  if (isFailure(options) && options.status === 422) return options;
  const recorder = newRecorder(core, bridge);
  if (!('name' in options)) {
    retire(core, recorder);
    return options;
  }
  const recording = core.recordings.create(recorder, options, (type, body) =>
    core.publishBridge(bridge, type, body as Record<string, unknown>),
  );
  if (isFailure(recording)) {
    retire(core, recorder);
    return recording;
  }
  const json = recording.toJson();
  const queue = recorder.stasis?.queue;
  if (queue) {
    queue.onIdle = () => retire(core, recorder);
    core.defer(() => queue.enqueue({ run: (done) => recording.run(done) }));
  }
  return { status: 201, json };
}

function bridgeVar(bridge: SimBridge, name: string): string | undefined {
  return bridge.vars.get(name);
}

export const bridgeHandlers: HandlerTable = {
  'bridges.list': (ctx) => ok([...ctx.core.bridges.values()].map((b) => b.toJson())),
  'bridges.create': (ctx) => create(ctx, false),
  'bridges.createWithId': (ctx) => create(ctx, true),
  'bridges.get': (ctx) => {
    const bridge = findBridge(ctx.core, ctx.str('bridgeId'));
    return isFailure(bridge) ? bridge : ok(bridge.toJson());
  },
  'bridges.destroy': (ctx) => {
    const bridge = findBridge(ctx.core, ctx.str('bridgeId'));
    if (isFailure(bridge)) return bridge;
    destroyBridge(ctx.core, bridge, (chan) => retire(ctx.core, chan));
    return noContent();
  },
  'bridges.addChannel': addChannel,
  'bridges.removeChannel': removeChannel,
  'bridges.startMoh': (ctx) => {
    const bridge = findBridge(ctx.core, ctx.str('bridgeId'));
    if (isFailure(bridge)) return bridge;
    startBridgeMoh(ctx.core, bridge, ctx.str('mohClass') || 'default');
    return noContent();
  },
  'bridges.stopMoh': (ctx) => {
    const bridge = findBridge(ctx.core, ctx.str('bridgeId'));
    if (isFailure(bridge)) return bridge;
    return stopBridgeMoh(ctx.core, bridge) ? noContent() : fail(409, "Bridge isn't playing music");
  },
  'bridges.play': play,
  'bridges.playWithId': play,
  'bridges.record': record,
  'bridges.getBridgeVar': (ctx) => {
    const name = ctx.str('variable');
    if (!name) return fail(400, 'Variable name is required');
    const bridge = findBridge(ctx.core, ctx.str('bridgeId'));
    if (isFailure(bridge)) return bridge;
    const value = bridgeVar(bridge, name);
    return value === undefined ? fail(404, 'Provided variable was not found') : ok({ value });
  },
  'bridges.setBridgeVar': (ctx) => {
    const name = ctx.str('variable')?.trim();
    if (!name) return fail(400, 'Variable name is required');
    const bridge = findBridge(ctx.core, ctx.str('bridgeId'));
    if (isFailure(bridge)) return bridge;
    bridge.vars.set(name, ctx.str('value') ?? '');
    return noContent();
  },
  'bridges.setVideoSource': (ctx) => {
    const bridge = findBridge(ctx.core, ctx.str('bridgeId'));
    if (isFailure(bridge)) return bridge;
    const chan = ctx.core.channels.get(ctx.str('channelId') ?? '');
    if (!chan) return fail(400, 'Channel not found');
    if (!chan.stasis) return fail(422, 'Channel not in Stasis application');
    if (chan.bridge !== bridge) return fail(422, 'Channel not in this bridge');
    bridge.videoMode = 'single';
    bridge.videoSourceId = chan.id;
    return noContent();
  },
  'bridges.clearVideoSource': (ctx) => {
    const bridge = findBridge(ctx.core, ctx.str('bridgeId'));
    if (isFailure(bridge)) return bridge;
    bridge.videoMode = 'talker';
    bridge.videoSourceId = undefined;
    return noContent();
  },
};
