import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { CATEGORY_CODES } from '#domain/categories';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { ChildStatus, DB } from '../../db/schema.ts';
import { campaignRecords } from './report-figures.repository.ts';

/** The sort key of the last record of a page: the next page starts after it. */
export type TraceKey = (string | number)[];

export interface AidFilter {
  source: 'fv' | 'sponsor' | null;
  month?: string | undefined;
  sponsor?: string | undefined;
  form?: string | undefined;
  category?: string | undefined;
}

const num = (v: unknown) => Number(v ?? 0);

/** Rows after `key` in the order of `columns` (a row-value comparison, the same on both engines). */
function after(columns: readonly string[], key: TraceKey | null): Expression<SqlBool> {
  if (key === null) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${sql.join(columns.map((c) => sql.ref(c)))}) > (${sql.join(key)})`;
}

const UNIT_COLUMNS = ['u.code as unit_code', 'u.name_ru', 'u.name_kk', 'u.name_en'] as const;

/**
 * The records behind one figure of a report, one page at a time, in a fixed order with a key to go on from: a
 * figure of the republic opens its first page without the rest of its records being read.
 */
export class ReportTraceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Effective aid rows (neither reversed nor reversing) of the year in the scope, by date. */
  private aidRows(sees: Scope, year: number, f: AidFilter) {
    let q = this.db
      .selectFrom('aid as a')
      .innerJoin('children as c', 'c.id', 'a.child_id')
      .where('a.year', '=', year)
      .where(inScope(sees, 'a.org_path', { classColumn: 'c.class_label' }))
      .where('a.reverses', 'is', null)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('aid as r').select('r.id').whereRef('r.reverses', '=', 'a.id'))),
      );
    if (f.source === 'fv') q = q.where('a.source', '=', 'fv');
    if (f.source === 'sponsor') q = q.where('a.source', '=', 'sponsor');
    if (f.month) q = q.where('a.date', '>=', `${f.month}-01`).where('a.date', '<=', `${f.month}-31`);
    if (f.sponsor) q = q.where('a.sponsor_id', '=', f.sponsor);
    if (f.form) q = q.where('a.form', '=', f.form);
    if (f.category === 'none') {
      q = q.where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('child_categories as cc')
              .select('cc.child_id')
              .whereRef('cc.child_id', '=', 'a.child_id')
              .where('cc.code', 'in', [...CATEGORY_CODES]),
          ),
        ),
      );
    } else if (f.category) {
      const code = f.category;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('child_categories as cc')
            .select('cc.child_id')
            .whereRef('cc.child_id', '=', 'a.child_id')
            .where('cc.code', '=', code),
        ),
      );
    }
    return q;
  }

  async aidPage(sees: Scope, year: number, f: AidFilter, key: TraceKey | null, limit: number) {
    const rows = await this.aidRows(sees, year, f)
      .innerJoin('org_units as u', 'u.id', 'a.org_unit_id')
      .leftJoin('sponsors as s', 's.id', 'a.sponsor_id')
      .select([
        'a.id',
        'a.date',
        'a.amount',
        'a.form',
        'a.source',
        's.name as sponsor_name',
        'c.surname',
        'c.name',
        'c.patronymic',
        'c.class_label',
        ...UNIT_COLUMNS,
      ])
      .where(after(['a.date', 'a.id'], key))
      .orderBy('a.date')
      .orderBy('a.id')
      .limit(limit + 1)
      .execute();
    return page(rows, limit, (r) => [r.date, r.id]);
  }

  /** Distinct children, tenge and rows of the filtered aid (when the cube holds no such figure). */
  async aidFigure(sees: Scope, year: number, f: AidFilter) {
    const row = await this.aidRows(sees, year, f)
      .select([
        sql<number>`count(*)`.as('records'),
        sql<number>`count(distinct a.child_id)`.as('students'),
        sql<number>`coalesce(sum(a.amount), 0)`.as('amount'),
      ])
      .executeTakeFirst();
    return { records: num(row?.records), students: num(row?.students), amount: num(row?.amount) };
  }

  private childRows(sees: Scope, statuses: readonly ChildStatus[] | 'notAttending') {
    const q = this.db
      .selectFrom('children as c')
      .where(inScope(sees, 'c.org_path', { classColumn: 'c.class_label' }));
    return statuses === 'notAttending'
      ? q.where('c.status', '<>', 'archived').where('c.not_attending', '=', 1)
      : q.where('c.status', 'in', [...statuses]);
  }

  async childPage(
    sees: Scope,
    statuses: readonly ChildStatus[] | 'notAttending',
    key: TraceKey | null,
    limit: number,
  ) {
    const rows = await this.childRows(sees, statuses)
      .innerJoin('org_units as u', 'u.id', 'c.org_unit_id')
      .select(['c.id', 'c.org_path', 'c.sort_name', 'c.surname', 'c.name', 'c.patronymic', 'c.class_label'])
      .select([...UNIT_COLUMNS])
      .where(after(['c.org_path', 'c.sort_name', 'c.id'], key))
      .orderBy('c.org_path')
      .orderBy('c.sort_name')
      .orderBy('c.id')
      .limit(limit + 1)
      .execute();
    return page(rows, limit, (r) => [r.org_path, r.sort_name, r.id]);
  }

  async childCount(sees: Scope, statuses: readonly ChildStatus[] | 'notAttending'): Promise<number> {
    const row = await this.childRows(sees, statuses)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return num(row?.n);
  }

  private raidsOf(scope: Scope, year: number) {
    return this.db
      .selectFrom('raids as r')
      .innerJoin('org_units as u', 'u.path', 'r.org_path')
      .where(inScope(scope, 'r.org_path'))
      .where(campaignRecords(this.db, 'r.campaign_id', scope, year, { column: 'r.held_on' }));
  }

  async raidPage(scope: Scope, year: number, key: TraceKey | null, limit: number) {
    const rows = await this.raidsOf(scope, year)
      .select(['r.id', 'r.held_on', ...UNIT_COLUMNS])
      .where(after(['r.held_on', 'r.id'], key))
      .orderBy('r.held_on')
      .orderBy('r.id')
      .limit(limit + 1)
      .execute();
    const out = page(rows, limit, (r) => [r.held_on, r.id]);
    const ids = out.rows.map((r) => r.id);
    const places =
      ids.length === 0
        ? []
        : await this.db
            .selectFrom('raid_places')
            .select(['raid_id', 'kind', 'name'])
            .where('raid_id', 'in', ids)
            .orderBy('raid_id')
            .orderBy('position')
            .execute();
    return { ...out, places };
  }

  async raidCount(scope: Scope, year: number): Promise<number> {
    const row = await this.raidsOf(scope, year)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return num(row?.n);
  }

  /**
   * Children found on raids (of the report's scope), seen through `sees`; `returned` keeps those back at school,
   * by the same rule as the report's figure (ReportFiguresRepository.raids).
   */
  private foundRows(scope: Scope, sees: Scope, year: number, returned: boolean) {
    let q = this.raidsOf(scope, year)
      .innerJoin('raid_children as rc', 'rc.raid_id', 'r.id')
      .leftJoin('children as ch', 'ch.id', 'rc.child_id')
      .where(inScope(sees, 'r.org_path', { classColumn: 'ch.class_label' }));
    if (returned)
      q = q.where(
        sql<SqlBool>`(case when rc.child_id is not null then exists (select 1 from cases k where k.child_id = rc.child_id and k.outcome = 'attends_school' and ${inScope(scope, 'k.org_path')}) else exists (select 1 from cases k where k.source = 'raid' and k.outcome = 'attends_school' and (k.source_id = rc.id or k.source_id = r.id) and k.child_name = rc.full_name and ${inScope(scope, 'k.org_path')}) end)`,
      );
    return q;
  }

  async foundPage(
    scope: Scope,
    sees: Scope,
    year: number,
    returned: boolean,
    key: TraceKey | null,
    limit: number,
  ) {
    const rows = await this.foundRows(scope, sees, year, returned)
      .select([
        'rc.id',
        'r.held_on',
        'r.id as raid_id',
        'rc.position',
        'rc.full_name',
        'rc.child_id',
        'ch.surname',
        'ch.name',
        'ch.patronymic',
        'ch.class_label',
        ...UNIT_COLUMNS,
      ])
      .where(after(['r.held_on', 'r.id', 'rc.position'], key))
      .orderBy('r.held_on')
      .orderBy('r.id')
      .orderBy('rc.position')
      .limit(limit + 1)
      .execute();
    return page(rows, limit, (r) => [r.held_on, r.raid_id, Number(r.position)]);
  }

  async foundCount(scope: Scope, sees: Scope, year: number, returned: boolean): Promise<number> {
    const row = await this.foundRows(scope, sees, year, returned)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return num(row?.n);
  }

  private calls(scope: Scope, sees: Scope, year: number, closedOnly: boolean) {
    let q = this.db
      .selectFrom('hotline_calls as h')
      .innerJoin('org_units as u', 'u.path', 'h.org_path')
      .where(inScope(scope, 'h.org_path'))
      .where(inScope(sees, 'h.org_path', { childIdColumn: 'h.child_id' }))
      .where(campaignRecords(this.db, 'h.campaign_id', scope, year, { column: 'h.received_at' }));
    if (closedOnly) q = q.where('h.status', '=', 'closed');
    return q;
  }

  async callPage(
    scope: Scope,
    sees: Scope,
    year: number,
    closedOnly: boolean,
    key: TraceKey | null,
    limit: number,
  ) {
    const rows = await this.calls(scope, sees, year, closedOnly)
      .select(['h.id', 'h.received_at', 'h.subject', ...UNIT_COLUMNS])
      .where(after(['h.received_at', 'h.id'], key))
      .orderBy('h.received_at')
      .orderBy('h.id')
      .limit(limit + 1)
      .execute();
    return page(rows, limit, (r) => [r.received_at, r.id]);
  }

  async callCount(scope: Scope, sees: Scope, year: number, closedOnly: boolean): Promise<number> {
    const row = await this.calls(scope, sees, year, closedOnly)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return num(row?.n);
  }

  private planRows(scope: Scope, year: number, doneOnly: boolean) {
    const q = this.db
      .selectFrom('plan_items as p')
      .innerJoin('org_units as u', 'u.path', 'p.org_path')
      .where(inScope(scope, 'p.org_path'))
      .where(campaignRecords(this.db, 'p.campaign_id', scope, year));
    return doneOnly ? q.where('p.status', '=', 'done') : q.where('p.status', '<>', 'cancelled');
  }

  async planPage(scope: Scope, year: number, doneOnly: boolean, key: TraceKey | null, limit: number) {
    const rows = await this.planRows(scope, year, doneOnly)
      .select(['p.id', 'p.org_path', 'p.position', 'p.title', 'p.date_from', ...UNIT_COLUMNS])
      .where(after(['p.org_path', 'p.position', 'p.id'], key))
      .orderBy('p.org_path')
      .orderBy('p.position')
      .orderBy('p.id')
      .limit(limit + 1)
      .execute();
    return page(rows, limit, (r) => [r.org_path, Number(r.position), r.id]);
  }

  async planCount(scope: Scope, year: number, doneOnly: boolean): Promise<number> {
    const row = await this.planRows(scope, year, doneOnly)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return num(row?.n);
  }
}

/** A page of `limit` rows (one more was asked for, to know whether another page follows). */
function page<T>(rows: T[], limit: number, keyOf: (row: T) => TraceKey) {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { rows: kept, next: more ? keyOf(kept.at(-1)!) : null };
}
