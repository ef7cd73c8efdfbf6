import type { Db, Store } from '../../src/store/index.js';

/** Where the store goes away: at the nth statement from arming, or at the commit of a transaction. */
export type StoreFault = { statement: number } | { commit: true };

/**
 * A Db that loses its database when told. On PostgreSQL the loss is real: the connection the
 * statement runs on is terminated by the server (`pg_terminate_backend`), or, for a commit, killed
 * from another connection just before COMMIT, so the driver meets a dead connection as it would in
 * production. PGlite is one in-process database with no connection to kill; there the statement or
 * the commit fails with the error a closed PGlite gives.
 */
export class FaultyDb implements Db {
  readonly driver: Db['driver'];
  readonly #inner: Db;
  #fault: StoreFault | undefined;
  #counted = 0;
  /** The armed fault happened (and disarmed itself: the store is back for the next request). */
  fired = false;

  constructor(inner: Db) {
    this.#inner = inner;
    this.driver = inner.driver;
  }

  arm(fault: StoreFault): void {
    this.#fault = fault;
    this.#counted = 0;
    this.fired = false;
  }

  disarm(): void {
    this.#fault = undefined;
  }

  /** Statements run since arming: a sweep arms each of them in turn. */
  get statements(): number {
    return this.#counted;
  }

  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    return this.#over(this.#inner).query<R>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.#over(this.#inner).exec(sql);
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.#over(this.#inner).transaction(fn);
  }

  close(): Promise<void> {
    return this.#inner.close();
  }

  /** `db` with every statement counted and, at the armed one, failed. */
  #over(db: Db, outermost = true): Db {
    const before = async () => {
      this.#counted++;
      const fault = this.#fault;
      if (fault && 'statement' in fault && fault.statement === this.#counted) await this.#lose(db);
    };
    const wrapped: Db = {
      driver: db.driver,
      query: async <R>(sql: string, params?: readonly unknown[]) => {
        await before();
        return db.query<R>(sql, params);
      },
      exec: async (sql: string) => {
        await before();
        await db.exec(sql);
      },
      transaction: <T>(fn: (tx: Db) => Promise<T>) =>
        db.transaction(async (tx) => {
          // A nested transaction joins the outer one: its end is no commit.
          const inner = tx === db ? wrapped : this.#over(tx, false);
          const result = await fn(inner);
          const fault = this.#fault;
          if (outermost && tx !== db && fault && 'commit' in fault) await this.#loseAtCommit(tx);
          return result;
        }),
      close: () => db.close(),
    };
    return wrapped;
  }

  async #lose(db: Db): Promise<never> {
    this.#fire();
    if (db.driver === 'postgres') {
      // The server ends this very connection; the statement fails as every later one on it would.
      await db.query('SELECT pg_terminate_backend(pg_backend_pid())');
      throw new Error('pg_terminate_backend did not end the connection');
    }
    throw pgliteClosed();
  }

  async #loseAtCommit(tx: Db): Promise<void> {
    this.#fire();
    if (tx.driver !== 'postgres') throw pgliteClosed();
    const [row] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // From another connection, so the transaction's own work is done and only its COMMIT meets the loss.
    await this.#inner.query('SELECT pg_terminate_backend($1)', [row?.pid]);
    // Termination is a signal: wait until the backend is really gone, or COMMIT could beat it.
    for (let i = 0; i < 500; i++) {
      const alive = await this.#inner.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [row?.pid]);
      if (alive.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`backend ${row?.pid} outlived pg_terminate_backend`);
  }

  #fire(): void {
    this.fired = true;
    this.#fault = undefined;
  }
}

function pgliteClosed(): Error {
  return new Error('PGlite is closed');
}

/**
 * Every row of every table, as sorted JSON: what "nothing half-written" is checked against. Token
 * rows and their use are left out: a request's authentication is not part of what it writes.
 */
export async function everyRow(store: Store): Promise<Record<string, string[]>> {
  const tables = await store.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (name === 'tokens') continue;
    const rows = await store.db.query(`SELECT * FROM ${name}`);
    out[name] = rows
      .filter((r) => !(name === 'audit_log' && String(r.action).startsWith('token.')))
      .map((r) =>
        JSON.stringify(r, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)),
      )
      .sort();
  }
  return out;
}
