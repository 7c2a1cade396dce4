import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { DB, HotlineCallsTable } from '../../db/schema.ts';

export type HotlineCallRow = Selectable<HotlineCallsTable> & { case_id: string | null };

/** The only place with SQL for the hotline log. */
export class HotlineRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('hotline_calls as h')
      .selectAll('h')
      .select((eb) =>
        eb
          .selectFrom('cases')
          .select('cases.id')
          .whereRef('cases.source_id', '=', 'h.id')
          .where('cases.source', '=', 'hotline')
          .limit(1)
          .as('case_id'),
      );
  }

  /** Newest first; `after` is the (received_at, id) of the last row of the previous page. */
  list(
    scope: Scope,
    opts: { status?: string; limit: number; after?: { at: string; id: string } },
  ): Promise<HotlineCallRow[]> {
    let q = this.base()
      .where(inScope(scope, 'h.org_path', { childIdColumn: 'h.child_id' }))
      .orderBy('h.received_at', 'desc')
      .orderBy('h.id', 'desc')
      .limit(opts.limit + 1);
    if (opts.status === 'unclosed') q = q.where('h.status', '!=', 'closed');
    else if (opts.status) q = q.where('h.status', '=', opts.status as HotlineCallRow['status']);
    const after = opts.after;
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb('h.received_at', '<', after.at),
          eb.and([eb('h.received_at', '=', after.at), eb('h.id', '<', after.id)]),
        ]),
      );
    }
    return q.execute();
  }

  find(id: string, scope: Scope): Promise<HotlineCallRow | undefined> {
    return this.base()
      .where('h.id', '=', id)
      .where(inScope(scope, 'h.org_path', { childIdColumn: 'h.child_id' }))
      .executeTakeFirst();
  }

  async exists(id: string): Promise<boolean> {
    return !!(await this.db.selectFrom('hotline_calls').select('id').where('id', '=', id).executeTakeFirst());
  }

  async insert(row: Insertable<HotlineCallsTable>): Promise<void> {
    await this.db.insertInto('hotline_calls').values(row).execute();
  }

  async update(id: string, version: number, patch: Updateable<HotlineCallsTable>): Promise<boolean> {
    const r = await this.db
      .updateTable('hotline_calls')
      .set({ ...patch, version: version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
