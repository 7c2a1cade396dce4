import { z } from 'zod';
import { todayInKazakhstan } from '#domain/clock';
import { v7 as uuidv7 } from 'uuid';
import type { AidForm } from '#domain/aid-codes';
import { parseDateInput } from '#domain/dates';
import type { Lang } from '#domain/lang';
import { policy, type Scope } from '../../access/policy.ts';
import type { Database } from '../../db/engine.ts';
import { conflict, invalid, notFound, AppError } from '../../http/app-error.ts';
import { CursorText, decodeCursor, encodeCursor } from '../../http/common.schema.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { AidService } from '../aid/aid.service.ts';
import type { HandoverInput } from '../aid/aid.schema.ts';
import { tengeInput } from '../fv/tenge-input.ts';
import { OrgUnitsRepository } from '../org-units/org-units.repository.ts';
import { OrgUnitsService } from '../org-units/org-units.service.ts';
import { SponsorsRepository } from '../sponsors/sponsors.repository.ts';
import { PledgesRepository, type PledgeRow } from './pledges.repository.ts';
import type { PledgeCreate, PledgeDeliver, PledgeDto, PledgeListQuery } from './pledges.schema.ts';

/** Re-reading a pledge just written by the caller. */
const EVERY_PLEDGE = policy.everywhere('pledge.read', 'operator');

export function toPledgeDto(r: PledgeRow, on: string = todayInKazakhstan()): PledgeDto {
  return {
    id: r.id,
    orgCode: r.org_code,
    sponsorId: r.sponsor_id,
    sponsorName: r.sponsor_name,
    description: r.description,
    form: r.form as AidForm,
    amount: r.amount === null ? null : Number(r.amount),
    childIds: JSON.parse(r.child_ids) as string[],
    needIds: JSON.parse(r.need_ids) as string[],
    dueDate: r.due_date,
    status: r.status,
    statusReason: r.status_reason,
    handoverId: r.handover_id,
    overdue: r.status === 'open' && r.due_date < on,
    createdBy: r.created_by,
    createdAt: r.created_at,
    version: r.version,
  };
}

/** Splits a whole amount among n children so that the shares add up exactly (the first ones get the extra tenge). */
export function splitAmount(amount: number, n: number): number[] {
  const base = Math.floor(amount / n);
  return Array.from({ length: n }, (_, i) => base + (i < amount - base * n ? 1 : 0));
}

/** Sponsors' promises: open until delivered (which records the aid) or cancelled with a reason. */
export class PledgesService {
  private readonly aid: AidService;

  constructor(private readonly database: Database) {
    this.aid = new AidService(database);
  }

  /** Pledges as the viewer may see them: a teacher's narrowed to the children (and needs) of their classes. */
  private async dtos(rows: PledgeRow[], scope: Scope): Promise<PledgeDto[]> {
    const dtos = rows.map((r) => toPledgeDto(r));
    if (scope.classes === null) return dtos;
    const repo = new PledgesRepository(this.database.db);
    const seen = await repo.childrenInScope([...new Set(dtos.flatMap((d) => d.childIds))], scope);
    const owners = new Map(
      (await repo.needOwners([...new Set(dtos.flatMap((d) => d.needIds))])).map((n) => [n.id, n.child_id]),
    );
    return dtos.map((d) => ({
      ...d,
      childIds: d.childIds.filter((id) => seen.has(id)),
      needIds: d.needIds.filter((id) => seen.has(owners.get(id) ?? '')),
    }));
  }

  async list(ctx: RequestContext, q: PledgeListQuery) {
    const scope = await new OrgUnitsService(this.database).scope(ctx, 'pledge.read', q.org);
    const rows = await new PledgesRepository(this.database.db).list(scope, {
      status: q.status,
      overdueOn: q.overdue === 'true' ? todayInKazakhstan() : undefined,
      sponsorId: q.sponsorId,
      limit: q.limit,
      after: decodeCursor(q.cursor, z.object({ due: CursorText, id: CursorText })),
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: await this.dtos(page, scope),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ due: last.due_date, id: last.id }) : null,
    };
  }

  async get(ctx: RequestContext, id: string) {
    const scope = policy.scope(ctx.viewer, 'pledge.read');
    const row = await new PledgesRepository(this.database.db).findById(id, scope);
    if (!row) throw notFound();
    return (await this.dtos([row], scope))[0]!;
  }

  async create(ctx: RequestContext, input: PledgeCreate): Promise<PledgeDto> {
    const due = parseDateInput(input.dueDate);
    if (!due.ok) throw invalid({ dueDate: { key: 'help:aid.badDate' } });
    const amount = input.amount === undefined ? null : tengeInput('amount', input.amount, { positive: true });
    const childIds = [...new Set(input.childIds ?? [])];
    const needIds = [...new Set(input.needIds ?? [])];
    if (amount === null && childIds.length === 0 && needIds.length === 0) {
      throw invalid({ amount: { key: 'help:pledges.empty' } });
    }
    return this.database.db.transaction().execute(async (trx) => {
      policy.require(ctx.viewer, 'pledge.write');
      const unit = await new OrgUnitsRepository(trx).findByCode(
        input.orgCode ?? ctx.viewer.orgCode,
        policy.scope(ctx.viewer, 'unit.read'),
      );
      if (!unit) throw notFound();
      if (unit.type !== 'school') throw invalid({ orgCode: { key: 'help:aid.notSchool' } });
      policy.checkUnit(ctx.viewer, 'pledge.write', unit);
      const sponsor = await new SponsorsRepository(trx).findById(
        input.sponsorId,
        policy.scope(ctx.viewer, 'sponsor.read', unit),
      );
      if (!sponsor) throw invalid({ sponsorId: { key: 'help:aid.sponsorNotFound' } });
      const repo = new PledgesRepository(trx);
      const needs = await repo.needsOfSchool(unit.id, needIds);
      const children = await repo.childrenOfSchool(unit.id, childIds);
      if (needs.length !== needIds.length || children.length !== childIds.length) throw notFound();
      const id = uuidv7();
      const now = new Date().toISOString();
      // Children of the chosen needs belong to the pledge too, so delivering it knows whom to hand over to.
      const allChildren = [...new Set([...childIds, ...needs.map((n) => n.child_id)])];
      await repo.insert({
        id,
        org_unit_id: unit.id,
        org_path: unit.path,
        sponsor_id: sponsor.id,
        description: input.description ?? null,
        form: input.form,
        amount,
        child_ids: JSON.stringify(allChildren),
        need_ids: JSON.stringify(needIds),
        due_date: due.date,
        status: 'open',
        status_reason: null,
        handover_id: null,
        created_by: ctx.viewer.email,
        created_at: now,
        updated_at: now,
      });
      await repo.markNeedsPledged(needIds);
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'create',
        entity: 'pledge',
        entityId: id,
        orgPath: unit.path,
        details: { sponsorId: sponsor.id, amount, children: allChildren.length, needs: needIds.length },
      });
      return toPledgeDto((await repo.findById(id, EVERY_PLEDGE))!);
    });
  }

  async cancel(ctx: RequestContext, id: string, version: number, reason: string): Promise<PledgeDto> {
    return this.database.db.transaction().execute(async (trx) => {
      const repo = new PledgesRepository(trx);
      const row = await repo.findById(id, policy.scope(ctx.viewer, 'pledge.read'));
      if (!row) throw notFound();
      policy.checkUnit(ctx.viewer, 'pledge.write', { path: row.org_path });
      if (row.status !== 'open') throw new AppError(409, 'not_open', { key: 'help:pledges.notOpen' });
      if (!(await repo.update(id, version, { status: 'cancelled', status_reason: reason }))) throw conflict();
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'cancel',
        entity: 'pledge',
        entityId: id,
        orgPath: row.org_path,
        details: { reason },
      });
      return toPledgeDto((await repo.findById(id, EVERY_PLEDGE))!);
    });
  }

  /** Delivering a pledge records its aid (one handover) and closes it, in one transaction. */
  async deliver(ctx: RequestContext, id: string, input: PledgeDeliver, lang: Lang) {
    return this.database.db.transaction().execute(async (trx) => {
      const repo = new PledgesRepository(trx);
      const row = await repo.findById(id, policy.scope(ctx.viewer, 'pledge.read'));
      if (!row) throw notFound();
      policy.checkUnit(ctx.viewer, 'pledge.write', { path: row.org_path });
      if (row.status !== 'open') throw new AppError(409, 'not_open', { key: 'help:pledges.notOpen' });
      let lines = input.lines;
      if (!lines) {
        const childIds = JSON.parse(row.child_ids) as string[];
        if (childIds.length === 0) throw invalid({ lines: { key: 'help:pledges.linesRequired' } });
        const needs = await repo.needsOfSchool(row.org_unit_id, JSON.parse(row.need_ids) as string[]);
        const shares = row.amount === null ? null : splitAmount(Number(row.amount), childIds.length);
        lines = childIds.map((childId, i) => ({
          childId,
          ...(shares && { amount: shares[i] }),
          items: needs
            .filter((n) => n.child_id === childId)
            .map((n) => ({ item: n.item, quantity: n.quantity })),
        })) as HandoverInput['lines'];
      }
      const handover = await this.aid.handoverIn(
        trx,
        ctx,
        {
          orgCode: row.org_code,
          date: input.date,
          source: 'sponsor',
          sponsorId: row.sponsor_id,
          form: row.form as AidForm,
          note: input.note ?? row.description ?? undefined,
          lines,
        },
        lang,
        row.id,
      );
      if (!(await repo.update(id, input.version, { status: 'delivered', handover_id: handover.id })))
        throw conflict();
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'deliver',
        entity: 'pledge',
        entityId: id,
        orgPath: row.org_path,
        details: { handoverId: handover.id },
      });
      return {
        pledge: toPledgeDto((await repo.findById(id, EVERY_PLEDGE))!),
        warnings: handover.warnings,
      };
    });
  }
}
