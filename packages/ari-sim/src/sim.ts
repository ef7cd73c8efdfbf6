import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Application,
  type AriTransport,
  type Bridge,
  type Channel,
  type Clock,
  systemClock,
} from '@parley/ari';
import { apiDocs } from './api-docs.js';
import { type DefaultConfigOptions, defaultConfig, type SimConfig, temporarySpoolDir } from './config.js';
import type { InProcessStream } from './event-streams.js';
import { Faults } from './faults.js';
import { type Credentials, inProcessTransport } from './in-process.js';
import { Core } from './model/core.js';
import { Dialplan } from './model/dialplan.js';
import { MediaLibrary } from './model/media.js';
import { readFrom } from './model/media-state.js';
import { PlaybackRegistry } from './model/playback.js';
import { RecordingRegistry } from './model/recording.js';
import { RemoteMediaCache } from './model/remote-media.js';
import { TalkDetectors } from './model/talk-detect.js';
import { HANDLERS } from './rest/handlers.js';
import { Router, supportedOperations } from './rest/router.js';
import { type ListenOptions, listen, type RunningServer } from './server.js';

export interface AriSimOptions extends DefaultConfigOptions {
  /** Real time by default; pass a ManualClock to drive the sim by hand in tests. */
  clock?: Clock;
  /** Overrides of the default configuration (users, dialplan, MOH classes, sounds, spool...). */
  config?: Partial<SimConfig>;
}

export interface AriSim {
  readonly clock: Clock;
  readonly config: SimConfig;
  /** An AriTransport straight into the sim: same router, same event JSON, no sockets. */
  transport(credentials: Credentials): AriTransport;
  /** Serves ARI over HTTP + WebSocket; `url` ends in `/ari`. */
  listen(options?: ListenOptions): Promise<RunningServer>;
  /** Waits for real I/O the sim started (HTTP media downloads), then lets queued work run. */
  settled(): Promise<void>;
  /** Channels as `GET /channels` shows them. */
  channels(): Channel[];
  channel(id: string): Channel | undefined;
  bridges(): Bridge[];
  applications(): Application[];
  /** `<spoolDir>/recording`, where recordings are written. */
  readonly recordingDir: string;
  /** Operation ids the sim answers (each one of Asterisk's swagger operations). */
  operations(): string[];
  /** `operation:param` for any parameter a handler read that the operation does not define. */
  unknownParamReads(): string[];
  /**
   * Failures a test injects: REST commands that answer an error, hang or lose their answer
   * (`faults.add`). Not part of ARI; over HTTP they are under `/ari-sim/`, outside `/ari`.
   */
  readonly faults: Faults;
  /**
   * Drops the events sockets of these apps (every socket when absent) as a network does, without a
   * closing handshake; the apps unregister as when any socket closes. Returns how many were dropped.
   */
  dropEventSockets(apps?: readonly string[]): number;
  /**
   * Asterisk restarts: every connection drops (events sockets and unanswered requests), all it held
   * in memory is gone without an event (`Core.restart`), and it refuses connections for `downMs`
   * (default 0) before it is back. Resolves once it is.
   */
  restart(options?: { downMs?: number }): Promise<void>;
  close(): Promise<void>;
}

export function createAriSim(options: AriSimOptions = {}): AriSim {
  const clock = options.clock ?? systemClock;
  const base = defaultConfig(options);
  const config: SimConfig = { ...base, ...options.config };
  const ownSpool = !config.spoolDir;
  if (ownSpool) config.spoolDir = temporarySpoolDir();
  const recordingDir = join(config.spoolDir, 'recording');
  if (config.createRecordingDir) mkdirSync(recordingDir, { recursive: true });

  const media = new MediaLibrary(config.soundDirs);
  const core = new Core(clock, config, Dialplan.parse(config.dialplan), media);
  // What holds live media lives in memory and starts empty again when Asterisk restarts.
  const installRegistries = () => {
    core.playbacks = new PlaybackRegistry();
    core.recordings = new RecordingRegistry(core);
    core.remoteMedia = new RemoteMediaCache(() => core.now());
    core.talk = new TalkDetectors(core, (chan) => readFrom(chan));
  };
  installRegistries();

  let baseUrl = 'http://localhost:8088/ari';
  const faults = new Faults();
  const router = new Router(core, HANDLERS, (path) => apiDocs(path, baseUrl), faults);
  const servers: RunningServer[] = [];
  const streams = new Map<InProcessStream, readonly string[]>();
  const dropEventSockets = (apps?: readonly string[]): number => {
    let dropped = 0;
    for (const [stream, owned] of [...streams]) {
      if (apps && !owned.some((app) => apps.includes(app))) continue;
      streams.delete(stream);
      stream.close(1006);
      dropped++;
    }
    for (const server of servers) dropped += server.dropEventSockets(apps);
    return dropped;
  };
  let restarting: Promise<void> | undefined;
  const restart = ({ downMs = 0 }: { downMs?: number } = {}): Promise<void> => {
    if (restarting) return restarting;
    faults.down = true;
    faults.dropConnections();
    dropEventSockets();
    core.restart();
    installRegistries();
    if (downMs <= 0) {
      faults.down = false;
      return Promise.resolve();
    }
    restarting = new Promise<void>((resolve) => {
      clock.setTimeout(() => {
        faults.down = false;
        restarting = undefined;
        resolve();
      }, downMs);
    });
    return restarting;
  };

  return {
    clock,
    config,
    recordingDir,
    transport(credentials) {
      return inProcessTransport(core, router, credentials, faults, (stream, apps) => {
        streams.set(stream, apps);
        stream.onClose(() => streams.delete(stream));
      });
    },
    async listen(listenOptions) {
      const server = await listen(core, router, { faults, dropEventSockets, restart }, listenOptions);
      baseUrl = server.url;
      servers.push(server);
      return server;
    },
    settled: () => core.settled(),
    operations: () => supportedOperations(HANDLERS),
    unknownParamReads: () => [...router.unknownParams],
    channels: () => [...core.channels.values()].map((c) => core.snapshot(c)),
    channel: (id) => {
      const chan = core.channels.get(id);
      return chan ? core.snapshot(chan) : undefined;
    },
    bridges: () => [...core.bridges.values()].map((b) => b.toJson()),
    applications: () => core.apps.list().map((a) => a.toJson()),
    faults,
    dropEventSockets,
    restart,
    async close() {
      faults.dropConnections();
      for (const server of servers.splice(0)) await server.close();
      for (const stream of streams.keys()) stream.close(1001);
      streams.clear();
      core.shutdown();
      if (ownSpool) rmSync(config.spoolDir, { recursive: true, force: true });
    },
  };
}
