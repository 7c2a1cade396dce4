import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { DB } from '../../db/schema.ts';
import { pathAndAncestors } from '../campaigns/campaigns.repository.ts';
import { DIM } from './facts/child-facts.ts';
import { MAX_DEPTH } from './facts/report-facts.repository.ts';

/** A unit of a report: the unit itself (sub = null) or one of the units directly below it (sub = its id). */
export type Sub = string | null;

export interface CubeRow {
  unit_id: string;
  year: number;
  dim: string;
  key: string;
  students: number;
  amount: number;
  records: number;
}

const num = (v: unknown) => Number(v ?? 0);

/** Campaign records: tied to one of this year's campaigns of the unit, or (raids, hotline) undated by campaign. */
export function campaignRecords(
  db: Kysely<DB>,
  column: string,
  scope: Scope,
  year: number,
  undated?: { column: string },
): Expression<SqlBool> {
  const ids = db
    .selectFrom('campaigns')
    .select('id')
    .where('year', '=', year)
    .where((eb) => eb.or([eb('org_path', 'in', pathAndAncestors(scope.root)), inScope(scope, 'org_path')]));
  const tied = sql<SqlBool>`${sql.ref(column)} in (${ids})`;
  if (!undated) return tied;
  return sql<SqlBool>`(${tied} or (${sql.ref(column)} is null and ${sql.ref(undated.column)} >= ${`${year}-01-01`} and ${sql.ref(undated.column)} < ${`${year + 1}-01-01`}))`;
}

/**
 * The SQL of reports computed where the data is: figures read from the cube (facts kept up to date by every write),
 * and the campaign's small records (raids, hotline, plan, materials) aggregated per unit one level below the
 * report's unit through the org structure. Nothing here reads a subtree's records into the process.
 */
export class ReportFiguresRepository {
  constructor(private readonly db: Kysely<DB>) {}

  structure(unitId: string) {
    return this.db
      .selectFrom('org_structure')
      .select(['unit_id', 'path', 'depth', 'leaf'])
      .where('unit_id', '=', unitId)
      .executeTakeFirst();
  }

  /** Which of these units have no units below them. */
  async leafFlags(unitIds: readonly string[]): Promise<Set<string>> {
    if (unitIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('org_structure')
      .select('unit_id')
      .where('unit_id', 'in', [...unitIds])
      .where('leaf', '=', 1)
      .execute();
    return new Set(rows.map((r) => r.unit_id));
  }

  childUnits(unitId: string) {
    return this.db.selectFrom('org_units').selectAll().where('parent_id', '=', unitId).execute();
  }

  /** Cube rows of these units for the year (and year 0), without sponsors and the dashboard's days. */
  async cube(year: number, unitIds: readonly string[], dims?: readonly string[]): Promise<CubeRow[]> {
    if (unitIds.length === 0) return [];
    let q = this.db
      .selectFrom('report_cube')
      .select(['unit_id', 'year', 'dim', 'key', 'students', 'amount', 'records'])
      .where('year', 'in', [0, year])
      .where('unit_id', 'in', [...unitIds]);
    q = dims ? q.where('dim', 'in', [...dims]) : q.where('dim', 'not in', [DIM.sponsor, DIM.day, DIM.first]);
    const rows = await q.execute();
    return rows.map((r) => ({
      ...r,
      year: num(r.year),
      students: num(r.students),
      amount: num(r.amount),
      records: num(r.records),
    }));
  }

  /** Sponsor lines of these units, with the sponsor's details; a school's in the order it registered them. */
  async sponsorLines(year: number, unitIds: readonly string[]) {
    if (unitIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('report_cube as c')
      .leftJoin('sponsors as s', 's.id', 'c.key')
      .select([
        'c.unit_id',
        'c.key as id',
        'c.students',
        'c.amount',
        's.name',
        's.type',
        's.head',
        's.anonymous',
        's.created_at',
      ])
      .where('c.year', '=', year)
      .where('c.unit_id', 'in', [...unitIds])
      .where('c.dim', '=', DIM.sponsor)
      .where('c.students', '>', 0)
      .orderBy('s.created_at')
      .orderBy('c.key')
      .execute();
    return rows.map((r) => ({ ...r, students: num(r.students), amount: num(r.amount) }));
  }

  /** The unit's totals per campaign year (the dashboard's history). */
  async totalsByYear(unitId: string) {
    const rows = await this.db
      .selectFrom('report_cube')
      .select(['year', 'students', 'amount'])
      .where('unit_id', '=', unitId)
      .where('dim', '=', DIM.total)
      .where('key', '=', '')
      .where('year', '>', 0)
      .execute();
    return rows.map((r) => ({ year: num(r.year), students: num(r.students), amount: num(r.amount) }));
  }

  /** Open needs of the children on the approved list at or below the unit, per item (the public page). */
  async openNeeds(unitId: string) {
    const rows = await this.db
      .selectFrom('report_cube as c')
      .innerJoin('need_items as i', 'i.code', 'c.key')
      .select(['i.code', 'i.name_kk', 'i.name_ru', 'i.name_en', 'i.position', 'c.students', 'c.amount'])
      .where('c.year', '=', 0)
      .where('c.unit_id', '=', unitId)
      .where('c.dim', '=', DIM.needs)
      .where('c.students', '>', 0)
      .execute();
    return rows.map((r) => ({
      ...r,
      children: num(r.students),
      quantity: num(r.amount),
      position: num(r.position),
    }));
  }

  /**
   * The column of the org structure holding the unit one level below a unit at `depth`, and what to group by for
   * it (nothing for a school: PostgreSQL refuses to group by a constant).
   */
  private subColumn(depth: number) {
    if (depth >= MAX_DEPTH) return { sub: sql<Sub>`null`, by: [] };
    const sub = sql<Sub>`${sql.ref(`st.l${depth + 1}`)}`;
    return { sub, by: [sub] };
  }

  async raids(scope: Scope, depth: number, year: number) {
    const { sub, by } = this.subColumn(depth);
    const counts = await this.db
      .selectFrom('raids as r')
      .innerJoin('org_structure as st', 'st.path', 'r.org_path')
      .select([sub.as('sub'), (eb) => eb.fn.countAll().as('n')])
      .where(inScope(scope, 'r.org_path'))
      .where(campaignRecords(this.db, 'r.campaign_id', scope, year, { column: 'r.held_on' }))
      .$call((q) => (by.length > 0 ? q.groupBy(by) : q))
      .execute();
    // Back at school: a registry child whose non-attendance case in the report's unit ended "attends school"; a
    // child found without a record, the case opened from that raid under the same name.
    const found = (grouped: boolean) => {
      const q = this.db
        .selectFrom('raid_children as rc')
        .innerJoin('raids as r', 'r.id', 'rc.raid_id')
        .innerJoin('org_structure as st', 'st.path', 'r.org_path')
        .select([
          (grouped ? sub : sql<Sub>`null`).as('sub'),
          sql<number>`count(distinct rc.child_id)`.as('registry'),
          sql<number>`count(distinct case when exists (select 1 from cases k where k.child_id = rc.child_id and k.outcome = 'attends_school' and ${inScope(scope, 'k.org_path')}) then rc.child_id end)`.as(
            'registry_returned',
          ),
          sql<number>`sum(case when rc.child_id is null then 1 else 0 end)`.as('unregistered'),
          sql<number>`sum(case when rc.child_id is null and exists (select 1 from cases k where k.source = 'raid' and k.outcome = 'attends_school' and (k.source_id = rc.id or k.source_id = r.id) and k.child_name = rc.full_name and ${inScope(scope, 'k.org_path')}) then 1 else 0 end)`.as(
            'unregistered_returned',
          ),
        ])
        .where(inScope(scope, 'r.org_path'))
        .where(campaignRecords(this.db, 'r.campaign_id', scope, year, { column: 'r.held_on' }));
      return (grouped && by.length > 0 ? q.groupBy(by) : q).execute();
    };
    const firstKey = sql<string>`min(r.held_on || '|' || r.id || '|' || (1000000 + p.position))`;
    const places = await this.db
      .selectFrom('raid_places as p')
      .innerJoin('raids as r', 'r.id', 'p.raid_id')
      .innerJoin('org_structure as st', 'st.path', 'r.org_path')
      .select([sub.as('sub'), 'p.kind', 'p.name', firstKey.as('first')])
      .where(inScope(scope, 'r.org_path'))
      .where(campaignRecords(this.db, 'r.campaign_id', scope, year, { column: 'r.held_on' }))
      .groupBy([...by, 'p.kind', 'p.name'])
      .execute();
    const participants = await this.db
      .selectFrom('raid_participants as p')
      .innerJoin('raids as r', 'r.id', 'p.raid_id')
      .innerJoin('org_structure as st', 'st.path', 'r.org_path')
      .select([
        sub.as('sub'),
        'p.kind',
        'p.organisations',
        sql<number>`sum(p.count)`.as('count'),
        firstKey.as('first'),
      ])
      .where(inScope(scope, 'r.org_path'))
      .where(campaignRecords(this.db, 'r.campaign_id', scope, year, { column: 'r.held_on' }))
      .groupBy([...by, 'p.kind', 'p.organisations'])
      .execute();
    const [foundBySub, foundTotal] = await Promise.all([found(true), found(false)]);
    const toFound = (r: (typeof foundBySub)[number]) => ({
      sub: r.sub,
      registry: num(r.registry),
      registryReturned: num(r.registry_returned),
      unregistered: num(r.unregistered),
      unregisteredReturned: num(r.unregistered_returned),
    });
    return {
      counts: counts.map((r) => ({ sub: r.sub, count: num(r.n) })),
      foundBySub: foundBySub.map(toFound),
      foundTotal: foundTotal.map(toFound)[0],
      places: places.map((p) => ({ ...p, first: String(p.first) })),
      participants: participants.map((p) => ({ ...p, count: num(p.count), first: String(p.first) })),
    };
  }

  async hotline(scope: Scope, depth: number, year: number) {
    const { sub, by } = this.subColumn(depth);
    const rows = await this.db
      .selectFrom('hotline_calls as h')
      .innerJoin('org_structure as st', 'st.path', 'h.org_path')
      .select([
        sub.as('sub'),
        (eb) => eb.fn.countAll().as('calls'),
        sql<number>`sum(case when h.status = 'closed' then 1 else 0 end)`.as('closed'),
      ])
      .where(inScope(scope, 'h.org_path'))
      .where(campaignRecords(this.db, 'h.campaign_id', scope, year, { column: 'h.received_at' }))
      .$call((q) => (by.length > 0 ? q.groupBy(by) : q))
      .execute();
    return rows.map((r) => ({ sub: r.sub, calls: num(r.calls), closed: num(r.closed) }));
  }

  async plan(scope: Scope, depth: number, year: number) {
    const { sub, by } = this.subColumn(depth);
    const rows = await this.db
      .selectFrom('plan_items as p')
      .innerJoin('org_structure as st', 'st.path', 'p.org_path')
      .select([sub.as('sub'), 'p.status', (eb) => eb.fn.countAll().as('n')])
      .where(inScope(scope, 'p.org_path'))
      .where(campaignRecords(this.db, 'p.campaign_id', scope, year))
      .groupBy([...by, 'p.status'])
      .execute();
    return rows.map((r) => ({ sub: r.sub, status: r.status, count: num(r.n) }));
  }

  /** Per unit below: its schools (leaf units), and the leaves that prepared a stand or booklets, by language. */
  async outreach(scope: Scope, depth: number, year: number) {
    const { sub, by } = this.subColumn(depth);
    const leaves = await this.db
      .selectFrom('org_structure as st')
      .select([sub.as('sub'), (eb) => eb.fn.countAll().as('n')])
      .where(inScope(scope, 'st.path'))
      .where('st.leaf', '=', 1)
      .$call((q) => (by.length > 0 ? q.groupBy(by) : q))
      .execute();
    const materials = await this.db
      .selectFrom('material_texts as m')
      .innerJoin('org_structure as st', 'st.path', 'm.org_path')
      .select([sub.as('sub'), 'm.lang', sql<number>`count(distinct m.org_path)`.as('n')])
      .where(inScope(scope, 'm.org_path'))
      .where('st.leaf', '=', 1)
      .where(campaignRecords(this.db, 'm.campaign_id', scope, year))
      .groupBy([...by, 'm.lang'])
      .execute();
    const stands = await this.db
      .selectFrom('material_texts as m')
      .innerJoin('org_structure as st', 'st.path', 'm.org_path')
      .select([
        sub.as('sub'),
        sql<number>`count(distinct m.org_path)`.as('stands'),
        sql<number>`count(distinct case when m.lang in ('kk', 'ru', 'en') then m.org_path end)`.as(
          'booklets',
        ),
      ])
      .where(inScope(scope, 'm.org_path'))
      .where('st.leaf', '=', 1)
      .where(campaignRecords(this.db, 'm.campaign_id', scope, year))
      .$call((q) => (by.length > 0 ? q.groupBy(by) : q))
      .execute();
    return {
      leaves: leaves.map((r) => ({ sub: r.sub, count: num(r.n) })),
      languages: materials.map((r) => ({ sub: r.sub, lang: r.lang })),
      stands: stands.map((r) => ({ sub: r.sub, stands: num(r.stands), booklets: num(r.booklets) })),
    };
  }

  /**
   * Whether a school (leaf) under the unit is not covered by any campaign of the year opened at or below the unit:
   * such a unit's campaign cannot be closed.
   */
  async hasUncoveredLeaf(scope: Scope, year: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('org_structure as st')
      .select('st.unit_id')
      .where(inScope(scope, 'st.path'))
      .where('st.leaf', '=', 1)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('campaigns as c')
              .select('c.id')
              .where('c.year', '=', year)
              .where(inScope(scope, 'c.org_path'))
              .where((e) =>
                e.or([
                  e('c.org_unit_id', '=', e.ref('st.l1')),
                  e('c.org_unit_id', '=', e.ref('st.l2')),
                  e('c.org_unit_id', '=', e.ref('st.l3')),
                  e('c.org_unit_id', '=', e.ref('st.l4')),
                ]),
              ),
          ),
        ),
      )
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
