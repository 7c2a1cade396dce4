import { v7 as uuidv7 } from 'uuid';
import { makeValidIin } from '#domain/iin';
import type { Database } from '../../db/engine.ts';
import { refreshReportFacts } from '../reports/facts/report-facts.ts';

// Test builders for help: children of the registry written straight into its tables (only the columns the aid
// rules read), so that help tests do not depend on the registry's own validation.

export interface FixtureChild {
  id: string;
  iin: string | null;
  surname: string;
  name: string;
}

let serial = 0;

export async function addChildren(
  database: Database,
  schoolCode: string,
  n: number,
  opts: {
    categories?: { code: string; docName?: string | null; validUntil?: string | null }[];
    status?: 'proposed' | 'approved';
    needs?: string[];
    withIin?: boolean;
  } = {},
): Promise<FixtureChild[]> {
  const db = database.db;
  const school = await db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('code', '=', schoolCode)
    .executeTakeFirstOrThrow();
  const items = await db.selectFrom('need_items').select(['id', 'code']).execute();
  const now = new Date().toISOString();
  const out: FixtureChild[] = [];
  for (let i = 0; i < n; i++) {
    serial += 1;
    const id = uuidv7();
    const iin = opts.withIin ? makeValidIin('2014-05-01', 'm', (serial * 10) % 10_000) : null;
    const surname = `Оспанов${serial}`;
    const name = `Ерлан`;
    await db
      .insertInto('children')
      .values({
        id,
        org_unit_id: school.id,
        org_path: school.path,
        iin,
        surname,
        name,
        patronymic: null,
        sort_name: `${surname} ${name}`.toLowerCase(),
        dup_key: `${surname}|${name}|2014-05-0${(serial % 9) + 1}`.toLowerCase(),
        birth_date: `2014-05-0${(serial % 9) + 1}`,
        sex: 'm',
        grade: 3,
        class_label: '3А',
        address: null,
        notes: null,
        status: opts.status ?? 'approved',
        reject_reason: null,
        source: 'teacher',
        consent_by: null,
        consent_date: null,
        consent_scope: null,
        created_by: 'test',
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const c of opts.categories ?? [{ code: 'asp', docName: 'Справка АСП' }]) {
      await db
        .insertInto('child_categories')
        .values({
          id: uuidv7(),
          child_id: id,
          code: c.code,
          doc_name: c.docName === undefined ? 'Справка' : c.docName,
          doc_number: null,
          doc_date: null,
          valid_until: c.validUntil ?? null,
        })
        .execute();
    }
    for (const code of opts.needs ?? []) {
      await db
        .insertInto('child_needs')
        .values({
          id: uuidv7(),
          child_id: id,
          item_id: items.find((x) => x.code === code)!.id,
          size: null,
          quantity: 1,
          est_cost: null,
          status: 'open',
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    out.push({ id, iin, surname, name });
  }
  // The registry's own writes keep the report facts current; so do these.
  await refreshReportFacts(
    db,
    out.map((c) => c.id),
  );
  return out;
}
