import pg from 'pg';
import type { Db } from './db.js';

// int8 (counts, bigserial ids) as numbers: Parley's never approach 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface PostgresOptions {
  /** A schema of its own (created when missing); tests isolate themselves this way. */
  schema?: string;
  max?: number;
}

type Client = pg.Pool | pg.PoolClient;

function wrap(client: Client, begin: Db['transaction'], close: () => Promise<void>): Db {
  return {
    driver: 'postgres',
    query: async <R>(sql: string, params: readonly unknown[] = []) =>
      (await client.query(sql, params as unknown[])).rows as R[],
    exec: async (sql) => {
      await client.query(sql);
    },
    transaction: begin,
    close,
  };
}

/** PostgreSQL through a connection pool (`DATABASE_URL`). */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`schema name ${JSON.stringify(schema)} is not a plain identifier`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const close = () => pool.end();
  const db: Db = wrap(
    pool,
    async (fn) => {
      const client = await pool.connect();
      let released = false;
      // A checked-out client has no listener of the pool's: the server ending the connection while
      // the transaction waits between statements would be an uncaught 'error', and end the process.
      let lost: Error | undefined;
      const onLost = (error: Error) => {
        lost ??= error;
      };
      client.on('error', onLost);
      try {
        await client.query('BEGIN');
        const inner: Db = wrap(client, (nested) => nested(inner), close);
        const result = await fn(inner);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          // A broken connection: throw it away rather than return it to the pool.
          client.release(rollbackError as Error);
          released = true;
        });
        // The server's reason (57P01, a reset) says the store went away; pg's "not queryable" does not.
        throw lost ?? e;
      } finally {
        client.off('error', onLost);
        if (!released) client.release(lost);
      }
    },
    close,
  );
  return db;
}
