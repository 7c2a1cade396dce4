import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export class ApiTokensRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(t: { id: string; userId: string; name: string; tokenHash: string; prefix: string }) {
    await this.db
      .insertInto('api_tokens')
      .values({
        id: t.id,
        user_id: t.userId,
        name: t.name,
        token_hash: t.tokenHash,
        prefix: t.prefix,
        created_at: new Date().toISOString(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
  }

  findActiveByHash(tokenHash: string) {
    return this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  listForUser(userId: string) {
    return this.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
  }

  async touch(id: string) {
    await this.db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  async revoke(id: string, userId: string): Promise<boolean> {
    const r = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Revokes every live token of a user (their password changed). */
  async revokeAllForUser(userId: string): Promise<number> {
    const r = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
