// Callers for the load benchmarks: many calls through one harness app, with one listener per event
// type (not one per call, which would make every event cost as many calls as are up).
import type { AriClient } from '@parley/ari';
import { TEST_DIALPLAN } from '@parley/harness';

/** Keys a caller presses once the runtime's n-th prompt to it has finished (1-based). */
export type KeyScript = ReadonlyMap<number, string>;

/** IVR_20: 1 after the menu (second prompt), the account number after the third. */
export const IVR_20_KEYS: KeyScript = new Map([
  [2, '1'],
  [3, '12345#'],
]);
/** IVR_10: 1 after the menu (second prompt). */
export const IVR_10_KEYS: KeyScript = new Map([[2, '1']]);

interface Caller {
  callerChannel: string;
  prompts: number;
}

export class BenchCallers {
  readonly #ari: AriClient;
  readonly #keys: KeyScript;
  /** By the runtime's half of the call, whose playbacks the harness sees. */
  readonly #byRuntimeChannel = new Map<string, Caller>();
  readonly #runtimeChannelOf = new Map<string, string>();
  readonly #off: (() => void)[] = [];
  #placed = 0;
  /** Calls the runtime hung up or the PBX refused. */
  lost = 0;

  constructor(ari: AriClient, keys: KeyScript) {
    this.#ari = ari;
    this.#keys = keys;
    this.#off.push(
      ari.on('PlaybackFinished', (e) => {
        const uri = e.playback.target_uri;
        if (!uri.startsWith('channel:')) return;
        const caller = this.#byRuntimeChannel.get(uri.slice('channel:'.length));
        if (!caller) return;
        caller.prompts++;
        const keys = this.#keys.get(caller.prompts);
        if (keys)
          void ari.channels
            .sendDTMF({ channelId: caller.callerChannel, dtmf: keys, between: 100, duration: 100 })
            .catch(() => undefined);
      }),
      ari.on('StasisEnd', (e) => {
        const runtimeChannel = this.#runtimeChannelOf.get(e.channel.id);
        if (runtimeChannel === undefined) return;
        this.#forget(e.channel.id, runtimeChannel);
        this.lost++;
      }),
    );
  }

  get up(): number {
    return this.#byRuntimeChannel.size;
  }

  /** Places one call to `number`; resolves once the PBX took the originate. */
  async place(number: string): Promise<string> {
    const id = `load-${this.#placed++}`;
    const caller: Caller = { callerChannel: `${id}-caller`, prompts: 0 };
    const runtimeChannel = `${id}-flow`;
    this.#byRuntimeChannel.set(runtimeChannel, caller);
    this.#runtimeChannelOf.set(caller.callerChannel, runtimeChannel);
    try {
      await this.#ari.channels.originate({
        endpoint: `Local/${number}@${TEST_DIALPLAN.inboundContext}/n`,
        app: TEST_DIALPLAN.harnessApp,
        appArgs: `caller,${id}`,
        callerId: '"Load" <+15550001111>',
        channelId: caller.callerChannel,
        otherChannelId: runtimeChannel,
        timeout: 30,
      });
    } catch (error) {
      this.#forget(caller.callerChannel, runtimeChannel);
      this.lost++;
      throw error;
    }
    return runtimeChannel;
  }

  /** Hangs every caller up and waits for the PBX to take the requests. */
  async hangupAll(): Promise<void> {
    const callers = [...this.#byRuntimeChannel.values()];
    this.#byRuntimeChannel.clear();
    this.#runtimeChannelOf.clear();
    await Promise.all(
      callers.map((c) => this.#ari.channels.hangup({ channelId: c.callerChannel }).catch(() => undefined)),
    );
  }

  #forget(callerChannel: string, runtimeChannel: string): void {
    this.#byRuntimeChannel.delete(runtimeChannel);
    this.#runtimeChannelOf.delete(callerChannel);
  }

  close(): void {
    for (const off of this.#off) off();
  }
}
