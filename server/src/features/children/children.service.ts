import { z } from 'zod';
import { todayInKazakhstan } from '#domain/clock';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { normalizeClassLabel, parseClassLabel } from '#domain/class-label';
import { checkIin } from '#domain/iin';
import { policy } from '../../access/policy.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { Database } from '../../db/engine.ts';
import type { ChildStatus, DB } from '../../db/schema.ts';
import { AppError, conflict, forbidden, invalid, notFound, type Message } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { CursorValue, decodeCursor, encodeCursor } from '../../http/common.schema.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { OrgUnitsRepository, type OrgUnitRow } from '../org-units/org-units.repository.ts';
import { OrgUnitsService } from '../org-units/org-units.service.ts';
import {
  ChildrenRepository,
  cursorOf,
  type CategoryRow,
  type ChildRow,
  type GuardianRow,
} from './children.repository.ts';
import type {
  ChildCreate,
  ChildDto,
  ChildFilter,
  ChildListQuery,
  ChildPatch,
  StatusAction,
} from './children.schema.ts';
import {
  checkChild,
  dupKeyOf,
  iinError,
  sortNameOf,
  type ChildValues,
  type FieldIssue,
  type RawChild,
} from './children.validation.ts';

/** The policy's view of a child: its school's path and its class. */
export const childTarget = (row: { org_path: string; class_label: string }) => ({
  path: row.org_path,
  classLabel: row.class_label,
});

/** Whether the viewer may change the child (teachers: in their own classes). */
export function mayEdit(viewer: Viewer, row: { org_path: string; class_label: string }): boolean {
  return policy.may(viewer, 'child.write', childTarget(row));
}

export interface ChildDetails {
  guardians: GuardianRow[];
  categories: CategoryRow[];
  openNeeds: number;
  possibleDuplicate: boolean;
}

function maskIin(iin: string): string {
  return '•'.repeat(8) + iin.slice(-4);
}

/**
 * What of a child a viewer gets. The full record, or the masked view the policy gives education officers above
 * schools: names, class, categories and status to follow their schools, but not the family's contacts, address,
 * notes, proof documents or the full IIN.
 */
export function toChildDto(row: ChildRow, viewer: Viewer, details: ChildDetails): ChildDto {
  const officer = policy.masked(viewer, 'child.read', childTarget(row));
  return {
    id: row.id,
    schoolCode: row.school_code,
    schoolNameRu: row.school_name_ru,
    schoolNameKk: row.school_name_kk,
    iin: row.iin === null ? null : officer ? maskIin(row.iin) : row.iin,
    surname: row.surname,
    name: row.name,
    patronymic: row.patronymic,
    birthDate: row.birth_date,
    sex: row.sex,
    grade: row.grade,
    classLabel: row.class_label,
    address: officer ? null : row.address,
    notes: officer ? null : row.notes,
    notAttending: row.not_attending === 1,
    status: row.status,
    rejectReason: row.reject_reason,
    source: row.source,
    consent:
      row.consent_by && row.consent_date
        ? {
            by: officer ? '' : row.consent_by,
            date: row.consent_date,
            scope: officer ? null : row.consent_scope,
          }
        : null,
    guardians: officer
      ? []
      : details.guardians.map((g) => ({ name: g.name, relation: g.relation, phone: g.phone, iin: g.iin })),
    categories: details.categories.map((c) => ({
      code: c.code,
      docName: officer ? null : c.doc_name,
      docNumber: officer ? null : c.doc_number,
      docDate: officer ? null : c.doc_date,
      validUntil: c.valid_until,
    })),
    openNeeds: details.openNeeds,
    possibleDuplicate: details.possibleDuplicate,
    editable: mayEdit(viewer, row),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A stored child as the input it was made from, so a patch can be merged onto it and checked as a whole. */
export function rawOf(row: ChildRow, details: ChildDetails): RawChild {
  return {
    iin: row.iin,
    surname: row.surname,
    name: row.name,
    patronymic: row.patronymic,
    birthDate: row.birth_date,
    sex: row.sex,
    classLabel: row.class_label,
    address: row.address,
    notes: row.notes,
    notAttending: row.not_attending === 1,
    source: row.source,
    consent:
      row.consent_by && row.consent_date
        ? { by: row.consent_by, date: row.consent_date, scope: row.consent_scope }
        : null,
    guardians: details.guardians.map((g) => ({
      name: g.name,
      relation: g.relation,
      phone: g.phone,
      iin: g.iin,
    })),
    categories: details.categories.map((c) => ({
      code: c.code as NonNullable<RawChild['categories']>[number]['code'],
      docName: c.doc_name,
      docNumber: c.doc_number,
      docDate: c.doc_date,
      validUntil: c.valid_until,
    })),
  };
}

function columnsOf(v: ChildValues) {
  return {
    iin: v.iin,
    surname: v.surname,
    name: v.name,
    patronymic: v.patronymic,
    sort_name: sortNameOf(v),
    dup_key: dupKeyOf(v),
    birth_date: v.birthDate,
    sex: v.sex,
    grade: v.grade,
    class_label: v.classLabel,
    address: v.address,
    notes: v.notes,
    not_attending: v.notAttending ? 1 : 0,
    source: v.source,
    consent_by: v.consent?.by ?? null,
    consent_date: v.consent?.date ?? null,
    consent_scope: v.consent?.scope ?? null,
  };
}

const guardianRows = (v: ChildValues) =>
  v.guardians.map((g) => ({ name: g.name, relation: g.relation, phone: g.phone, iin: g.iin }));
const categoryRows = (v: ChildValues) =>
  v.categories.map((c) => ({
    code: c.code,
    doc_name: c.docName,
    doc_number: c.docNumber,
    doc_date: c.docDate,
    valid_until: c.validUntil,
  }));

/**
 * Refuses an IIN another child holds. The caller hears only what it may know: a child of its own sight in the
 * same school is named by id; any other holder (another class, another school) is "registered elsewhere, ask for
 * a transfer" with no name, class or school.
 */
export async function assertIinFree(
  repo: ChildrenRepository,
  viewer: Viewer,
  iin: string | null,
  schoolId: string,
  selfId?: string,
) {
  if (!iin) return;
  const holder = await repo.findByIinAnywhere(iin);
  if (!holder || holder.id === selfId) return;
  if (holder.org_unit_id === schoolId) {
    const visible = policy.may(viewer, 'child.read', childTarget(holder));
    throw new AppError(
      409,
      'iin_taken',
      { key: 'children:errors.iinTaken' },
      { iin: { key: 'children:errors.iinTaken' } },
      visible ? { existingId: holder.id } : undefined,
    );
  }
  throw new AppError(
    409,
    'iin_elsewhere',
    { key: 'children:errors.iinElsewhere' },
    { iin: { key: 'children:errors.iinElsewhere' } },
  );
}

/** Flags probable duplicates (same surname, name, birth date, one of the pair without an IIN). */
async function flagDuplicates(repo: ChildrenRepository, id: string, v: ChildValues, orgPath: string) {
  const candidates = await repo.duplicateCandidates(dupKeyOf(v), id, v.iin !== null);
  for (const other of candidates) await repo.flagDuplicate(id, other.id, orgPath);
  return candidates.length;
}

/**
 * Writes a new child with its guardians, categories, first status, duplicate flags and audit entry, inside the
 * caller's transaction. Shared by the API, the importer and the demo.
 */
export async function insertChild(
  trx: Kysely<DB>,
  ctx: RequestContext,
  school: Pick<OrgUnitRow, 'id' | 'path'>,
  v: ChildValues,
  status: ChildStatus,
): Promise<string> {
  const repo = new ChildrenRepository(trx);
  const now = new Date().toISOString();
  const id = uuidv7();
  await repo.insert({
    id,
    org_unit_id: school.id,
    org_path: school.path,
    ...columnsOf(v),
    status,
    reject_reason: null,
    created_by: ctx.viewer.email,
    created_at: now,
    updated_at: now,
  });
  await repo.replaceGuardians(id, guardianRows(v));
  await repo.replaceCategories(id, categoryRows(v));
  await repo.addHistory({
    child_id: id,
    from_status: null,
    to_status: status,
    reason: null,
    actor: ctx.viewer.email,
  });
  const duplicates = await flagDuplicates(repo, id, v, school.path);
  await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
    action: 'create',
    entity: 'child',
    entityId: id,
    orgPath: school.path,
    details: { source: v.source, status, ...(duplicates > 0 && { possibleDuplicates: duplicates }) },
  });
  return id;
}

/**
 * Writes many new children at once (an import) with the same records insertChild writes one by one: guardians,
 * categories, first status, duplicate flags and an audit entry per child, in multi-row inserts.
 */
export async function insertChildren(
  trx: Kysely<DB>,
  ctx: RequestContext,
  items: { school: Pick<OrgUnitRow, 'id' | 'path'>; values: ChildValues }[],
  status: ChildStatus,
): Promise<string[]> {
  const repo = new ChildrenRepository(trx);
  const now = new Date().toISOString();
  const made = items.map((item) => ({ ...item, id: uuidv7() }));
  await repo.insertMany(
    made.map(({ id, school, values }) => ({
      id,
      org_unit_id: school.id,
      org_path: school.path,
      ...columnsOf(values),
      status,
      reject_reason: null,
      created_by: ctx.viewer.email,
      created_at: now,
      updated_at: now,
    })),
  );
  await repo.insertDetailsMany(
    made.flatMap(({ id, values }) =>
      guardianRows(values).map((g, i) => ({ ...g, id: uuidv7(), child_id: id, position: i })),
    ),
    made.flatMap(({ id, values }) => categoryRows(values).map((c) => ({ ...c, id: uuidv7(), child_id: id }))),
    made.map(({ id }) => ({
      id: uuidv7(),
      child_id: id,
      from_status: null,
      to_status: status,
      reason: null,
      actor: ctx.viewer.email,
      at: now,
    })),
  );
  const sameKey = new Map<string, { id: string; iin: string | null }[]>();
  for (const c of await repo.withDupKeys([...new Set(made.map((m) => dupKeyOf(m.values)))])) {
    sameKey.set(c.dup_key, [...(sameKey.get(c.dup_key) ?? []), c]);
  }
  const audit = new AuditRepository(trx);
  for (const { id, school, values } of made) {
    const others = (sameKey.get(dupKeyOf(values)) ?? []).filter(
      (o) => o.id !== id && (values.iin === null || o.iin === null),
    );
    for (const other of others) await repo.flagDuplicate(id, other.id, school.path);
    await audit.write(ctx.viewer, ctx.ip, {
      action: 'create',
      entity: 'child',
      entityId: id,
      orgPath: school.path,
      details: {
        source: values.source,
        status,
        ...(others.length > 0 && { possibleDuplicates: others.length }),
      },
    });
  }
  return made.map((m) => m.id);
}

/** Updates a child from checked values (API patch or a changed import row), guarded by its version. */
export async function updateChild(
  trx: Kysely<DB>,
  ctx: RequestContext,
  row: ChildRow,
  v: ChildValues,
  opts: { guardians: boolean; categories: boolean; changed: string[] },
): Promise<boolean> {
  const repo = new ChildrenRepository(trx);
  if (!(await repo.update(row.id, row.version, columnsOf(v)))) return false;
  if (opts.guardians) await repo.replaceGuardians(row.id, guardianRows(v));
  if (opts.categories) await repo.replaceCategories(row.id, categoryRows(v));
  if (dupKeyOf(v) !== row.dup_key || (v.iin === null) !== (row.iin === null))
    await flagDuplicates(repo, row.id, v, row.org_path);
  await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
    action: 'update',
    entity: 'child',
    entityId: row.id,
    orgPath: row.org_path,
    details: { changed: opts.changed },
  });
  return true;
}

const TRANSITIONS: Record<StatusAction, { from: readonly ChildStatus[]; to: ChildStatus; reason: boolean }> =
  {
    approve: { from: ['proposed', 'rejected'], to: 'approved', reason: false },
    reject: { from: ['proposed', 'approved'], to: 'rejected', reason: true },
    helped: { from: ['approved'], to: 'helped', reason: false },
    archive: { from: ['proposed', 'approved', 'rejected', 'helped'], to: 'archived', reason: false },
    reopen: { from: ['rejected', 'archived'], to: 'proposed', reason: false },
  };

export interface Saved {
  child: ChildDto;
  warnings: FieldIssue[];
}

const EXPORT_MAX = 50_000;

export class ChildrenService {
  private readonly orgUnits: OrgUnitsService;

  constructor(private readonly database: Database) {
    this.orgUnits = new OrgUnitsService(database);
  }

  private repo(db: Kysely<DB> = this.database.db) {
    return new ChildrenRepository(db);
  }

  /** A child within the viewer's sight (scope and, for teachers, classes), with its details; 404 otherwise. */
  async load(db: Kysely<DB>, viewer: Viewer, id: string) {
    const repo = this.repo(db);
    const row = await repo.findById(id, policy.scope(viewer, 'child.read'));
    if (!row) throw notFound();
    return { row, details: await this.details(repo, [row.id]).then((d) => d(row.id)) };
  }

  private async details(repo: ChildrenRepository, ids: string[]) {
    const d = await repo.detailsOf(ids);
    return (id: string): ChildDetails => ({
      guardians: d.guardians.get(id) ?? [],
      categories: d.categories.get(id) ?? [],
      openNeeds: d.openNeeds.get(id) ?? 0,
      possibleDuplicate: d.duplicates.has(id),
    });
  }

  async list(ctx: RequestContext, query: ChildListQuery) {
    const scope = await this.orgUnits.scope(ctx, 'child.read', query.org);
    const filter = this.normalizeFilter(query);
    const repo = this.repo();
    const rows = await repo.list(
      scope,
      filter,
      query.limit + 1,
      decodeCursor(query.cursor, z.array(CursorValue).min(1).max(6)),
    );
    const page = rows.slice(0, query.limit);
    const details = await this.details(
      repo,
      page.map((r) => r.id),
    );
    return {
      items: page.map((r) => toChildDto(r, ctx.viewer, details(r.id))),
      nextCursor: rows.length > query.limit ? encodeCursor(cursorOf(page.at(-1)!, filter.sort)) : null,
      // Counting is cheap with the same indexes; the first page tells how many there are in all.
      total: query.cursor ? null : await repo.count(scope, filter),
    };
  }

  private normalizeFilter<T extends ChildFilter>(filter: T): T {
    return { ...filter, class: filter.class ? normalizeClassLabel(filter.class) : undefined };
  }

  /** The children of the filtered list, all of them (to a sane maximum), for export and printing. Audited. */
  async exportRows(ctx: RequestContext, query: ChildFilter) {
    const scope = await this.orgUnits.scope(ctx, 'child.read', query.org);
    const filter = this.normalizeFilter(query);
    // An export may read from the replica (DATABASE_READ_URL); its audit entry goes to the primary.
    const repo = this.repo(this.database.reader);
    const rows = await repo.list(scope, filter, EXPORT_MAX);
    const details = await this.details(
      repo,
      rows.map((r) => r.id),
    );
    await new AuditRepository(this.database.db).write(ctx.viewer, ctx.ip, {
      action: 'export',
      entity: 'child',
      orgPath: scope.root,
      details: { filter: { ...filter }, count: rows.length },
    });
    return rows.map((r) => toChildDto(r, ctx.viewer, details(r.id)));
  }

  /** A child's card. Every view is audited: who looked at which child's personal data. */
  async get(ctx: RequestContext, id: string): Promise<ChildDto> {
    const { row, details } = await this.load(this.database.db, ctx.viewer, id);
    await new AuditRepository(this.database.db).write(ctx.viewer, ctx.ip, {
      action: 'view',
      entity: 'child',
      entityId: row.id,
      orgPath: row.org_path,
    });
    return toChildDto(row, ctx.viewer, details);
  }

  async history(ctx: RequestContext, id: string) {
    const { row } = await this.load(this.database.db, ctx.viewer, id);
    const rows = await this.repo().history(row.id);
    return rows.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      reason: h.reason,
      actor: h.actor,
      at: h.at,
    }));
  }

  /** The school a new child goes to: the one named (within the viewer's scope) or the viewer's own school. */
  async schoolFor(db: Kysely<DB>, viewer: Viewer, code: string | undefined): Promise<OrgUnitRow> {
    const units = new OrgUnitsRepository(db);
    const visible = policy.scope(viewer, 'unit.read');
    const unit = code
      ? await units.findByCode(code, visible)
      : await units.findById(viewer.orgUnitId, visible);
    if (!unit || unit.type !== 'school') {
      throw invalid({ schoolCode: { key: 'children:errors.school', params: { code: code ?? '' } } });
    }
    return unit;
  }

  /** A child put into a class the viewer may not write to (a teacher's other classes) is refused on the field. */
  private assertClass(viewer: Viewer, school: { path: string }, classLabel: string) {
    const mark = policy.mark(viewer, 'child.write', { path: school.path, classLabel });
    if (mark === '✗') throw forbidden();
    if (mark !== '✓') {
      throw invalid({ classLabel: { key: 'children:errors.notYourClass', params: { value: classLabel } } });
    }
  }

  async create(ctx: RequestContext, input: ChildCreate): Promise<Saved> {
    const { viewer } = ctx;
    policy.require(viewer, 'child.write');
    const { schoolCode, ...raw } = input;
    // Those who may write only in their own classes are the class teachers: they propose, families apply.
    const classBound = policy.scope(viewer, 'child.read').classes !== null;
    const check = checkChild(
      { ...raw, source: raw.source ?? (classBound ? 'teacher' : 'family') },
      todayInKazakhstan(),
    );
    if (!check.ok) throw invalid(check.errors);
    const v = check.values;
    return this.database.db.transaction().execute(async (trx) => {
      const school = await this.schoolFor(trx, viewer, schoolCode);
      this.assertClass(viewer, school, v.classLabel);
      await assertIinFree(this.repo(trx), viewer, v.iin, school.id);
      const id = await insertChild(trx, ctx, school, v, 'proposed').catch((e: unknown) => {
        // Two people saving the same new IIN at the same moment: the unique index decides, the loser hears why.
        if (v.iin && e instanceof Error && /unique|duplicate key/i.test(e.message)) {
          throw new AppError(
            409,
            'iin_taken',
            { key: 'children:errors.iinTaken' },
            { iin: { key: 'children:errors.iinTaken' } },
          );
        }
        throw e;
      });
      const { row, details } = await this.load(trx, viewer, id);
      return { child: toChildDto(row, viewer, details), warnings: check.warnings };
    });
  }

  async update(ctx: RequestContext, id: string, patch: ChildPatch): Promise<Saved> {
    const { viewer } = ctx;
    return this.database.db.transaction().execute(async (trx) => {
      const { row, details } = await this.load(trx, viewer, id);
      policy.check(viewer, 'child.write', childTarget(row));
      if (row.version !== patch.version) throw conflict({ ...toChildDto(row, viewer, details) });
      const { version: _version, ...fields } = patch;
      const changed = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined);
      const merged: RawChild = { ...rawOf(row, details) };
      for (const key of changed)
        (merged as Record<string, unknown>)[key] = fields[key as keyof typeof fields];
      const check = checkChild(merged, todayInKazakhstan());
      if (!check.ok) throw invalid(check.errors);
      const v = check.values;
      if (v.classLabel !== row.class_label) this.assertClass(viewer, { path: row.org_path }, v.classLabel);
      if (v.iin !== row.iin) await assertIinFree(this.repo(trx), viewer, v.iin, row.org_unit_id, row.id);
      const ok = await updateChild(trx, ctx, row, v, {
        guardians: fields.guardians !== undefined,
        categories: fields.categories !== undefined,
        changed,
      });
      if (!ok) {
        const current = await this.load(trx, viewer, id);
        throw conflict({ ...toChildDto(current.row, viewer, current.details) });
      }
      const saved = await this.load(trx, viewer, id);
      return { child: toChildDto(saved.row, viewer, saved.details), warnings: check.warnings };
    });
  }

  /** Moves a child along its life on the list; the commission's decisions only, with a reason for refusals. */
  async changeStatus(
    ctx: RequestContext,
    id: string,
    input: { version: number; action: StatusAction; reason?: string },
  ) {
    const { viewer } = ctx;
    return this.database.db.transaction().execute(async (trx) => {
      const { row, details } = await this.load(trx, viewer, id);
      policy.check(viewer, 'child.decide', childTarget(row));
      if (row.version !== input.version) throw conflict({ ...toChildDto(row, viewer, details) });
      const rule = TRANSITIONS[input.action];
      if (!rule.from.includes(row.status)) {
        throw invalid({
          action: { key: 'children:errors.transition', params: { from: row.status, to: rule.to } },
        });
      }
      const reason = input.reason?.trim() || null;
      if (rule.reason && !reason) throw invalid({ reason: { key: 'children:errors.reasonRequired' } });
      const repo = this.repo(trx);
      const ok = await repo.update(row.id, row.version, {
        status: rule.to,
        reject_reason: rule.to === 'rejected' ? reason : rule.to === 'approved' ? null : row.reject_reason,
      });
      if (!ok) throw conflict();
      await repo.addHistory({
        child_id: row.id,
        from_status: row.status,
        to_status: rule.to,
        reason,
        actor: viewer.email,
      });
      await new AuditRepository(trx).write(viewer, ctx.ip, {
        action: 'status',
        entity: 'child',
        entityId: row.id,
        orgPath: row.org_path,
        details: { from: row.status, to: rule.to },
      });
      const saved = await this.load(trx, viewer, id);
      return toChildDto(saved.row, viewer, saved.details);
    });
  }

  // ── Probable duplicates ────────────────────────────────────────────────────────────────────────────

  /**
   * Open probable duplicates of the children in the viewer's sight. The look-alike is named only when the viewer
   * may see it too; otherwise the flag says only that a child with the same name and birth date is registered
   * elsewhere.
   */
  async duplicates(ctx: RequestContext, org: string | undefined) {
    const scope = await this.orgUnits.scope(ctx, 'child.read', org);
    const rows = await this.repo().duplicateFlags(scope);
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      child: {
        id: r.a_id,
        fullName: [r.a_surname, r.a_name, r.a_patronymic].filter(Boolean).join(' '),
        birthDate: r.a_birth_date,
        classLabel: r.a_class,
        schoolCode: r.a_school,
      },
      other: policy.may(ctx.viewer, 'child.read', { path: r.b_path, classLabel: r.b_class })
        ? {
            id: r.b_id,
            fullName: [r.b_surname, r.b_name, r.b_patronymic].filter(Boolean).join(' '),
            birthDate: r.b_birth_date,
            classLabel: r.b_class,
            schoolCode: r.b_school,
          }
        : null,
    }));
  }

  /** A person decides: two different children, or the same one twice (the newer record is archived). */
  async resolveDuplicate(ctx: RequestContext, flagId: string, decision: 'distinct' | 'same') {
    const { viewer } = ctx;
    return this.database.db.transaction().execute(async (trx) => {
      const repo = this.repo(trx);
      const [flag] = await repo.duplicateFlags(policy.scope(viewer, 'child.read'), flagId);
      if (!flag) throw notFound();
      policy.check(viewer, 'child.decide', { path: flag.a_path, classLabel: flag.a_class });
      if (!(await repo.resolveDuplicate(flag.id, decision, viewer.email))) throw conflict();
      if (decision === 'same' && flag.a_status !== 'archived') {
        await repo.update(flag.a_id, flag.a_version, { status: 'archived' });
        await repo.addHistory({
          child_id: flag.a_id,
          from_status: flag.a_status,
          to_status: 'archived',
          reason: 'duplicate',
          actor: viewer.email,
        });
      }
      await new AuditRepository(trx).write(viewer, ctx.ip, {
        action: 'resolve_duplicate',
        entity: 'child',
        entityId: flag.a_id,
        orgPath: flag.org_path,
        details: { other: flag.b_id, decision },
      });
      return { id: flag.id, status: decision };
    });
  }

  /** For the transfer request: a valid IIN and a class, or the field-named refusal. */
  static checkTransferInput(iin: string, classLabel: string) {
    const errors: Record<string, Message> = {};
    const e = iinError(iin);
    if (e) errors.iin = e;
    const cls = parseClassLabel(classLabel);
    if (!cls.ok) errors.classLabel = { key: 'children:errors.class', params: { value: classLabel } };
    if (Object.keys(errors).length > 0 || !cls.ok || !checkIin(iin).ok) throw invalid(errors);
    return { iin: iin.trim(), grade: cls.grade, classLabel: cls.label };
  }
}
