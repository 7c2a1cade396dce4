import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { makeValidIin } from '#domain/iin';
import type { DB } from '../../db/schema.ts';
import { refreshReportFacts } from '../reports/facts/report-facts.ts';
import { dupKeyOf, sortNameOf } from './children.validation.ts';
import { insertSearchTerms, withSortKey } from './children.repository.ts';

const SURNAMES = ['Абенов', 'Ким', 'Сапаров', 'Иванов', 'Жумабаев', 'Омаров', 'Петров', 'Касымов'];

/**
 * Writes `n` approved children into a school straight through the tables, in batches: the data of the 10 000-child
 * list test and the list benchmark. Every 7th child holds the АСП category. Returns the last IIN written.
 */
export async function seedManyChildren(
  db: Kysely<DB>,
  school: { id: string; path: string },
  n: number,
  serialBase = 0,
) {
  const now = new Date().toISOString();
  let lastIin = '';
  for (let start = 0; start < n; start += 250) {
    const rows = [];
    const categories = [];
    for (let i = start; i < Math.min(n, start + 250); i += 1) {
      const birthDate = `20${String(10 + (i % 8)).padStart(2, '0')}-0${(i % 9) + 1}-1${i % 10}`;
      const iin = makeValidIin(birthDate, i % 2 ? 'f' : 'm', (serialBase + i) % 10_000);
      lastIin = iin;
      const v = {
        surname: `${SURNAMES[i % SURNAMES.length]}${i}`,
        name: 'Ребёнок',
        patronymic: null,
        birthDate,
      };
      const id = uuidv7();
      rows.push({
        id,
        org_unit_id: school.id,
        org_path: school.path,
        iin,
        surname: v.surname,
        name: v.name,
        patronymic: null,
        sort_name: sortNameOf(v),
        dup_key: dupKeyOf(v),
        birth_date: birthDate,
        sex: null,
        grade: (i % 11) + 1,
        class_label: `${(i % 11) + 1}${'АБВГ'[i % 4]}`,
        address: null,
        notes: null,
        status: 'approved' as const,
        reject_reason: null,
        source: 'import' as const,
        consent_by: null,
        consent_date: null,
        consent_scope: null,
        created_by: 'seed',
        created_at: now,
        updated_at: now,
      });
      if (i % 7 === 0) {
        categories.push({
          id: uuidv7(),
          child_id: id,
          code: 'asp',
          doc_name: null,
          doc_number: null,
          doc_date: null,
          valid_until: null,
        });
      }
    }
    await db.insertInto('children').values(rows.map(withSortKey)).execute();
    if (categories.length > 0) await db.insertInto('child_categories').values(categories).execute();
    await refreshReportFacts(
      db,
      rows.map((r) => r.id),
    );
    await insertSearchTerms(db, rows);
  }
  return lastIin;
}
