import { v7 as uuidv7 } from 'uuid';
import { parseTenge } from '#domain/money';
import { checkFreeText } from '#domain/safe-text';
import { policy } from '../../access/policy.ts';
import type { Database } from '../../db/engine.ts';
import { AppError, conflict, invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { NeedStatus } from '../../db/schema.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { OrgUnitsService } from '../org-units/org-units.service.ts';
import type {
  NeedCreate,
  NeedDto,
  NeedItemCreate,
  NeedItemDto,
  NeedItemPatch,
  NeedPatch,
} from './children.schema.ts';
import { ChildrenService, childTarget } from './children.service.ts';
import { NeedsRepository, type NeedItemRow, type NeedRow } from './needs.repository.ts';

export function toNeedDto(row: NeedRow): NeedDto {
  return {
    id: row.id,
    childId: row.child_id,
    itemId: row.item_id,
    itemCode: row.item_code,
    size: row.size,
    quantity: row.quantity,
    estCost: row.est_cost,
    status: row.status,
    version: row.version,
  };
}

export function toNeedItemDto(row: NeedItemRow): NeedItemDto {
  return {
    id: row.id,
    code: row.code,
    nameKk: row.name_kk,
    nameRu: row.name_ru,
    nameEn: row.name_en,
    hasSize: row.has_size === 1,
    defaultCost: row.default_cost,
    position: row.position,
    active: row.active === 1,
    version: row.version,
  };
}

function cost(value: number | string | null | undefined): number | null {
  if (value === undefined || value === null || value === '') return null;
  const parsed = parseTenge(value);
  if (!parsed.ok) throw invalid({ estCost: { key: `children:errors.cost.${parsed.error}` } });
  return parsed.value;
}

function size(value: string | null | undefined, hasSize: boolean): string | null {
  const text = value?.trim() || null;
  if (!hasSize || !text) return null;
  if (checkFreeText(text)) throw invalid({ size: { key: 'children:errors.text.html' } });
  return text;
}

/** Needs of children (what each one needs), the school's shopping summary and the admin-edited catalogue. */
export class NeedsService {
  private readonly orgUnits: OrgUnitsService;
  private readonly children: ChildrenService;

  constructor(private readonly database: Database) {
    this.orgUnits = new OrgUnitsService(database);
    this.children = new ChildrenService(database);
  }

  async items(): Promise<NeedItemDto[]> {
    return (await new NeedsRepository(this.database.db).items()).map(toNeedItemDto);
  }

  async createItem(ctx: RequestContext, input: NeedItemCreate): Promise<NeedItemDto> {
    policy.require(ctx.viewer, 'reference.manage');
    return this.database.db.transaction().execute(async (trx) => {
      const repo = new NeedsRepository(trx);
      if (await repo.itemByCode(input.code)) {
        throw new AppError(
          409,
          'duplicate',
          { key: 'children:errors.itemCodeTaken' },
          { code: { key: 'children:errors.itemCodeTaken' } },
        );
      }
      const now = new Date().toISOString();
      const id = uuidv7();
      await repo.insertItem({
        id,
        code: input.code,
        name_kk: input.nameKk,
        name_ru: input.nameRu,
        name_en: input.nameEn,
        has_size: input.hasSize ? 1 : 0,
        default_cost: input.defaultCost ?? null,
        position: input.position ?? 100,
        created_at: now,
        updated_at: now,
      });
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'create',
        entity: 'need_item',
        entityId: id,
        details: { code: input.code },
      });
      return toNeedItemDto((await repo.item(id))!);
    });
  }

  async updateItem(ctx: RequestContext, id: string, patch: NeedItemPatch): Promise<NeedItemDto> {
    policy.require(ctx.viewer, 'reference.manage');
    return this.database.db.transaction().execute(async (trx) => {
      const repo = new NeedsRepository(trx);
      const row = await repo.item(id);
      if (!row) throw notFound();
      const changes = {
        ...(patch.nameKk !== undefined && { name_kk: patch.nameKk }),
        ...(patch.nameRu !== undefined && { name_ru: patch.nameRu }),
        ...(patch.nameEn !== undefined && { name_en: patch.nameEn }),
        ...(patch.hasSize !== undefined && { has_size: patch.hasSize ? 1 : 0 }),
        ...(patch.defaultCost !== undefined && { default_cost: patch.defaultCost }),
        ...(patch.position !== undefined && { position: patch.position }),
        ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
      };
      if (!(await repo.updateItem(id, patch.version, changes))) throw conflict({ ...toNeedItemDto(row) });
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'update',
        entity: 'need_item',
        entityId: id,
        details: { changed: Object.keys(changes) },
      });
      return toNeedItemDto((await repo.item(id))!);
    });
  }

  async forChild(ctx: RequestContext, childId: string): Promise<NeedDto[]> {
    const { row } = await this.children.load(this.database.db, ctx.viewer, childId);
    return (await new NeedsRepository(this.database.db).forChild(row.id)).map(toNeedDto);
  }

  async create(ctx: RequestContext, childId: string, input: NeedCreate): Promise<NeedDto> {
    return this.database.db.transaction().execute(async (trx) => {
      const { row } = await this.children.load(trx, ctx.viewer, childId);
      policy.check(ctx.viewer, 'child.write', childTarget(row));
      const repo = new NeedsRepository(trx);
      const item = await repo.item(input.itemId);
      if (!item || item.active !== 1) throw invalid({ itemId: { key: 'children:errors.needItem' } });
      const now = new Date().toISOString();
      const id = uuidv7();
      await repo.insert({
        id,
        child_id: row.id,
        item_id: item.id,
        size: size(input.size, item.has_size === 1),
        quantity: input.quantity,
        est_cost: input.estCost === undefined ? item.default_cost : cost(input.estCost),
        status: input.status ?? 'open',
        created_at: now,
        updated_at: now,
      });
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'create',
        entity: 'child_need',
        entityId: row.id,
        orgPath: row.org_path,
        details: { need: id, item: item.code },
      });
      return toNeedDto((await repo.find(row.id, id))!);
    });
  }

  async update(ctx: RequestContext, childId: string, needId: string, patch: NeedPatch): Promise<NeedDto> {
    return this.database.db.transaction().execute(async (trx) => {
      const { row } = await this.children.load(trx, ctx.viewer, childId);
      policy.check(ctx.viewer, 'child.write', childTarget(row));
      const repo = new NeedsRepository(trx);
      const need = await repo.find(row.id, needId);
      if (!need) throw notFound();
      const item = patch.itemId ? await repo.item(patch.itemId) : await repo.item(need.item_id);
      if (!item || (patch.itemId && item.active !== 1))
        throw invalid({ itemId: { key: 'children:errors.needItem' } });
      const changes = {
        ...(patch.itemId !== undefined && { item_id: item.id }),
        ...((patch.size !== undefined || patch.itemId !== undefined) && {
          size: size(patch.size === undefined ? need.size : patch.size, item.has_size === 1),
        }),
        ...(patch.quantity !== undefined && { quantity: patch.quantity }),
        ...(patch.estCost !== undefined && { est_cost: cost(patch.estCost) }),
        ...(patch.status !== undefined && { status: patch.status }),
      };
      if (!(await repo.update(need.id, patch.version, changes))) throw conflict({ ...toNeedDto(need) });
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'update',
        entity: 'child_need',
        entityId: row.id,
        orgPath: row.org_path,
        details: { need: need.id, changed: Object.keys(changes) },
      });
      return toNeedDto((await repo.find(row.id, need.id))!);
    });
  }

  async remove(ctx: RequestContext, childId: string, needId: string): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      const { row } = await this.children.load(trx, ctx.viewer, childId);
      policy.check(ctx.viewer, 'child.write', childTarget(row));
      const repo = new NeedsRepository(trx);
      const need = await repo.find(row.id, needId);
      if (!need) throw notFound();
      await repo.delete(need.id);
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'delete',
        entity: 'child_need',
        entityId: row.id,
        orgPath: row.org_path,
        details: { need: need.id, item: need.item_code },
      });
    });
  }

  async summary(ctx: RequestContext, org: string | undefined, status: NeedStatus) {
    const scope = await this.orgUnits.scope(ctx, 'child.read', org);
    const repo = new NeedsRepository(this.database.db);
    const rows = await repo.summary(scope, status);
    const out = rows.map((r) => ({
      itemId: r.item_id,
      itemCode: r.item_code,
      nameKk: r.name_kk,
      nameRu: r.name_ru,
      nameEn: r.name_en,
      size: r.size,
      quantity: Number(r.quantity),
      children: Number(r.children),
      estCost: Number(r.cost ?? 0),
    }));
    return {
      rows: out,
      totalQuantity: out.reduce((s, r) => s + r.quantity, 0),
      totalEstCost: out.reduce((s, r) => s + r.estCost, 0),
      children: await repo.childrenWithNeeds(scope, status),
    };
  }
}
