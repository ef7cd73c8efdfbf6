import { type CallerIdent, parseCallerId, type SimChannel } from './channel.js';
import type { Core } from './core.js';
import { startDial } from './dial.js';
import { type Failure, fail, failAlloc, isFailure } from './failure.js';
import { discard, requestHangup } from './hangup.js';
import { createLocalPair, type LocalTarget, parseLocalResource } from './local.js';
import { Pbx } from './pbx.js';
import { enterStasis } from './stasis.js';
import { setVar } from './vars.js';

/** `AST_MAX_PUBLIC_UNIQUEID`. */
const MAX_ID = 149;
const KNOWN_FORMATS = new Set(
  'ulaw alaw gsm g722 g729 g723 g726 g726aal2 adpcm ilbc lpc10 speex speex16 speex32 opus siren7 siren14 g719 codec2 testlaw slin slin12 slin16 slin24 slin32 slin44 slin48 slin96 slin192 h261 h263 h263p h264 h265 vp8 vp9 mpeg4 t140 t140red jpeg png'.split(
    ' ',
  ),
);

export interface OriginateParams {
  endpoint?: string | undefined;
  extension?: string | undefined;
  context?: string | undefined;
  priority?: number | undefined;
  label?: string | undefined;
  app?: string | undefined;
  appArgs?: string | undefined;
  callerId?: string | undefined;
  timeout?: number | undefined;
  channelId?: string | undefined;
  otherChannelId?: string | undefined;
  originator?: string | undefined;
  formats?: string | undefined;
  variables?: Record<string, string> | undefined;
}

function checkFormats(formats: string | undefined): Failure | undefined {
  for (const name of (formats ?? '').split(',').map((f) => f.trim())) {
    if (name && !KNOWN_FORMATS.has(name)) return fail(400, `Provided format (${name}) was not found`);
  }
  return undefined;
}

/** `tech/resource`: only Local exists here (no PJSIP in the sim), anything else fails to allocate. */
function localTarget(endpoint: string): LocalTarget | Failure {
  const slash = endpoint.indexOf('/');
  const tech = slash < 0 ? endpoint : endpoint.slice(0, slash);
  const resource = slash < 0 ? '' : endpoint.slice(slash + 1);
  if (!tech || !resource) return fail(400, 'Invalid endpoint specified');
  if (tech.toLowerCase() !== 'local') return failAlloc();
  return parseLocalResource(resource);
}

/** A non-PBX channel sent on with `/continue` gets a PBX of its own at the new location. */
function continueInDialplan(core: Core, chan: SimChannel): void {
  const at = chan.continueAt;
  chan.continueAt = undefined;
  if (!at || chan.hangingUp) return;
  chan.pbx = new Pbx(core, chan);
  chan.pbx.start(at.context, at.exten, at.priority);
}

/** `POST /channels`: the ;1 half is returned at once (Down, AppDial2); the dial runs "on a thread". */
export function originate(core: Core, p: OriginateParams): SimChannel | Failure {
  if ((p.channelId?.length ?? 0) > MAX_ID || (p.otherChannelId?.length ?? 0) > MAX_ID) {
    return fail(400, `Uniqueid length exceeds maximum of ${MAX_ID}`);
  }
  if (!p.endpoint) return fail(400, 'Endpoint must be specified');
  if (p.originator && p.formats) return fail(400, "Originator and formats can't both be specified");
  const slash = p.endpoint.indexOf('/');
  if (slash <= 0 || slash === p.endpoint.length - 1) return fail(400, 'Invalid endpoint specified');
  let pbxStart: { context: string; exten: string; priority: number } | undefined;
  if (!p.app) {
    if (!p.extension) return fail(400, 'Application or extension must be specified');
    const context = p.context || 'default';
    let priority = p.priority || 1;
    if (p.label) {
      const numeric = Number.parseInt(p.label, 10);
      const found = Number.isNaN(numeric) ? core.dialplan.findLabel(context, p.extension, p.label) : numeric;
      if (found === undefined) return fail(404, 'Requested label can not be found');
      if (found === 0) return fail(400, 'Requested priority is illegal');
      priority = found;
    }
    pbxStart = { context, exten: p.extension, priority };
  }
  if (p.originator && !core.channels.has(p.originator))
    return fail(400, 'Provided originator channel was not found');
  const badFormat = checkFormats(p.formats);
  if (badFormat) return badFormat;
  const target = localTarget(p.endpoint);
  if (isFailure(target)) return target;
  const pair = createLocalPair(core, target, { id1: p.channelId, id2: p.otherChannelId });
  if (pair === 'duplicate') return fail(409, 'Channel with given unique ID already exists');
  const [one, two] = pair;
  one.dialplan.appName = 'AppDial2';
  one.dialplan.appData = '(Outgoing Line)';
  const id: CallerIdent = p.callerId ? parseCallerId(p.callerId) : { name: '', number: '' };
  one.caller = { ...id };
  one.connected = { ...id };
  one.publishedCaller = { ...id };
  for (const [name, value] of Object.entries(p.variables ?? {})) setVar(core, one, name, value);
  const app = p.app;
  if (app) {
    core.apps.subscribeChannel(app, one.id);
    core.apps.subscribeChannel(app, two.id);
  }
  const timeout = p.timeout ?? 30;
  const timeoutMs = timeout > 0 ? timeout * 1000 : timeout === -1 ? 0 : 30_000;
  const args = p.appArgs ? p.appArgs.split(',') : [];
  core.defer(() =>
    startDial(core, one, {
      mode: 'originate',
      dialstring: target.resource,
      timeoutMs,
      onAnswer: () => {
        if (pbxStart) {
          one.pbx = new Pbx(core, one);
          one.pbx.start(pbxStart.context, pbxStart.exten, pbxStart.priority);
        } else if (
          app &&
          !enterStasis(core, one, app, args, { onExit: () => continueInDialplan(core, one) })
        ) {
          requestHangup(core, one, 16, 'silent');
        }
      },
    }),
  );
  return one;
}

/**
 * `POST /channels/create`: the ;1 half enters the app at once (ChannelDialplan, STASISSTATUS,
 * StasisStart in state Down); only that half is subscribed. Without an app it is gone at once.
 */
export function createChannel(core: Core, p: OriginateParams): SimChannel | Failure {
  if (p.originator && p.formats) return fail(400, "Originator and formats can't both be specified");
  if (!p.endpoint) return fail(400, 'Endpoint must be specified');
  const target = localTarget(p.endpoint);
  if (isFailure(target) && target.status === 400) return target;
  const originator = p.originator ? core.channels.get(p.originator) : undefined;
  if (originator && p.app) core.apps.subscribeChannel(p.app, originator.id);
  if (!originator) {
    const badFormat = checkFormats(p.formats);
    if (badFormat) return badFormat;
  }
  if (isFailure(target)) return target;
  const pair = createLocalPair(core, target, { id1: p.channelId, id2: p.otherChannelId });
  if (pair === 'duplicate') return fail(409, 'Channel with given unique ID already exists');
  const [one, two] = pair;
  const app = p.app;
  if (app) core.apps.subscribeChannel(app, one.id);
  for (const [name, value] of Object.entries(p.variables ?? {})) setVar(core, one, name, value);
  one.dialString = target.resource;
  core.defer(() => {
    const args = p.appArgs ? p.appArgs.split(',') : [];
    if (!app) {
      discard(core, one);
      discard(core, two);
    } else if (
      !enterStasis(core, one, app, args, { dialplanEvent: true, onExit: () => continueInDialplan(core, one) })
    ) {
      requestHangup(core, one, 16, 'silent');
    }
  });
  return one;
}

export interface AriDialParams {
  caller?: string | undefined;
  timeout?: number | undefined;
}

/** `POST /channels/{id}/dial` on a created channel (the control checks were done by REST). */
export function ariDial(core: Core, chan: SimChannel, p: AriDialParams): Failure | undefined {
  if (chan.state !== 'Down' && chan.state !== 'Rsrved')
    return fail(409, "Channel is not in the 'Down' state");
  const dialstring = chan.dialString;
  if (!dialstring) return fail(409, 'Dialing a channel not created by ARI');
  const caller = p.caller ? core.channels.get(p.caller) : undefined;
  if (caller) {
    for (const [name, value] of caller.vars) if (name.startsWith('_')) chan.vars.set(name, value);
    chan.language = caller.language;
    if (chan.connected.name !== caller.caller.name || chan.connected.number !== caller.caller.number) {
      chan.connected = { ...caller.caller };
      core.publishChannel(chan, 'ChannelConnectedLine');
    }
  }
  chan.dialString = undefined;
  chan.dialed = true;
  const timeout = p.timeout ?? 0;
  chan.stasis?.runAsync(() =>
    startDial(core, chan, {
      mode: 'ari',
      dialstring,
      timeoutMs: timeout > 0 ? timeout * 1000 : 0,
      onAnswer: () => {},
    }),
  );
  return undefined;
}
