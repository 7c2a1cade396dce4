import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { CampaignsTable, DB } from '../../db/schema.ts';

export type CampaignRow = Selectable<CampaignsTable> & { org_code: string; name_ru: string; name_kk: string };

/** Every path from the root down to `path` itself: '/KZ/R1/SA/' → ['/', '/KZ/', '/KZ/R1/', '/KZ/R1/SA/']. */
export function pathAndAncestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  const out = ['/'];
  for (let i = 1; i <= parts.length; i++) out.push(`/${parts.slice(0, i).join('/')}/`);
  return out;
}

/** The only place with SQL for campaigns. */
export class CampaignsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('campaigns as c')
      .innerJoin('org_units as u', 'u.id', 'c.org_unit_id')
      .selectAll('c')
      .select(['u.code as org_code', 'u.name_ru', 'u.name_kk']);
  }

  /** Campaigns in scope: those opened for its units and, where the scope reaches above, those that apply to them. */
  list(scope: Scope, year?: number): Promise<CampaignRow[]> {
    let q = this.base().where(inScope(scope, 'c.org_path'));
    if (year !== undefined) q = q.where('c.year', '=', year);
    return q.orderBy('c.year', 'desc').orderBy('c.org_path').execute();
  }

  findVisible(id: string, scope: Scope): Promise<CampaignRow | undefined> {
    return this.base().where('c.id', '=', id).where(inScope(scope, 'c.org_path')).executeTakeFirst();
  }

  /** The campaign of a year that applies to the unit at `path`: its own, or the nearest one above it. */
  async findEffective(path: string, year: number): Promise<CampaignRow | undefined> {
    const rows = await this.base()
      .where('c.org_path', 'in', pathAndAncestors(path))
      .where('c.year', '=', year)
      .execute();
    return rows.sort((a, b) => b.org_path.length - a.org_path.length)[0];
  }

  findById(id: string): Promise<CampaignRow | undefined> {
    return this.base().where('c.id', '=', id).executeTakeFirst();
  }

  /** Any campaign of that year at or above `path` (for "one per year and org tree"). */
  async findAtOrAbove(path: string, year: number) {
    return this.base()
      .where('c.org_path', 'in', pathAndAncestors(path))
      .where('c.year', '=', year)
      .orderBy('c.org_path')
      .executeTakeFirst();
  }

  async insert(row: Insertable<CampaignsTable>): Promise<void> {
    await this.db.insertInto('campaigns').values(row).execute();
  }

  /** Applies the change only if nobody changed the campaign since `version`; returns whether it did. */
  async update(id: string, version: number, patch: Updateable<CampaignsTable>): Promise<boolean> {
    const r = await this.db
      .updateTable('campaigns')
      .set({ ...patch, version: version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
