import { readFileSync } from 'node:fs';
import type { Db } from './db.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

const file = (name: string) => readFileSync(new URL(`./migrations/${name}`, import.meta.url), 'utf8');

/** Append only: a released migration is never edited, a change is a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: '001-init', sql: file('001-init.sql') },
  { id: 2, name: '002-token-user', sql: file('002-token-user.sql') },
  { id: 3, name: '003-token-use-audit', sql: file('003-token-use-audit.sql') },
  { id: 4, name: '004-live-contacts', sql: file('004-live-contacts.sql') },
  { id: 5, name: '005-center-worker', sql: file('005-center-worker.sql') },
];

// Any constant works; it only has to be the same in every worker migrating one database.
const MIGRATION_LOCK = 7_204_815;

/**
 * Brings the schema up to date. Each migration commits with its bookkeeping row, and an advisory
 * lock keeps two workers starting at once from both applying it.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.transaction(async (tx) => {
    // Under the lock too: two workers creating the table at once would collide in pg_type.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
  });
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [m.id]);
      if (seen.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      return true;
    });
    if (done) applied.push(m.id);
  }
  return applied;
}
