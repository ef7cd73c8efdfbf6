/**
 * Where the end-to-end suite finds telephony: a real Asterisk when `PARLEY_TEST_ARI_URL` is set,
 * else an ari-sim server started for the run. The tests read only this, so they run unchanged
 * against either.
 */
export interface TelephonyTarget {
  kind: 'asterisk' | 'ari-sim';
  /** Base URL ending in `/ari`. */
  url: string;
  username: string;
  password: string;
}

export function asteriskFromEnv(env: NodeJS.ProcessEnv = process.env): TelephonyTarget | undefined {
  const url = env.PARLEY_TEST_ARI_URL;
  if (!url) return undefined;
  const username = env.PARLEY_TEST_ARI_USER;
  const password = env.PARLEY_TEST_ARI_PASSWORD;
  if (!username || !password) {
    throw new Error(
      'PARLEY_TEST_ARI_URL is set: PARLEY_TEST_ARI_USER and PARLEY_TEST_ARI_PASSWORD are needed too',
    );
  }
  return { kind: 'asterisk', url: url.replace(/\/$/, ''), username, password };
}

/** Dialplan the suite expects (docs/asterisk/etc/extensions.conf). */
export const TEST_DIALPLAN = {
  inboundContext: 'from-test',
  agentContext: 'test-agents',
  pstnContext: 'test-pstn',
  /** App the dialplan sends inbound calls to: the runtime's. */
  runtimeApp: 'parley',
  /** App the agent and PSTN contexts send calls to: the harness's. */
  harnessApp: 'harness',
} as const;

/** Contexts and apps of a dialplan like the suite's (a cluster's has a context per worker's app). */
export type TestDialplan = { [K in keyof typeof TEST_DIALPLAN]: string };
