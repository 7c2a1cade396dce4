import type { Kysely, Selectable } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { DB, OrgUnitsTable } from '../../db/schema.ts';
import { ReportFactsRepository } from '../reports/facts/report-facts.repository.ts';

export type OrgUnitRow = Selectable<OrgUnitsTable> & { parent_code: string | null };

/** The only place with SQL for org units. Every read is bounded by a scope the policy decided. */
export class OrgUnitsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base(scope: Scope) {
    return this.db
      .selectFrom('org_units as u')
      .leftJoin('org_units as p', 'p.id', 'u.parent_id')
      .selectAll('u')
      .select('p.code as parent_code')
      .where(inScope(scope, 'u.path'));
  }

  findByCode(code: string, scope: Scope): Promise<OrgUnitRow | undefined> {
    return this.base(scope).where('u.code', '=', code.toUpperCase()).executeTakeFirst();
  }

  findById(id: string, scope: Scope): Promise<OrgUnitRow | undefined> {
    return this.base(scope).where('u.id', '=', id).executeTakeFirst();
  }

  /** Units under the scope, in tree order (by path), optionally searched by code or name. */
  list(scope: Scope, opts: { q?: string; limit: number; afterPath?: string; type?: string }) {
    let q = this.base(scope)
      .orderBy('u.path')
      .limit(opts.limit + 1);
    if (opts.afterPath) q = q.where('u.path', '>', opts.afterPath);
    if (opts.type) q = q.where('u.type', '=', opts.type as OrgUnitRow['type']);
    if (opts.q) {
      const like = `%${opts.q.toLowerCase()}%`;
      q = q.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['u.code']), 'like', like),
          eb(eb.fn('lower', ['u.name_ru']), 'like', like),
          eb(eb.fn('lower', ['u.name_kk']), 'like', like),
        ]),
      );
    }
    return q.execute();
  }

  /** Direct children of a unit. */
  children(parentId: string) {
    return this.db
      .selectFrom('org_units')
      .selectAll()
      .where('parent_id', '=', parentId)
      .orderBy('code')
      .execute();
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('org_units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  findRoot() {
    return this.db
      .selectFrom('org_units')
      .selectAll()
      .where('parent_id', 'is', null)
      .orderBy('path')
      .executeTakeFirst();
  }

  /** Any unit by code, ignoring scope: for uniqueness checks only, never returned to a caller. */
  existsCode(code: string) {
    return this.db
      .selectFrom('org_units')
      .select('id')
      .where('code', '=', code.toUpperCase())
      .executeTakeFirst();
  }

  /** Inserts a unit and its row of the org structure the reports group by (same transaction). */
  async insert(row: Omit<Selectable<OrgUnitsTable>, 'version'>): Promise<void> {
    await this.db.insertInto('org_units').values(row).execute();
    await new ReportFactsRepository(this.db).addUnit(row);
  }

  /** Applies the change only if nobody changed the unit since `version`; returns whether it did. */
  async update(id: string, version: number, patch: Partial<Selectable<OrgUnitsTable>>): Promise<boolean> {
    const r = await this.db
      .updateTable('org_units')
      .set({ ...patch, version: version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
