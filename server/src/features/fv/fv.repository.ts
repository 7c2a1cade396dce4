import { sql, type Kysely } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import { isPostgres } from '../../db/portable.ts';
import type { DB } from '../../db/schema.ts';

export interface FvUsage {
  org_unit_id: string;
  decided: number;
  paid: number;
  students: number;
}

/** The only SQL of ФВ allocations and the subsistence minimum. */
export class FvRepository {
  constructor(private readonly db: Kysely<DB>) {}

  pmList() {
    return this.db.selectFrom('subsistence_minimums').selectAll().orderBy('year').execute();
  }

  pm(year: number) {
    return this.db.selectFrom('subsistence_minimums').selectAll().where('year', '=', year).executeTakeFirst();
  }

  async insertPm(year: number, amount: number) {
    await this.db
      .insertInto('subsistence_minimums')
      .values({ year, amount, updated_at: new Date().toISOString() })
      .execute();
  }

  async updatePm(year: number, amount: number, version: number): Promise<boolean> {
    const r = await this.db
      .updateTable('subsistence_minimums')
      .set({ amount, version: version + 1, updated_at: new Date().toISOString() })
      .where('year', '=', year)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Schools under the scope with their allocation of the year (null columns when none is recorded). */
  schools(scope: Scope, year: number) {
    return this.db
      .selectFrom('org_units as u')
      .leftJoin('fv_allocations as f', (j) => j.onRef('f.org_unit_id', '=', 'u.id').on('f.year', '=', year))
      .select([
        'u.id',
        'u.code',
        'u.path',
        'u.name_ru',
        'u.name_kk',
        'f.id as allocation_id',
        'f.allocated',
        'f.version',
      ])
      .where(inScope(scope, 'u.path'))
      .where('u.type', '=', 'school')
      .orderBy('u.path')
      .execute();
  }

  /**
   * ФВ aid in effect per school for the year: rows that neither reverse another nor are reversed. "Paid" is the
   * part whose handover has a proof attached.
   */
  async usage(scope: Scope, year: number, orgUnitId?: string): Promise<FvUsage[]> {
    let q = this.db
      .selectFrom('aid as a')
      .select((eb) => [
        'a.org_unit_id',
        eb.fn.sum<number>('a.amount').as('decided'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(
                eb.exists(
                  eb
                    .selectFrom('aid_proofs as p')
                    .select('p.id')
                    .whereRef('p.handover_id', '=', 'a.handover_id'),
                ),
              )
              .then(eb.ref('a.amount'))
              .else(sql.lit(0))
              .end(),
          )
          .as('paid'),
        eb.fn.count<number>('a.child_id').distinct().as('students'),
      ])
      .where('a.source', '=', 'fv')
      .where('a.year', '=', year)
      .where('a.reverses', 'is', null)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('aid as r').select('r.id').whereRef('r.reverses', '=', 'a.id'))),
      )
      .where(inScope(scope, 'a.org_path'))
      .groupBy('a.org_unit_id');
    if (orgUnitId) q = q.where('a.org_unit_id', '=', orgUnitId);
    const rows = await q.execute();
    return rows.map((r) => ({
      org_unit_id: r.org_unit_id,
      decided: Number(r.decided ?? 0),
      paid: Number(r.paid ?? 0),
      students: Number(r.students ?? 0),
    }));
  }

  /**
   * The allocation of a school and year, read for a decision that spends from it. On PostgreSQL the row is
   * locked until the transaction ends, so two batches cannot both spend the same remainder; SQLite's single
   * writer serialises write transactions already.
   */
  allocationForSpending(orgUnitId: string, year: number) {
    let q = this.db
      .selectFrom('fv_allocations')
      .selectAll()
      .where('org_unit_id', '=', orgUnitId)
      .where('year', '=', year);
    if (isPostgres(this.db as Kysely<unknown>)) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  allocation(orgUnitId: string, year: number) {
    return this.db
      .selectFrom('fv_allocations')
      .selectAll()
      .where('org_unit_id', '=', orgUnitId)
      .where('year', '=', year)
      .executeTakeFirst();
  }

  async insertAllocation(row: {
    id: string;
    org_unit_id: string;
    org_path: string;
    year: number;
    allocated: number;
  }) {
    const now = new Date().toISOString();
    await this.db
      .insertInto('fv_allocations')
      .values({ ...row, created_at: now, updated_at: now })
      .execute();
  }

  async updateAllocation(id: string, allocated: number, version: number): Promise<boolean> {
    const r = await this.db
      .updateTable('fv_allocations')
      .set({ allocated, version: version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
