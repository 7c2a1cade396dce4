import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { DB, UsersTable } from '../../db/schema.ts';

export type UserRow = Selectable<UsersTable> & { org_code: string; org_path: string };

/** The only place with SQL for users. */
export class UsersRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('users as usr')
      .innerJoin('org_units as o', 'o.id', 'usr.org_unit_id')
      .selectAll('usr')
      .select(['o.code as org_code', 'o.path as org_path']);
  }

  /** Sign-in looks a user up across the whole system; nothing of the row is shown to the caller. */
  findByEmailForSignIn(email: string): Promise<UserRow | undefined> {
    return this.base().where('usr.email', '=', email.trim().toLowerCase()).executeTakeFirst();
  }

  findById(id: string, scope: Scope): Promise<UserRow | undefined> {
    return this.base().where('usr.id', '=', id).where(inScope(scope, 'o.path')).executeTakeFirst();
  }

  list(scope: Scope, opts: { q?: string; limit: number; afterEmail?: string }) {
    let q = this.base()
      .where(inScope(scope, 'o.path'))
      .orderBy('usr.email')
      .limit(opts.limit + 1);
    if (opts.afterEmail) q = q.where('usr.email', '>', opts.afterEmail);
    if (opts.q) {
      const like = `%${opts.q.toLowerCase()}%`;
      q = q.where((eb) =>
        eb.or([eb('usr.email', 'like', like), eb(eb.fn('lower', ['usr.name']), 'like', like)]),
      );
    }
    return q.execute();
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  emailTaken(email: string) {
    return this.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
  }

  async insert(
    row: Omit<
      Selectable<UsersTable>,
      'version' | 'failed_logins' | 'locked_until' | 'disabled' | 'password_changed_at'
    > & { disabled?: number },
  ) {
    await this.db.insertInto('users').values(row).execute();
  }

  /** Optimistic update: applies only if the row is still at `version`. */
  async update(id: string, version: number, patch: Updateable<UsersTable>): Promise<boolean> {
    const r = await this.db
      .updateTable('users')
      .set({ ...patch, version: version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Bookkeeping that must not bump the version users edit against (failed logins, language, password). */
  async setQuietly(id: string, patch: Updateable<UsersTable>): Promise<void> {
    await this.db.updateTable('users').set(patch).where('id', '=', id).execute();
  }
}
