import { v7 as uuidv7 } from 'uuid';
import { policy } from '../../access/policy.ts';
import type { Database } from '../../db/engine.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { OrgUnitsService } from '../org-units/org-units.service.ts';
import { ChildTransfersRepository } from './child-transfers.repository.ts';
import { ChildrenRepository } from './children.repository.ts';
import type { TransferDto } from './children.schema.ts';
import { ChildrenService } from './children.service.ts';

/** Re-reading a transfer just written by the caller. */
const EVERY_TRANSFER = policy.everywhere('child.read', 'operator');

type TransferRow = NonNullable<Awaited<ReturnType<ChildTransfersRepository['find']>>>;

/** A transfer as the viewer may see it: the child is named only to those who may see the child where it is now. */
function toTransferDto(row: TransferRow, ctx: RequestContext): TransferDto {
  const known = policy.may(ctx.viewer, 'child.read', { path: row.child_path, classLabel: row.child_class });
  return {
    id: row.id,
    childId: known ? row.child_id : null,
    childName: known ? [row.surname, row.name, row.patronymic].filter(Boolean).join(' ') : null,
    fromSchoolCode: known ? row.from_code : null,
    toSchoolCode: row.to_code,
    classLabel: row.class_label,
    note: row.note,
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decidable:
      row.status === 'pending' &&
      policy.may(ctx.viewer, 'child.decide', { path: row.child_path, classLabel: row.child_class }),
  };
}

/**
 * One IIN, one child: a school that finds a child's IIN already at another school asks for the child to be
 * transferred; the school holding the child accepts (the child moves, never copies) or declines. Both schools'
 * audit logs record each step.
 */
export class ChildTransfersService {
  private readonly orgUnits: OrgUnitsService;
  private readonly children: ChildrenService;

  constructor(private readonly database: Database) {
    this.orgUnits = new OrgUnitsService(database);
    this.children = new ChildrenService(database);
  }

  async list(ctx: RequestContext, org: string | undefined, status: string | undefined) {
    const scope = await this.orgUnits.scope(ctx, 'child.read', org);
    const rows = await new ChildTransfersRepository(this.database.db).list(scope, status);
    return rows.map((r) => toTransferDto(r, ctx));
  }

  async request(
    ctx: RequestContext,
    input: { iin: string; classLabel: string; note?: string | null; schoolCode?: string },
  ) {
    const { viewer } = ctx;
    const { iin, grade, classLabel } = ChildrenService.checkTransferInput(input.iin, input.classLabel);
    return this.database.db.transaction().execute(async (trx) => {
      const school = await this.children.schoolFor(trx, viewer, input.schoolCode);
      // The class the child is to join must be one the viewer writes to (a teacher: their own).
      if (!policy.may(viewer, 'child.write', { path: school.path, classLabel })) throw forbidden();
      const holder = await new ChildrenRepository(trx).findByIinAnywhere(iin);
      if (!holder) throw notFound();
      if (holder.org_unit_id === school.id) {
        throw new AppError(409, 'transfer_same_school', { key: 'children:errors.transferSameSchool' });
      }
      const transfers = new ChildTransfersRepository(trx);
      if (await transfers.pendingFor(holder.id)) {
        throw new AppError(409, 'transfer_pending', { key: 'children:errors.transferPending' });
      }
      const id = uuidv7();
      await transfers.insert({
        id,
        child_id: holder.id,
        from_org_unit_id: holder.org_unit_id,
        from_path: holder.org_path,
        to_org_unit_id: school.id,
        to_path: school.path,
        grade,
        class_label: classLabel,
        note: input.note?.trim() || null,
        status: 'pending',
        requested_by: viewer.email,
        requested_at: new Date().toISOString(),
        decided_by: null,
        decided_at: null,
      });
      const audit = new AuditRepository(trx);
      for (const orgPath of [school.path, holder.org_path]) {
        await audit.write(viewer, ctx.ip, {
          action: 'transfer_request',
          entity: 'child',
          entityId: holder.id,
          orgPath,
          details: { transfer: id, from: holder.school_code, to: school.code },
        });
      }
      return toTransferDto((await transfers.find(id, EVERY_TRANSFER))!, ctx);
    });
  }

  async decide(ctx: RequestContext, id: string, decision: 'accept' | 'decline') {
    const { viewer } = ctx;
    return this.database.db.transaction().execute(async (trx) => {
      const transfers = new ChildTransfersRepository(trx);
      const row = await transfers.find(id, policy.scope(viewer, 'child.read'));
      if (!row) throw notFound();
      // Only the school that holds the child gives it away; the asking school sees its request, not the child.
      const child = { path: row.child_path, classLabel: row.child_class };
      if (!policy.may(viewer, 'child.read', child)) throw forbidden();
      policy.check(viewer, 'child.decide', child);
      const status = decision === 'accept' ? 'accepted' : 'declined';
      if (!(await transfers.decide(row.id, status, viewer.email))) throw conflict();
      if (status === 'accepted') {
        await new ChildrenRepository(trx).move(
          row.child_id,
          row.to_org_unit_id,
          row.to_path,
          row.grade,
          row.class_label,
        );
      }
      const audit = new AuditRepository(trx);
      for (const orgPath of [row.from_path, row.to_path]) {
        await audit.write(viewer, ctx.ip, {
          action: `transfer_${decision}`,
          entity: 'child',
          entityId: row.child_id,
          orgPath,
          details: { transfer: row.id, from: row.from_code, to: row.to_code },
        });
      }
      return toTransferDto((await transfers.find(row.id, EVERY_TRANSFER))!, ctx);
    });
  }
}
