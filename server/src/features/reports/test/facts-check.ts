import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../../../db/schema.ts';
import { rebuildReportFacts } from '../facts/report-facts.ts';

async function cube(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('report_cube').selectAll().execute();
  return rows
    .filter((r) => Number(r.students) !== 0 || Number(r.amount) !== 0 || Number(r.records) !== 0)
    .map((r) => `${r.year} ${r.unit_id} ${r.dim} ${r.key} ${r.students} ${r.amount} ${r.records}`)
    .sort();
}

/**
 * The report facts as the write paths left them equal the facts rebuilt from the records: no write forgot to
 * refresh them. Meant for the end of a test file that went through many writes.
 */
export async function expectFactsMatchRebuild(db: Kysely<DB>): Promise<void> {
  const kept = await cube(db);
  await db.transaction().execute((trx) => rebuildReportFacts(trx));
  expect(kept).toEqual(await cube(db));
}
