import { v7 as uuidv7 } from 'uuid';
import { policy } from '../../access/policy.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { Database } from '../../db/engine.ts';
import { AppError, conflict, invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { OrgUnitsRepository } from '../org-units/org-units.repository.ts';
import { OrgUnitsService } from '../org-units/org-units.service.ts';
import { campaignClosed } from './campaign-lock.ts';
import { CampaignsRepository, type CampaignRow } from './campaigns.repository.ts';
import type { CampaignCreate, CampaignDto, CampaignPatch } from './campaigns.schema.ts';

/** Who may open, edit, close and reopen a campaign at `path` (see `campaign.manage` in access/rules.ts). */
export function mayManageCampaign(viewer: Viewer, path: string): boolean {
  return policy.may(viewer, 'campaign.manage', { path });
}

export function toCampaignDto(row: CampaignRow, viewer: Viewer): CampaignDto {
  return {
    id: row.id,
    orgCode: row.org_code,
    orgPath: row.org_path,
    orgNameRu: row.name_ru,
    orgNameKk: row.name_kk,
    year: row.year,
    from: row.date_from,
    to: row.date_to,
    mottoRu: row.motto_ru,
    mottoKk: row.motto_kk,
    goals: row.goals,
    status: row.status,
    closedAt: row.closed_at,
    canManage: mayManageCampaign(viewer, row.org_path),
    version: row.version,
  };
}

function checkDates(year: number, from: string, to: string) {
  if (Number(from.slice(0, 4)) !== year) {
    throw invalid({ from: { key: 'operations:errors.dateOutsideYear', params: { year } } });
  }
  if (to < from) throw invalid({ to: { key: 'operations:errors.endBeforeStart' } });
}

export class CampaignsService {
  constructor(private readonly database: Database) {}

  async list(ctx: RequestContext, query: { org?: string; year?: number }): Promise<{ items: CampaignDto[] }> {
    const repo = new CampaignsRepository(this.database.db);
    const scope = await new OrgUnitsService(this.database).scope(ctx, 'campaign.read', query.org);
    const rows = await repo.list(scope, query.year);
    return { items: rows.map((r) => toCampaignDto(r, ctx.viewer)) };
  }

  async get(ctx: RequestContext, id: string): Promise<CampaignDto> {
    const row = await new CampaignsRepository(this.database.db).findVisible(
      id,
      policy.scope(ctx.viewer, 'campaign.read'),
    );
    if (!row) throw notFound();
    return toCampaignDto(row, ctx.viewer);
  }

  /** The campaign of a year that applies to a unit (the viewer's own by default); 404 when there is none. */
  async effective(ctx: RequestContext, query: { org?: string; year: number }): Promise<CampaignDto> {
    let path = ctx.viewer.orgPath;
    if (query.org) {
      const unit = await new OrgUnitsService(this.database).findVisible(ctx.viewer, query.org);
      if (!unit) throw notFound();
      path = unit.path;
    }
    const row = await new CampaignsRepository(this.database.db).findEffective(path, query.year);
    if (!row) throw notFound();
    return toCampaignDto(row, ctx.viewer);
  }

  async create(ctx: RequestContext, input: CampaignCreate): Promise<CampaignDto> {
    const { viewer } = ctx;
    return this.database.db.transaction().execute(async (trx) => {
      const units = new OrgUnitsRepository(trx);
      const visible = policy.scope(viewer, 'unit.read');
      const unit = input.orgCode
        ? await units.findByCode(input.orgCode, visible)
        : await units.findById(viewer.orgUnitId, visible);
      if (!unit) throw notFound();
      policy.check(viewer, 'campaign.manage', unit);
      const from = input.from ?? `${input.year}-08-01`;
      const to = input.to ?? `${input.year}-09-30`;
      checkDates(input.year, from, to);
      const repo = new CampaignsRepository(trx);
      const existing = await repo.findAtOrAbove(unit.path, input.year);
      if (existing) {
        throw new AppError(409, 'duplicate', {
          key:
            existing.org_path === unit.path
              ? 'operations:errors.campaignExists'
              : 'operations:errors.campaignAbove',
          params: { year: input.year, org: existing.org_code },
        });
      }
      const now = new Date().toISOString();
      const id = uuidv7();
      await repo.insert({
        id,
        org_unit_id: unit.id,
        org_path: unit.path,
        year: input.year,
        date_from: from,
        date_to: to,
        motto_ru: input.mottoRu ?? null,
        motto_kk: input.mottoKk ?? null,
        goals: input.goals ?? null,
        status: 'open',
        closed_at: null,
        closed_by: null,
        created_at: now,
        updated_at: now,
      });
      await new AuditRepository(trx).write(viewer, ctx.ip, {
        action: 'create',
        entity: 'campaign',
        entityId: id,
        orgPath: unit.path,
        details: { year: input.year },
      });
      return toCampaignDto((await repo.findById(id))!, viewer);
    });
  }

  private async change(
    ctx: RequestContext,
    id: string,
    version: number,
    apply: (row: CampaignRow) => {
      changes: Parameters<CampaignsRepository['update']>[2];
      audit: string;
      details?: Record<string, unknown>;
    },
  ): Promise<CampaignDto> {
    const { viewer } = ctx;
    return this.database.db.transaction().execute(async (trx) => {
      const repo = new CampaignsRepository(trx);
      const row = await repo.findVisible(id, policy.scope(viewer, 'campaign.read'));
      if (!row) throw notFound();
      policy.check(viewer, 'campaign.manage', { path: row.org_path });
      const { changes, audit, details } = apply(row);
      if (!(await repo.update(row.id, version, changes))) throw conflict(toCampaignDto(row, viewer));
      await new AuditRepository(trx).write(viewer, ctx.ip, {
        action: audit,
        entity: 'campaign',
        entityId: row.id,
        orgPath: row.org_path,
        details: { year: row.year, ...details },
      });
      return toCampaignDto((await repo.findById(row.id))!, viewer);
    });
  }

  update(ctx: RequestContext, id: string, patch: CampaignPatch): Promise<CampaignDto> {
    return this.change(ctx, id, patch.version, (row) => {
      if (row.status === 'closed') throw campaignClosed(row.year);
      const from = patch.from ?? row.date_from;
      const to = patch.to ?? row.date_to;
      checkDates(row.year, from, to);
      const changes = {
        ...(patch.from !== undefined && { date_from: patch.from }),
        ...(patch.to !== undefined && { date_to: patch.to }),
        ...(patch.mottoRu !== undefined && { motto_ru: patch.mottoRu }),
        ...(patch.mottoKk !== undefined && { motto_kk: patch.mottoKk }),
        ...(patch.goals !== undefined && { goals: patch.goals }),
      };
      return { changes, audit: 'update', details: { changed: Object.keys(changes) } };
    });
  }

  close(ctx: RequestContext, id: string, version: number): Promise<CampaignDto> {
    return this.change(ctx, id, version, (row) => {
      if (row.status === 'closed') throw campaignClosed(row.year);
      return {
        changes: { status: 'closed', closed_at: new Date().toISOString(), closed_by: ctx.viewer.email },
        audit: 'close',
      };
    });
  }

  /** Reopening a closed campaign is allowed, with a reason that goes into the audit log. */
  reopen(ctx: RequestContext, id: string, version: number, reason: string): Promise<CampaignDto> {
    return this.change(ctx, id, version, (row) => {
      if (row.status !== 'closed') {
        throw new AppError(409, 'not_closed', { key: 'operations:errors.campaignNotClosed' });
      }
      return {
        changes: { status: 'open', closed_at: null, closed_by: null },
        audit: 'reopen',
        details: { reason },
      };
    });
  }
}
