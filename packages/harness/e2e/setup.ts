import { createAriSim } from '@parley/ari-sim';
import type { TestProject } from 'vitest/node';
import { asteriskFromEnv, type TelephonyTarget } from '../src/config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    telephony: TelephonyTarget;
  }
}

/**
 * Points the suite at a real Asterisk when PARLEY_TEST_ARI_URL is set, else starts ari-sim as a
 * real HTTP + WebSocket server on a free port with the same users and dialplan.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const asterisk = asteriskFromEnv();
  if (process.env.PARLEY_E2E_REQUIRE_ASTERISK && !asterisk) {
    throw new Error(
      'pnpm test:asterisk needs PARLEY_TEST_ARI_URL, PARLEY_TEST_ARI_USER and PARLEY_TEST_ARI_PASSWORD',
    );
  }
  if (asterisk) {
    project.provide('telephony', asterisk);
    return undefined;
  }
  const sim = createAriSim();
  const server = await sim.listen({ port: 0, host: '127.0.0.1' });
  project.provide('telephony', { kind: 'ari-sim', url: server.url, username: 'parley', password: 'parley' });
  return async () => {
    await server.close();
    await sim.close();
  };
}
