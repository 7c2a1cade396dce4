import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/engine.ts';
import type { DB } from '../../db/schema.ts';
import { DERIVED_TABLES } from '../reports/facts/report-facts.repository.ts';

// Report facts are derived from the other tables: a restore rebuilds them instead of carrying them.
const SKIP = new Set(['schema_migrations', 'schema_migrations_lock', ...DERIVED_TABLES]);

/** Reads and writes whole tables generically, for backups. The only place that lists tables by introspection. */
export class BackupRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly engine: Database['engine'],
  ) {}

  private get raw() {
    return this.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  }

  /** Application tables, parents before children (by foreign keys), so that a restore can insert in this order. */
  async tablesInDependencyOrder(): Promise<string[]> {
    const tables = (await this.db.introspection.getTables()).map((t) => t.name).filter((n) => !SKIP.has(n));
    const edges = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
    if (this.engine === 'sqlite') {
      for (const t of tables) {
        const fks = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${t})`.execute(
          this.db,
        );
        for (const fk of fks.rows) if (fk.table !== t) edges.get(t)!.add(fk.table);
      }
    } else {
      const fks = await sql<{ child: string; parent: string }>`
        select tc.table_name as child, ccu.table_name as parent
        from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu
          on ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.constraint_schema
        where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(this.db);
      for (const fk of fks.rows) if (fk.child !== fk.parent) edges.get(fk.child)?.add(fk.parent);
    }
    const ordered: string[] = [];
    const seen = new Set<string>();
    const visit = (t: string) => {
      if (seen.has(t)) return;
      seen.add(t);
      for (const parent of edges.get(t) ?? []) visit(parent);
      ordered.push(t);
    };
    for (const t of [...tables].sort()) visit(t);
    return ordered;
  }

  async appliedMigrations(): Promise<string[]> {
    const rows = await this.raw.selectFrom('schema_migrations').select('name').orderBy('name').execute();
    return rows.map((r) => String(r.name));
  }

  async columns(table: string): Promise<string[]> {
    const t = (await this.db.introspection.getTables()).find((x) => x.name === table);
    return t ? t.columns.map((c) => c.name) : [];
  }

  /**
   * Rows of a table in pages. Rows come in primary-key order; ids are time-ordered UUIDs, so a parent row of a
   * self-referencing table (an org unit) precedes its children.
   */
  async *rows(table: string, orderBy: string, pageSize = 2000): AsyncGenerator<Record<string, unknown>[]> {
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.raw
        .selectFrom(table)
        .selectAll()
        .orderBy(orderBy)
        .limit(pageSize)
        .offset(offset)
        .execute();
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
    }
  }

  async insert(table: string, rows: Record<string, unknown>[]) {
    if (rows.length > 0) await this.raw.insertInto(table).values(rows).execute();
  }

  async clear(table: string) {
    await this.raw.deleteFrom(table).execute();
  }

  async count(table: string): Promise<number> {
    const r = await this.raw
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }
}
