// The callers of the load benchmarks, in a process of their own so that placing and driving them does
// not load the process being measured. With no arguments it also runs ari-sim here (the callers
// reach it in-process); with `--ari <url>` (credentials in PARLEY_TEST_ARI_USER/_PASSWORD) they call
// through that Asterisk instead.
//
// Protocol, one JSON object per line. Out: `{"ready":{"url"}}` once listening, then
// `{"result":{…}}` when every call placed has ended. In: `{"run":{…CallerPlan}}` places calls (again
// once the result is out), `{"hangup":"<caller number>"}` hangs one up, end of input stops it.
// The soak run's continuous mode (soak-callers.ts): `{"soak":{…SoakPlan}}` keeps calls up until
// `{"stop":true}`, answered by `{"soaked":{…SoakCallerStats}}` once every call has ended;
// `{"stats":true}` is answered by `{"stats":{…}}` meanwhile.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { type AriClient, type AriTransport, createAriClient, httpTransport } from '@parley/ari';
import { createAriSim } from '@parley/ari-sim';
import { TEST_DIALPLAN } from '@parley/harness';
import { idleStats, type PbxCounts, SoakCallers, type SoakPlan } from './soak-callers.js';

export interface CallerPlan {
  calls: number;
  /** Calls are placed evenly over this long, so they do not arrive in one burst. */
  rampMs: number;
  /** The number dialled (the runtime's flow for it). */
  number: string;
  /** Digits the caller presses once the runtime's nth prompt (1-based) has finished playing. */
  keys: Record<number, string>;
  /** Calls still up this long after the first was placed are hung up and counted as stuck. */
  deadlineMs: number;
}

export interface CallerResult {
  placed: number;
  /** Originates the PBX refused. */
  refused: number;
  /** Calls the caller hung up when told to (the runtime had queued them). */
  hungUpByCaller: number;
  /** Calls the other side ended first (a flow that disconnected, or a fault). */
  endedByPbx: number;
  /** Calls still up at the deadline. */
  stuck: number;
  keysSent: number;
  elapsedMs: number;
  /** This process's (the PBX's and the callers') event-loop delay p99 over the run, ms. */
  loopDelayP99Ms: number;
}

/** One number per call: the runtime sees only this of the caller, and names the call to hang up by it. */
const callerNumber = (n: number) => `+1555${String(n).padStart(7, '0')}`;

interface Call {
  from: string;
  callerChannelId: string;
  runtimeChannelId: string;
  prompts: number;
  hangingUp: boolean;
}

/**
 * Places calls as the harness does (`Harness.call`: `Local/<number>@from-test/n`, the `;1` half
 * stays here as the caller's phone) but with one listener per event type for all of them, keyed by
 * channel id, rather than a CallerLeg's listeners per call.
 */
function runCallers(
  ari: AriClient,
  plan: CallerPlan,
): { hangup(from: string): void; result: Promise<CallerResult> } {
  const byRuntimeChannel = new Map<string, Call>();
  const byCallerChannel = new Map<string, Call>();
  const byNumber = new Map<string, Call>();
  const result: CallerResult = {
    placed: 0,
    refused: 0,
    hungUpByCaller: 0,
    endedByPbx: 0,
    stuck: 0,
    keysSent: 0,
    elapsedMs: 0,
    loopDelayP99Ms: 0,
  };
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  let placing = true;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const settle = () => {
    if (!placing && byCallerChannel.size === 0) finish();
  };

  // The harness is subscribed to both halves of the pairs it originates, so it sees the runtime's
  // playbacks on the `;2` half.
  const offs = [
    ari.on('PlaybackFinished', (e) => {
      const call = byRuntimeChannel.get(e.playback.target_uri.replace(/^channel:/, ''));
      if (!call) return;
      call.prompts++;
      const digits = plan.keys[call.prompts];
      if (digits === undefined || call.hangingUp) return;
      result.keysSent++;
      void ari.channels.sendDTMF({ channelId: call.callerChannelId, dtmf: digits }).catch(() => {});
    }),
    ari.on('ChannelDestroyed', (e) => {
      const call = byCallerChannel.get(e.channel.id);
      if (!call) return;
      if (call.hangingUp) result.hungUpByCaller++;
      else result.endedByPbx++;
      byCallerChannel.delete(call.callerChannelId);
      byNumber.delete(call.from);
      byRuntimeChannel.delete(call.runtimeChannelId);
      settle();
    }),
  ];

  const hangup = (call: Call) => {
    call.hangingUp = true;
    void ari.channels.hangup({ channelId: call.callerChannelId, reason: 'normal' }).catch(() => {});
  };
  // Callers wait in the queue until the last call is placed, so every call is up at once then;
  // they then leave at the rate they came rather than all in one burst.
  const waiting: Call[] = [];
  const place = async () => {
    const started = performance.now();
    const deadline = setTimeout(() => {
      result.stuck = byCallerChannel.size;
      for (const call of byCallerChannel.values()) hangup(call);
      finish();
    }, plan.deadlineMs);
    const gap = plan.rampMs / plan.calls;
    const originates: Promise<void>[] = [];
    for (let n = 0; n < plan.calls; n++) {
      const wait = started + n * gap - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const id = ari.newId('load');
      const call: Call = {
        from: callerNumber(n),
        callerChannelId: `${id}-caller`,
        runtimeChannelId: `${id}-flow`,
        prompts: 0,
        hangingUp: false,
      };
      byRuntimeChannel.set(call.runtimeChannelId, call);
      byCallerChannel.set(call.callerChannelId, call);
      byNumber.set(call.from, call);
      result.placed++;
      originates.push(
        ari.channels
          .originate({
            endpoint: `Local/${plan.number}@${TEST_DIALPLAN.inboundContext}/n`,
            app: TEST_DIALPLAN.harnessApp,
            appArgs: `caller,${id}`,
            callerId: `"Load ${n}" <${call.from}>`,
            channelId: call.callerChannelId,
            otherChannelId: call.runtimeChannelId,
            timeout: 30,
          })
          .then(
            () => {},
            () => {
              result.refused++;
              byCallerChannel.delete(call.callerChannelId);
              byRuntimeChannel.delete(call.runtimeChannelId);
              byNumber.delete(call.from);
            },
          ),
      );
    }
    await Promise.all(originates);
    placing = false;
    for (const [n, call] of waiting.splice(0).entries()) setTimeout(() => hangup(call), n * gap);
    settle();
    await finished;
    clearTimeout(deadline);
    for (const off of offs) off();
    result.elapsedMs = performance.now() - started;
    loop.disable();
    result.loopDelayP99Ms = loop.percentile(99) / 1e6;
    return result;
  };
  return {
    hangup: (from) => {
      const call = byNumber.get(from);
      if (!call || call.hangingUp) return;
      if (placing) waiting.push(call);
      else hangup(call);
    },
    result: place(),
  };
}

const at = process.argv.indexOf('--ari');
const remote = at >= 0 ? process.argv[at + 1] : undefined;
let transport: AriTransport;
let url: string;
let close = async () => {};
let sim: ReturnType<typeof createAriSim> | undefined;
if (remote) {
  url = remote;
  transport = httpTransport({
    url: remote,
    username: process.env.PARLEY_TEST_ARI_USER ?? '',
    password: process.env.PARLEY_TEST_ARI_PASSWORD ?? '',
  });
} else {
  const local = createAriSim();
  sim = local;
  const server = await local.listen({ port: 0, host: '127.0.0.1' });
  url = server.url;
  transport = local.transport({ username: 'harness', password: 'harness' });
  close = async () => {
    await server.close();
    await local.close();
  };
}
const ari = createAriClient({ transport, app: TEST_DIALPLAN.harnessApp });
await ari.connect();
console.log(JSON.stringify({ ready: { url } }));

const pbxCounts = (sim: ReturnType<typeof createAriSim>): PbxCounts => ({
  channels: async () => sim.channels().length,
  bridges: async () => sim.bridges().length,
});
const pbx: PbxCounts = sim
  ? pbxCounts(sim)
  : {
      channels: async () => (await ari.channels.list()).length,
      bridges: async () => (await ari.bridges.list()).length,
    };
let running: ReturnType<typeof runCallers> | undefined;
let soaking: SoakCallers | undefined;
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const message = JSON.parse(line) as {
    run?: CallerPlan;
    hangup?: string;
    soak?: SoakPlan;
    stats?: true;
    stop?: true;
  };
  if (message.run && !running) {
    running = runCallers(ari, message.run);
    void running.result.then((result) => {
      running = undefined;
      console.log(JSON.stringify({ result }));
    });
  } else if (message.soak && (!soaking || soaking.stopped)) soaking = new SoakCallers(ari, message.soak, pbx);
  else if (message.hangup !== undefined) {
    running?.hangup(message.hangup);
    soaking?.hangup(message.hangup);
  } else if (message.stats) {
    void (soaking ? soaking.stats() : idleStats(pbx)).then((stats) => console.log(JSON.stringify({ stats })));
  } else if (message.stop && soaking) {
    // Still answers stats afterwards: the PBX's channels once the runtime has let go of its calls.
    void soaking.stop().then((soaked) => console.log(JSON.stringify({ soaked })));
  }
});
// Stays up after the result (the runtime may still be talking to the sim) until stdin closes.
lines.on('close', () => {
  ari.close();
  void close().then(() => process.exit(0));
});
