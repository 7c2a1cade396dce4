import { ApiTokensRepository } from '../auth/api-tokens.repository.ts';
import { checkNewPassword } from '../auth/password-policy.ts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/engine.ts';
import { policy } from '../../access/policy.ts';
import { ROLES_FOR_UNIT } from '../../access/rules.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { CursorText, type ListQuery, decodeCursor, encodeCursor } from '../../http/common.schema.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { hashPassword } from '../auth/secrets.ts';
import { SessionsRepository } from '../auth/sessions.repository.ts';
import { OrgUnitsRepository, type OrgUnitRow } from '../org-units/org-units.repository.ts';
import { OrgUnitsService } from '../org-units/org-units.service.ts';
import { UsersRepository, type UserRow } from './users.repository.ts';
import type { UserCreate, UserDto, UserPatch } from './users.schema.ts';

export function toUserDto(row: UserRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    orgUnitCode: row.org_code,
    classes: JSON.parse(row.classes) as string[],
    disabled: row.disabled === 1,
    lang: row.lang,
    version: row.version,
  };
}

/**
 * Admins manage users anywhere in their scope; officers manage users of the units strictly below their own and
 * never create admins (an admin's account is for admins only). Nobody else manages users.
 */
function checkManage(ctx: RequestContext, unit: OrgUnitRow, role: UserRow['role']) {
  policy.check(ctx.viewer, 'user.manage', unit);
  if (role === 'admin' && !policy.anywhere(ctx.viewer, 'user.grantAdmin')) throw forbidden();
}

export class UsersService {
  constructor(private readonly database: Database) {}

  async list(ctx: RequestContext, query: ListQuery) {
    const scope = await new OrgUnitsService(this.database).scope(ctx, 'user.read', query.org);
    const rows = await new UsersRepository(this.database.db).list(scope, {
      q: query.q,
      limit: query.limit,
      afterEmail: decodeCursor(query.cursor, CursorText),
    });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toUserDto),
      nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!.email) : null,
    };
  }

  async get(ctx: RequestContext, id: string): Promise<UserDto> {
    const row = await new UsersRepository(this.database.db).findById(
      id,
      policy.scope(ctx.viewer, 'user.read'),
    );
    if (!row) throw notFound();
    return toUserDto(row);
  }

  /** Creates a user. Used by the API (with a signed-in viewer) and by the CLI (with the operator's viewer). */
  async create(ctx: RequestContext, input: UserCreate): Promise<UserDto> {
    return this.database.db.transaction().execute(async (trx) => {
      const users = new UsersRepository(trx);
      policy.require(ctx.viewer, 'user.manage');
      const unit = await new OrgUnitsRepository(trx).findByCode(
        input.orgCode,
        policy.scope(ctx.viewer, 'unit.read'),
      );
      if (!unit)
        throw invalid({
          orgCode: { key: 'errors:orgUnits.parentNotFound', params: { code: input.orgCode } },
        });
      checkManage(ctx, unit, input.role);
      if (!ROLES_FOR_UNIT[unit.type].includes(input.role)) {
        throw invalid({
          role: { key: 'errors:users.roleNotForUnit', params: { role: input.role, type: unit.type } },
        });
      }
      if (await users.emailTaken(input.email)) {
        throw new AppError(
          409,
          'duplicate',
          { key: 'errors:users.emailTaken' },
          { email: { key: 'errors:users.emailTaken' } },
        );
      }
      const now = new Date().toISOString();
      const id = uuidv7();
      await users.insert({
        id,
        email: input.email,
        name: input.name,
        role: input.role,
        org_unit_id: unit.id,
        classes: JSON.stringify(input.classes ?? []),
        password_hash: await hashPassword(checkedPassword(input.password, [input.email, input.name])),
        lang: input.lang ?? 'ru',
        created_at: now,
        updated_at: now,
      });
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'create',
        entity: 'user',
        entityId: id,
        orgPath: unit.path,
        details: { email: input.email, role: input.role },
      });
      return toUserDto((await users.findById(id, policy.everywhere('user.read', 'operator')))!);
    });
  }

  async update(ctx: RequestContext, id: string, patch: UserPatch): Promise<UserDto> {
    return this.database.db.transaction().execute(async (trx) => {
      const users = new UsersRepository(trx);
      const units = new OrgUnitsRepository(trx);
      const row = await users.findById(id, policy.scope(ctx.viewer, 'user.read'));
      if (!row) throw notFound();
      const currentUnit = (await units.findById(
        row.org_unit_id,
        policy.everywhere('unit.read', 'operator'),
      ))!;
      const unit = patch.orgCode
        ? await units.findByCode(patch.orgCode, policy.scope(ctx.viewer, 'unit.read'))
        : currentUnit;
      if (!unit)
        throw invalid({
          orgCode: { key: 'errors:orgUnits.parentNotFound', params: { code: patch.orgCode ?? '' } },
        });
      const role = patch.role ?? row.role;
      checkManage(ctx, currentUnit, row.role);
      checkManage(ctx, unit, role);
      if (!ROLES_FOR_UNIT[unit.type].includes(role)) {
        throw invalid({ role: { key: 'errors:users.roleNotForUnit', params: { role, type: unit.type } } });
      }
      if (row.id === ctx.viewer.userId && (patch.disabled || (patch.role && patch.role !== row.role))) {
        throw invalid({ role: { key: 'errors:users.notYourself' } });
      }
      const changes = {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.orgCode !== undefined && { org_unit_id: unit.id }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
        ...(patch.classes !== undefined && { classes: JSON.stringify(patch.classes) }),
        ...(patch.password !== undefined && {
          password_hash: await hashPassword(checkedPassword(patch.password, [row.email, row.name])),
          password_changed_at: new Date().toISOString(),
          failed_logins: 0,
          locked_until: null,
        }),
      };
      if (!(await users.update(row.id, patch.version, changes))) throw conflict({ ...toUserDto(row) });
      if (patch.disabled || patch.password || patch.orgCode || patch.role) {
        // A changed account must sign in again with its new rights.
        await new SessionsRepository(trx).deleteForUser(row.id);
      }
      // A new password (set by whoever manages the account) also ends every API token made with the old one.
      if (patch.password) await new ApiTokensRepository(trx).revokeAllForUser(row.id);
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'update',
        entity: 'user',
        entityId: row.id,
        orgPath: unit.path,
        details: { changed: Object.keys(changes).filter((k) => k !== 'password_hash') },
      });
      return toUserDto((await users.findById(row.id, policy.everywhere('user.read', 'operator')))!);
    });
  }
}

/** A new password that passed the policy (see password-policy.ts). */
function checkedPassword(password: string, userInputs: string[]): string {
  checkNewPassword(password, 'password', userInputs);
  return password;
}
