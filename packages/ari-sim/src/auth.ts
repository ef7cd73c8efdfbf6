import type { AriUser } from './config.js';

/**
 * res_ari.c `authenticate_user`: an HTTP Basic header first, else `api_key=<user>:<password>`;
 * the same for REST and for the events websocket.
 */
export function authenticate(
  users: readonly AriUser[],
  authorization: string | undefined,
  apiKey: string | undefined,
): AriUser | undefined {
  let pair: string | undefined;
  if (authorization?.toLowerCase().startsWith('basic ')) {
    pair = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
  } else if (apiKey !== undefined) {
    pair = apiKey;
  }
  if (pair === undefined) return undefined;
  const colon = pair.indexOf(':');
  const username = colon < 0 ? pair : pair.slice(0, colon);
  const password = colon < 0 ? '' : pair.slice(colon + 1);
  return users.find((u) => u.username === username && u.password === password);
}

export const AUTH_REQUIRED = { message: 'Authentication required' };
