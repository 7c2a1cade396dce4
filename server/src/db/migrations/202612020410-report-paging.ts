import type { Kysely } from 'kysely';

// The records behind a report's figure are read a page at a time in a fixed order (reports/report-trace.repository):
// aid by date, children by unit and name. These indexes let a page be read in that order without sorting the
// whole year, and let "is this row reversed" be one index lookup.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('aid_year_date').on('aid').columns(['year', 'date', 'id']).execute();
  await db.schema.createIndex('aid_reverses').on('aid').column('reverses').execute();
  await db.schema
    .createIndex('children_path_name')
    .on('children')
    .columns(['org_path', 'sort_name', 'id'])
    .execute();
}
