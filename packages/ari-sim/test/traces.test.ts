import { afterAll, describe, expect, it } from 'vitest';
import type { AriSimOptions } from '../src/index.js';
import { compareEvents, type OrderException, responseKey, type Seen } from './support/compare.js';
import {
  hasTraces,
  type Json,
  loadTraces,
  type Replay,
  replay,
  socketKey,
  type Trace,
} from './support/traces.js';

if (!hasTraces()) console.warn('[ari-sim] asterisk-traces not found (ASTERISK_TRACES): trace replay skipped');
const traces = hasTraces() ? loadTraces() : [];

/** How each trace's Asterisk differed from the default test instance. */
const OPTIONS: Record<string, AriSimOptions> = {
  // Recorded on an instance whose <astspooldir>/recording did not exist.
  'recording-missing-spool-dir': { config: { createRecordingDir: false } },
};

const is =
  (type: string, extra: (e: Json) => boolean = () => true) =>
  (e: Json) =>
    e.type === type && extra(e);

/**
 * Orderings a trace shows that depend on real-time jitter the sim does not have. Few and specific:
 * each names the two events and why Asterisk happened to deliver them that way.
 */
const EXCEPTIONS: Record<string, OrderException[]> = {
  'inbound-play-dtmf-hangup': [
    {
      app: '*',
      first: is('ChannelDtmfReceived', (e) => e.digit === '2'),
      second: is('PlaybackFinished'),
      why: "the run's first playback took 1430 ms for the 1404 ms hello-world (file open and codec path set-up), so its end came 22 ms after the second digit; on time it comes 8 ms before it",
    },
  ],
};

const replays = new Map<string, Promise<Replay>>();
function replayed(trace: Trace): Promise<Replay> {
  let run = replays.get(trace.name);
  if (!run) {
    run = replay(trace, OPTIONS[trace.name]);
    replays.set(trace.name, run);
  }
  return run;
}
afterAll(() => replays.clear());

function recorded(trace: Trace): Map<string, Seen[]> {
  const out = new Map<string, Seen[]>();
  for (const line of trace.lines) {
    if (line.kind !== 'event') continue;
    const key = socketKey(line.app, line.socket);
    out.set(key, [...(out.get(key) ?? []), { t: line.t, event: line.event }]);
  }
  return out;
}

/** conference-six's header says its ChannelVarset events were dropped by the recorder. */
function comparable(trace: Trace, seen: Seen[]): Seen[] {
  const dropped = new Set(Object.keys(trace.header.dropped ?? {}));
  return seen.filter((s) => !dropped.has(String(s.event.type)));
}

/** Talk duration depends on when Asterisk saw the first frames; a few ms of request latency show. */
const TALK_DURATION_SLACK_MS = 20;

describe.runIf(traces.length > 0)('ari-sim replaying the Asterisk 22.10.1 traces', () => {
  for (const trace of traces) {
    describe(trace.name, () => {
      it('answers every request with the status and body Asterisk gave', async () => {
        const { requests } = await replayed(trace);
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

      it('delivers the same events to each app in the same order with the same key fields', async () => {
        const { events } = await replayed(trace);
        const want = recorded(trace);
        for (const socket of new Set([...want.keys(), ...events.keys()])) {
          const exceptions = (EXCEPTIONS[trace.name] ?? []).filter((x) => x.app === '*' || x.app === socket);
          const got = comparable(trace, events.get(socket) ?? []);
          const expected = comparable(trace, want.get(socket) ?? []);
          expect(compareEvents(expected, got, exceptions), socket).toEqual({
            missing: [],
            extra: [],
            misordered: [],
          });
          const durations = (list: Seen[]) =>
            list
              .filter((s) => s.event.type === 'ChannelTalkingFinished')
              .map((s) => Number(s.event.duration));
          const gotDurations = durations(got);
          durations(expected).forEach((ms, i) => {
            expect(
              Math.abs((gotDurations[i] ?? Number.NaN) - ms),
              `${socket} talk duration #${i + 1}`,
            ).toBeLessThanOrEqual(TALK_DURATION_SLACK_MS);
          });
        }
      });
    });
  }
});
