import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db } from './db.js';

type Queryable = Pick<Transaction, 'query' | 'exec'>;

function wrap(q: Queryable, begin: Db['transaction'], close: () => Promise<void>): Db {
  return {
    driver: 'pglite',
    query: async <R>(sql: string, params: readonly unknown[] = []) =>
      (await q.query<R>(sql, params as unknown[])).rows,
    exec: async (sql) => {
      await q.exec(sql);
    },
    transaction: begin,
    close,
  };
}

/**
 * The embedded store: PostgreSQL compiled to WebAssembly, in a folder (`dataDir`) or in memory.
 * PGlite has one connection and queues statements itself, so a transaction holds it exclusively.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create(dataDir ? { dataDir } : {});
  const close = () => pg.close();
  const db: Db = wrap(
    pg,
    (fn) =>
      pg.transaction(async (tx) => {
        const inner: Db = wrap(tx, (nested) => nested(inner), close);
        return fn(inner);
      }),
    close,
  );
  return db;
}
