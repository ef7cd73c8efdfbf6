import { fail } from '../model/failure.js';
import { type HandlerTable, noContent, type Reply, type RestContext } from './router.js';

/**
 * `POST /events/user/{eventName}`: a ChannelUserevent for one app, with the sources' snapshots, as
 * res_ari_events and `stasis_app_user_event` raise it. The app is checked before the sources; the
 * sources are `channel:`, `bridge:` and `endpoint:` (any other scheme is a 400 even though the
 * swagger mentions `deviceState:`). `userevent` is the body's `variables` with `eventname` added:
 * Asterisk sets the name into the variables blob and sends that blob, so the name appears twice.
 */
function userEvent(ctx: RestContext): Reply {
  const core = ctx.core;
  const appName = ctx.str('application') ?? '';
  if (!appName) return fail(400, 'Missing parameter application');
  if (!core.apps.get(appName)) return fail(404, 'Application not found');
  const eventname = ctx.str('eventName') ?? '';
  const vars = ctx.body?.variables;
  // ast_json_object_set on a blob that is not an object fails: an internal error, not a 400.
  if (vars !== undefined && (typeof vars !== 'object' || vars === null || Array.isArray(vars)))
    return fail(500, 'Error processing request');
  const body: Record<string, unknown> = { eventname };
  for (const uri of ctx.list('source').filter(Boolean)) {
    const colon = uri.indexOf(':');
    const kind = colon < 0 ? '' : uri.slice(0, colon);
    const id = uri.slice(colon + 1);
    if (kind === 'channel') {
      const chan = core.channels.get(id);
      if (!chan) return fail(422, 'Event source was not found');
      body.channel = core.snapshot(chan);
    } else if (kind === 'bridge') {
      const bridge = core.bridges.get(id);
      if (!bridge) return fail(422, 'Event source was not found');
      body.bridge = bridge.toJson();
    } else if (kind === 'endpoint') {
      // ari-sim models no endpoints (GET /endpoints is empty), so none can be a source.
      return fail(422, 'Event source was not found');
    } else return fail(400, 'Invalid event source URI scheme');
  }
  body.userevent = { ...(vars as Record<string, unknown> | undefined), eventname };
  core.deliver([appName], 'ChannelUserevent', body);
  return noContent();
}

export const eventHandlers: HandlerTable = {
  /** The events socket answers only websocket upgrades (res_http_websocket). */
  'events.eventWebsocket': () => fail(426, 'Upgrade required'),
  'events.userEvent': userEvent,
};
