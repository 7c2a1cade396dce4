import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { DB, PlanEvidenceTable, PlanItemsTable } from '../../db/schema.ts';

export type PlanItemRow = Selectable<PlanItemsTable>;
export type EvidenceRow = Omit<Selectable<PlanEvidenceTable>, 'content'>;

/** The only place with SQL for the plan of activities. */
export class PlanRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Items of the schools within the scope, of the campaigns of one year. */
  items(scope: Scope, year: number): Promise<PlanItemRow[]> {
    return this.db
      .selectFrom('plan_items as p')
      .innerJoin('campaigns as c', 'c.id', 'p.campaign_id')
      .selectAll('p')
      .where(inScope(scope, 'p.org_path'))
      .where('c.year', '=', year)
      .orderBy('p.org_path')
      .orderBy('p.position')
      .orderBy('p.id')
      .execute();
  }

  itemsOf(campaignId: string, orgPath: string): Promise<PlanItemRow[]> {
    return this.db
      .selectFrom('plan_items')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('org_path', '=', orgPath)
      .orderBy('position')
      .execute();
  }

  findItem(id: string, scope: Scope): Promise<PlanItemRow | undefined> {
    return this.db
      .selectFrom('plan_items')
      .selectAll()
      .where('id', '=', id)
      .where(inScope(scope, 'org_path'))
      .executeTakeFirst();
  }

  /** Any item with this id, whatever its unit: a client-made id must not collide with another school's. */
  async idExists(id: string): Promise<boolean> {
    return !!(await this.db.selectFrom('plan_items').select('id').where('id', '=', id).executeTakeFirst());
  }

  async nextPosition(campaignId: string, orgPath: string): Promise<number> {
    const r = await this.db
      .selectFrom('plan_items')
      .select((eb) => eb.fn.max<number>('position').as('m'))
      .where('campaign_id', '=', campaignId)
      .where('org_path', '=', orgPath)
      .executeTakeFirst();
    return Number(r?.m ?? 0) + 1;
  }

  async insertItem(row: Insertable<PlanItemsTable>): Promise<void> {
    await this.db.insertInto('plan_items').values(row).execute();
  }

  async updateItem(id: string, version: number, patch: Updateable<PlanItemsTable>): Promise<boolean> {
    const r = await this.db
      .updateTable('plan_items')
      .set({ ...patch, version: version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  evidenceOf(itemIds: string[]): Promise<EvidenceRow[]> {
    if (itemIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('plan_evidence')
      .select([
        'id',
        'plan_item_id',
        'org_path',
        'kind',
        'url',
        'file_name',
        'mime',
        'size',
        'created_by',
        'created_at',
      ])
      .where('plan_item_id', 'in', itemIds)
      .orderBy('created_at')
      .execute();
  }

  async insertEvidence(row: Insertable<PlanEvidenceTable>): Promise<void> {
    await this.db.insertInto('plan_evidence').values(row).execute();
  }

  findEvidenceFile(id: string, scope: Scope) {
    return this.db
      .selectFrom('plan_evidence')
      .select(['id', 'file_name', 'mime', 'content'])
      .where('id', '=', id)
      .where('kind', '=', 'file')
      .where(inScope(scope, 'org_path'))
      .executeTakeFirst();
  }

  approval(campaignId: string, orgPath: string) {
    return this.db
      .selectFrom('plan_approvals')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('org_path', '=', orgPath)
      .executeTakeFirst();
  }

  async approve(campaignId: string, orgPath: string, by: string, at: string): Promise<void> {
    await this.db
      .deleteFrom('plan_approvals')
      .where('campaign_id', '=', campaignId)
      .where('org_path', '=', orgPath)
      .execute();
    await this.db
      .insertInto('plan_approvals')
      .values({ campaign_id: campaignId, org_path: orgPath, approved_by: by, approved_at: at })
      .execute();
  }
}
