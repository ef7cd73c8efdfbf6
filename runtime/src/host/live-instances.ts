import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { digitsOf, Instance } from '../contact/instance.js';
import { type ResourceKindName, resourceType } from '../resources/index.js';
import type { EventBus } from '../services/events.js';
import { entryOf } from '../services/resources.js';
import type { InstanceRow, Store } from '../store/index.js';

/**
 * The runtime's view of the store: one `Instance` per stored instance holding its resources and
 * the published version of each flow. Rebuilt in the background when something is published or a
 * resource changes; a call looks up the current one when it arrives and keeps it, so a running
 * contact finishes on the version it started with.
 */
export class LiveInstances {
  readonly #built = new Map<string, Instance>();
  /**
   * Who holds each number (digits) and since when. Numbers are not unique across instances in the
   * store; the instance that has held one longest answers it, so another instance, whose author
   * may add any number, cannot take over a number's calls by claiming it too.
   */
  readonly #claims = new Map<string, Map<string, string>>();
  readonly #pending = new Map<string, Promise<void>>();
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly store: Store,
    private readonly audioDir: string,
    private readonly onError: (e: unknown) => void = (e) =>
      console.error('parley: rebuilding an instance failed:', e),
  ) {}

  /** Builds every instance now and follows the store's changes from `events`. */
  async start(events: EventBus): Promise<void> {
    this.#unsubscribe = events.subscribe((event) => {
      if (event.type === 'flow.published' || event.type === 'resource.changed')
        void this.rebuild(event.instanceId);
    });
    await Promise.all((await this.store.catalog.instances()).map((i) => this.rebuild(i.id)));
  }

  stop(): void {
    this.#unsubscribe?.();
  }

  /** The instance owning a dialled number (any formatting). */
  forNumber(dialled: string): Instance | undefined {
    const holders = this.#claims.get(digitsOf(dialled));
    let first: [string, string] | undefined;
    for (const [id, since] of holders ?? [])
      if (!first || since < first[1] || (since === first[1] && id < first[0])) first = [id, since];
    return first === undefined ? undefined : this.#built.get(first[0]);
  }

  /** The first answer any instance gives. */
  find<T>(pick: (instance: Instance) => T | undefined): T | undefined {
    for (const instance of this.#built.values()) {
      const found = pick(instance);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  get(instanceId: string): Instance | undefined {
    return this.#built.get(instanceId);
  }

  /** Rebuilds one instance; concurrent requests for the same instance coalesce into one more build. */
  rebuild(instanceId: string): Promise<void> {
    const running = this.#pending.get(instanceId);
    const next = (running ?? Promise.resolve())
      .then(() => this.#build(instanceId))
      .catch(this.onError)
      .finally(() => {
        if (this.#pending.get(instanceId) === next) this.#pending.delete(instanceId);
      });
    this.#pending.set(instanceId, next);
    return next;
  }

  async #build(instanceId: string): Promise<void> {
    const row = await this.store.catalog.instance(instanceId);
    const numbers = row ? await this.store.catalog.resources(row.id, 'phoneNumber') : [];
    const instance = row && (await this.#instanceOf(row));
    if (instance) this.#built.set(instanceId, instance);
    else this.#built.delete(instanceId);
    for (const [n, holders] of this.#claims) {
      holders.delete(instanceId);
      if (holders.size === 0) this.#claims.delete(n);
    }
    for (const r of numbers) {
      const n = digitsOf(String(r.data.number ?? ''));
      if (n === '') continue;
      const holders = this.#claims.get(n) ?? new Map<string, string>();
      this.#claims.set(n, holders.set(instanceId, r.createdAt));
    }
  }

  /**
   * A fresh instance from the store that nobody dials: a test call runs its draft in one of its own
   * (runtime/src/testcalls), made by `make` so that it can be a subclass.
   */
  async detached(instanceId: string, make: (row: InstanceRow) => Instance): Promise<Instance | undefined> {
    const row = await this.store.catalog.instance(instanceId);
    return row ? this.#instanceOf(row, make(row)) : undefined;
  }

  async #instanceOf(row: InstanceRow, instance = new Instance(row)): Promise<Instance> {
    const [resources, flows] = await Promise.all([
      this.store.catalog.resources(row.id),
      this.store.flows.list(row.id),
    ]);
    for (const r of resources) {
      if (r.kind === 'prompt') await this.#promptAudio(instance, row.id, r.id, r.data.audio);
      instance.add(resourceType(r.kind as ResourceKindName).kind, entryOf(r));
    }
    for (const f of flows) {
      if (f.publishedVersion === null) continue;
      const version = await this.store.flows.version(row.id, f.id, f.publishedVersion);
      if (!version) continue;
      instance.loadFlow(new TextEncoder().encode(version.content), {
        id: f.id,
        name: f.name,
        type: f.type,
        arn: f.arn,
        ...(f.description ? { description: f.description } : {}),
      });
    }
    return instance;
  }

  /** Uploaded prompt audio as a file Asterisk (or ari-sim) plays, named by its digest. */
  async #promptAudio(
    instance: Instance,
    instanceId: string,
    promptId: string,
    audio: unknown,
  ): Promise<void> {
    const sha256 = (audio as { sha256?: unknown } | undefined)?.sha256;
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return;
    const file = join(this.audioDir, sha256);
    if (!existsSync(`${file}.wav`)) {
      const bytes = await this.store.catalog.promptAudio(instanceId, promptId);
      if (!bytes) return;
      await mkdir(this.audioDir, { recursive: true });
      await writeFile(`${file}.wav`, bytes);
    }
    instance.addPromptAudio(sha256, file);
  }
}
