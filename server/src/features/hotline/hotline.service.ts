import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import { kazakhstanDateOf, kazakhstanTime } from '#domain/clock';
import { canMoveCall, isCallStale } from '#domain/operations';
import { policy } from '../../access/policy.ts';
import type { Database } from '../../db/engine.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { CursorText, decodeCursor, encodeCursor } from '../../http/common.schema.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { assertCampaignOpen, openCampaignFor } from '../campaigns/campaign-lock.ts';
import { writableSchool } from '../campaigns/school-writer.ts';
import { openCase } from '../cases/cases.service.ts';
import { addQuickChild, type QuickChild } from '../cases/registry-child.ts';
import { OrgUnitsService } from '../org-units/org-units.service.ts';
import { checkLinkedChild, classOfChild } from '../cases/registry-child.ts';
import { HotlineRepository, type HotlineCallRow } from './hotline.repository.ts';
import type { HotlineCallDto, HotlineCreate, HotlinePatch } from './hotline.schema.ts';

/** A call as the viewer may see it; the masked view (officers) has no caller's name or phone. */
export function toHotlineCallDto(row: HotlineCallRow, now: Date, masked: boolean): HotlineCallDto {
  return {
    id: row.id,
    orgPath: row.org_path,
    campaignId: row.campaign_id,
    receivedAt: row.received_at,
    channel: row.channel as HotlineCallDto['channel'],
    anonymous: row.caller === null && row.caller_phone === null,
    caller: masked ? null : row.caller,
    callerPhone: masked ? null : row.caller_phone,
    childId: row.child_id,
    about: row.about,
    subject: row.subject,
    handler: row.handler,
    actionTaken: row.action_taken,
    status: row.status,
    closedAt: row.closed_at,
    stale: isCallStale({ status: row.status, receivedAt: row.received_at }, now),
    caseId: row.case_id,
    version: row.version,
  };
}

/** Re-reading a call just written or changed by the caller. */
const EVERY_CALL = policy.everywhere('hotline.read', 'operator');

const required = (field: string) => invalid({ [field]: { key: 'operations:errors.required' } });

export class HotlineService {
  constructor(private readonly database: Database) {}

  async list(ctx: RequestContext, query: { org?: string; status?: string; limit: number; cursor?: string }) {
    const db = this.database.db;
    const scope = await new OrgUnitsService(this.database).scope(ctx, 'hotline.read', query.org);
    const unit = await new OrgUnitsService(this.database).findVisible(
      ctx.viewer,
      query.org ?? ctx.viewer.orgCode,
    );
    const rows = await new HotlineRepository(db).list(scope, {
      status: query.status,
      limit: query.limit,
      after: decodeCursor(query.cursor, z.object({ at: CursorText, id: CursorText })),
    });
    const page = rows.slice(0, query.limit);
    const now = new Date();
    const last = page.at(-1);
    return {
      hotline: unit?.type === 'school' ? unit.hotline : null,
      items: page.map((r) => toHotlineCallDto(r, now, scope.masked)),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor({ at: last.received_at, id: last.id }) : null,
    };
  }

  async get(ctx: RequestContext, id: string): Promise<HotlineCallDto> {
    const scope = policy.scope(ctx.viewer, 'hotline.read');
    const row = await new HotlineRepository(this.database.db).find(id, scope);
    if (!row) throw notFound();
    return toHotlineCallDto(row, new Date(), scope.masked);
  }

  /** Logs a call or message; the same client id twice logs it once. */
  async create(
    ctx: RequestContext,
    input: HotlineCreate,
  ): Promise<{ created: boolean; item: HotlineCallDto }> {
    const { viewer } = ctx;
    return this.database.db.transaction().execute(async (trx) => {
      const school = await writableSchool(trx, viewer, 'hotline.write');
      const repo = new HotlineRepository(trx);
      if (input.id && (await repo.exists(input.id))) {
        const existing = await repo.find(input.id, policy.scope(viewer, 'hotline.read'));
        if (existing?.org_path !== school.path)
          throw new AppError(409, 'id_taken', { key: 'operations:errors.idTaken' });
        return { created: false, item: toHotlineCallDto(existing, new Date(), false) };
      }
      if (!input.subject) throw required('subject');
      await checkLinkedChild(trx, ctx, 'hotline.write', school.path, input.childId ?? null);
      const receivedAt = new Date(input.receivedAt ?? Date.now()).toISOString();
      const year = kazakhstanTime(receivedAt).year;
      const campaign = await openCampaignFor(trx, school.path, year, { required: false });
      const status = input.status ?? 'open';
      const id = input.id ?? uuidv7();
      const now = new Date().toISOString();
      await repo.insert({
        id,
        org_path: school.path,
        campaign_id: campaign?.id ?? null,
        received_at: receivedAt,
        channel: input.channel,
        caller: input.anonymous ? null : (input.caller ?? null),
        caller_phone: input.anonymous ? null : (input.callerPhone ?? null),
        child_id: input.childId ?? null,
        about: input.about ?? null,
        subject: input.subject,
        handler: input.handler ?? null,
        action_taken: input.actionTaken ?? null,
        status,
        closed_at: status === 'closed' ? now : null,
        created_by: viewer.email,
        created_at: now,
        updated_at: now,
      });
      await new AuditRepository(trx).write(viewer, ctx.ip, {
        action: 'create',
        entity: 'hotline_call',
        entityId: id,
        orgPath: school.path,
        details: { channel: input.channel },
      });
      return { created: true, item: toHotlineCallDto((await repo.find(id, EVERY_CALL))!, new Date(), false) };
    });
  }

  private async editable(trx: Database['db'], ctx: RequestContext, id: string) {
    const row = await new HotlineRepository(trx).find(id, policy.scope(ctx.viewer, 'hotline.read'));
    if (!row) throw notFound();
    policy.check(ctx.viewer, 'hotline.write', {
      path: row.org_path,
      classLabel: await classOfChild(trx, row.child_id),
    });
    await assertCampaignOpen(trx, row.campaign_id);
    return row;
  }

  async update(ctx: RequestContext, id: string, patch: HotlinePatch): Promise<HotlineCallDto> {
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.editable(trx, ctx, id);
      const repo = new HotlineRepository(trx);
      if (patch.subject !== undefined && !patch.subject) throw required('subject');
      if (patch.status && !canMoveCall(row.status, patch.status)) {
        throw invalid({
          status: {
            key: 'operations:errors.statusTransition',
            params: { from: row.status, to: patch.status },
          },
        });
      }
      const { version, ...f } = patch;
      const changes = {
        ...(f.about !== undefined && { about: f.about }),
        ...(f.subject !== undefined && { subject: f.subject }),
        ...(f.childId !== undefined && { child_id: f.childId }),
        ...(f.handler !== undefined && { handler: f.handler }),
        ...(f.actionTaken !== undefined && { action_taken: f.actionTaken }),
        ...(f.status !== undefined && { status: f.status }),
        ...(f.status === 'closed' && row.status !== 'closed' && { closed_at: new Date().toISOString() }),
      };
      if (f.childId !== undefined) await checkLinkedChild(trx, ctx, 'hotline.write', row.org_path, f.childId);
      if (!(await repo.update(id, version, changes)))
        throw conflict({ ...toHotlineCallDto(row, new Date(), false) });
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'update',
        entity: 'hotline_call',
        entityId: id,
        orgPath: row.org_path,
        details: { changed: Object.keys(changes) },
      });
      return toHotlineCallDto((await repo.find(id, EVERY_CALL))!, new Date(), false);
    });
  }

  /** A call about a child who does not attend school starts the child's non-attendance case. */
  async openCase(ctx: RequestContext, id: string, child: { childId?: string | null; childName: string }) {
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.editable(trx, ctx, id);
      const childId = child.childId ?? row.child_id;
      await checkLinkedChild(trx, ctx, 'case.write', row.org_path, childId);
      await openCase(trx, ctx, {
        orgPath: row.org_path,
        childId,
        childName: child.childName,
        source: 'hotline',
        sourceId: row.id,
        openedOn: kazakhstanDateOf(row.received_at),
      });
      return toHotlineCallDto((await new HotlineRepository(trx).find(id, EVERY_CALL))!, new Date(), false);
    });
  }

  /** A call can put a child on the list: a new "proposed" child with source "hotline", linked to the call. */
  async addChild(ctx: RequestContext, id: string, body: { newChild: QuickChild; openCase?: boolean }) {
    return this.database.db.transaction().execute(async (trx) => {
      const row = await this.editable(trx, ctx, id);
      const school = await writableSchool(trx, ctx.viewer, 'child.write');
      if (school.path !== row.org_path) throw forbidden();
      const child = await addQuickChild(trx, ctx, school, body.newChild, 'hotline', 'newChild');
      const repo = new HotlineRepository(trx);
      await repo.update(row.id, row.version, { child_id: child.id });
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'update',
        entity: 'hotline_call',
        entityId: row.id,
        orgPath: row.org_path,
        details: { changed: ['child_id'], childId: child.id },
      });
      if (body.openCase) {
        await openCase(trx, ctx, {
          orgPath: row.org_path,
          childId: child.id,
          childName: child.fullName,
          source: 'hotline',
          sourceId: row.id,
          openedOn: kazakhstanDateOf(row.received_at),
        });
      }
      return toHotlineCallDto((await repo.find(id, EVERY_CALL))!, new Date(), false);
    });
  }
}
