import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { withinScope } from '../../db/access-gate.ts';
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

  /**
   * Campaigns that matter to a viewer at `viewerPath`: those opened above it (they apply to its schools) and those
   * within `scopePath`.
   */
  list(viewerPath: string, scopePath: string, year?: number): Promise<CampaignRow[]> {
    let q = this.base().where((eb) =>
      eb.or([eb('c.org_path', 'in', pathAndAncestors(viewerPath)), withinScope('c.org_path', scopePath)]),
    );
    if (year !== undefined) q = q.where('c.year', '=', year);
    return q.orderBy('c.year', 'desc').orderBy('c.org_path').execute();
  }

  /** A campaign the viewer may see (applies to it or lies within its scope). */
  findVisible(id: string, viewerPath: string): Promise<CampaignRow | undefined> {
    return this.base()
      .where('c.id', '=', id)
      .where((eb) =>
        eb.or([eb('c.org_path', 'in', pathAndAncestors(viewerPath)), withinScope('c.org_path', viewerPath)]),
      )
      .executeTakeFirst();
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
