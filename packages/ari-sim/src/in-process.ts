import { AriError, type AriRequest, type AriResponse, type AriTransport } from '@parley/ari';
import { AUTH_REQUIRED, authenticate } from './auth.js';
import { attachEventSink, InProcessStream, upgradeRefused } from './event-streams.js';
import { ConnectionDropped, type Faults } from './faults.js';
import type { Core } from './model/core.js';
import type { Router } from './rest/router.js';

export interface Credentials {
  username: string;
  password: string;
}

/**
 * The AriTransport contract without sockets: requests go through the same router and events are
 * the same JSON text as over HTTP + WebSocket, so a client under test cannot tell the difference.
 */
export function inProcessTransport(
  core: Core,
  router: Router,
  credentials: Credentials,
  faults: Faults,
  onStream: (stream: InProcessStream, apps: readonly string[]) => void = () => {},
): AriTransport {
  const basic = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const user = () => authenticate(core.config.users, basic, undefined);
  return {
    async request(req: AriRequest): Promise<AriResponse> {
      const operation = `${req.method} ${req.path}`;
      if (faults.down) throw refused(operation);
      const who = user();
      if (!who) return { status: 401, body: JSON.stringify(AUTH_REQUIRED), contentType: 'application/json' };
      // A copy, as the body would be serialised over HTTP: handlers never see the caller's object.
      const body =
        req.body === undefined
          ? undefined
          : (JSON.parse(JSON.stringify(req.body)) as Record<string, unknown>);
      try {
        return await router.handle({
          method: req.method,
          path: req.path,
          query: { ...req.query },
          body,
          user: who,
        });
      } catch (error) {
        if (error instanceof ConnectionDropped) throw lost(operation, error);
        throw error;
      }
    },
    async openEvents(options) {
      if (faults.down) throw refused('events.eventWebsocket');
      if (!user()) throw upgradeRefused(401, AUTH_REQUIRED.message);
      const apps = options.apps.filter(Boolean);
      if (apps.length === 0) throw upgradeRefused(400, 'Missing param app');
      const stream = new InProcessStream();
      stream.detach = attachEventSink(core, apps, options.subscribeAll ?? false, stream);
      onStream(stream, apps);
      return stream;
    },
  };
}

/** What an HTTP client sees while Asterisk is down: nobody listening. */
function refused(operation: string): AriError {
  return new AriError({ code: 'NETWORK', status: 0, message: 'connect ECONNREFUSED', operation });
}

function lost(operation: string, cause: Error): AriError {
  return new AriError({ code: 'NETWORK', status: 0, message: 'socket hang up', operation, cause });
}
