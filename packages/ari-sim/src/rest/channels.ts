import { HANGUP_REASONS } from '../model/causes.js';
import { fail, isFailure } from '../model/failure.js';
import { requestHangup } from '../model/hangup.js';
import { ariDial, createChannel, type OriginateParams, originate } from '../model/originate.js';
import { createSnoop, type SnoopDirection } from '../model/snoop.js';
import { leaveStasis, moveStasis } from '../model/stasis.js';
import { answerChannel, indicate } from '../model/state.js';
import { readVar, writeVar } from '../model/vars.js';
import { bodyVariables, findControl, findPlayableControl } from './lookup.js';
import { type HandlerTable, noContent, ok, type RestContext } from './router.js';

/** The parameters originate and create share; originate adds the dialplan and dial ones. */
function originateParams(ctx: RestContext, forCreate = false): OriginateParams | ReturnType<typeof fail> {
  const variables = bodyVariables(ctx.body);
  if (isFailure(variables)) return variables;
  const shared = {
    endpoint: ctx.str('endpoint'),
    app: ctx.str('app'),
    appArgs: ctx.str('appArgs'),
    channelId: ctx.str('channelId'),
    otherChannelId: ctx.str('otherChannelId'),
    originator: ctx.str('originator'),
    formats: ctx.str('formats'),
    variables,
  };
  if (forCreate) return shared;
  return {
    ...shared,
    extension: ctx.str('extension'),
    context: ctx.str('context'),
    priority: ctx.int('priority'),
    label: ctx.str('label'),
    callerId: ctx.str('callerId'),
    timeout: ctx.int('timeout'),
  };
}

function doOriginate(ctx: RestContext) {
  const params = originateParams(ctx);
  if (isFailure(params)) return params;
  const chan = originate(ctx.core, params);
  return isFailure(chan) ? chan : ok(ctx.core.snapshot(chan));
}

const DIRECTIONS = new Set(['none', 'both', 'out', 'in']);

function snoop(ctx: RestContext) {
  const spy = ctx.str('spy') || 'none';
  const whisper = ctx.str('whisper') || 'none';
  if (!DIRECTIONS.has(spy)) return fail(400, 'Invalid direction specified for spy');
  if (!DIRECTIONS.has(whisper)) return fail(400, 'Invalid direction specified for whisper');
  if (spy === 'none' && whisper === 'none')
    return fail(400, 'Direction must be specified for at least spy or whisper');
  const app = ctx.str('app');
  if (!app) return fail(400, 'Application name is required');
  const target = ctx.core.channels.get(ctx.str('channelId') ?? '');
  if (!target) return fail(404, 'Provided channel was not found');
  const chan = createSnoop(ctx.core, target, {
    spy: spy as SnoopDirection,
    whisper: whisper as SnoopDirection,
    app,
    appArgs: ctx.str('appArgs'),
    snoopId: ctx.str('snoopId'),
  });
  return ok(ctx.core.snapshot(chan));
}

function continueInDialplan(ctx: RestContext) {
  const found = findPlayableControl(ctx.core, ctx.str('channelId'));
  if (isFailure(found)) return found;
  const { chan, control } = found;
  const here = chan.dialplan;
  const context = ctx.str('context') || here.context;
  const exten = ctx.str('extension') || (ctx.str('context') ? 's' : here.exten);
  let priority: number;
  const label = ctx.str('label');
  if (label) {
    const numeric = Number.parseInt(label, 10);
    const found = Number.isNaN(numeric) ? ctx.core.dialplan.findLabel(context, exten, label) : numeric;
    if (found === undefined) return fail(404, 'Requested label can not be found');
    if (found === 0) return fail(400, 'Requested priority is illegal');
    priority = found;
  } else
    priority = ctx.int('priority') || (!ctx.str('context') && !ctx.str('extension') ? here.priority + 1 : 1);
  control.runAsync(() => {
    chan.continueAt = { context, exten, priority };
    leaveStasis(ctx.core, chan, 'continue');
  });
  return noContent();
}

function redirect(ctx: RestContext) {
  const found = findPlayableControl(ctx.core, ctx.str('channelId'));
  if (isFailure(found)) return found;
  const endpoint = ctx.str('endpoint');
  if (!endpoint) return fail(400, "Required parameter 'endpoint' not provided.");
  const slash = endpoint.indexOf('/');
  if (slash <= 0) return fail(422, `Endpoint parameter '${endpoint}' does not contain tech/resource`);
  if (slash === endpoint.length - 1)
    return fail(422, `No resource provided in endpoint parameter '${endpoint}'`);
  const tech = endpoint.slice(0, slash);
  if (tech.toLowerCase() !== found.chan.tech.toLowerCase()) {
    return fail(422, `Endpoint technology '${tech}' does not match channel technology '${found.chan.tech}'`);
  }
  // Local channels cannot be transferred (no transfer callback in core_local).
  return fail(500, 'Failed to redirect channel');
}

export const channelHandlers: HandlerTable = {
  'channels.list': (ctx) => ok([...ctx.core.channels.values()].map((c) => ctx.core.snapshot(c))),
  'channels.get': (ctx) => {
    const chan = ctx.core.channels.get(ctx.str('channelId') ?? '');
    return chan ? ok(ctx.core.snapshot(chan)) : fail(404, 'Channel not found');
  },
  'channels.originate': doOriginate,
  'channels.originateWithId': doOriginate,
  'channels.create': (ctx) => {
    const params = originateParams(ctx, true);
    if (isFailure(params)) return params;
    const chan = createChannel(ctx.core, params);
    return isFailure(chan) ? chan : ok(ctx.core.snapshot(chan));
  },
  'channels.hangup': (ctx) => {
    const chan = ctx.core.channels.get(ctx.str('channelId') ?? '');
    if (!chan) return fail(404, 'Channel not found');
    const reason = ctx.str('reason');
    const code = ctx.str('reason_code');
    if (reason && code) return fail(400, "The reason and reason_code can't both be specified");
    let cause = 16;
    if (code) {
      cause = Number.parseInt(code, 10);
      if (Number.isNaN(cause)) return fail(400, 'Invalid reason for hangup reason code provided');
    } else if (reason) {
      const mapped = HANGUP_REASONS[reason];
      if (mapped === undefined) return fail(400, 'Invalid reason for hangup reason provided');
      cause = mapped;
    }
    requestHangup(ctx.core, chan, cause, 'explicit');
    return noContent();
  },
  'channels.continueInDialplan': continueInDialplan,
  'channels.move': (ctx) => {
    const found = findControl(ctx.core, ctx.str('channelId'));
    if (isFailure(found)) return found;
    const app = ctx.str('app');
    if (!app) return fail(500, 'Failed to switch Stasis applications');
    const args = ctx.str('appArgs');
    found.control.runAsync(() => moveStasis(ctx.core, found.chan, app, args ? args.split(',') : []));
    return noContent();
  },
  'channels.redirect': redirect,
  'channels.answer': async (ctx) => {
    const found = findPlayableControl(ctx.core, ctx.str('channelId'));
    if (isFailure(found)) return found;
    const done = await found.control.runSync(() => answerChannel(ctx.core, found.chan));
    return done === undefined && !found.chan.alive ? fail(500, 'Failed to answer channel') : noContent();
  },
  'channels.ring': (ctx) => indication(ctx, 'ringing'),
  'channels.ringStop': (ctx) => indication(ctx, undefined),
  'channels.progress': (ctx) => indication(ctx, 'progress'),
  'channels.getChannelVar': (ctx) => {
    const variable = ctx.str('variable');
    if (!variable) return fail(400, 'Variable name is required');
    const chan = ctx.core.channels.get(ctx.str('channelId') ?? '');
    if (!chan) return fail(404, 'Provided channel was not found');
    const value = readVar(ctx.core, chan, variable);
    if (value === undefined) {
      return variable.endsWith(')')
        ? fail(500, 'Unable to read provided function')
        : fail(404, 'Provided variable was not found');
    }
    return ok({ value });
  },
  'channels.setChannelVar': async (ctx) => {
    const variable = ctx.str('variable');
    if (!variable) return fail(400, 'Variable name is required');
    const found = findControl(ctx.core, ctx.str('channelId'));
    if (isFailure(found)) return found;
    const result = await found.control.runSync(() =>
      writeVar(ctx.core, found.chan, variable, ctx.str('value') ?? ''),
    );
    return result === 'ok' ? noContent() : fail(400, 'Failed to execute function');
  },
  'channels.getChannelVars': (ctx) => {
    const names = ctx.list('variables').map((n) => n.trim());
    if (names.length === 0) return fail(400, 'At least one variable name is required');
    const chan = ctx.core.channels.get(ctx.str('channelId') ?? '');
    if (!chan) return fail(404, 'Provided channel was not found');
    const variables: Record<string, string> = {};
    for (const name of names) {
      if (!name) return fail(400, 'Variable names are required');
      const value = readVar(ctx.core, chan, name);
      if (value === undefined) return fail(404, 'Provided variable was not found');
      variables[name] = value;
    }
    return ok({ variables });
  },
  'channels.setChannelVars': async (ctx) => {
    const vars = ctx.body?.variables;
    if (vars === undefined) return fail(400, "The 'variables' field is required");
    if (typeof vars !== 'object' || vars === null || Array.isArray(vars))
      return fail(400, "The 'variables' field must be a JSON object");
    const found = findControl(ctx.core, ctx.str('channelId'));
    if (isFailure(found)) return found;
    for (const [name, value] of Object.entries(vars)) {
      const text = typeof value === 'string' ? value : (value as { value?: unknown })?.value;
      if (typeof text !== 'string') return fail(400, "Only string values in the 'variables' object allowed");
      const result = await found.control.runSync(() => writeVar(ctx.core, found.chan, name.trim(), text));
      if (result !== 'ok') return fail(400, 'Failed to execute function');
    }
    return noContent();
  },
  'channels.snoopChannel': snoop,
  'channels.snoopChannelWithId': snoop,
  'channels.dial': (ctx) => {
    const found = findControl(ctx.core, ctx.str('channelId'));
    if (isFailure(found)) return found;
    return (
      ariDial(ctx.core, found.chan, { caller: ctx.str('caller'), timeout: ctx.int('timeout') }) ?? noContent()
    );
  },
  'channels.rtpstatistics': (ctx) => {
    const chan = ctx.core.channels.get(ctx.str('channelId') ?? '');
    return chan ? fail(403, 'Unsupported channel type') : fail(404, 'Channel not found');
  },
};

function indication(ctx: RestContext, what: 'ringing' | 'progress' | undefined) {
  const found = findPlayableControl(ctx.core, ctx.str('channelId'));
  if (isFailure(found)) return found;
  if (what) found.control.runAsync(() => indicate(ctx.core, found.chan, what));
  return noContent();
}
