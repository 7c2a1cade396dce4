import { v7 as uuidv7 } from 'uuid';
import { todayInKazakhstan } from '#domain/clock';
import { isPlanItemOverdue, shiftYear } from '#domain/operations';
import type { Lang } from '#domain/lang';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/engine.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { assertCampaignOpen, openCampaignFor } from '../campaigns/campaign-lock.ts';
import { CampaignsRepository } from '../campaigns/campaigns.repository.ts';
import { writableSchool } from '../campaigns/school-writer.ts';
import { OrgUnitsRepository } from '../org-units/org-units.repository.ts';
import { PlanRepository, type EvidenceRow, type PlanItemRow } from './plan.repository.ts';
import type { EvidenceDto, PlanDto, PlanItemCreate, PlanItemDto, PlanItemPatch } from './plan.schema.ts';
import { renderPlanPdf } from './plan-pdf.ts';

const PLAN_EDITORS = ['admin', 'coordinator', 'director'] as const;

function toEvidenceDto(row: EvidenceRow): EvidenceDto {
  return {
    id: row.id,
    kind: row.kind,
    url: row.url,
    fileName: row.file_name,
    mime: row.mime,
    size: row.size === null ? null : Number(row.size),
    createdAt: row.created_at,
  };
}

export function toPlanItemDto(row: PlanItemRow, evidence: EvidenceRow[], today: string): PlanItemDto {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    orgPath: row.org_path,
    position: row.position,
    title: row.title,
    from: row.date_from,
    to: row.date_to,
    responsible: row.responsible,
    status: row.status,
    notes: row.notes,
    overdue: isPlanItemOverdue({ status: row.status, to: row.date_to }, today),
    evidence: evidence.filter((e) => e.plan_item_id === row.id).map(toEvidenceDto),
    version: row.version,
  };
}

/** What the first bytes of a file say it is; the name and the declared type are not trusted. */
export function sniffMime(bytes: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  return null;
}

export class PlanService {
  constructor(
    private readonly database: Database,
    private readonly config: Config,
  ) {}

  private async scopeOf(ctx: RequestContext, org: string | undefined) {
    if (!org) return ctx.viewer.orgPath;
    const unit = await new OrgUnitsRepository(this.database.db).findByCode(org, ctx.viewer.orgPath);
    if (!unit) throw notFound();
    return unit.path;
  }

  async get(ctx: RequestContext, query: { org?: string; year: number }): Promise<PlanDto> {
    const db = this.database.db;
    const scope = await this.scopeOf(ctx, query.org);
    const repo = new PlanRepository(db);
    const rows = await repo.items(scope, query.year);
    const evidence = await repo.evidenceOf(rows.map((r) => r.id));
    const campaign = await new CampaignsRepository(db).findEffective(scope, query.year);
    const approval = campaign ? await repo.approval(campaign.id, scope) : undefined;
    const today = todayInKazakhstan();
    return {
      year: query.year,
      campaign: campaign
        ? { id: campaign.id, status: campaign.status, from: campaign.date_from, to: campaign.date_to }
        : null,
      approval: approval ? { approvedBy: approval.approved_by, approvedAt: approval.approved_at } : null,
      items: rows.map((r) => toPlanItemDto(r, evidence, today)),
    };
  }

  private async dto(repo: PlanRepository, id: string, scope: string) {
    const row = (await repo.findItem(id, scope))!;
    return toPlanItemDto(row, await repo.evidenceOf([id]), todayInKazakhstan());
  }

  /** Adds an item to the viewer's school plan; the same client id twice gives the same item. */
  async create(ctx: RequestContext, input: PlanItemCreate): Promise<{ created: boolean; item: PlanItemDto }> {
    const { viewer } = ctx;
    return this.database.db.transaction().execute(async (trx) => {
      const school = await writableSchool(trx, viewer, PLAN_EDITORS);
      const repo = new PlanRepository(trx);
      if (input.id && (await repo.idExists(input.id))) {
        const existing = await repo.findItem(input.id, school.path);
        if (!existing) throw new AppError(409, 'id_taken', { key: 'operations:errors.idTaken' });
        return { created: false, item: await this.dto(repo, existing.id, school.path) };
      }
      const campaign = (await openCampaignFor(trx, school.path, input.year, { required: true }))!;
      if (input.to < input.from) throw invalid({ to: { key: 'operations:errors.endBeforeStart' } });
      const id = input.id ?? uuidv7();
      const now = new Date().toISOString();
      await repo.insertItem({
        id,
        campaign_id: campaign.id,
        org_path: school.path,
        position: await repo.nextPosition(campaign.id, school.path),
        title: input.title,
        date_from: input.from,
        date_to: input.to,
        responsible: input.responsible,
        status: input.status ?? 'planned',
        notes: input.notes ?? null,
        created_at: now,
        updated_at: now,
      });
      await new AuditRepository(trx).write(viewer, ctx.ip, {
        action: 'create',
        entity: 'plan_item',
        entityId: id,
        orgPath: school.path,
      });
      return { created: true, item: await this.dto(repo, id, school.path) };
    });
  }

  /** An item of the viewer's own school, for a change; refused while its campaign is closed. */
  private async editable(trx: Database['db'], ctx: RequestContext, id: string, roles: readonly string[]) {
    const repo = new PlanRepository(trx);
    const row = await repo.findItem(id, ctx.viewer.orgPath);
    if (!row) throw notFound();
    const school = await writableSchool(trx, ctx.viewer, roles as typeof PLAN_EDITORS);
    if (row.org_path !== school.path) throw forbidden();
    await assertCampaignOpen(trx, row.campaign_id);
    return row;
  }

  async update(ctx: RequestContext, id: string, patch: PlanItemPatch): Promise<PlanItemDto> {
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.editable(trx, ctx, id, PLAN_EDITORS);
      const repo = new PlanRepository(trx);
      const from = patch.from ?? row.date_from;
      const to = patch.to ?? row.date_to;
      if (to < from) throw invalid({ to: { key: 'operations:errors.endBeforeStart' } });
      const { version, ...f } = patch;
      const changes = {
        ...(f.title !== undefined && { title: f.title }),
        ...(f.from !== undefined && { date_from: f.from }),
        ...(f.to !== undefined && { date_to: f.to }),
        ...(f.responsible !== undefined && { responsible: f.responsible }),
        ...(f.status !== undefined && { status: f.status }),
        ...(f.notes !== undefined && { notes: f.notes }),
      };
      if (!(await repo.updateItem(id, version, changes))) {
        throw conflict({ ...toPlanItemDto(row, await repo.evidenceOf([id]), todayInKazakhstan()) });
      }
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'update',
        entity: 'plan_item',
        entityId: id,
        orgPath: row.org_path,
        details: { changed: Object.keys(changes) },
      });
      return this.dto(repo, id, row.org_path);
    });
  }

  /** Starts this year's plan from last year's: the same activities, dates a year later, all planned again. */
  async copyFromLastYear(ctx: RequestContext, year: number): Promise<PlanDto> {
    const { viewer } = ctx;
    await this.database.db.transaction().execute(async (trx) => {
      const school = await writableSchool(trx, viewer, PLAN_EDITORS);
      const campaign = (await openCampaignFor(trx, school.path, year, { required: true }))!;
      const repo = new PlanRepository(trx);
      if ((await repo.itemsOf(campaign.id, school.path)).length > 0) {
        throw new AppError(409, 'plan_not_empty', { key: 'operations:errors.planNotEmpty' });
      }
      const previous = await new CampaignsRepository(trx).findEffective(school.path, year - 1);
      const source = previous ? await repo.itemsOf(previous.id, school.path) : [];
      if (source.length === 0) {
        throw new AppError(422, 'no_previous_plan', {
          key: 'operations:errors.noPreviousPlan',
          params: { year: year - 1 },
        });
      }
      const now = new Date().toISOString();
      for (const item of source) {
        await repo.insertItem({
          id: uuidv7(),
          campaign_id: campaign.id,
          org_path: school.path,
          position: item.position,
          title: item.title,
          date_from: shiftYear(item.date_from),
          date_to: shiftYear(item.date_to),
          responsible: item.responsible,
          status: 'planned',
          notes: null,
          created_at: now,
          updated_at: now,
        });
      }
      await new AuditRepository(trx).write(viewer, ctx.ip, {
        action: 'copy',
        entity: 'plan',
        entityId: campaign.id,
        orgPath: school.path,
        details: { fromYear: year - 1, items: source.length },
      });
    });
    return this.get(ctx, { year });
  }

  /** The director approves the school's plan of the year. */
  async approve(ctx: RequestContext, year: number): Promise<PlanDto> {
    const { viewer } = ctx;
    if (viewer.role !== 'director') {
      throw new AppError(403, 'forbidden', { key: 'operations:errors.directorApproves' });
    }
    await this.database.db.transaction().execute(async (trx) => {
      const school = await writableSchool(trx, viewer, ['director']);
      const campaign = (await openCampaignFor(trx, school.path, year, { required: true }))!;
      await new PlanRepository(trx).approve(campaign.id, school.path, viewer.name, new Date().toISOString());
      await new AuditRepository(trx).write(viewer, ctx.ip, {
        action: 'approve',
        entity: 'plan',
        entityId: campaign.id,
        orgPath: school.path,
        details: { year },
      });
    });
    return this.get(ctx, { year });
  }

  async addFile(
    ctx: RequestContext,
    itemId: string,
    file: { fileName: string; bytes: Buffer; truncated: boolean } | undefined,
  ): Promise<PlanItemDto> {
    if (!file) throw invalid({ file: { key: 'operations:errors.uploadMissing' } });
    if (file.truncated) {
      throw new AppError(
        413,
        'too_large',
        { key: 'operations:errors.uploadTooLarge', params: { mb: this.config.UPLOAD_MAX_MB } },
        {
          file: { key: 'operations:errors.uploadTooLarge', params: { mb: this.config.UPLOAD_MAX_MB } },
        },
      );
    }
    const mime = sniffMime(file.bytes);
    if (!mime) throw invalid({ file: { key: 'operations:errors.uploadType' } });
    return this.addEvidence(ctx, itemId, {
      kind: 'file',
      url: null,
      file_name: file.fileName.slice(0, 255),
      mime,
      size: file.bytes.length,
      content: file.bytes,
    });
  }

  addLink(ctx: RequestContext, itemId: string, url: string): Promise<PlanItemDto> {
    return this.addEvidence(ctx, itemId, {
      kind: 'link',
      url,
      file_name: null,
      mime: null,
      size: null,
      content: null,
    });
  }

  private addEvidence(
    ctx: RequestContext,
    itemId: string,
    evidence: {
      kind: 'file' | 'link';
      url: string | null;
      file_name: string | null;
      mime: string | null;
      size: number | null;
      content: Buffer | null;
    },
  ): Promise<PlanItemDto> {
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.editable(trx, ctx, itemId, ['admin', 'coordinator', 'director', 'teacher']);
      const id = uuidv7();
      await new PlanRepository(trx).insertEvidence({
        id,
        plan_item_id: row.id,
        org_path: row.org_path,
        ...evidence,
        created_by: ctx.viewer.email,
        created_at: new Date().toISOString(),
      });
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'add_evidence',
        entity: 'plan_item',
        entityId: row.id,
        orgPath: row.org_path,
        details: { evidenceId: id, kind: evidence.kind },
      });
      return this.dto(new PlanRepository(trx), row.id, row.org_path);
    });
  }

  async evidenceFile(ctx: RequestContext, id: string) {
    const row = await new PlanRepository(this.database.db).findEvidenceFile(id, ctx.viewer.orgPath);
    if (!row?.content) throw notFound();
    return {
      fileName: row.file_name ?? 'evidence',
      mime: row.mime ?? 'application/octet-stream',
      content: row.content,
    };
  }

  /** The plan as the familiar printed table, with the director's approval block. */
  async print(ctx: RequestContext, query: { org?: string; year: number }, lang: Lang): Promise<Buffer> {
    const scope = await this.scopeOf(ctx, query.org);
    const unit = await new OrgUnitsRepository(this.database.db).findByCode(
      scope.split('/').filter(Boolean).at(-1) ?? '',
      ctx.viewer.orgPath,
    );
    const plan = await this.get(ctx, query);
    return renderPlanPdf(plan, unit, lang);
  }
}
