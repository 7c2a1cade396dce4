import {
  sql,
  type Expression,
  type Insertable,
  type Kysely,
  type Selectable,
  type SqlBool,
  type Updateable,
} from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type {
  ChildCategoriesTable,
  ChildGuardiansTable,
  ChildrenTable,
  ChildStatusHistoryTable,
  DB,
} from '../../db/schema.ts';
import { nameSortKey, searchTerms, searchWords } from '#domain/name-search';
import { refreshReportFacts } from '../reports/facts/report-facts.ts';

const FACT_COLUMNS = ['status', 'org_unit_id', 'org_path', 'not_attending'] as const;
const SEARCH_COLUMNS = ['surname', 'name', 'patronymic', 'iin'] as const;
import type { ChildFilter, ChildSort } from './children.schema.ts';

export type ChildRow = Selectable<ChildrenTable> & {
  school_code: string;
  school_name_ru: string;
  school_name_kk: string;
};
export type GuardianRow = Selectable<ChildGuardiansTable>;
export type CategoryRow = Selectable<ChildCategoriesTable>;

type SortKey = 'c.sort_key' | 'c.id' | 'c.grade' | 'c.class_label' | 'c.birth_date' | 'c.updated_at';
const SORT_KEYS: Record<'name' | 'class' | 'birthDate' | 'updated', SortKey[]> = {
  name: ['c.sort_key', 'c.id'],
  class: ['c.grade', 'c.class_label', 'c.sort_key', 'c.id'],
  birthDate: ['c.birth_date', 'c.id'],
  updated: ['c.updated_at', 'c.id'],
};
/** A keyset cursor: the sort key values of the last row of a page. */
export type ChildCursor = (string | number)[];

function sortOf(sort: ChildSort) {
  const desc = sort.startsWith('-');
  const keys = SORT_KEYS[(desc ? sort.slice(1) : sort) as keyof typeof SORT_KEYS];
  return { keys, desc };
}

/** The sort key values of a row, for the next page's cursor. */
export function cursorOf(row: ChildRow, sort: ChildSort): ChildCursor {
  return sortOf(sort).keys.map((k) => row[k.slice(2) as keyof ChildRow] as string | number);
}

/** The only place with SQL for children, their guardians, categories, status history, duplicates and transfers. */
export class ChildrenRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Who may be seen: the policy's scope, for a teacher their classes too. A child outside is simply not found. */
  private base(scope: Scope) {
    return this.db
      .selectFrom('children as c')
      .innerJoin('org_units as o', 'o.id', 'c.org_unit_id')
      .selectAll('c')
      .select(['o.code as school_code', 'o.name_ru as school_name_ru', 'o.name_kk as school_name_kk'])
      .where(inScope(scope, 'c.org_path', { classColumn: 'c.class_label' }));
  }

  findById(id: string, scope: Scope): Promise<ChildRow | undefined> {
    return this.base(scope).where('c.id', '=', id).executeTakeFirst();
  }

  /** Many children by id (an import matching its rows), in chunks. */
  async findManyByIds(ids: string[], scope: Scope): Promise<ChildRow[]> {
    const out: ChildRow[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      out.push(
        ...(await this.base(scope)
          .where('c.id', 'in', ids.slice(i, i + CHUNK))
          .execute()),
      );
    }
    return out;
  }

  /** The child holding an IIN anywhere in the system: for uniqueness and transfers only, never shown as is. */
  findByIinAnywhere(iin: string) {
    return this.db
      .selectFrom('children as c')
      .innerJoin('org_units as o', 'o.id', 'c.org_unit_id')
      .select(['c.id', 'c.org_unit_id', 'c.org_path', 'c.class_label'])
      .select(['o.code as school_code'])
      .where('c.iin', '=', iin)
      .executeTakeFirst();
  }

  /** One page of the filtered list, in the chosen order, after the cursor; one row more tells of a next page. */
  list(scope: Scope, filter: ChildFilter, limit: number, after?: ChildCursor) {
    const { keys, desc } = sortOf(filter.sort);
    let q = this.filtered(scope, filter);
    if (after && after.length === keys.length) {
      q = q.where((eb) => {
        const op = desc ? '<' : '>';
        const branches: Expression<SqlBool>[] = keys.map((key, i) =>
          eb.and([...keys.slice(0, i).map((k, j) => eb(k, '=', after[j]!)), eb(key, op, after[i]!)]),
        );
        return eb.or(branches);
      });
    }
    for (const key of keys) q = q.orderBy(key, desc ? 'desc' : 'asc');
    return q.limit(limit).execute();
  }

  async count(scope: Scope, filter: ChildFilter): Promise<number> {
    const r = await this.filtered(scope, filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  private filtered(scope: Scope, filter: ChildFilter) {
    let q = this.base(scope);
    if (filter.status) q = q.where('c.status', '=', filter.status);
    // Archived children (left school) stay out of lists unless asked for.
    else q = q.where('c.status', '!=', 'archived');
    if (filter.q) {
      const text = filter.q.trim();
      // Each word must start a term of the child (a name word folded Kazakh↔Russian, or an IIN tail), in any order.
      // The masked view finds a child only by the whole IIN, so that a masked IIN cannot be rebuilt digit by digit
      // from what partial searches find; school staff find one by any four or more consecutive digits.
      for (const word of searchWords(text)) {
        if (/^\d+$/.test(word) && word.length !== 12 && (scope.masked || word.length < 4)) {
          q = q.where(sql<SqlBool>`1 = 0`);
        } else if (/^\d{12}$/.test(word)) {
          q = q.where('c.iin', '=', word);
        } else {
          const prefix = `${escapeLike(word)}%`;
          q = q.where('c.id', 'in', (eb) =>
            eb.selectFrom('child_search_terms as t').select('t.child_id').where('t.term', 'like', prefix),
          );
        }
      }
    }
    if (filter.class) {
      const cls = filter.class;
      q = /^\d+$/.test(cls) ? q.where('c.grade', '=', Number(cls)) : q.where('c.class_label', '=', cls);
    }
    if (filter.category === 'not_attending') q = q.where('c.not_attending', '=', 1);
    else if (filter.category) {
      const code = filter.category;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('child_categories as cc')
            .select('cc.id')
            .whereRef('cc.child_id', '=', 'c.id')
            .where('cc.code', '=', code),
        ),
      );
    }
    if (filter.need) {
      const need = filter.need;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('child_needs as n')
            .innerJoin('need_items as i', 'i.id', 'n.item_id')
            .select('n.id')
            .whereRef('n.child_id', '=', 'c.id')
            .where('i.code', '=', need)
            .where('n.status', '!=', 'delivered'),
        ),
      );
    }
    return q;
  }

  /** Guardians, categories, open needs and open duplicate flags of a page of children, in four queries. */
  async detailsOf(ids: string[]) {
    const guardians = new Map<string, GuardianRow[]>();
    const categories = new Map<string, CategoryRow[]>();
    const openNeeds = new Map<string, number>();
    const duplicates = new Set<string>();
    if (ids.length === 0) return { guardians, categories, openNeeds, duplicates };
    const [g, c, n, d] = await Promise.all([
      this.db
        .selectFrom('child_guardians')
        .selectAll()
        .where('child_id', 'in', ids)
        .orderBy('position')
        .execute(),
      this.db
        .selectFrom('child_categories')
        .selectAll()
        .where('child_id', 'in', ids)
        .orderBy('code')
        .execute(),
      this.db
        .selectFrom('child_needs')
        .select(['child_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('child_id', 'in', ids)
        .where('status', '=', 'open')
        .groupBy('child_id')
        .execute(),
      this.db
        .selectFrom('child_duplicate_flags')
        .select(['child_id', 'other_child_id'])
        .where('status', '=', 'open')
        .where((eb) => eb.or([eb('child_id', 'in', ids), eb('other_child_id', 'in', ids)]))
        .execute(),
    ]);
    for (const row of g) guardians.set(row.child_id, [...(guardians.get(row.child_id) ?? []), row]);
    for (const row of c) categories.set(row.child_id, [...(categories.get(row.child_id) ?? []), row]);
    for (const row of n) openNeeds.set(row.child_id, Number(row.n));
    for (const row of d) {
      duplicates.add(row.child_id);
      duplicates.add(row.other_child_id);
    }
    return { guardians, categories, openNeeds, duplicates };
  }

  /** Many children at once (an import): multi-row inserts in chunks the engines' parameter limits allow. */
  async insertMany(given: Insertable<ChildrenTable>[]): Promise<void> {
    const rows = given.map(withSortKey);
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.db
        .insertInto('children')
        .values(rows.slice(i, i + CHUNK))
        .execute();
    }
    await refreshReportFacts(
      this.db,
      rows.map((r) => r.id),
    );
    await insertSearchTerms(this.db, rows);
  }

  async insertDetailsMany(
    guardians: Insertable<ChildGuardiansTable>[],
    categories: Insertable<ChildCategoriesTable>[],
    history: Insertable<ChildStatusHistoryTable>[],
  ): Promise<void> {
    for (let i = 0; i < guardians.length; i += CHUNK) {
      await this.db
        .insertInto('child_guardians')
        .values(guardians.slice(i, i + CHUNK))
        .execute();
    }
    for (let i = 0; i < categories.length; i += CHUNK) {
      await this.db
        .insertInto('child_categories')
        .values(categories.slice(i, i + CHUNK))
        .execute();
    }
    for (let i = 0; i < history.length; i += CHUNK) {
      await this.db
        .insertInto('child_status_history')
        .values(history.slice(i, i + CHUNK))
        .execute();
    }
    await refreshReportFacts(
      this.db,
      categories.map((c) => c.child_id),
    );
  }

  /** Which of these IINs children already hold, anywhere: for matching import rows, never shown as is. */
  async holdersOfIins(iins: string[]) {
    const out: { id: string; org_unit_id: string; iin: string | null }[] = [];
    for (let i = 0; i < iins.length; i += CHUNK) {
      const chunk = iins.slice(i, i + CHUNK);
      out.push(
        ...(await this.db
          .selectFrom('children')
          .select(['id', 'org_unit_id', 'iin'])
          .where('iin', 'in', chunk)
          .execute()),
      );
    }
    return out;
  }

  /** Children (not archived) carrying any of these duplicate keys. */
  async withDupKeys(keys: string[]) {
    const out: { id: string; dup_key: string; iin: string | null }[] = [];
    for (let i = 0; i < keys.length; i += CHUNK) {
      const chunk = keys.slice(i, i + CHUNK);
      out.push(
        ...(await this.db
          .selectFrom('children')
          .select(['id', 'dup_key', 'iin'])
          .where('dup_key', 'in', chunk)
          .where('status', '!=', 'archived')
          .execute()),
      );
    }
    return out;
  }

  // Every write of a child, its categories or its school refreshes the child's report facts in the same
  // transaction (see reports/facts), so reports above the school stay exact without re-reading the subtree.
  async insert(row: Insertable<ChildrenTable>): Promise<void> {
    await this.db.insertInto('children').values(withSortKey(row)).execute();
    await refreshReportFacts(this.db, [row.id]);
    await insertSearchTerms(this.db, [row]);
  }

  /** Applies the change only if nobody changed the child since `version`; returns whether it did. */
  async update(id: string, version: number, patch: Updateable<ChildrenTable>): Promise<boolean> {
    const r = await this.db
      .updateTable('children')
      .set({ ...patch, version: version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    // Only the status, the school and the not-attending flag are report facts of the child itself.
    if (FACT_COLUMNS.some((c) => c in patch)) await refreshReportFacts(this.db, [id]);
    if (SEARCH_COLUMNS.some((c) => c in patch)) await refreshNameSearch(this.db, [id]);
    return true;
  }

  async replaceGuardians(childId: string, rows: Omit<Insertable<ChildGuardiansTable>, 'id' | 'child_id'>[]) {
    await this.db.deleteFrom('child_guardians').where('child_id', '=', childId).execute();
    if (rows.length === 0) return;
    await this.db
      .insertInto('child_guardians')
      .values(rows.map((r, i) => ({ ...r, id: uuidv7(), child_id: childId, position: i })))
      .execute();
  }

  async replaceCategories(
    childId: string,
    rows: Omit<Insertable<ChildCategoriesTable>, 'id' | 'child_id'>[],
  ) {
    await this.db.deleteFrom('child_categories').where('child_id', '=', childId).execute();
    if (rows.length > 0)
      await this.db
        .insertInto('child_categories')
        .values(rows.map((r) => ({ ...r, id: uuidv7(), child_id: childId })))
        .execute();
    await refreshReportFacts(this.db, [childId]);
  }

  async addHistory(row: Omit<Insertable<ChildStatusHistoryTable>, 'id' | 'at'>) {
    await this.db
      .insertInto('child_status_history')
      .values({ ...row, id: uuidv7(), at: new Date().toISOString() })
      .execute();
  }

  history(childId: string) {
    return this.db
      .selectFrom('child_status_history')
      .selectAll()
      .where('child_id', '=', childId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  }

  /** Other children with the same surname, name and birth date, where at least one of the pair has no IIN. */
  duplicateCandidates(dupKey: string, excludeId: string, hasIin: boolean) {
    let q = this.db
      .selectFrom('children')
      .select(['id', 'org_path'])
      .where('dup_key', '=', dupKey)
      .where('id', '!=', excludeId)
      .where('status', '!=', 'archived');
    if (hasIin) q = q.where('iin', 'is', null);
    return q.execute();
  }

  async flagDuplicate(childId: string, otherId: string, orgPath: string) {
    const existing = await this.db
      .selectFrom('child_duplicate_flags')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('child_id', '=', childId), eb('other_child_id', '=', otherId)]),
          eb.and([eb('child_id', '=', otherId), eb('other_child_id', '=', childId)]),
        ]),
      )
      .executeTakeFirst();
    if (existing) return;
    await this.db
      .insertInto('child_duplicate_flags')
      .values({
        id: uuidv7(),
        child_id: childId,
        other_child_id: otherId,
        org_path: orgPath,
        status: 'open',
        resolved_by: null,
        resolved_at: null,
        created_at: new Date().toISOString(),
      })
      .execute();
  }

  /** Open duplicate flags whose newer child lies within the scope (with the look-alike's path, to check it). */
  duplicateFlags(scope: Scope, flagId?: string) {
    let q = this.db
      .selectFrom('child_duplicate_flags as f')
      .innerJoin('children as a', 'a.id', 'f.child_id')
      .innerJoin('org_units as oa', 'oa.id', 'a.org_unit_id')
      .innerJoin('children as b', 'b.id', 'f.other_child_id')
      .innerJoin('org_units as ob', 'ob.id', 'b.org_unit_id')
      .select([
        'f.id',
        'f.status',
        'f.org_path',
        'a.id as a_id',
        'a.surname as a_surname',
        'a.name as a_name',
        'a.patronymic as a_patronymic',
        'a.birth_date as a_birth_date',
        'a.class_label as a_class',
        'a.version as a_version',
        'a.status as a_status',
        'a.org_path as a_path',
        'oa.code as a_school',
        'b.id as b_id',
        'b.surname as b_surname',
        'b.name as b_name',
        'b.patronymic as b_patronymic',
        'b.birth_date as b_birth_date',
        'b.class_label as b_class',
        'b.org_path as b_path',
        'ob.code as b_school',
      ])
      .where(inScope(scope, 'a.org_path', { classColumn: 'a.class_label' }))
      .orderBy('f.created_at');
    q = flagId ? q.where('f.id', '=', flagId) : q.where('f.status', '=', 'open');
    return q.execute();
  }

  async resolveDuplicate(id: string, status: 'distinct' | 'same', actor: string): Promise<boolean> {
    const r = await this.db
      .updateTable('child_duplicate_flags')
      .set({ status, resolved_by: actor, resolved_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Moves a child (and nothing is copied): its school, path and class change; its needs follow by child id. */
  async move(id: string, orgUnitId: string, orgPath: string, grade: number, classLabel: string) {
    await this.db
      .updateTable('children')
      .set((eb) => ({
        org_unit_id: orgUnitId,
        org_path: orgPath,
        grade,
        class_label: classLabel,
        version: eb('version', '+', 1),
        updated_at: new Date().toISOString(),
      }))
      .where('id', '=', id)
      .execute();
    await this.db
      .updateTable('child_duplicate_flags')
      .set({ org_path: orgPath })
      .where('child_id', '=', id)
      .execute();
    await refreshReportFacts(this.db, [id]);
  }
}

// Rows per multi-row insert: well within SQLite's and PostgreSQL's limits on bound parameters.
const CHUNK = 200;

// '%' and '_' typed into a search are letters, not wildcards.
function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, '');
}

type NameFields = Pick<Insertable<ChildrenTable>, 'id' | 'surname' | 'name' | 'patronymic' | 'iin'>;
const fullNameOf = (r: NameFields) => [r.surname, r.name, r.patronymic ?? ''].join(' ');

/** A new child's row with its sort key (domain/name-search), computed here so that no writer can forget it. */
export function withSortKey<R extends NameFields>(row: R): R & { sort_key: string } {
  return { ...row, sort_key: nameSortKey(fullNameOf(row)) };
}

/** The search terms of children just inserted, in the caller's transaction. */
export async function insertSearchTerms(db: Kysely<DB>, rows: NameFields[]): Promise<void> {
  const terms = rows.flatMap((r) =>
    searchTerms(fullNameOf(r), r.iin ?? null).map((term) => ({ child_id: r.id, term })),
  );
  for (let j = 0; j < terms.length; j += 2 * CHUNK) {
    await db
      .insertInto('child_search_terms')
      .values(terms.slice(j, j + 2 * CHUNK))
      .execute();
  }
}

/**
 * Rewrites the sort key and search terms of these children from their names and IINs (domain/name-search), in the
 * caller's transaction. Every write of a child's name or IIN calls it.
 */
export async function refreshNameSearch(db: Kysely<DB>, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('children')
      .select(['id', 'surname', 'name', 'patronymic', 'iin'])
      .where('id', 'in', chunk)
      .execute();
    await db.deleteFrom('child_search_terms').where('child_id', 'in', chunk).execute();
    const terms: { child_id: string; term: string }[] = [];
    for (const r of rows) {
      const full = [r.surname, r.name, r.patronymic ?? ''].join(' ');
      await db
        .updateTable('children')
        .set({ sort_key: nameSortKey(full) })
        .where('id', '=', r.id)
        .execute();
      for (const term of searchTerms(full, r.iin)) terms.push({ child_id: r.id, term });
    }
    for (let j = 0; j < terms.length; j += 2 * CHUNK) {
      await db
        .insertInto('child_search_terms')
        .values(terms.slice(j, j + 2 * CHUNK))
        .execute();
    }
  }
}
