import { v7 as uuidv7 } from 'uuid';
import type { Kysely } from 'kysely';
import { policy } from '../../access/policy.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { Database } from '../../db/engine.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, conflict, invalid, notFound, type Message } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { assertCampaignOpen, openCampaignFor } from '../campaigns/campaign-lock.ts';
import { writableSchool } from '../campaigns/school-writer.ts';
import { openCase } from '../cases/cases.service.ts';
import { addQuickChild, findRegistryChild } from '../cases/registry-child.ts';
import { OrgUnitsService } from '../org-units/org-units.service.ts';
import { RaidsRepository, type RaidParts, type RaidRow } from './raids.repository.ts';
import type { RaidCreate, RaidDto, RaidPatch } from './raids.schema.ts';

export function toRaidDto(row: RaidRow, parts: RaidParts): RaidDto {
  return {
    id: row.id,
    orgPath: row.org_path,
    campaignId: row.campaign_id,
    heldOn: row.held_on,
    timeFrom: row.time_from,
    timeTo: row.time_to,
    notes: row.notes,
    places: parts.places
      .filter((p) => p.raid_id === row.id)
      .map((p) => ({ kind: p.kind as RaidDto['places'][number]['kind'], name: p.name })),
    participants: parts.participants
      .filter((p) => p.raid_id === row.id)
      .map((p) => ({
        kind: p.kind as RaidDto['participants'][number]['kind'],
        count: Number(p.count),
        organisations: p.organisations,
      })),
    children: parts.children
      .filter((c) => c.raid_id === row.id)
      .map((c) => ({
        id: c.id,
        childId: c.child_id,
        fullName: c.full_name,
        reason: c.reason,
        action: c.action,
        caseId: c.case_id,
      })),
    createdBy: row.created_by,
    version: row.version,
  };
}

/** Re-reading a raid just written or changed by the caller. */
const EVERY_RAID = policy.everywhere('raid.read', 'operator');

const required: Message = { key: 'operations:errors.required' };

/** Checks what zod cannot say plainly: at least one place, and for every child a reason and who it is. */
function checkRaid(input: Pick<RaidCreate, 'places' | 'children'>) {
  const fields: Record<string, Message> = {};
  if (input.places.length === 0) fields.places = { key: 'operations:errors.raidNoPlace' };
  input.children.forEach((c, i) => {
    if (!c.reason) fields[`children.${i}.reason`] = required;
    if (!c.childId && !c.newChild)
      fields[`children.${i}.childId`] = { key: 'operations:errors.childMissing' };
  });
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

export class RaidsService {
  constructor(private readonly database: Database) {}

  private async dto(db: Kysely<DB>, viewer: Viewer, row: RaidRow): Promise<RaidDto> {
    return toRaidDto(row, await this.parts(db, viewer, [row.id]));
  }

  /** A raid's places, participants and children; the children are those the viewer may see (child.read). */
  private async parts(db: Kysely<DB>, viewer: Viewer, ids: string[]): Promise<RaidParts> {
    const repo = new RaidsRepository(db);
    const parts = await repo.parts(ids);
    const scope = policy.scope(viewer, 'child.read');
    if (scope.classes === null) return parts;
    const seen = await repo.childrenInScope(
      parts.children.flatMap((c) => (c.child_id ? [c.child_id] : [])),
      scope,
    );
    return { ...parts, children: parts.children.filter((c) => c.child_id !== null && seen.has(c.child_id)) };
  }

  async list(ctx: RequestContext, query: { org?: string; year?: number; limit: number }) {
    const db = this.database.db;
    const scope = await new OrgUnitsService(this.database).scope(ctx, 'raid.read', query.org);
    const repo = new RaidsRepository(db);
    const rows = await repo.list(scope, query);
    const parts = await this.parts(
      db,
      ctx.viewer,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => toRaidDto(r, parts)) };
  }

  async get(ctx: RequestContext, id: string): Promise<RaidDto> {
    const row = await new RaidsRepository(this.database.db).find(id, policy.scope(ctx.viewer, 'raid.read'));
    if (!row) throw notFound();
    return this.dto(this.database.db, ctx.viewer, row);
  }

  /**
   * Records a raid with its places, participants and the children found; each child gets a non-attendance case
   * and a new child is put on the list. All or nothing; the same client id twice records one raid.
   */
  async create(ctx: RequestContext, input: RaidCreate): Promise<{ created: boolean; item: RaidDto }> {
    const { viewer } = ctx;
    return this.database.db.transaction().execute(async (trx) => {
      const school = await writableSchool(trx, viewer, 'raid.write');
      const repo = new RaidsRepository(trx);
      if (input.id && (await repo.exists(input.id))) {
        const existing = await repo.find(input.id, policy.scope(viewer, 'raid.read'));
        if (existing?.org_path !== school.path)
          throw new AppError(409, 'id_taken', { key: 'operations:errors.idTaken' });
        return { created: false, item: await this.dto(trx, viewer, existing) };
      }
      // A child found is one of this school's registry children the viewer may see, or a new one.
      const registry = policy.scope(viewer, 'child.read', school);
      checkRaid(input);
      const campaign = await openCampaignFor(trx, school.path, Number(input.heldOn.slice(0, 4)), {
        required: false,
      });
      const id = input.id ?? uuidv7();
      const now = new Date().toISOString();
      await repo.insert({
        id,
        org_path: school.path,
        campaign_id: campaign?.id ?? null,
        held_on: input.heldOn,
        time_from: input.timeFrom ?? null,
        time_to: input.timeTo ?? null,
        notes: input.notes ?? null,
        created_by: viewer.email,
        created_at: now,
        updated_at: now,
      });
      await repo.replacePlaces(
        id,
        input.places.map((p, i) => ({
          id: uuidv7(),
          raid_id: id,
          position: i + 1,
          kind: p.kind,
          name: p.name ?? null,
        })),
      );
      await repo.replaceParticipants(
        id,
        input.participants.map((p, i) => ({
          id: uuidv7(),
          raid_id: id,
          position: i + 1,
          kind: p.kind,
          count: p.count,
          organisations: p.organisations ?? null,
        })),
      );
      const found = [];
      for (const [i, c] of input.children.entries()) {
        const child = c.childId
          ? await findRegistryChild(trx, c.childId, registry)
          : await addQuickChild(trx, ctx, school, c.newChild!, 'raid', `children.${i}.newChild`);
        if (!child) throw invalid({ [`children.${i}.childId`]: { key: 'operations:errors.childNotFound' } });
        const rowId = uuidv7();
        found.push({
          id: rowId,
          raid_id: id,
          position: i + 1,
          child_id: child.id,
          full_name: child.fullName,
          reason: c.reason!,
          action: c.action ?? null,
        });
        await openCase(trx, ctx, {
          id: rowId,
          orgPath: school.path,
          childId: child.id,
          childName: child.fullName,
          source: 'raid',
          sourceId: id,
          openedOn: input.heldOn,
        });
      }
      await repo.insertChildren(found);
      await new AuditRepository(trx).write(viewer, ctx.ip, {
        action: 'create',
        entity: 'raid',
        entityId: id,
        orgPath: school.path,
        details: { heldOn: input.heldOn, places: input.places.length, children: found.length },
      });
      return { created: true, item: await this.dto(trx, viewer, (await repo.find(id, EVERY_RAID))!) };
    });
  }

  async update(ctx: RequestContext, id: string, patch: RaidPatch): Promise<RaidDto> {
    return this.database.db.transaction().execute(async (trx) => {
      const repo = new RaidsRepository(trx);
      const row = await repo.find(id, policy.scope(ctx.viewer, 'raid.read'));
      if (!row) throw notFound();
      policy.check(ctx.viewer, 'raid.write', { path: row.org_path });
      await assertCampaignOpen(trx, row.campaign_id);
      if (patch.places) checkRaid({ places: patch.places, children: [] });
      const { version, places, participants, ...f } = patch;
      const changes = {
        ...(f.timeFrom !== undefined && { time_from: f.timeFrom }),
        ...(f.timeTo !== undefined && { time_to: f.timeTo }),
        ...(f.notes !== undefined && { notes: f.notes }),
      };
      if (!(await repo.update(id, version, changes)))
        throw conflict({ ...(await this.dto(trx, ctx.viewer, row)) });
      if (places) {
        await repo.replacePlaces(
          id,
          places.map((p, i) => ({
            id: uuidv7(),
            raid_id: id,
            position: i + 1,
            kind: p.kind,
            name: p.name ?? null,
          })),
        );
      }
      if (participants) {
        await repo.replaceParticipants(
          id,
          participants.map((p, i) => ({
            id: uuidv7(),
            raid_id: id,
            position: i + 1,
            kind: p.kind,
            count: p.count,
            organisations: p.organisations ?? null,
          })),
        );
      }
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'update',
        entity: 'raid',
        entityId: id,
        orgPath: row.org_path,
        details: {
          changed: [
            ...Object.keys(changes),
            ...(places ? ['places'] : []),
            ...(participants ? ['participants'] : []),
          ],
        },
      });
      return this.dto(trx, ctx.viewer, (await repo.find(id, EVERY_RAID))!);
    });
  }
}
