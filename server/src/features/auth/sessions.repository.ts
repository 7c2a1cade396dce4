import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export class SessionsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(s: {
    id: string;
    userId: string;
    expiresAt: string;
    ip: string | null;
    userAgent: string | null;
  }) {
    const now = new Date().toISOString();
    await this.db
      .insertInto('sessions')
      .values({
        id: s.id,
        user_id: s.userId,
        created_at: now,
        last_seen_at: now,
        expires_at: s.expiresAt,
        ip: s.ip,
        user_agent: s.userAgent,
      })
      .execute();
  }

  find(id: string) {
    return this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async extend(id: string, expiresAt: string) {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date().toISOString(), expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string) {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteForUser(userId: string, exceptId?: string) {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId) q = q.where('id', '!=', exceptId);
    await q.execute();
  }

  async deleteExpired(now: string) {
    await this.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  }
}
