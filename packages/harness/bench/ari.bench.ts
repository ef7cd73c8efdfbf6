// Telephony layer figures: call cycles and events through the client and ari-sim over real
// sockets (ari-sim in its own process), and ari-sim's memory with 1,000 live channels.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type AriClient, createAriClient, httpTransport } from '@parley/ari';
import { createAriSim } from '@parley/ari-sim';
import type { Figure } from '../../flow/bench/validate.bench.js';

const here = dirname(fileURLToPath(import.meta.url));

/** A 20 ms 8 kHz WAV: the cycle measures the stack, not the length of a prompt. */
function writeClick(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const samples = 160;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(16000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(8000 * Math.sin(i / 3)), 44 + i * 2);
  writeFileSync(join(dir, 'click.wav'), wav);
  return join(dir, 'click');
}

interface SimProcess {
  url: string;
  rssKb(): Promise<number>;
  stop(): void;
}

async function startSimProcess(): Promise<SimProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'sim-process.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const replies: ((line: string) => void)[] = [];
  lines.on('line', (line) => replies.shift()?.(line));
  const next = () => new Promise<string>((resolve) => replies.push(resolve));
  const { url } = JSON.parse(await next()) as { url: string };
  return {
    url,
    async rssKb() {
      const reply = next();
      child.stdin.write('\n');
      return (JSON.parse(await reply) as { rssKb: number }).rssKb;
    },
    stop: () => child.stdin.end(),
  };
}

function client(url: string, app: string): AriClient {
  return createAriClient({ transport: httpTransport({ url, username: app, password: app }), app });
}

/**
 * One cycle as the runtime lives it: originate a leg to a phone, the phone answers, a prompt
 * plays to completion, the leg hangs up and is destroyed. `concurrency` cycles run at once.
 */
async function cycles(url: string, click: string, seconds: number, concurrency: number) {
  const runtime = client(url, 'parley');
  const phones = client(url, 'harness');
  let events = 0;
  runtime.onAny(() => events++);
  phones.onAny(() => events++);
  phones.on('StasisStart', (e) => {
    void phones.channels.answer({ channelId: e.channel.id }).catch(() => {});
  });
  await Promise.all([runtime.connect(), phones.connect()]);

  const one = async (n: number) => {
    const channelId = runtime.newId('leg');
    const up = runtime.waitFor('StasisStart', (e) => e.channel.id === channelId, { timeoutMs: 30_000 });
    const gone = runtime.waitFor('ChannelDestroyed', (e) => e.channel.id === channelId, {
      timeoutMs: 30_000,
    });
    await runtime.channels.originate({
      endpoint: `Local/${2000 + n}@test-agents/n`,
      app: 'parley',
      channelId,
      otherChannelId: `${channelId}-ph`,
      timeout: 30,
    });
    await up;
    const playbackId = runtime.newId('pb');
    const done = runtime.waitFor('PlaybackFinished', (e) => e.playback.id === playbackId, {
      timeoutMs: 30_000,
    });
    await runtime.channels.playWithId({ channelId, playbackId, media: [`sound:${click}`] });
    await done;
    await runtime.channels.hangup({ channelId, reason: 'normal' });
    await gone;
  };

  const deadline = performance.now() + seconds * 1000;
  let completed = 0;
  const worker = async (w: number) => {
    for (let i = 0; performance.now() < deadline; i++) {
      await one(w * 1000 + (i % 1000));
      completed++;
    }
  };
  const start = performance.now();
  const eventsBefore = events;
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const elapsed = (performance.now() - start) / 1000;
  runtime.close();
  phones.close();
  return { cyclesPerSecond: completed / elapsed, eventsPerSecond: (events - eventsBefore) / elapsed };
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Heap held by ari-sim for 500 answered Local pairs (1,000 channels) in Stasis, in-process. */
async function memoryPerChannel(): Promise<{ totalMb: number; perChannelKb: number }> {
  const sim = createAriSim();
  const ari = createAriClient({
    transport: sim.transport({ username: 'parley', password: 'parley' }),
    app: 'parley',
  });
  const phones = createAriClient({
    transport: sim.transport({ username: 'harness', password: 'harness' }),
    app: 'harness',
  });
  phones.on('StasisStart', (e) => {
    void phones.channels.answer({ channelId: e.channel.id });
  });
  await Promise.all([ari.connect(), phones.connect()]);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const up: Promise<unknown>[] = [];
  for (let i = 0; i < 500; i++) {
    const channelId = `mem-${i}`;
    up.push(ari.waitFor('StasisStart', (e) => e.channel.id === channelId, { timeoutMs: 60_000 }));
    await ari.channels.originate({
      endpoint: `Local/${3000 + i}@test-agents/n`,
      app: 'parley',
      channelId,
      otherChannelId: `${channelId}-ph`,
    });
  }
  await Promise.all(up);
  collectGarbage();
  const held = process.memoryUsage().heapUsed - before;
  ari.close();
  phones.close();
  await sim.close();
  return { totalMb: held / 1024 / 1024, perChannelKb: held / 1024 / 1000 };
}

export async function benchAri(): Promise<Figure[]> {
  const click = writeClick();
  const sim = await startSimProcess();
  const rssBefore = await sim.rssKb();
  const run = await cycles(sim.url, click, 5, 50);
  const rssAfter = await sim.rssKb();
  sim.stop();
  const memory = await memoryPerChannel();
  return [
    {
      key: 'ari_cycles_per_s',
      label: 'originate→answer→play→hangup cycles/s (50 at once, real sockets)',
      value: run.cyclesPerSecond,
      unit: 'cycles/s',
    },
    {
      key: 'ari_events_per_s',
      label: 'ARI events delivered per second (two apps)',
      value: run.eventsPerSecond,
      unit: 'events/s',
    },
    {
      key: 'ari_sim_rss_growth_mb',
      label: 'ari-sim process RSS growth over the run',
      value: (rssAfter - rssBefore) / 1024,
      unit: 'MB',
    },
    {
      key: 'ari_sim_heap_1000_channels_mb',
      label: 'heap with 1,000 live channels (ari-sim + two clients, in-process)',
      value: memory.totalMb,
      unit: 'MB',
    },
    {
      key: 'ari_sim_kb_per_channel',
      label: 'heap per live channel (ari-sim + clients)',
      value: memory.perChannelKb,
      unit: 'KB',
    },
  ];
}
