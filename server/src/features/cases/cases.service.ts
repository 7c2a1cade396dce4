import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { kazakhstanDateOf, todayInKazakhstan } from '#domain/clock';
import { addDays, CASE_FOLLOW_UP_DAYS, isFollowUpOverdue } from '#domain/operations';
import { policy } from '../../access/policy.ts';
import type { Database } from '../../db/engine.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { CampaignsRepository } from '../campaigns/campaigns.repository.ts';
import { writableSchool } from '../campaigns/school-writer.ts';
import { OrgUnitsService } from '../org-units/org-units.service.ts';
import { CasesRepository, type CaseRow, type CaseStepRow } from './cases.repository.ts';
import { checkLinkedChild, classOfChild, flaggedWithoutCase } from './registry-child.ts';
import type { CaseCreate, CaseDto, CaseStepCreate } from './cases.schema.ts';

export function toCaseDto(row: CaseRow, steps: CaseStepRow[], today: string): CaseDto {
  return {
    id: row.id,
    orgPath: row.org_path,
    campaignId: row.campaign_id,
    childId: row.child_id,
    childName: row.child_name,
    source: row.source,
    sourceId: row.source_id,
    openedOn: row.opened_on,
    dueOn: row.due_on,
    status: row.status,
    outcome: row.outcome,
    closedOn: row.closed_on,
    overdue: isFollowUpOverdue({ status: row.status, dueOn: row.due_on }, today),
    steps: steps
      .filter((s) => s.case_id === row.id)
      .map((s) => ({
        id: s.id,
        kind: s.kind as CaseDto['steps'][number]['kind'],
        doneOn: s.done_on,
        byWhom: s.by_whom,
        notes: s.notes,
        nextOn: s.next_on,
        createdAt: s.created_at,
      })),
    version: row.version,
  };
}

export interface CaseOpening {
  id?: string;
  orgPath: string;
  childId: string | null;
  childName: string;
  source: CaseRow['source'];
  sourceId: string | null;
  openedOn: string;
}

/**
 * Opens the non-attendance case of a child inside the caller's transaction, and audits it. A registry child with
 * an open case keeps that one (found again in a raid, say): no second case is opened.
 */
export async function openCase(
  trx: Kysely<DB>,
  ctx: RequestContext,
  o: CaseOpening,
): Promise<{ id: string; created: boolean }> {
  const repo = new CasesRepository(trx);
  if (o.childId) {
    const open = await repo.openCaseOfChild(o.childId);
    if (open) return { id: open.id, created: false };
  }
  const campaign = await new CampaignsRepository(trx).findEffective(
    o.orgPath,
    Number(o.openedOn.slice(0, 4)),
  );
  const id = o.id ?? uuidv7();
  const now = new Date().toISOString();
  await repo.insert({
    id,
    org_path: o.orgPath,
    campaign_id: campaign?.id ?? null,
    child_id: o.childId,
    child_name: o.childName,
    source: o.source,
    source_id: o.sourceId,
    opened_on: o.openedOn,
    due_on: addDays(o.openedOn, CASE_FOLLOW_UP_DAYS),
    status: 'open',
    outcome: null,
    closed_on: null,
    created_at: now,
    updated_at: now,
  });
  await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
    action: 'create',
    entity: 'case',
    entityId: id,
    orgPath: o.orgPath,
    details: { source: o.source, sourceId: o.sourceId },
  });
  return { id, created: true };
}

export class CasesService {
  constructor(private readonly database: Database) {}

  private async dto(db: Kysely<DB>, row: CaseRow): Promise<CaseDto> {
    // Cases name children only, never their contacts: the masked view has nothing more to hide.
    return toCaseDto(row, await new CasesRepository(db).steps([row.id]), todayInKazakhstan());
  }

  /** The dashboard: cases in scope, oldest first, overdue follow-ups flagged. */
  async list(ctx: RequestContext, query: { org?: string; status: 'open' | 'closed' | 'all'; limit: number }) {
    const db = this.database.db;
    const scope = await new OrgUnitsService(this.database).scope(ctx, 'case.read', query.org);
    await this.openFlaggedCases(ctx);
    const repo = new CasesRepository(db);
    const rows = await repo.list(scope, query);
    const steps = await repo.steps(rows.map((r) => r.id));
    const today = todayInKazakhstan();
    return { items: rows.map((r) => toCaseDto(r, steps, today)) };
  }

  /**
   * A child a teacher flagged "not attending" gets a case too: school staff looking at their cases open the
   * missing ones (dated the day of the flag), audited as theirs.
   */
  private async openFlaggedCases(ctx: RequestContext): Promise<void> {
    const { viewer } = ctx;
    // Those who keep cases at their own school; the scope of a write is where the viewer may write.
    if (!policy.anywhere(viewer, 'case.write')) return;
    const scope = policy.scope(viewer, 'case.write');
    const flagged = await flaggedWithoutCase(this.database.db, scope);
    if (flagged.length === 0) return;
    await this.database.db.transaction().execute(async (trx) => {
      for (const child of await flaggedWithoutCase(trx, scope)) {
        await openCase(trx, ctx, {
          orgPath: viewer.orgPath,
          childId: child.id,
          childName: child.fullName,
          source: 'teacher',
          sourceId: null,
          openedOn: kazakhstanDateOf(child.updatedAt),
        });
      }
    });
  }

  async get(ctx: RequestContext, id: string): Promise<CaseDto> {
    const row = await new CasesRepository(this.database.db).find(id, policy.scope(ctx.viewer, 'case.read'));
    if (!row) throw notFound();
    return this.dto(this.database.db, row);
  }

  /** Opens a case by hand (a teacher's flag, say); the same client id twice opens one case. */
  async create(ctx: RequestContext, input: CaseCreate): Promise<{ created: boolean; item: CaseDto }> {
    return this.database.db.transaction().execute(async (trx) => {
      const school = await writableSchool(trx, ctx.viewer, 'case.write');
      const repo = new CasesRepository(trx);
      const visible = policy.scope(ctx.viewer, 'case.read');
      if (input.id && (await repo.exists(input.id))) {
        const existing = await repo.find(input.id, visible);
        if (existing?.org_path !== school.path)
          throw new AppError(409, 'id_taken', { key: 'operations:errors.idTaken' });
        return { created: false, item: await this.dto(trx, existing) };
      }
      if (!input.childName) throw invalid({ childName: { key: 'operations:errors.childMissing' } });
      await checkLinkedChild(trx, ctx, 'case.write', school.path, input.childId ?? null);
      // A child has one open case at a time: a second one by hand is refused by name (a raid or a call that finds
      // the child again keeps the open case instead, see openCase).
      const open = input.childId ? await repo.openCaseOfChild(input.childId) : undefined;
      if (open) {
        const seen = await repo.find(open.id, visible);
        throw new AppError(
          409,
          'case_open',
          { key: 'operations:errors.caseOpen' },
          undefined,
          seen ? { existingId: seen.id } : undefined,
        );
      }
      const { id, created } = await openCase(trx, ctx, {
        id: input.id,
        orgPath: school.path,
        childId: input.childId ?? null,
        childName: input.childName,
        source: input.source,
        sourceId: null,
        openedOn: input.openedOn,
      });
      // The child's open case is kept; one opened by another school before a transfer is not ours to show.
      const row = await repo.find(id, visible);
      if (!row) throw conflict();
      return { created, item: await this.dto(trx, row) };
    });
  }

  /**
   * Records a follow-up step. A step dated before the child was found is refused; "attends school" closes the case.
   * The same client id twice records one step.
   */
  async addStep(
    ctx: RequestContext,
    caseId: string,
    input: CaseStepCreate,
  ): Promise<{ created: boolean; item: CaseDto }> {
    return this.database.db.transaction().execute(async (trx) => {
      const repo = new CasesRepository(trx);
      const visible = policy.scope(ctx.viewer, 'case.read');
      const row = await repo.find(caseId, visible);
      if (!row) throw notFound();
      policy.check(ctx.viewer, 'case.write', {
        path: row.org_path,
        classLabel: await classOfChild(trx, row.child_id),
      });
      if (input.id) {
        const step = await repo.findStep(input.id);
        if (step && step.case_id === row.id) return { created: false, item: await this.dto(trx, row) };
        if (step) throw new AppError(409, 'id_taken', { key: 'operations:errors.idTaken' });
      }
      if (row.status === 'closed')
        throw new AppError(409, 'case_closed', { key: 'operations:errors.caseClosed' });
      if (input.doneOn < row.opened_on) {
        throw invalid({
          doneOn: {
            key: 'operations:errors.stepBeforeOpened',
            params: { date: input.doneOn, opened: row.opened_on },
          },
        });
      }
      if (input.nextOn && input.nextOn < input.doneOn) {
        throw invalid({ nextOn: { key: 'operations:errors.endBeforeStart' } });
      }
      const closes = input.kind === 'attends_school';
      const nextOn = closes ? null : (input.nextOn ?? addDays(input.doneOn, CASE_FOLLOW_UP_DAYS));
      const id = input.id ?? uuidv7();
      await repo.insertStep({
        id,
        case_id: row.id,
        org_path: row.org_path,
        kind: input.kind,
        done_on: input.doneOn,
        by_whom: input.byWhom,
        notes: input.notes ?? null,
        next_on: nextOn,
        created_by: ctx.viewer.email,
        created_at: new Date().toISOString(),
      });
      await repo.update(
        row.id,
        closes
          ? { status: 'closed', outcome: 'attends_school', closed_on: input.doneOn, due_on: null }
          : { due_on: nextOn },
      );
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: closes ? 'close' : 'add_step',
        entity: 'case',
        entityId: row.id,
        orgPath: row.org_path,
        details: { stepId: id, kind: input.kind },
      });
      return { created: true, item: await this.dto(trx, (await repo.find(row.id, visible))!) };
    });
  }
}
