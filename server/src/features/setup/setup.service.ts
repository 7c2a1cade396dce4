import { checkNewPassword } from '../auth/password-policy.ts';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from '../../db/schema.ts';
import type { Database } from '../../db/engine.ts';
import { AppError } from '../../http/app-error.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { hashPassword, newSecret, sha256 } from '../auth/secrets.ts';
import { OrgUnitsRepository } from '../org-units/org-units.repository.ts';
import { UsersRepository } from '../users/users.repository.ts';
import { cliViewer } from '../../access/viewer.ts';

const SETUP_TTL_HOURS = 24;

/**
 * First run: with no users there is no fixed default password. The server prints a one-time link; whoever opens
 * it (the person who started the server) names the first administrator and chooses the password.
 */
export class SetupService {
  constructor(private readonly database: Database) {}

  async needed(): Promise<boolean> {
    return (await new UsersRepository(this.database.db).count()) === 0;
  }

  /** Issues a fresh one-time setup token when setup is needed; returns it, or null when users exist. */
  async issueToken(): Promise<string | null> {
    if (!(await this.needed())) return null;
    const token = newSecret(24);
    const now = new Date();
    await this.database.db
      .insertInto('setup_tokens')
      .values({
        token_hash: sha256(token),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SETUP_TTL_HOURS * 3600_000).toISOString(),
        used_at: null,
      })
      .execute();
    return token;
  }

  /** The republic is the root of every installation; regions and schools are added under it. */
  async ensureRoot(db: Kysely<DB> = this.database.db) {
    const units = new OrgUnitsRepository(db);
    const existing = await units.findRoot();
    if (existing) return existing;
    const now = new Date().toISOString();
    await units.insert({
      id: uuidv7(),
      code: 'KZ',
      parent_id: null,
      type: 'republic',
      path: '/KZ/',
      name_ru: 'Республика Казахстан',
      name_kk: 'Қазақстан Республикасы',
      name_en: 'Republic of Kazakhstan',
      address: null,
      director: null,
      phone: null,
      hotline: null,
      email: null,
      created_at: now,
      updated_at: now,
    });
    return (await units.findRoot())!;
  }

  async complete(input: { token: string; name: string; email: string; password: string }, ip: string | null) {
    checkNewPassword(input.password, 'password', [input.email, input.name]);
    const passwordHash = await hashPassword(input.password);
    await this.database.db.transaction().execute(async (trx) => {
      const users = new UsersRepository(trx);
      const row = await trx
        .selectFrom('setup_tokens')
        .selectAll()
        .where('token_hash', '=', sha256(input.token))
        .executeTakeFirst();
      const valid = row && !row.used_at && new Date(row.expires_at) > new Date();
      if (!valid || (await users.count()) > 0) {
        throw new AppError(403, 'setup_closed', { key: 'errors:setup.invalidToken' });
      }
      const root = await this.ensureRoot(trx);
      const now = new Date().toISOString();
      const userId = uuidv7();
      await users.insert({
        id: userId,
        email: input.email,
        name: input.name,
        role: 'admin',
        org_unit_id: root.id,
        classes: '[]',
        password_hash: passwordHash,
        lang: 'ru',
        created_at: now,
        updated_at: now,
      });
      await trx.updateTable('setup_tokens').set({ used_at: now }).execute();
      await new AuditRepository(trx).write({ ...cliViewer(), email: input.email }, ip, {
        action: 'setup',
        entity: 'user',
        entityId: userId,
        orgPath: root.path,
      });
    });
  }
}
