import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The only place with SQL for the stand and booklet texts. */
export class MaterialsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  find(campaignId: string, orgPath: string, lang: string) {
    return this.db
      .selectFrom('material_texts')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('org_path', '=', orgPath)
      .where('lang', '=', lang)
      .executeTakeFirst();
  }

  async insert(row: { id: string; campaign_id: string; org_path: string; lang: string; texts: string }) {
    await this.db
      .insertInto('material_texts')
      .values({ ...row, updated_at: new Date().toISOString() })
      .execute();
  }

  async update(id: string, version: number, texts: string): Promise<boolean> {
    const r = await this.db
      .updateTable('material_texts')
      .set({ texts, version: version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Names of the campaign's coordinators at a unit, for "whom to contact". */
  async coordinators(orgUnitId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('users')
      .select('name')
      .where('org_unit_id', '=', orgUnitId)
      .where('role', '=', 'coordinator')
      .where('disabled', '=', 0)
      .orderBy('name')
      .execute();
    return rows.map((r) => r.name);
  }
}
