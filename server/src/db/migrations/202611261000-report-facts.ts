import type { Kysely } from 'kysely';

// Reports read pre-aggregated facts instead of a subtree's records (the way DHIS2 keeps an org-unit structure and
// analytics tables beside its data):
// - org_structure: one row per org unit with the id of its ancestor at each level (l1 = the republic … l4 = the
//   school), so a record of any unit can be grouped by the unit one level below a report's unit;
// - report_cube: per campaign year, unit (at every level) and figure (dim + key) the distinct children, the tenge
//   and the number of records; year 0 holds what does not depend on the year (the lists of children, open needs);
// - report_child_facts: what each child adds to the cube, per year, so a change to one child is applied to the
//   cube as the difference between its old and new contribution, in the transaction that made the change;
// - report_facts_meta: the version of the facts' layout; a new version rebuilds them on start.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('org_structure')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('org_units.id'))
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('parent_id', 'text')
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('leaf', 'integer', (c) => c.notNull())
    .addColumn('l1', 'text', (c) => c.notNull())
    .addColumn('l2', 'text')
    .addColumn('l3', 'text')
    .addColumn('l4', 'text')
    .execute();
  await db.schema.createIndex('org_structure_parent').on('org_structure').column('parent_id').execute();
  // Whether a school is covered by a campaign of the year opened at one of its ancestors (a roll-up's status).
  await db.schema
    .createIndex('campaigns_unit_year')
    .on('campaigns')
    .columns(['org_unit_id', 'year'])
    .execute();

  const units = await (db as Kysely<Record<string, { id: string; parent_id: string | null; path: string }>>)
    .selectFrom('org_units')
    .select(['id', 'parent_id', 'path'])
    .orderBy('path')
    .execute();
  const idByPath = new Map(units.map((u) => [u.path, u.id]));
  const parents = new Set(units.map((u) => u.parent_id));
  const rows = units.map((u) => {
    const codes = u.path.split('/').filter(Boolean);
    const level = (i: number) =>
      i < codes.length ? idByPath.get(`/${codes.slice(0, i + 1).join('/')}/`) : null;
    return {
      unit_id: u.id,
      path: u.path,
      parent_id: u.parent_id,
      depth: codes.length,
      leaf: parents.has(u.id) ? 0 : 1,
      l1: level(0),
      l2: level(1) ?? null,
      l3: level(2) ?? null,
      l4: level(3) ?? null,
    };
  });
  for (let i = 0; i < rows.length; i += 500) {
    await (db as Kysely<Record<string, unknown>>)
      .insertInto('org_structure')
      .values(rows.slice(i, i + 500))
      .execute();
  }

  await db.schema
    .createTable('report_cube')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('students', 'bigint', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('records', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_cube_pk', ['year', 'unit_id', 'dim', 'key'])
    .execute();

  await db.schema
    .createTable('report_child_facts')
    .addColumn('child_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_child_facts_pk', ['child_id', 'year'])
    .execute();

  await db.schema
    .createTable('report_facts_meta')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
