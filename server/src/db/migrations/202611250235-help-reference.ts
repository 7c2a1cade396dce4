import { sql, type Kysely } from 'kysely';
import { createPathIndex } from '../portable.ts';

// Reference data and registries of help: the subsistence minimum per year, each school's ФВ allocation per
// year, sponsors and their pledges. Aid itself refers to children and comes in a later migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('subsistence_minimums')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  const now = new Date().toISOString();
  for (const [year, amount] of [
    [2022, 37389],
    [2023, 40567],
    [2024, 43407],
    [2025, 46228],
  ] as const) {
    await sql`insert into subsistence_minimums (year, amount, updated_at, version) values (${year}, ${amount}, ${now}, 1)`.execute(
      db,
    );
  }

  await db.schema
    .createTable('fv_allocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('allocated', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('fv_allocations_unit_year', ['org_unit_id', 'year'])
    .execute();
  await createPathIndex(db, 'fv_allocations_org_path', 'fv_allocations', 'org_path');

  await db.schema
    .createTable('sponsors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // The name in a normalised form (case, spaces, quotes): the natural key of imports and duplicate checks.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('head', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('notes', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into', 'text', (c) => c.references('sponsors.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createPathIndex(db, 'sponsors_org_path', 'sponsors', 'org_path');
  await db.schema.createIndex('sponsors_name_key').on('sponsors').column('name_key').execute();

  await db.schema
    .createTable('pledges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('sponsor_id', 'text', (c) => c.notNull().references('sponsors.id'))
    .addColumn('description', 'text')
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint')
    /** JSON arrays of child ids and need ids the sponsor chose; empty when the pledge is an amount. */
    .addColumn('child_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('need_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('handover_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createPathIndex(db, 'pledges_org_path', 'pledges', 'org_path');
  await db.schema.createIndex('pledges_sponsor').on('pledges').column('sponsor_id').execute();
}
