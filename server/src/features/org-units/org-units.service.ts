import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/engine.ts';
import { policy, type Scope } from '../../access/policy.ts';
import type { ScopedAction } from '../../access/rules.ts';
import type { Viewer } from '../../access/viewer.ts';
import { AppError, conflict, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { CursorText, type ListQuery, decodeCursor, encodeCursor } from '../../http/common.schema.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { OrgUnitsRepository, type OrgUnitRow } from './org-units.repository.ts';
import { CHILD_TYPE, type OrgUnitCreate, type OrgUnitDto, type OrgUnitPatch } from './org-units.schema.ts';

export function toOrgUnitDto(row: OrgUnitRow): OrgUnitDto {
  return {
    id: row.id,
    code: row.code,
    parentCode: row.parent_code,
    type: row.type,
    path: row.path,
    nameRu: row.name_ru,
    nameKk: row.name_kk,
    address: row.address,
    director: row.director,
    phone: row.phone,
    hotline: row.hotline,
    version: row.version,
  };
}

export class OrgUnitsService {
  constructor(private readonly database: Database) {}

  private get repo() {
    return new OrgUnitsRepository(this.database.db);
  }

  /** A unit the viewer may see, by code; undefined otherwise. */
  findVisible(viewer: Viewer, code: string): Promise<OrgUnitRow | undefined> {
    return this.repo.findByCode(code, policy.scope(viewer, 'unit.read'));
  }

  /**
   * The records of `action` a request may touch: the policy's scope for the viewer, narrowed with `?org=CODE` to
   * a unit the viewer may see (404 otherwise). A role that never has the action is refused first (403).
   */
  async scope(ctx: RequestContext, action: ScopedAction, orgCode: string | undefined): Promise<Scope> {
    const whole = policy.scope(ctx.viewer, action);
    if (!orgCode) return whole;
    const unit = await this.findVisible(ctx.viewer, orgCode);
    if (!unit) throw notFound();
    return policy.scope(ctx.viewer, action, unit);
  }

  async get(ctx: RequestContext, code: string): Promise<OrgUnitDto> {
    const row = await this.findVisible(ctx.viewer, code);
    if (!row) throw notFound();
    return toOrgUnitDto(row);
  }

  async list(ctx: RequestContext, query: ListQuery & { type?: string }) {
    const scope = await this.scope(ctx, 'unit.read', query.org);
    const rows = await this.repo.list(scope, {
      q: query.q,
      limit: query.limit,
      afterPath: decodeCursor(query.cursor, CursorText),
      type: query.type,
    });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toOrgUnitDto),
      nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!.path) : null,
    };
  }

  async create(ctx: RequestContext, input: OrgUnitCreate): Promise<OrgUnitDto> {
    const { viewer } = ctx;
    policy.require(viewer, 'unit.create');
    return this.database.db.transaction().execute(async (trx) => {
      const repo = new OrgUnitsRepository(trx);
      const parent = await repo.findByCode(input.parentCode, policy.scope(viewer, 'unit.read'));
      if (!parent) {
        throw new AppError(
          400,
          'invalid_input',
          { key: 'errors:invalidInput' },
          {
            parentCode: { key: 'errors:orgUnits.parentNotFound', params: { code: input.parentCode } },
          },
        );
      }
      policy.check(viewer, 'unit.create', parent);
      if (CHILD_TYPE[parent.type] !== input.type) {
        throw new AppError(
          400,
          'invalid_input',
          { key: 'errors:invalidInput' },
          {
            type: { key: 'errors:orgUnits.wrongType', params: { parent: parent.type, type: input.type } },
          },
        );
      }
      if (await repo.existsCode(input.code)) {
        throw new AppError(
          409,
          'duplicate',
          { key: 'errors:orgUnits.codeTaken', params: { code: input.code } },
          {
            code: { key: 'errors:orgUnits.codeTaken', params: { code: input.code } },
          },
        );
      }
      const now = new Date().toISOString();
      const id = uuidv7();
      const path = `${parent.path}${input.code}/`;
      await repo.insert({
        id,
        code: input.code,
        parent_id: parent.id,
        type: input.type,
        path,
        name_ru: input.nameRu,
        name_kk: input.nameKk,
        name_en: null,
        address: input.address ?? null,
        director: input.director ?? null,
        phone: input.phone ?? null,
        hotline: input.hotline ?? null,
        email: null,
        created_at: now,
        updated_at: now,
      });
      await new AuditRepository(trx).write(viewer, ctx.ip, {
        action: 'create',
        entity: 'org_unit',
        entityId: id,
        orgPath: path,
        details: { code: input.code },
      });
      const row = await repo.findById(id, policy.everywhere('unit.read', 'operator'));
      return toOrgUnitDto(row!);
    });
  }

  async update(ctx: RequestContext, code: string, patch: OrgUnitPatch): Promise<OrgUnitDto> {
    const { viewer } = ctx;
    return this.database.db.transaction().execute(async (trx) => {
      const repo = new OrgUnitsRepository(trx);
      const row = await repo.findByCode(code, policy.scope(viewer, 'unit.read'));
      if (!row) throw notFound();
      // Admins manage units in their scope, officers the units below their own; a school's own staff may keep its contacts current.
      policy.check(viewer, 'unit.update', row);
      const { version, ...fields } = patch;
      const changes = {
        ...(fields.nameRu !== undefined && { name_ru: fields.nameRu }),
        ...(fields.nameKk !== undefined && { name_kk: fields.nameKk }),
        ...(fields.address !== undefined && { address: fields.address }),
        ...(fields.director !== undefined && { director: fields.director }),
        ...(fields.phone !== undefined && { phone: fields.phone }),
        ...(fields.hotline !== undefined && { hotline: fields.hotline }),
      };
      if (!(await repo.update(row.id, version, changes))) throw conflict({ ...toOrgUnitDto(row) });
      await new AuditRepository(trx).write(viewer, ctx.ip, {
        action: 'update',
        entity: 'org_unit',
        entityId: row.id,
        orgPath: row.path,
        details: { changed: Object.keys(changes) },
      });
      return toOrgUnitDto((await repo.findById(row.id, policy.everywhere('unit.read', 'operator')))!);
    });
  }
}
