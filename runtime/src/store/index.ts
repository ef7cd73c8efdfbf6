import { AccessRepo } from './access-repo.js';
import { CatalogRepo } from './catalog-repo.js';
import { ClusterRepo } from './cluster-repo.js';
import { ContactRepo } from './contact-repo.js';
import type { Db } from './db.js';
import { FlowRepo } from './flow-repo.js';
import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres, type PostgresOptions } from './postgres.js';

export type { AuditEntry } from './access-repo.js';
export type { AgentStateRow, LiveContactRow, PeerRow, WorkerRow } from './cluster-repo.js';
export type { ContactSummary, FlowLogQuery, StoredFlowLog } from './contact-repo.js';
export type { Db } from './db.js';
export type { NewVersion } from './flow-repo.js';
export { MIGRATIONS, migrate } from './migrations.js';
export * from './rows.js';

/** The repositories over one connection or one transaction. */
export class Store {
  readonly catalog: CatalogRepo;
  readonly flows: FlowRepo;
  readonly access: AccessRepo;
  readonly contacts: ContactRepo;
  readonly cluster: ClusterRepo;
  /** Inside a transaction: what waits for its commit. Undefined outside one. */
  #committed: (() => void)[] | undefined;

  constructor(readonly db: Db) {
    this.catalog = new CatalogRepo(db);
    this.flows = new FlowRepo(db);
    this.access = new AccessRepo(db);
    this.contacts = new ContactRepo(db);
    this.cluster = new ClusterRepo(db);
  }

  get driver(): Db['driver'] {
    return this.db.driver;
  }

  /**
   * Everything `fn` does through the store it is given commits together, or none of it does. A
   * transaction begun inside another joins it, and so do its `afterCommit`s.
   */
  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    const committed: (() => void)[] = [];
    const result = await this.db.transaction((tx) => {
      if (tx === this.db) return fn(this);
      const outer = new Store(tx);
      outer.#committed = committed;
      return fn(outer);
    });
    for (const after of committed.splice(0)) after();
    return result;
  }

  /**
   * Runs `after` once what this store wrote is committed: at once outside a transaction, after the
   * outermost commit inside one, never if it rolls back. Services announce their changes this way,
   * so nobody hears of a version or a publication that a failing commit then took back.
   */
  afterCommit(after: () => void): void {
    if (this.#committed) this.#committed.push(after);
    else after();
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

export interface OpenStoreOptions {
  /** PostgreSQL connection URL; the embedded store when absent. */
  databaseUrl?: string;
  /** The embedded store's folder; in memory when absent. */
  dataDir?: string;
  postgres?: PostgresOptions;
}

/** Opens and migrates the store: PostgreSQL when a URL is given, else the embedded PGlite. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.postgres)
    : await openPglite(options.dataDir);
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return new Store(db);
}
