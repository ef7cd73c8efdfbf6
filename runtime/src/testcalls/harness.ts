import { type Clock, createAriClient, httpTransport } from '@parley/ari';
import { Harness, type HarnessOptions, TEST_DIALPLAN } from '@parley/harness';
import type { Telephony } from '../host/telephony.js';

export interface HarnessLink {
  /** The harness, connected on first use and kept. */
  get(): Promise<Harness>;
  close(): void;
}

/**
 * The harness app test calls are placed through: ari-sim's `harness` user, or on Asterisk the ARI
 * user given for it (the `from-test` dialplan must route to the runtime's app). Undefined when the
 * telephony has no harness user, which makes test calls answer TESTCALL_UNAVAILABLE.
 */
export function harnessLink(telephony: Telephony, clock: Clock): HarnessLink | undefined {
  const creds = telephony.harness;
  if (!creds) return undefined;
  let connecting: Promise<Harness> | undefined;
  let close = () => {};
  return {
    get() {
      connecting ??= (async () => {
        const ari = createAriClient({
          transport: httpTransport({ url: telephony.url, ...creds }, { requestTimeoutMs: 10_000 }),
          app: TEST_DIALPLAN.harnessApp,
          clock,
        });
        await ari.connect();
        // The harness types its dialplan by the test suite's literal names; Asterisk's app may differ.
        const dialplan = { runtimeApp: telephony.app } as NonNullable<HarnessOptions['dialplan']>;
        const harness = new Harness({ ari, clock, dialplan });
        close = () => {
          harness.close();
          ari.close();
        };
        return harness;
      })().catch((e: unknown) => {
        connecting = undefined;
        throw e;
      });
      return connecting;
    },
    close: () => close(),
  };
}
