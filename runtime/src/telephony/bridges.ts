import { type AriClient, ignoreGone } from '@parley/ari';

/**
 * A mixing bridge named for the app whose client made it. Asterisk keeps a bridge made over ARI
 * until someone destroys it, whoever's socket goes away, and ties it to no app: the name is the one
 * mark of whose it was, so that a worker adopting a dead one's app can clear what it left.
 */
export async function createAppBridge(ari: AriClient, kind: string): Promise<string> {
  const bridgeId = ari.newId(kind);
  const [app] = ari.apps;
  await ari.bridges.createWithId({ bridgeId, type: 'mixing', ...(app ? { name: app } : {}) });
  return bridgeId;
}

/**
 * Destroys the bridges made by `app`'s clients, as the worker that served it left them: their
 * conversations died with that worker, and nothing else would ever destroy them. Channels still in
 * one stay up, in Stasis, for whoever serves their app now. Answers how many there were.
 */
export async function clearAppBridges(ari: AriClient, app: string): Promise<number> {
  const left = (await ari.bridges.list()).filter((bridge) => bridge.name === app);
  await Promise.all(left.map((bridge) => ignoreGone(ari.bridges.destroy({ bridgeId: bridge.id }))));
  return left.length;
}
