import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/engine.ts';
import { policy } from '../../access/policy.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { Config } from '../../config.ts';
import { AppError, invalid, notFound, unauthorized } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { OrgUnitsRepository } from '../org-units/org-units.repository.ts';
import { toOrgUnitDto } from '../org-units/org-units.service.ts';
import { UsersRepository, type UserRow } from '../users/users.repository.ts';
import { ApiTokensRepository } from './api-tokens.repository.ts';
import type { MeDto } from './auth.schema.ts';
import { DUMMY_HASH, hashPassword, newSecret, sha256, verifyPassword } from './secrets.ts';
import { checkNewPassword } from './password-policy.ts';
import { SessionsRepository } from './sessions.repository.ts';
import { SignInLimiter } from './sign-in-limiter.ts';

export const TOKEN_PREFIX = 'mj_';

function viewerOf(user: UserRow, via: Viewer['via']): Viewer {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    lang: user.lang,
    orgUnitId: user.org_unit_id,
    orgCode: user.org_code,
    orgPath: user.org_path,
    classes: JSON.parse(user.classes) as string[],
    via,
  };
}

// Signing in and resolving a session or token look the account up wherever it is; nothing else is shown.
const ANY_USER = policy.everywhere('user.read', 'operator');
const ANY_UNIT = policy.everywhere('unit.read', 'operator');

const tooManyAttempts = () => new AppError(429, 'too_many_attempts', { key: 'errors:auth.tooManyAttempts' });
const wrongCredentials = () =>
  new AppError(401, 'invalid_credentials', { key: 'errors:auth.invalidCredentials' });

export class AuthService {
  constructor(
    private readonly database: Database,
    private readonly config: Config,
  ) {}

  private get db() {
    return this.database.db;
  }

  private sessionExpiry(): string {
    return new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000).toISOString();
  }

  /**
   * Checks the password and opens a session. A wrong e-mail and a wrong password answer alike (401), after the same
   * Argon2 work. After LOGIN_MAX_ATTEMPTS failures for one e-mail from one address, that address waits
   * LOGIN_LOCK_MINUTES for that e-mail (429) — the owner signing in from elsewhere is not locked out — and an
   * address that fails on many e-mails waits too; unknown e-mails are counted the same, so no answer tells whether
   * an account exists.
   */
  async login(email: string, password: string, ip: string | null, userAgent: string | null) {
    const limiter = new SignInLimiter(this.database, {
      maxAttempts: this.config.LOGIN_MAX_ATTEMPTS,
      lockMinutes: this.config.LOGIN_LOCK_MINUTES,
    });
    if (await limiter.mustWait(email, ip)) throw tooManyAttempts();
    const users = new UsersRepository(this.db);
    const found = await users.findByEmailForSignIn(email);
    const known = found?.password_hash && !found.disabled ? found : null;
    const ok = await verifyPassword(known?.password_hash ?? DUMMY_HASH, password);
    if (!known || !ok) {
      const locked = await limiter.failed(email, ip);
      if (known) {
        await new AuditRepository(this.db).write(viewerOf(known, 'session'), ip, {
          action: locked ? 'login_locked' : 'login_failed',
          entity: 'user',
          entityId: known.id,
          orgPath: known.org_path,
        });
      }
      if (locked) throw tooManyAttempts();
      throw wrongCredentials();
    }
    await limiter.succeeded(email, ip);
    const user = known;
    const token = newSecret();
    await this.db.transaction().execute(async (trx) => {
      await new SessionsRepository(trx).insert({
        id: sha256(token),
        userId: user.id,
        expiresAt: this.sessionExpiry(),
        ip,
        userAgent: userAgent?.slice(0, 300) ?? null,
      });
      await new AuditRepository(trx).write(viewerOf(user, 'session'), ip, {
        action: 'login',
        entity: 'user',
        entityId: user.id,
        orgPath: user.org_path,
      });
    });
    return { token, sessionId: sha256(token), user: await this.me(viewerOf(user, 'session')) };
  }

  /** The viewer behind a session cookie, sliding the expiry forward while the session is in use. */
  async viewerFromSession(token: string): Promise<{ viewer: Viewer; sessionId: string } | null> {
    const id = sha256(token);
    const sessions = new SessionsRepository(this.db);
    const session = await sessions.find(id);
    if (!session || new Date(session.expires_at) < new Date()) return null;
    const user = await new UsersRepository(this.db).findById(session.user_id, ANY_USER);
    if (!user || user.disabled) return null;
    if (Date.now() - new Date(session.last_seen_at).getTime() > 60_000) {
      await sessions.extend(id, this.sessionExpiry());
    }
    return { viewer: viewerOf(user, 'session'), sessionId: id };
  }

  async viewerFromApiToken(token: string): Promise<Viewer | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const tokens = new ApiTokensRepository(this.db);
    const row = await tokens.findActiveByHash(sha256(token));
    if (!row) return null;
    const user = await new UsersRepository(this.db).findById(row.user_id, ANY_USER);
    if (!user || user.disabled) return null;
    // Remember use at most once a minute: a write on every request would cost more than the request itself.
    if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000)
      await tokens.touch(row.id);
    return viewerOf(user, 'token');
  }

  async logout(ctx: RequestContext, sessionId: string | null) {
    if (!sessionId) return;
    await this.db.transaction().execute(async (trx) => {
      await new SessionsRepository(trx).delete(sessionId);
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'logout',
        entity: 'user',
        entityId: ctx.viewer.userId,
        orgPath: ctx.viewer.orgPath,
      });
    });
  }

  async me(viewer: Viewer): Promise<MeDto> {
    const user = await new UsersRepository(this.db).findById(viewer.userId ?? '', ANY_USER);
    const unit = await new OrgUnitsRepository(this.db).findById(viewer.orgUnitId, ANY_UNIT);
    if (!user || !unit) throw unauthorized();
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      lang: user.lang,
      classes: JSON.parse(user.classes) as string[],
      orgUnit: toOrgUnitDto(unit),
    };
  }

  async setLang(ctx: RequestContext, lang: string): Promise<MeDto> {
    await new UsersRepository(this.db).setQuietly(ctx.viewer.userId ?? '', { lang });
    return this.me({ ...ctx.viewer, lang });
  }

  /** Changes the caller's password, signs out every other session of theirs and revokes their API tokens. */
  async changePassword(ctx: RequestContext, sessionId: string | null, current: string, next: string) {
    const users = new UsersRepository(this.db);
    const user = await users.findById(ctx.viewer.userId ?? '', ANY_USER);
    if (!user?.password_hash) throw unauthorized();
    if (!(await verifyPassword(user.password_hash, current))) {
      throw invalid({ currentPassword: { key: 'errors:auth.currentPasswordWrong' } });
    }
    if (current === next) throw invalid({ newPassword: { key: 'errors:auth.passwordUnchanged' } });
    checkNewPassword(next, 'newPassword', [user.email, user.name]);
    const hash = await hashPassword(next);
    await this.db.transaction().execute(async (trx) => {
      await new UsersRepository(trx).setQuietly(user.id, {
        password_hash: hash,
        password_changed_at: new Date().toISOString(),
      });
      await new SessionsRepository(trx).deleteForUser(user.id, sessionId ?? undefined);
      // Tokens made with the old password stop working too: whoever learnt it may have made one.
      await new ApiTokensRepository(trx).revokeAllForUser(user.id);
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'password_change',
        entity: 'user',
        entityId: user.id,
        orgPath: user.org_path,
      });
    });
  }

  /** A new API token for a user; only its hash is stored, so it is shown once. */
  async createToken(
    viewer: Viewer,
    userId: string,
    name: string,
    ip: string | null,
  ): Promise<{ id: string; token: string }> {
    // One's own token (self.manage), or one made by whoever manages the user (the CLI's operator).
    const scope = userId === viewer.userId ? ANY_USER : policy.scope(viewer, 'user.manage');
    const user = await new UsersRepository(this.db).findById(userId, scope);
    if (!user) throw notFound();
    const token = TOKEN_PREFIX + newSecret();
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await new ApiTokensRepository(trx).insert({
        id,
        userId: user.id,
        name,
        tokenHash: sha256(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      });
      await new AuditRepository(trx).write(viewer, ip, {
        action: 'token_create',
        entity: 'api_token',
        entityId: id,
        orgPath: user.org_path,
        details: { userId: user.id, name },
      });
    });
    return { id, token };
  }

  async listTokens(ctx: RequestContext) {
    const rows = await new ApiTokensRepository(this.db).listForUser(ctx.viewer.userId ?? '');
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
      revokedAt: r.revoked_at,
    }));
  }

  async revokeToken(ctx: RequestContext, id: string) {
    await this.db.transaction().execute(async (trx) => {
      if (!(await new ApiTokensRepository(trx).revoke(id, ctx.viewer.userId ?? ''))) throw notFound();
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'token_revoke',
        entity: 'api_token',
        entityId: id,
        orgPath: ctx.viewer.orgPath,
      });
    });
  }
}
