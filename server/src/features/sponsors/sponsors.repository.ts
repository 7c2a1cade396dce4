import { sql, type Kysely, type Selectable } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { DB, SponsorsTable } from '../../db/schema.ts';
import { refreshReportFacts } from '../reports/facts/report-facts.ts';

export type SponsorRow = Selectable<SponsorsTable> & { org_code: string };

/** Paths of the units above a path ('/KZ/R1/C1/SA/' → '/KZ/', '/KZ/R1/', '/KZ/R1/C1/'). */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/**
 * The only SQL of sponsors. A viewer sees the sponsors registered in its scope and those registered by the units
 * above it (a district's sponsor helps the district's schools: the policy's `sponsor.read` reaches above);
 * merged duplicates are hidden.
 */
export class SponsorsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base(scope: Scope) {
    return this.db
      .selectFrom('sponsors as s')
      .innerJoin('org_units as o', 'o.id', 's.org_unit_id')
      .selectAll('s')
      .select('o.code as org_code')
      .where(inScope(scope, 's.org_path'));
  }

  findById(id: string, scope: Scope, opts: { includeMerged?: boolean } = {}) {
    let q = this.base(scope).where('s.id', '=', id);
    if (!opts.includeMerged) q = q.where('s.merged_into', 'is', null);
    return q.executeTakeFirst() as Promise<SponsorRow | undefined>;
  }

  /** A sponsor of the same unit with the same normalised name: the natural key of imports. */
  findByNameKey(orgUnitId: string, nameKey: string) {
    return this.db
      .selectFrom('sponsors')
      .selectAll()
      .where('org_unit_id', '=', orgUnitId)
      .where('name_key', '=', nameKey)
      .where('merged_into', 'is', null)
      .executeTakeFirst();
  }

  /** Sponsors visible from a unit with that normalised name, nearest registration first (for aid imports). */
  findVisibleByNameKey(scope: Scope, nameKey: string) {
    return this.base(scope)
      .where('s.name_key', '=', nameKey)
      .where('s.merged_into', 'is', null)
      .orderBy(sql`length(s.org_path)`, 'desc')
      .execute() as Promise<SponsorRow[]>;
  }

  list(
    scope: Scope,
    opts: { q?: string; type?: string; limit: number; after?: { key: string; id: string } },
  ): Promise<SponsorRow[]> {
    let q = this.base(scope)
      .where('s.merged_into', 'is', null)
      .orderBy('s.name_key')
      .orderBy('s.id')
      .limit(opts.limit + 1);
    if (opts.type) q = q.where('s.type', '=', opts.type);
    if (opts.q) q = q.where('s.name_key', 'like', `%${opts.q}%`);
    const after = opts.after;
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb('s.name_key', '>', after.key),
          eb.and([eb('s.name_key', '=', after.key), eb('s.id', '>', after.id)]),
        ]),
      );
    }
    return q.execute();
  }

  async insert(row: Omit<Selectable<SponsorsTable>, 'version'>) {
    await this.db.insertInto('sponsors').values(row).execute();
  }

  async update(id: string, version: number, patch: Partial<Selectable<SponsorsTable>>): Promise<boolean> {
    const r = await this.db
      .updateTable('sponsors')
      .set({ ...patch, version: version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Moves every pledge and aid record of the duplicate to the sponsor kept; returns how many moved. */
  async moveRecords(fromId: string, toId: string) {
    const pledges = await this.db
      .updateTable('pledges')
      .set({ sponsor_id: toId })
      .where('sponsor_id', '=', fromId)
      .executeTakeFirst();
    const handovers = await this.db
      .updateTable('aid_handovers')
      .set({ sponsor_id: toId })
      .where('sponsor_id', '=', fromId)
      .executeTakeFirst();
    const helped = await this.db
      .selectFrom('aid')
      .select('child_id')
      .distinct()
      .where('sponsor_id', '=', fromId)
      .execute();
    const aid = await this.db
      .updateTable('aid')
      .set({ sponsor_id: toId })
      .where('sponsor_id', '=', fromId)
      .executeTakeFirst();
    // The children's sponsor lines in the report facts move with their aid.
    await refreshReportFacts(
      this.db,
      helped.map((r) => r.child_id),
    );
    await this.db
      .updateTable('sponsors')
      .set({ merged_into: toId })
      .where('merged_into', '=', fromId)
      .execute();
    return {
      pledges: Number(pledges.numUpdatedRows),
      handovers: Number(handovers.numUpdatedRows),
      aid: Number(aid.numUpdatedRows),
    };
  }

  /** Aid of a sponsor in effect (no reversal involved), per year and form, within the viewer's scope. */
  history(sponsorId: string, scope: Scope) {
    return this.db
      .selectFrom('aid as a')
      .select((eb) => [
        'a.year',
        'a.form',
        eb.fn.sum<number>('a.amount').as('amount'),
        eb.fn.count<number>('a.child_id').distinct().as('students'),
        eb.fn.count<number>('a.handover_id').distinct().as('handovers'),
      ])
      .where('a.sponsor_id', '=', sponsorId)
      .where('a.reverses', 'is', null)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('aid as r').select('r.id').whereRef('r.reverses', '=', 'a.id'))),
      )
      .where(inScope(scope, 'a.org_path'))
      .groupBy(['a.year', 'a.form'])
      .orderBy('a.year')
      .execute();
  }

  /** Distinct children per year across forms (a child helped in two forms counts once in the year). */
  studentsPerYear(sponsorId: string, scope: Scope) {
    return this.db
      .selectFrom('aid as a')
      .select((eb) => [
        'a.year',
        eb.fn.count<number>('a.child_id').distinct().as('students'),
        eb.fn.count<number>('a.handover_id').distinct().as('handovers'),
      ])
      .where('a.sponsor_id', '=', sponsorId)
      .where('a.reverses', 'is', null)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('aid as r').select('r.id').whereRef('r.reverses', '=', 'a.id'))),
      )
      .where(inScope(scope, 'a.org_path'))
      .groupBy('a.year')
      .execute();
  }

  pledgeCounts(sponsorId: string, scope: Scope) {
    return this.db
      .selectFrom('pledges')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .where('sponsor_id', '=', sponsorId)
      .where(inScope(scope, 'org_path'))
      .groupBy('status')
      .execute();
  }
}
