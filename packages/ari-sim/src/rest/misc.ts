import { fail, failAlloc } from '../model/failure.js';
import { type HandlerTable, noContent, ok, type RestContext } from './router.js';

const DEVICE_STATES = new Set([
  'UNKNOWN',
  'NOT_INUSE',
  'INUSE',
  'BUSY',
  'INVALID',
  'UNAVAILABLE',
  'RINGING',
  'RINGINUSE',
  'ONHOLD',
]);

function deviceJson(name: string, state: string) {
  return { name, state };
}

/** res_stasis_device_state: ARI controls only `Stasis:` devices; apps subscribed by name hear changes. */
function updateDevice(ctx: RestContext) {
  const name = ctx.str('deviceName') ?? '';
  if (!name.startsWith('Stasis:')) return fail(409, 'Uncontrolled device specified');
  const state = ctx.str('deviceState') ?? '';
  if (!DEVICE_STATES.has(state)) return fail(500, 'Internal Server Error');
  ctx.core.deviceStates.set(name, state);
  const apps = ctx.core.apps.list().filter((a) => a.devices.has(name) || a.subscribeAll);
  ctx.core.deliver(
    apps.map((a) => a.name),
    'DeviceStateChanged',
    { device_state: deviceJson(name, state) },
  );
  return noContent();
}

export const miscHandlers: HandlerTable = {
  'endpoints.list': () => ok([]),
  'endpoints.listByTech': (ctx) => fail(404, `No Endpoints found - invalid tech ${ctx.str('tech') ?? ''}`),
  'endpoints.get': () => fail(404, 'Endpoint not found'),
  'deviceStates.list': (ctx) =>
    ok([...ctx.core.deviceStates].map(([name, state]) => deviceJson(name, state))),
  'deviceStates.get': (ctx) => {
    const name = ctx.str('deviceName') ?? '';
    return ok(deviceJson(name, ctx.core.deviceStates.get(name) ?? 'UNKNOWN'));
  },
  'deviceStates.update': updateDevice,
  'deviceStates.delete': (ctx) => {
    const name = ctx.str('deviceName') ?? '';
    if (!name.startsWith('Stasis:')) return fail(409, 'Uncontrolled device specified');
    return ctx.core.deviceStates.delete(name) ? noContent() : fail(404, 'Device name is missing');
  },
  'mailboxes.list': (ctx) => ok([...ctx.core.mailboxes].map(([name, counts]) => ({ name, ...counts }))),
  'mailboxes.get': (ctx) => {
    const name = ctx.str('mailboxName') ?? '';
    const counts = ctx.core.mailboxes.get(name);
    return counts ? ok({ name, ...counts }) : fail(404, 'Mailbox does not exist');
  },
  'mailboxes.update': (ctx) => {
    const name = ctx.str('mailboxName') ?? '';
    ctx.core.mailboxes.set(name, {
      old_messages: ctx.int('oldMessages') ?? 0,
      new_messages: ctx.int('newMessages') ?? 0,
    });
    return noContent();
  },
  'mailboxes.delete': (ctx) =>
    ctx.core.mailboxes.delete(ctx.str('mailboxName') ?? '')
      ? noContent()
      : fail(404, 'Mailbox does not exist'),
  /** No chan_rtp, chan_audiosocket or chan_websocket here: the channel cannot be allocated. */
  'channels.externalMedia': (ctx) => {
    if (!ctx.str('app')) return fail(400, 'app cannot be empty');
    if (!ctx.str('external_host') && ctx.str('transport') !== 'websocket')
      return fail(400, 'external_host cannot be empty');
    if (!ctx.str('format')) return fail(400, 'format cannot be empty');
    return failAlloc();
  },
  'events.claimChannel': (ctx) => {
    const chan = ctx.core.channels.get(ctx.str('channelId') ?? '');
    return fail(404, chan ? 'Channel not in broadcast state' : 'Channel not found');
  },
};
