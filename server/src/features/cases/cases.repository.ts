import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { CaseStepsTable, CasesTable, DB } from '../../db/schema.ts';

export type CaseRow = Selectable<CasesTable>;
export type CaseStepRow = Selectable<CaseStepsTable>;

/** The only place with SQL for non-attendance cases. */
export class CasesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Cases in scope, oldest first. */
  list(scope: Scope, opts: { status: 'open' | 'closed' | 'all'; limit: number }): Promise<CaseRow[]> {
    let q = this.db
      .selectFrom('cases')
      .selectAll()
      .where(inScope(scope, 'cases.org_path', { childIdColumn: 'cases.child_id' }))
      .orderBy('opened_on')
      .orderBy('id')
      .limit(opts.limit);
    if (opts.status !== 'all') q = q.where('status', '=', opts.status);
    return q.execute();
  }

  find(id: string, scope: Scope): Promise<CaseRow | undefined> {
    return this.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', id)
      .where(inScope(scope, 'cases.org_path', { childIdColumn: 'cases.child_id' }))
      .executeTakeFirst();
  }

  async exists(id: string): Promise<boolean> {
    return !!(await this.db.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst());
  }

  /** The open case of a registry child, if any: a child has one open case at a time. */
  openCaseOfChild(childId: string): Promise<CaseRow | undefined> {
    return this.db
      .selectFrom('cases')
      .selectAll()
      .where('child_id', '=', childId)
      .where('status', '=', 'open')
      .executeTakeFirst();
  }

  bySource(sourceId: string): Promise<CaseRow[]> {
    return this.db.selectFrom('cases').selectAll().where('source_id', '=', sourceId).execute();
  }

  steps(caseIds: string[]): Promise<CaseStepRow[]> {
    if (caseIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('case_steps')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('done_on')
      .orderBy('id')
      .execute();
  }

  findStep(id: string) {
    return this.db.selectFrom('case_steps').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(row: Insertable<CasesTable>): Promise<void> {
    await this.db.insertInto('cases').values(row).execute();
  }

  async insertStep(row: Insertable<CaseStepsTable>): Promise<void> {
    await this.db.insertInto('case_steps').values(row).execute();
  }

  async update(id: string, patch: Updateable<CasesTable>): Promise<void> {
    await this.db
      .updateTable('cases')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
      .where('id', '=', id)
      .execute();
  }
}
