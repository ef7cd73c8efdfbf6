import { ManualClock } from '@parley/ari';
import { createAriSim } from '@parley/ari-sim';
import { afterAll, describe, expect, it } from 'vitest';
import {
  allTraces,
  hasTraces,
  recordedEvents,
  replayTrace,
  responseKey,
  type Trace,
} from '../src/traces/index.js';

if (!hasTraces())
  console.warn('[traces] asterisk-traces not found beside the clone: conformance replay skipped');
const traces = hasTraces() ? allTraces() : [];
const sims: { close(): Promise<void> | void }[] = [];
afterAll(async () => {
  for (const sim of sims) await sim.close();
});

async function replayOnSim(trace: Trace) {
  const clock = new ManualClock(Date.UTC(2026, 10, 21, 3, 20, 47));
  const start = clock.now();
  const sim = createAriSim({ clock });
  sims.push(sim);
  return replayTrace(trace, {
    transport: (username, password) => sim.transport({ username, password }),
    advanceTo: (ms) => clock.advanceTo(start + ms),
  });
}

/** Event types the recorder dropped from a trace (its header says how many) are not compared. */
function withoutDropped(trace: Trace, events: Record<string, unknown>[]) {
  const dropped = new Set(Object.keys(trace.header.dropped ?? {}));
  return events.filter((e) => !dropped.has(String(e.type)));
}

describe.runIf(traces.length > 0)('ari-sim replays the traces recorded from Asterisk 22.10.1', () => {
  for (const trace of traces) {
    describe(trace.name, () => {
      let result: Awaited<ReturnType<typeof replayOnSim>> | undefined;
      const replay = async () => {
        result ??= await replayOnSim(trace);
        return result;
      };

      it('answers every request with the status and body Asterisk gave', async () => {
        const { requests } = await replay();
        const got = requests.map((r) => ({
          request: `${r.line.method} ${r.line.path}`,
          status: r.status,
          body: responseKey(r.response),
        }));
        const want = requests.map((r) => ({
          request: `${r.line.method} ${r.line.path}`,
          status: r.line.status,
          body: responseKey(r.line.response),
        }));
        expect(got).toEqual(want);
      });

      it('delivers the same events to each app, in the same order, with the same key fields', async () => {
        const { events } = await replay();
        const want = recordedEvents(trace);
        for (const socket of new Set([...want.keys(), ...events.keys()])) {
          expect(withoutDropped(trace, events.get(socket) ?? []), socket).toEqual(
            withoutDropped(trace, want.get(socket) ?? []),
          );
        }
      });
    });
  }
});
