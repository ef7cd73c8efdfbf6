/**
 * The one storage seam. Everything above it writes PostgreSQL's SQL; below it are two drivers:
 * PGlite (embedded, no setup; the default of `parley start`) and PostgreSQL through `pg` (production
 * and scale-out). Tests run every repository against both.
 */
export interface Db {
  readonly driver: 'pglite' | 'postgres';
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: everything it wrote commits together or not at all. Nested calls
   * join the outer transaction, so a service can compose repositories without knowing who began it.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
