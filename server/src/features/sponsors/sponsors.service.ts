import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { normalizeLabel } from '#domain/label-lookup';
import { SPONSOR_TYPES, type SponsorType } from '#domain/sponsor-types';
import { policy } from '../../access/policy.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { Database } from '../../db/engine.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/app-error.ts';
import { CursorText, decodeCursor, encodeCursor } from '../../http/common.schema.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { OrgUnitsRepository } from '../org-units/org-units.repository.ts';
import { OrgUnitsService } from '../org-units/org-units.service.ts';
import { SponsorsRepository, type SponsorRow } from './sponsors.repository.ts';
import type { SponsorCreate, SponsorDto, SponsorListQuery, SponsorPatch } from './sponsors.schema.ts';

/** Who may change a sponsor: staff of the unit that registered it, or of a unit above (`sponsor.write`). */
function mayEdit(viewer: Viewer, row: { org_path: string }): boolean {
  return policy.may(viewer, 'sponsor.write', { path: row.org_path });
}

export function toSponsorDto(row: SponsorRow, viewer: Viewer): SponsorDto {
  return {
    id: row.id,
    orgCode: row.org_code,
    name: row.name,
    type: row.type as SponsorType,
    head: row.head,
    phone: row.phone,
    email: row.email,
    address: row.address,
    notes: row.notes,
    anonymous: row.anonymous === 1,
    editable: mayEdit(viewer, row),
    version: row.version,
  };
}

export const sponsorNameKey = (name: string) => normalizeLabel(name);

/** The sponsors registry: who helps, their history across campaigns, and merging duplicates. */
export class SponsorsService {
  constructor(private readonly database: Database) {}

  types() {
    return SPONSOR_TYPES.map((code) => ({
      code,
      kk: COMMON_MESSAGES.kk.sponsorType[code],
      ru: COMMON_MESSAGES.ru.sponsorType[code],
      en: COMMON_MESSAGES.en.sponsorType[code],
    }));
  }

  async list(ctx: RequestContext, query: SponsorListQuery) {
    const scope = await new OrgUnitsService(this.database).scope(ctx, 'sponsor.read', query.org);
    const rows = await new SponsorsRepository(this.database.db).list(scope, {
      q: query.q ? sponsorNameKey(query.q) : undefined,
      type: query.type,
      limit: query.limit,
      after: decodeCursor(query.cursor, z.object({ key: CursorText, id: CursorText })),
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => toSponsorDto(r, ctx.viewer)),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor({ key: last.name_key, id: last.id }) : null,
    };
  }

  async get(ctx: RequestContext, id: string): Promise<SponsorDto> {
    const row = await new SponsorsRepository(this.database.db).findById(
      id,
      policy.scope(ctx.viewer, 'sponsor.read'),
    );
    if (!row) throw notFound();
    return toSponsorDto(row, ctx.viewer);
  }

  async create(ctx: RequestContext, input: SponsorCreate): Promise<SponsorDto> {
    const { viewer } = ctx;
    policy.require(viewer, 'sponsor.write');
    return this.database.db.transaction().execute(async (trx) => {
      const unit = await new OrgUnitsRepository(trx).findByCode(
        input.orgCode ?? viewer.orgCode,
        policy.scope(viewer, 'unit.read'),
      );
      if (!unit) {
        if (input.orgCode) throw invalid({ orgCode: { key: 'help:sponsors.orgNotFound' } });
        throw forbidden();
      }
      policy.check(viewer, 'sponsor.write', unit);
      const repo = new SponsorsRepository(trx);
      const nameKey = sponsorNameKey(input.name);
      const same = await repo.findByNameKey(unit.id, nameKey);
      if (same) {
        throw new AppError(
          409,
          'duplicate',
          { key: 'help:sponsors.duplicate', params: { name: same.name } },
          { name: { key: 'help:sponsors.duplicate', params: { name: same.name } } },
          { existingId: same.id },
        );
      }
      const id = uuidv7();
      const now = new Date().toISOString();
      await repo.insert({
        id,
        org_unit_id: unit.id,
        org_path: unit.path,
        name: input.name,
        name_key: nameKey,
        type: input.type,
        head: input.head ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        address: input.address ?? null,
        notes: input.notes ?? null,
        anonymous: input.anonymous ? 1 : 0,
        merged_into: null,
        created_at: now,
        updated_at: now,
      });
      await new AuditRepository(trx).write(viewer, ctx.ip, {
        action: 'create',
        entity: 'sponsor',
        entityId: id,
        orgPath: unit.path,
        details: { name: input.name, type: input.type },
      });
      return toSponsorDto((await repo.findById(id, policy.scope(viewer, 'sponsor.read')))!, viewer);
    });
  }

  async update(ctx: RequestContext, id: string, patch: SponsorPatch): Promise<SponsorDto> {
    const { viewer } = ctx;
    return this.database.db.transaction().execute(async (trx) => {
      const repo = new SponsorsRepository(trx);
      const row = await repo.findById(id, policy.scope(viewer, 'sponsor.read'));
      if (!row) throw notFound();
      policy.check(viewer, 'sponsor.write', { path: row.org_path });
      const { version, ...f } = patch;
      if (f.name !== undefined) {
        const same = await repo.findByNameKey(row.org_unit_id, sponsorNameKey(f.name));
        if (same && same.id !== row.id) {
          throw new AppError(409, 'duplicate', {
            key: 'help:sponsors.duplicate',
            params: { name: same.name },
          });
        }
      }
      const changes = {
        ...(f.name !== undefined && { name: f.name, name_key: sponsorNameKey(f.name) }),
        ...(f.type !== undefined && { type: f.type }),
        ...(f.head !== undefined && { head: f.head }),
        ...(f.phone !== undefined && { phone: f.phone }),
        ...(f.email !== undefined && { email: f.email }),
        ...(f.address !== undefined && { address: f.address }),
        ...(f.notes !== undefined && { notes: f.notes }),
        ...(f.anonymous !== undefined && { anonymous: f.anonymous ? 1 : 0 }),
      };
      if (!(await repo.update(row.id, version, changes))) throw conflict({ ...toSponsorDto(row, viewer) });
      await new AuditRepository(trx).write(viewer, ctx.ip, {
        action: 'update',
        entity: 'sponsor',
        entityId: row.id,
        orgPath: row.org_path,
        details: { changed: Object.keys(changes) },
      });
      return toSponsorDto((await repo.findById(row.id, policy.scope(viewer, 'sponsor.read')))!, viewer);
    });
  }

  /** Folds a duplicate into the sponsor kept: its pledges and aid move over, the duplicate disappears from lists. */
  async merge(ctx: RequestContext, keepId: string, duplicateId: string): Promise<SponsorDto> {
    const { viewer } = ctx;
    if (keepId === duplicateId) throw invalid({ duplicateId: { key: 'help:sponsors.mergeSelf' } });
    return this.database.db.transaction().execute(async (trx) => {
      const repo = new SponsorsRepository(trx);
      const visible = policy.scope(viewer, 'sponsor.read');
      const keep = await repo.findById(keepId, visible);
      const duplicate = await repo.findById(duplicateId, visible);
      if (!keep || !duplicate) throw notFound();
      policy.check(viewer, 'sponsor.write', { path: keep.org_path });
      policy.check(viewer, 'sponsor.write', { path: duplicate.org_path });
      const moved = await repo.moveRecords(duplicate.id, keep.id);
      if (!(await repo.update(duplicate.id, duplicate.version, { merged_into: keep.id }))) throw conflict();
      await new AuditRepository(trx).write(viewer, ctx.ip, {
        action: 'merge',
        entity: 'sponsor',
        entityId: keep.id,
        orgPath: keep.org_path,
        details: { duplicateId: duplicate.id, duplicateName: duplicate.name, moved },
      });
      return toSponsorDto((await repo.findById(keep.id, visible))!, viewer);
    });
  }

  async history(ctx: RequestContext, id: string) {
    const repo = new SponsorsRepository(this.database.db);
    const row = await repo.findById(id, policy.scope(ctx.viewer, 'sponsor.read'));
    if (!row) throw notFound();
    // What the sponsor did in the viewer's own units: totals, no child named.
    const done = policy.scope(ctx.viewer, 'aid.totals');
    const [byForm, perYear, pledges] = await Promise.all([
      repo.history(id, done),
      repo.studentsPerYear(id, done),
      repo.pledgeCounts(id, done),
    ]);
    const years = perYear
      .map((y) => {
        const forms = byForm.filter((f) => Number(f.year) === Number(y.year));
        return {
          year: Number(y.year),
          students: Number(y.students),
          handovers: Number(y.handovers),
          amount: forms.reduce((acc, f) => acc + Number(f.amount), 0),
          byForm: forms.map((f) => ({
            form: f.form,
            students: Number(f.students),
            amount: Number(f.amount),
          })),
        };
      })
      .sort((a, b) => a.year - b.year);
    const count = (s: string) => Number(pledges.find((p) => p.status === s)?.n ?? 0);
    return {
      sponsorId: id,
      years,
      pledges: { open: count('open'), delivered: count('delivered'), cancelled: count('cancelled') },
    };
  }
}
