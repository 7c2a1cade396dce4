import type { Insertable, Kysely } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { ChildTransfersTable, DB } from '../../db/schema.ts';

/** The only SQL for transfers of a child between schools. */
export class ChildTransfersRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('child_transfers as t')
      .innerJoin('children as c', 'c.id', 't.child_id')
      .innerJoin('org_units as f', 'f.id', 't.from_org_unit_id')
      .innerJoin('org_units as d', 'd.id', 't.to_org_unit_id')
      .selectAll('t')
      .select(['c.surname', 'c.name', 'c.patronymic', 'f.code as from_code', 'd.code as to_code'])
      .select(['c.org_path as child_path', 'c.class_label as child_class']);
  }

  /** Transfers that concern the scope: out of its schools (classes) or into them. */
  list(scope: Scope, status?: string) {
    let q = this.base()
      .where((eb) =>
        eb.or([
          inScope(scope, 't.from_path', { classColumn: 'c.class_label' }),
          inScope(scope, 't.to_path', { classColumn: 't.class_label' }),
        ]),
      )
      .orderBy('t.requested_at', 'desc')
      .limit(200);
    if (status) q = q.where('t.status', '=', status as ChildTransfersTable['status']);
    return q.execute();
  }

  find(id: string, scope: Scope) {
    return this.base()
      .where('t.id', '=', id)
      .where((eb) =>
        eb.or([
          inScope(scope, 't.from_path', { classColumn: 'c.class_label' }),
          inScope(scope, 't.to_path', { classColumn: 't.class_label' }),
        ]),
      )
      .executeTakeFirst();
  }

  pendingFor(childId: string) {
    return this.db
      .selectFrom('child_transfers')
      .selectAll()
      .where('child_id', '=', childId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
  }

  async insert(row: Insertable<ChildTransfersTable>) {
    await this.db.insertInto('child_transfers').values(row).execute();
  }

  async decide(id: string, status: 'accepted' | 'declined', actor: string): Promise<boolean> {
    const r = await this.db
      .updateTable('child_transfers')
      .set({ status, decided_by: actor, decided_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
