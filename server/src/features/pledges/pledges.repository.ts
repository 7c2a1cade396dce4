import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { DB, PledgesTable } from '../../db/schema.ts';
import { NeedsRepository } from '../children/needs.repository.ts';

/** The only SQL of pledges. */
export class PledgesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Pledges in scope. A teacher's scope (their classes) keeps the pledges for at least one child of those classes;
   * the service then narrows each to them.
   */
  private base(scope: Scope) {
    const q = this.db
      .selectFrom('pledges as p')
      .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
      .innerJoin('sponsors as s', 's.id', 'p.sponsor_id')
      .selectAll('p')
      .select(['o.code as org_code', 's.name as sponsor_name']);
    if (scope.classes === null) return q.where(inScope(scope, 'p.org_path'));
    return q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('children as pc')
          .select('pc.id')
          .where(inScope(scope, 'pc.org_path', { classColumn: 'pc.class_label' }))
          .where(sql<SqlBool>`p.child_ids like '%"' || pc.id || '"%'`),
      ),
    );
  }

  findById(id: string, scope: Scope) {
    return this.base(scope).where('p.id', '=', id).executeTakeFirst();
  }

  /** Of these children, those in the scope (a teacher's classes). */
  async childrenInScope(ids: readonly string[], scope: Scope): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('children')
      .select('id')
      .where('id', 'in', [...ids])
      .where(inScope(scope, 'org_path', { classColumn: 'class_label' }))
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  list(
    scope: Scope,
    f: {
      status?: string;
      overdueOn?: string;
      sponsorId?: string;
      limit: number;
      after?: { due: string; id: string };
    },
  ) {
    let q = this.base(scope)
      .orderBy('p.due_date')
      .orderBy('p.id')
      .limit(f.limit + 1);
    if (f.status) q = q.where('p.status', '=', f.status as 'open');
    if (f.overdueOn) q = q.where('p.status', '=', 'open').where('p.due_date', '<', f.overdueOn);
    if (f.sponsorId) q = q.where('p.sponsor_id', '=', f.sponsorId);
    const after = f.after;
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb('p.due_date', '>', after.due),
          eb.and([eb('p.due_date', '=', after.due), eb('p.id', '>', after.id)]),
        ]),
      );
    }
    return q.execute();
  }

  async insert(row: Omit<Selectable<PledgesTable>, 'version'>) {
    await this.db.insertInto('pledges').values(row).execute();
  }

  async update(id: string, version: number, patch: Partial<Selectable<PledgesTable>>): Promise<boolean> {
    const r = await this.db
      .updateTable('pledges')
      .set({ ...patch, version: version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Needs of children of a school, with their item codes; ids of other schools are simply absent. */
  needsOfSchool(orgUnitId: string, needIds: readonly string[]) {
    if (needIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('child_needs as n')
      .innerJoin('children as c', 'c.id', 'n.child_id')
      .innerJoin('need_items as i', 'i.id', 'n.item_id')
      .select(['n.id', 'n.child_id', 'n.quantity', 'n.status', 'i.code as item'])
      .where('c.org_unit_id', '=', orgUnitId)
      .where('n.id', 'in', [...needIds])
      .execute();
  }

  childrenOfSchool(orgUnitId: string, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('children')
      .select('id')
      .where('org_unit_id', '=', orgUnitId)
      .where('id', 'in', [...ids])
      .execute();
  }

  /** Whose needs these are. */
  needOwners(needIds: readonly string[]) {
    if (needIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('child_needs')
      .select(['id', 'child_id'])
      .where('id', 'in', [...needIds])
      .execute();
  }

  /** A need a sponsor has promised moves from open to pledged. */
  async markNeedsPledged(needIds: readonly string[]) {
    if (needIds.length === 0) return;
    await this.db
      .updateTable('child_needs')
      .set((eb) => ({
        status: 'pledged',
        updated_at: new Date().toISOString(),
        version: eb('version', '+', 1),
      }))
      .where('id', 'in', [...needIds])
      .where('status', '=', 'open')
      .execute();
    await new NeedsRepository(this.db).refreshFactsOf(needIds);
  }
}

export type PledgeRow = NonNullable<Awaited<ReturnType<PledgesRepository['findById']>>>;
