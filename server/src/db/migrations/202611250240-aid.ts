import { sql, type Kysely } from 'kysely';
import { createPathIndex, isPostgres } from '../portable.ts';

// Aid handed over to children: the handover (date, source, form, who recorded it), one append-only row per child
// (corrections are reversing rows), and the scanned proofs of the handover.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('aid_handovers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sponsor_id', 'text', (c) => c.references('sponsors.id'))
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('pledge_id', 'text', (c) => c.references('pledges.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await createPathIndex(db, 'aid_handovers_org_path', 'aid_handovers', 'org_path');

  await db.schema
    .createTable('aid')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('handover_id', 'text', (c) => c.notNull().references('aid_handovers.id'))
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sponsor_id', 'text', (c) => c.references('sponsors.id'))
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull().defaultTo('[]'))
    // A row is reversed at most once: the unique index refuses a second reversal even from a concurrent request.
    .addColumn('reverses', 'text', (c) => c.unique().references('aid.id'))
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await createPathIndex(db, 'aid_org_path', 'aid', 'org_path');
  await db.schema.createIndex('aid_handover').on('aid').column('handover_id').execute();
  await db.schema.createIndex('aid_child').on('aid').column('child_id').execute();
  await db.schema.createIndex('aid_year_source').on('aid').columns(['year', 'source']).execute();
  await db.schema.createIndex('aid_sponsor').on('aid').column('sponsor_id').execute();

  const bytes = isPostgres(db) ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('aid_proofs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('handover_id', 'text', (c) => c.notNull().references('aid_handovers.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('aid_proofs_handover').on('aid_proofs').column('handover_id').execute();
}
