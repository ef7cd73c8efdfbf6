/**
 * The sim's own control routes, for tests that drive ari-sim over HTTP from another process (the
 * end-to-end suite's global setup owns the server). They live under `/ari-sim/`, outside `/ari`, so
 * nothing mistakes them for ARI, and need the credentials of an ARI user that may write.
 *
 * - `GET /ari-sim/faults`: the armed rules, with how many requests each still takes;
 * - `POST /ari-sim/faults` `{operation, user?, times?, status?, message?, hang?, loseAnswer?}`: arms one;
 * - `DELETE /ari-sim/faults`: disarms all;
 * - `POST /ari-sim/events/drop` `{apps?}`: drops events sockets, answers `{dropped}`;
 * - `POST /ari-sim/restart` `{downMs?}`: restarts Asterisk, answers once it is back up.
 */
import type { FaultRule, Faults, RestFault } from './faults.js';

export const ADMIN_PREFIX = '/ari-sim';

export interface AdminTarget {
  faults: Faults;
  dropEventSockets(apps?: readonly string[]): number;
  restart(options?: { downMs?: number }): Promise<void>;
}

export interface AdminReply {
  status: number;
  json?: unknown;
}

const bad = (message: string): AdminReply => ({ status: 400, json: { message } });

export async function handleAdmin(
  target: AdminTarget,
  method: string,
  path: string,
  body: Record<string, unknown> | undefined,
): Promise<AdminReply> {
  const route = `${method} ${path.slice(ADMIN_PREFIX.length)}`;
  switch (route) {
    case 'GET /faults':
      return { status: 200, json: target.faults.pending() };
    case 'POST /faults': {
      const rule = faultRule(body ?? {});
      if (typeof rule === 'string') return bad(rule);
      target.faults.add(rule);
      return { status: 204 };
    }
    case 'DELETE /faults':
      target.faults.clear();
      return { status: 204 };
    case 'POST /events/drop': {
      const apps = body?.apps;
      if (apps !== undefined && !(Array.isArray(apps) && apps.every((a) => typeof a === 'string')))
        return bad('apps must be a list of app names');
      return { status: 200, json: { dropped: target.dropEventSockets(apps) } };
    }
    case 'POST /restart': {
      const downMs = body?.downMs ?? 0;
      if (typeof downMs !== 'number' || !(downMs >= 0)) return bad('downMs must be a number of milliseconds');
      await target.restart({ downMs });
      return { status: 204 };
    }
    default:
      return { status: 404, json: { message: 'Resource not found' } };
  }
}

function faultRule(body: Record<string, unknown>): FaultRule | string {
  const { operation, user, times, status, message, hang, loseAnswer } = body;
  if (typeof operation !== 'string' || operation === '') return 'operation is required';
  if (user !== undefined && typeof user !== 'string') return 'user must be a user name';
  if (times !== undefined && !(typeof times === 'number' && Number.isInteger(times) && times > 0))
    return 'times must be a whole number above 0';
  let fault: RestFault;
  if (typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599)
    fault = typeof message === 'string' ? { status, message } : { status };
  else if (hang === true) fault = { hang: true };
  else if (loseAnswer === true) fault = { loseAnswer: true };
  else return 'one of status (400-599), hang or loseAnswer is required';
  return {
    operation,
    fault,
    ...(user !== undefined ? { user } : {}),
    ...(times !== undefined ? { times } : {}),
  };
}
