import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { ChildNeedsTable, DB, NeedItemsTable, NeedStatus } from '../../db/schema.ts';
import { refreshReportFacts } from '../reports/facts/report-facts.ts';

export type NeedRow = Selectable<ChildNeedsTable> & { item_code: string };
export type NeedItemRow = Selectable<NeedItemsTable>;

/** The only SQL for the need-items catalogue and the needs of children. */
export class NeedsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  items(includeInactive = true) {
    let q = this.db.selectFrom('need_items').selectAll().orderBy('position').orderBy('code');
    if (!includeInactive) q = q.where('active', '=', 1);
    return q.execute();
  }

  item(id: string) {
    return this.db.selectFrom('need_items').selectAll().where('id', '=', id).executeTakeFirst();
  }

  itemByCode(code: string) {
    return this.db.selectFrom('need_items').selectAll().where('code', '=', code).executeTakeFirst();
  }

  async insertItem(row: Insertable<NeedItemsTable>) {
    await this.db.insertInto('need_items').values(row).execute();
  }

  async updateItem(id: string, version: number, patch: Updateable<NeedItemsTable>): Promise<boolean> {
    const r = await this.db
      .updateTable('need_items')
      .set({ ...patch, version: version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private needs() {
    return this.db
      .selectFrom('child_needs as n')
      .innerJoin('need_items as i', 'i.id', 'n.item_id')
      .selectAll('n')
      .select('i.code as item_code');
  }

  /** Needs of one child; the caller has already found the child within its scope. */
  forChild(childId: string): Promise<NeedRow[]> {
    return this.needs().where('n.child_id', '=', childId).orderBy('i.position').orderBy('n.id').execute();
  }

  find(childId: string, needId: string): Promise<NeedRow | undefined> {
    return this.needs().where('n.child_id', '=', childId).where('n.id', '=', needId).executeTakeFirst();
  }

  // Open needs of listed children are report facts (the public page), refreshed in the same transaction.
  async insert(row: Insertable<ChildNeedsTable>) {
    await this.db.insertInto('child_needs').values(row).execute();
    await refreshReportFacts(this.db, [row.child_id]);
  }

  async update(id: string, version: number, patch: Updateable<ChildNeedsTable>): Promise<boolean> {
    const r = await this.db
      .updateTable('child_needs')
      .set({ ...patch, version: version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await this.refreshFactsOf([id]);
    return true;
  }

  async delete(id: string) {
    const row = await this.db
      .selectFrom('child_needs')
      .select('child_id')
      .where('id', '=', id)
      .executeTakeFirst();
    await this.db.deleteFrom('child_needs').where('id', '=', id).execute();
    if (row) await refreshReportFacts(this.db, [row.child_id]);
  }

  /** Refreshes the report facts of the children holding these needs. */
  async refreshFactsOf(needIds: readonly string[]) {
    if (needIds.length === 0) return;
    const rows = await this.db
      .selectFrom('child_needs')
      .select('child_id')
      .where('id', 'in', [...needIds])
      .execute();
    await refreshReportFacts(
      this.db,
      rows.map((r) => r.child_id),
    );
  }

  /**
   * What to buy for the children of a scope: quantity and estimated cost per item and size, over children who
   * are on the list (not rejected or archived).
   */
  summary(scope: Scope, status: NeedStatus) {
    return this.db
      .selectFrom('child_needs as n')
      .innerJoin('children as c', 'c.id', 'n.child_id')
      .innerJoin('need_items as i', 'i.id', 'n.item_id')
      .select([
        'i.id as item_id',
        'i.code as item_code',
        'i.name_kk',
        'i.name_ru',
        'i.name_en',
        'i.position',
        'n.size',
        (eb) => eb.fn.sum<number>('n.quantity').as('quantity'),
        (eb) => eb.fn.count<number>('n.child_id').distinct().as('children'),
        (eb) =>
          eb.fn.sum<number>(sql`coalesce(${sql.ref('n.est_cost')}, 0) * ${sql.ref('n.quantity')}`).as('cost'),
      ])
      .where(inScope(scope, 'c.org_path', { classColumn: 'c.class_label' }))
      .where('c.status', 'not in', ['rejected', 'archived'])
      .where('n.status', '=', status)
      .groupBy(['i.id', 'i.code', 'i.name_kk', 'i.name_ru', 'i.name_en', 'i.position', 'n.size'])
      .orderBy('i.position')
      .orderBy('n.size')
      .execute();
  }

  async childrenWithNeeds(scope: Scope, status: NeedStatus): Promise<number> {
    const r = await this.db
      .selectFrom('child_needs as n')
      .innerJoin('children as c', 'c.id', 'n.child_id')
      .select((eb) => eb.fn.count<number>('n.child_id').distinct().as('n'))
      .where(inScope(scope, 'c.org_path', { classColumn: 'c.class_label' }))
      .where('c.status', 'not in', ['rejected', 'archived'])
      .where('n.status', '=', status)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }
}
