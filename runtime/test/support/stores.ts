import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../../src/store/index.js';

const urlFile = fileURLToPath(new URL('../../../.tools/postgres-test-url', import.meta.url));

/**
 * The PostgreSQL the store tests use: DATABASE_URL, else the one scripts/test provisioned. Absent
 * only on a machine where neither exists; CI must have one.
 */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL ?? (existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : '');
  if (url) return url;
  if (process.env.CI === 'true')
    throw new Error('CI=true but no PostgreSQL: set DATABASE_URL or run ./scripts/test as root');
  return undefined;
}

export interface StoreDriver {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated store of its own (its own PostgreSQL schema), dropped by `close`. */
  open(): Promise<Store>;
}

const pglite: StoreDriver = { name: 'pglite', open: () => openStore() };

function postgres(url: string): StoreDriver {
  return {
    name: 'postgres',
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const store = await openStore({ databaseUrl: url, postgres: { schema, max: 4 } });
      const close = store.close.bind(store);
      store.close = async () => {
        await store.db.exec(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
        await close();
      };
      return store;
    },
  };
}

/** Both stores when PostgreSQL is reachable, for `describe.each`. */
export function storeDrivers(): StoreDriver[] {
  const url = testDatabaseUrl();
  return url ? [pglite, postgres(url)] : [pglite];
}
