import type { Kysely, Selectable } from 'kysely';
import { withinScope } from '../../db/access-gate.ts';
import type { DB, PledgesTable } from '../../db/schema.ts';
import { NeedsRepository } from '../children/needs.repository.ts';

/** The only SQL of pledges. */
export class PledgesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base(scopePath: string) {
    return this.db
      .selectFrom('pledges as p')
      .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
      .innerJoin('sponsors as s', 's.id', 'p.sponsor_id')
      .selectAll('p')
      .select(['o.code as org_code', 's.name as sponsor_name'])
      .where(withinScope('p.org_path', scopePath));
  }

  findById(id: string, scopePath: string) {
    return this.base(scopePath).where('p.id', '=', id).executeTakeFirst();
  }

  list(
    scopePath: string,
    f: {
      status?: string;
      overdueOn?: string;
      sponsorId?: string;
      limit: number;
      after?: { due: string; id: string };
    },
  ) {
    let q = this.base(scopePath)
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
