import { sql, type Kysely } from 'kysely';
import { nameSortKey, searchTerms } from '#domain/name-search';
import { isPostgres } from '../portable.ts';

/**
 * Kazakh-aware search and sort of children: `sort_key` orders names in the Kazakh-Russian alphabet (plain byte
 * order on both engines), and `child_search_terms` holds each child's folded name words and IIN tails, so that a
 * search is an indexed prefix match of terms rather than a scan of every name. Fills both for the children there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('children')
    .addColumn('sort_key', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('child_search_terms')
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('term', 'text', (c) => c.notNull())
    .execute();
  // Prefix LIKE on the term (text_pattern_ops on PostgreSQL; SQLite runs with case_sensitive_like, see engine.ts).
  const opclass = isPostgres(db) ? sql` text_pattern_ops` : sql``;
  await sql`create index child_search_terms_term on child_search_terms (term${opclass}, child_id)`.execute(
    db,
  );
  await db.schema
    .createIndex('child_search_terms_child')
    .on('child_search_terms')
    .column('child_id')
    .execute();
  await db.schema
    .createIndex('children_school_sort_key')
    .on('children')
    .columns(['org_unit_id', 'sort_key', 'id'])
    .execute();
  await db.schema.createIndex('children_sort_key').on('children').columns(['sort_key', 'id']).execute();

  const children = db as unknown as Kysely<{
    children: {
      id: string;
      surname: string;
      name: string;
      patronymic: string | null;
      iin: string | null;
      sort_key: string;
    };
    child_search_terms: { child_id: string; term: string };
  }>;
  let after = '';
  for (;;) {
    const rows = await children
      .selectFrom('children')
      .select(['id', 'surname', 'name', 'patronymic', 'iin'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const terms: { child_id: string; term: string }[] = [];
    for (const r of rows) {
      const full = [r.surname, r.name, r.patronymic ?? ''].join(' ');
      await children
        .updateTable('children')
        .set({ sort_key: nameSortKey(full) })
        .where('id', '=', r.id)
        .execute();
      for (const term of searchTerms(full, r.iin)) terms.push({ child_id: r.id, term });
    }
    for (let i = 0; i < terms.length; i += 400) {
      await children
        .insertInto('child_search_terms')
        .values(terms.slice(i, i + 400))
        .execute();
    }
  }
}
