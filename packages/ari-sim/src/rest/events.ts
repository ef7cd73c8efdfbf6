import { fail } from '../model/failure.js';
import { type HandlerTable, noContent, type Reply, type RestContext } from './router.js';

/** `POST /events/user/{eventName}`: a ChannelUserevent for one app, with the sources' snapshots. */
function userEvent(ctx: RestContext): Reply {
  const core = ctx.core;
  const appName = ctx.str('application') ?? '';
  if (!core.apps.get(appName)) return fail(404, 'Application not found');
  const body: Record<string, unknown> = { eventname: ctx.str('eventName') ?? '' };
  for (const uri of ctx.list('source').filter(Boolean)) {
    const colon = uri.indexOf(':');
    const kind = uri.slice(0, colon);
    const id = uri.slice(colon + 1);
    if (kind === 'channel') {
      const chan = core.channels.get(id);
      if (!chan) return fail(422, 'Event source not found');
      body.channel = core.snapshot(chan);
    } else if (kind === 'bridge') {
      const bridge = core.bridges.get(id);
      if (!bridge) return fail(422, 'Event source not found');
      body.bridge = bridge.toJson();
    } else if (kind === 'endpoint' || kind === 'deviceState') {
      return fail(422, 'Event source not found');
    } else return fail(400, 'Invalid event source URI scheme');
  }
  const vars = ctx.body?.variables;
  body.userevent = typeof vars === 'object' && vars !== null ? vars : {};
  core.deliver([appName], 'ChannelUserevent', body);
  return noContent();
}

export const eventHandlers: HandlerTable = {
  /** The events socket answers only websocket upgrades (res_http_websocket). */
  'events.eventWebsocket': () => fail(426, 'Upgrade required'),
  'events.userEvent': userEvent,
};
