import type { Clock, TimerHandle } from '@parley/ari';
import type { LiveContactRow, PeerRow, Store, WorkerRow } from '../store/index.js';

export interface ClusterOptions {
  store: Store;
  clock: Clock;
  /** This worker's id, unique among the workers sharing the store. */
  workerId: string;
  /** The Stasis app this worker serves (its own: ARI gives an app's events to one socket). */
  app: string;
  /** Where this worker's API answers, for the others to forward agents' requests to. */
  url?: string;
  /**
   * How long a worker may go without renewing its lease before another adopts it. Renewed and
   * looked for every quarter of it: a stopped worker's calls move within about 1.25 leases, and a
   * worker may stall for three quarters of one without being adopted.
   */
  leaseMs?: number;
  /**
   * Serve the adopted workers' apps and resume their contacts (the checkpoints now ours). The
   * checkpoints come all together: a worker's contacts may be in an app it had adopted itself.
   */
  adopt(workers: WorkerRow[], contacts: LiveContactRow[]): Promise<void>;
  /** Another worker adopted this one while it ran (it stalled past its lease): it must stop acting. */
  onFenced(): void;
  /** This worker now runs the contact centers (at start, or when the one that did went away). */
  onCenter?(): void;
  onError?(error: unknown): void;
}

export const DEFAULT_LEASE_MS = 1000;

/**
 * One runtime worker among several on one PostgreSQL: holds a lease on its app, and adopts the app
 * and contacts of any worker whose lease ran out (killed, or cut off from the store).
 */
export class ClusterWorker {
  readonly #options: ClusterOptions;
  readonly #leaseMs: number;
  #renewTimer: TimerHandle | undefined;
  #watchTimer: TimerHandle | undefined;
  #stopped = false;
  #adopting: Promise<void> = Promise.resolve();
  #center: PeerRow | undefined;

  constructor(options: ClusterOptions) {
    this.#options = options;
    this.#leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /** Starts the lease; `url` (where this worker's API answers) unless the options gave one. */
  async start(listening?: string): Promise<void> {
    const { workerId: id, app } = this.#options;
    const url = this.#options.url ?? listening;
    await this.#options.store.cluster.register({ id, app, ...(url ? { url } : {}) }, this.#leaseMs);
    await this.centerWorker();
    this.#scheduleRenew();
    this.#scheduleWatch();
  }

  /** Stops renewing; with `handOver`, lets the lease lapse now so another worker adopts at once. */
  async close(handOver = false): Promise<void> {
    this.#stopped = true;
    if (this.#renewTimer) this.#options.clock.clearTimeout(this.#renewTimer);
    if (this.#watchTimer) this.#options.clock.clearTimeout(this.#watchTimer);
    await this.#adopting;
    if (handOver) await this.#options.store.cluster.expire(this.#options.workerId).catch(() => undefined);
  }

  get id(): string {
    return this.#options.workerId;
  }

  /** The worker running the contact centers as last looked up (every quarter lease). */
  get center(): PeerRow | undefined {
    return this.#center;
  }

  /** Looks up the worker running the contact centers now. */
  async centerWorker(): Promise<PeerRow | undefined> {
    const me = this.#options.workerId;
    const was = this.#center?.id === me;
    this.#center = await this.#options.store.cluster.centerWorker();
    if (!was && this.#center?.id === me) this.#options.onCenter?.();
    return this.#center;
  }

  /** Looks for workers to adopt now, and adopts them; settles when their contacts resumed. */
  async watch(): Promise<WorkerRow[]> {
    const { store, workerId } = this.#options;
    const adopted = await store.cluster.adoptExpired(workerId);
    if (adopted.length === 0) return adopted;
    const contacts = await store.cluster.takeContacts(
      adopted.map((w) => w.id),
      workerId,
    );
    this.#adopting = this.#adopting.then(() => this.#options.adopt(adopted, contacts));
    await this.#adopting;
    return adopted;
  }

  #scheduleRenew(): void {
    if (this.#stopped) return;
    this.#renewTimer = this.#options.clock.setTimeout(async () => {
      try {
        if (!(await this.#options.store.cluster.renew(this.#options.workerId, this.#leaseMs))) {
          this.#stopped = true;
          this.#options.onFenced();
          return;
        }
      } catch (error) {
        // The store is out of reach: keep serving; the lease lapses if this lasts.
        this.#options.onError?.(error);
      }
      this.#scheduleRenew();
    }, this.#leaseMs / 4);
  }

  #scheduleWatch(): void {
    if (this.#stopped) return;
    this.#watchTimer = this.#options.clock.setTimeout(async () => {
      try {
        await this.watch();
        await this.centerWorker();
      } catch (error) {
        this.#options.onError?.(error);
      }
      this.#scheduleWatch();
    }, this.#leaseMs / 4);
  }
}
