import { z } from 'zod';
import { kazakhstanTime } from '#domain/clock';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { aidTotals, effectiveAid } from '#domain/aid-totals';
import type { AidForm } from '#domain/aid-codes';
import { formatDate, parseDateInput } from '#domain/dates';
import { checkFvAid, type ChildCategoryProof } from '#domain/eligibility';
import type { Lang } from '#domain/lang';
import { formatTenge } from '#domain/money';
import { policy } from '../../access/policy.ts';
import type { Database } from '../../db/engine.ts';
import type { DB } from '../../db/schema.ts';
import { refreshReportFacts } from '../reports/facts/report-facts.ts';
import { AppError, invalid, notFound, type Message } from '../../http/app-error.ts';
import { CursorText, decodeCursor, encodeCursor } from '../../http/common.schema.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { translate } from '../../i18n/translator.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { FvService, yearOf, type FvBalance } from '../fv/fv.service.ts';
import { tengeInput } from '../fv/tenge-input.ts';
import { OrgUnitsRepository, type OrgUnitRow } from '../org-units/org-units.repository.ts';
import { OrgUnitsService } from '../org-units/org-units.service.ts';
import { ancestorPaths, SponsorsRepository } from '../sponsors/sponsors.repository.ts';
import { AidRepository, type AidRowWithNames } from './aid.repository.ts';
import { detectProofType } from './proof-type.ts';
import type { AidLineDto, AidListQuery, AidWarning, HandoverDto, HandoverInput } from './aid.schema.ts';

interface PreparedLine {
  childId: string;
  amount: number;
  items: { item: string; quantity: number }[];
}

interface Prepared {
  unit: OrgUnitRow;
  date: string;
  year: number;
  sponsorId: string | null;
  lines: PreparedLine[];
  total: number;
  pm: number | null;
  fv: FvBalance | null;
  warnings: { row: number; childId: string | null; code: string; params?: Record<string, string | number> }[];
}

export const fullName = (c: { surname: string; name: string; patronymic: string | null }) =>
  [c.surname, c.name, c.patronymic].filter(Boolean).join(' ');

export function toAidLineDto(r: AidRowWithNames, proof: AidLineDto['proofWarning'] = null): AidLineDto {
  return {
    id: r.id,
    handoverId: r.handover_id,
    orgCode: r.org_code,
    childId: r.child_id,
    childName: fullName({ surname: r.surname, name: r.child_name, patronymic: r.patronymic }),
    classLabel: r.class_label,
    date: r.date,
    source: r.source,
    sponsorId: r.sponsor_id,
    sponsorName: r.sponsor_name,
    form: r.form as AidForm,
    amount: Number(r.amount),
    items: JSON.parse(r.items) as { item: string; quantity: number; label?: string }[],
    reverses: r.reverses,
    reversedBy: r.reversed_by,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
    proofWarning: proof,
  };
}

/** Aid handed over to children: single or batch handovers, reversals, proofs, totals and the fairness lists. */
export class AidService {
  private readonly fv: FvService;

  constructor(private readonly database: Database) {
    this.fv = new FvService(database);
  }

  private async unitFor(db: Kysely<DB>, ctx: RequestContext, orgCode: string | undefined) {
    policy.require(ctx.viewer, 'aid.write');
    const unit = await new OrgUnitsRepository(db).findByCode(
      orgCode ?? ctx.viewer.orgCode,
      policy.scope(ctx.viewer, 'unit.read'),
    );
    if (!unit) throw notFound();
    if (unit.type !== 'school') throw invalid({ orgCode: { key: 'help:aid.notSchool' } });
    policy.checkUnit(ctx.viewer, 'aid.write', unit);
    return unit;
  }

  /** The campaign's dates for a school and year: its campaign row, or 1 August – 30 September. */
  async campaignWindow(db: Kysely<DB>, unitPath: string, year: number) {
    const row = await new AidRepository(db).campaignFor([...ancestorPaths(unitPath), unitPath], year);
    return row ? { from: row.date_from, to: row.date_to } : { from: `${year}-08-01`, to: `${year}-09-30` };
  }

  /**
   * Checks a handover against every rule and returns what to write with its warnings; throws, writing nothing,
   * on the first kind of error found (all rows with that error are named). Inside a write transaction the ФВ
   * allocation is read under its lock.
   */
  private async prepare(
    db: Kysely<DB>,
    ctx: RequestContext,
    input: HandoverInput,
    lang: Lang,
  ): Promise<Prepared> {
    const parsedDate = parseDateInput(input.date);
    if (!parsedDate.ok) throw invalid({ date: { key: 'help:aid.badDate' } });
    const date = parsedDate.date;
    const year = yearOf(date);
    const unit = await this.unitFor(db, ctx, input.orgCode);
    const repo = new AidRepository(db);

    let sponsorId: string | null = null;
    if (input.source === 'sponsor') {
      if (!input.sponsorId) throw invalid({ sponsorId: { key: 'help:aid.sponsorRequired' } });
      const sponsor = await new SponsorsRepository(db).findById(
        input.sponsorId,
        policy.scope(ctx.viewer, 'sponsor.read', unit),
      );
      if (!sponsor) throw invalid({ sponsorId: { key: 'help:aid.sponsorNotFound' } });
      sponsorId = sponsor.id;
    } else if (input.sponsorId) {
      throw invalid({ sponsorId: { key: 'help:aid.fvNoSponsor' } });
    }

    const fields: Record<string, Message> = {};
    const seen = new Map<string, number>();
    const lines: PreparedLine[] = input.lines.map((l, i) => {
      const row = i + 1;
      let amount = 0;
      if (l.amount !== undefined && l.amount !== '') {
        try {
          amount = tengeInput(`lines.${i}.amount`, l.amount);
        } catch (e) {
          if (e instanceof AppError && e.fields) Object.assign(fields, e.fields);
        }
      }
      const items = l.items ?? [];
      if (amount === 0 && items.length === 0 && !fields[`lines.${i}.amount`]) {
        fields[`lines.${i}.amount`] = { key: 'help:aid.lineEmpty', params: { row } };
      }
      if ((input.form === 'money' || input.source === 'fv') && amount === 0 && !fields[`lines.${i}.amount`]) {
        fields[`lines.${i}.amount`] = { key: 'help:aid.moneyNeedsAmount', params: { row } };
      }
      const first = seen.get(l.childId);
      if (first !== undefined)
        fields[`lines.${i}.childId`] = { key: 'help:aid.childTwice', params: { row, first } };
      seen.set(l.childId, row);
      return { childId: l.childId, amount, items };
    });
    if (Object.keys(fields).length > 0) throw invalid(fields);

    const children = await repo.childrenOfSchool(unit.id, [...seen.keys()]);
    const byId = new Map(children.map((c) => [c.id, c]));
    const missing = lines.flatMap((l, i) => (byId.has(l.childId) ? [] : [i + 1]));
    if (missing.length > 0) {
      // Another school's child is answered exactly like a child that does not exist.
      throw new AppError(
        404,
        'not_found',
        { key: 'help:aid.childNotFound', params: { rows: missing.join(', ') } },
        Object.fromEntries(
          missing.map((row) => [
            `lines.${row - 1}.childId`,
            { key: 'help:aid.childNotFoundRow', params: { row } },
          ]),
        ),
      );
    }

    const warnings: Prepared['warnings'] = [];
    const window = await this.campaignWindow(db, unit.path, year);
    if (date < window.from || date > window.to) {
      warnings.push({
        row: 0,
        childId: null,
        code: 'outsideCampaign',
        params: { from: formatDate(window.from, lang, 'short'), to: formatDate(window.to, lang, 'short') },
      });
    }
    lines.forEach((l, i) => {
      const status = byId.get(l.childId)!.status;
      if (status !== 'approved' && status !== 'helped') {
        warnings.push({ row: i + 1, childId: l.childId, code: 'notApproved' });
      }
    });

    const total = lines.reduce((acc, l) => acc + l.amount, 0);
    const pm = await this.fv.pm(year, db);
    let fv: FvBalance | null = null;
    if (input.source === 'fv') {
      fv = await this.fv.balanceForSpending(db, unit, year);
      const cats = await repo.categoriesOf([...seen.keys()]);
      const noCategory: number[] = [];
      lines.forEach((l, i) => {
        const proofs: ChildCategoryProof[] = cats
          .filter((c) => c.child_id === l.childId)
          .map((c) => ({
            code: c.code,
            validUntil: c.valid_until,
            hasProof: Boolean(c.doc_name || c.doc_number),
          }));
        const check = checkFvAid({
          childCategories: proofs,
          amount: l.amount,
          remaining: Infinity,
          pm,
          date,
        });
        if (check.errors.includes('no-fv-category')) noCategory.push(i + 1);
        for (const w of check.warnings) {
          const code = w === 'below-pm' ? 'belowPm' : w === 'proof-missing' ? 'proofMissing' : 'proofExpired';
          warnings.push({ row: i + 1, childId: l.childId, code, params: { pm: pm ?? 0 } });
        }
      });
      if (noCategory.length > 0) {
        throw new AppError(
          400,
          'invalid_input',
          { key: 'help:aid.noFvCategory', params: { rows: noCategory.join(', ') } },
          Object.fromEntries(
            noCategory.map((row) => [
              `lines.${row - 1}.childId`,
              { key: 'help:aid.noFvCategoryRow', params: { row } },
            ]),
          ),
        );
      }
      if (total > fv.left) {
        const figures = { allocated: fv.allocated, used: fv.used, left: fv.left, asked: total };
        const params = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, formatTenge(v, lang)]));
        throw new AppError(422, 'fv_over_remaining', { key: 'help:fv.overRemaining', params }, undefined, {
          figures,
        });
      }
    }
    return { unit, date, year, sponsorId, lines, total, pm, fv, warnings };
  }

  private translateWarnings(p: Prepared, lang: Lang): AidWarning[] {
    return p.warnings.map((w) => ({
      row: w.row,
      childId: w.childId,
      code: w.code,
      message: translate(lang, `help:warning.${w.code}`, {
        row: w.row,
        ...w.params,
        ...(w.params?.pm !== undefined && { pm: formatTenge(Number(w.params.pm), lang) }),
      }),
    }));
  }

  /** What the handover would do, without writing: the warnings to confirm, the PM and what is left of ФВ. */
  async check(ctx: RequestContext, input: HandoverInput, lang: Lang) {
    const p = await this.prepare(this.database.db, ctx, input, lang);
    return { warnings: this.translateWarnings(p, lang), pm: p.pm, total: p.total, fv: p.fv };
  }

  /** Records a handover to one or many children in one transaction; with the ФВ row locked on PostgreSQL. */
  async handover(ctx: RequestContext, input: HandoverInput, lang: Lang) {
    const done = await this.database.db
      .transaction()
      .execute((trx) => this.handoverIn(trx, ctx, input, lang));
    return { handover: await this.get(ctx, done.id), warnings: done.warnings };
  }

  /**
   * The same within the caller's transaction (a pledge delivered records its aid this way). The report facts of
   * the children are refreshed before it returns, or, given `deferFacts`, their ids are added there for the caller
   * to refresh once at the end (an import: the cube's rows are then held only for the end of its transaction).
   */
  async handoverIn(
    trx: Kysely<DB>,
    ctx: RequestContext,
    input: HandoverInput,
    lang: Lang,
    pledgeId: string | null = null,
    deferFacts?: Set<string>,
  ) {
    const p = await this.prepare(trx, ctx, input, lang);
    const repo = new AidRepository(trx);
    const id = uuidv7();
    const now = new Date().toISOString();
    await repo.insertHandover({
      id,
      org_unit_id: p.unit.id,
      org_path: p.unit.path,
      date: p.date,
      year: p.year,
      source: input.source,
      sponsor_id: p.sponsorId,
      form: input.form,
      note: input.note ?? null,
      pledge_id: pledgeId,
      recorded_by: ctx.viewer.email,
      recorded_by_name: ctx.viewer.name,
      created_at: now,
    });
    await repo.insertRows(
      p.lines.map((l) => ({
        id: uuidv7(),
        handover_id: id,
        org_unit_id: p.unit.id,
        org_path: p.unit.path,
        child_id: l.childId,
        date: p.date,
        year: p.year,
        source: input.source,
        sponsor_id: p.sponsorId,
        form: input.form,
        amount: l.amount,
        items: JSON.stringify(l.items),
        reverses: null,
        reason: null,
        created_by: ctx.viewer.email,
        created_at: now,
      })),
    );
    let needsDelivered = 0;
    for (const l of p.lines)
      needsDelivered += await repo.deliverNeeds(
        l.childId,
        l.items.map((x) => x.item),
      );
    if (deferFacts) for (const l of p.lines) deferFacts.add(l.childId);
    else
      await refreshReportFacts(
        trx,
        p.lines.map((l) => l.childId),
      );
    await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
      action: 'create',
      entity: 'aid_handover',
      entityId: id,
      orgPath: p.unit.path,
      details: {
        source: input.source,
        sponsorId: p.sponsorId,
        form: input.form,
        date: p.date,
        children: p.lines.length,
        total: p.total,
        needsDelivered,
        warnings: p.warnings.map((w) => `${w.row}:${w.code}`),
      },
    });
    return { id, warnings: this.translateWarnings(p, lang) };
  }

  async get(ctx: RequestContext, id: string, db: Kysely<DB> = this.database.db): Promise<HandoverDto> {
    const repo = new AidRepository(db);
    // A teacher sees a handover with a child of their classes, and of it only the lines of those children.
    const scope = policy.scope(ctx.viewer, 'aid.read');
    const h = await repo.handover(id, scope);
    if (!h) throw notFound();
    const [rows, proofs] = await Promise.all([repo.rowsOfHandover(id, scope), repo.proofs(id)]);
    const lines = await this.withProofWarnings(db, rows);
    const live = effectiveAid(lines);
    return {
      id: h.id,
      orgCode: h.org_code,
      date: h.date,
      year: h.year,
      source: h.source,
      sponsorId: h.sponsor_id,
      sponsorName: h.sponsor_name,
      form: h.form as AidForm,
      note: h.note,
      pledgeId: h.pledge_id,
      recordedBy: h.recorded_by,
      recordedByName: h.recorded_by_name,
      createdAt: h.created_at,
      students: new Set(live.map((l) => l.childId)).size,
      total: live.reduce((acc, l) => acc + l.amount, 0),
      lines,
      proofs: proofs.map((p) => ({
        id: p.id,
        fileName: p.file_name,
        mime: p.mime,
        size: Number(p.size),
        uploadedBy: p.uploaded_by,
        createdAt: p.created_at,
      })),
    };
  }

  /**
   * For ФВ rows in effect: whether the child's ground for ФВ still lacks a current proving document. Shown on the
   * records until the document is attached in the registry.
   */
  private async withProofWarnings(db: Kysely<DB>, rows: AidRowWithNames[]): Promise<AidLineDto[]> {
    const fvRows = rows.filter((r) => r.source === 'fv' && r.reverses === null && r.reversed_by === null);
    const cats = await new AidRepository(db).categoriesOf([...new Set(fvRows.map((r) => r.child_id))]);
    return rows.map((r) => {
      if (!fvRows.includes(r)) return toAidLineDto(r);
      const check = checkFvAid({
        childCategories: cats
          .filter((c) => c.child_id === r.child_id)
          .map((c) => ({
            code: c.code,
            validUntil: c.valid_until,
            hasProof: Boolean(c.doc_name || c.doc_number),
          })),
        amount: Number(r.amount),
        remaining: Infinity,
        pm: null,
        date: r.date,
      });
      const proof = check.warnings.includes('proof-missing')
        ? 'proofMissing'
        : check.warnings.includes('proof-expired')
          ? 'proofExpired'
          : null;
      return toAidLineDto(r, proof);
    });
  }

  private scope(ctx: RequestContext, action: 'aid.read' | 'aid.totals', org: string | undefined) {
    return new OrgUnitsService(this.database).scope(ctx, action, org);
  }

  async list(ctx: RequestContext, q: AidListQuery) {
    const scope = await this.scope(ctx, 'aid.read', q.org);
    const rows = await new AidRepository(this.database.db).list(scope, {
      year: q.year,
      childId: q.childId,
      sponsorId: q.sponsorId,
      source: q.source,
      limit: q.limit,
      after: decodeCursor(q.cursor, z.object({ date: CursorText, id: CursorText })),
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: await this.withProofWarnings(this.database.db, page),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ date: last.date, id: last.id }) : null,
    };
  }

  /** Cancels aid rows by reversing entries with the reason; the original rows stay as they were. */
  async reverse(ctx: RequestContext, target: { rowId?: string; handoverId?: string }, reason: string) {
    return this.database.db.transaction().execute(async (trx) => {
      const repo = new AidRepository(trx);
      let rows: AidRowWithNames[];
      const visible = policy.scope(ctx.viewer, 'aid.read');
      if (target.rowId) {
        const row = await repo.row(target.rowId, visible);
        if (!row) throw notFound();
        rows = [row];
      } else {
        rows = await repo.rowsOfHandover(target.handoverId!, visible);
        if (rows.length === 0) throw notFound();
      }
      const unit = { path: rows[0]!.org_path };
      policy.checkUnit(ctx.viewer, 'aid.write', unit);
      if (target.handoverId) {
        // Reversing a handover reverses all of it: every line, also those the viewer does not see.
        rows = await repo.rowsOfHandover(target.handoverId, policy.everywhere('aid.read', 'operator'));
      }
      const open = rows.filter((r) => r.reverses === null && r.reversed_by === null);
      if (open.length === 0) throw new AppError(409, 'already_reversed', { key: 'help:aid.alreadyReversed' });
      const now = new Date().toISOString();
      const reversals = open.map((r) => ({
        id: uuidv7(),
        handover_id: r.handover_id,
        org_unit_id: r.org_unit_id,
        org_path: r.org_path,
        child_id: r.child_id,
        date: r.date,
        year: r.year,
        source: r.source,
        sponsor_id: r.sponsor_id,
        form: r.form,
        amount: Number(r.amount),
        items: r.items,
        reverses: r.id,
        reason,
        created_by: ctx.viewer.email,
        created_at: now,
      }));
      try {
        await repo.insertRows(reversals);
      } catch {
        // The unique index on `reverses` refused a second reversal made at the same moment.
        throw new AppError(409, 'already_reversed', { key: 'help:aid.alreadyReversed' });
      }
      await refreshReportFacts(
        trx,
        open.map((r) => r.child_id),
      );
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'reverse',
        entity: 'aid',
        entityId: target.rowId ?? target.handoverId ?? null,
        orgPath: unit.path,
        details: { reason, rows: open.map((r) => r.id), amount: reversals.reduce((a, r) => a + r.amount, 0) },
      });
      return this.get(ctx, rows[0]!.handover_id, trx);
    });
  }

  /** Attaches the scanned act of transfer (PDF, JPEG or PNG by its content) to a handover. */
  async addProof(ctx: RequestContext, handoverId: string, file: { fileName: string; data: Buffer }) {
    const mime = detectProofType(file.data);
    if (!mime) throw invalid({ file: { key: 'help:aid.proofType' } });
    return this.database.db.transaction().execute(async (trx) => {
      const repo = new AidRepository(trx);
      const h = await repo.handover(handoverId, policy.scope(ctx.viewer, 'aid.read'));
      if (!h) throw notFound();
      policy.checkUnit(ctx.viewer, 'aid.write', { path: h.org_path });
      const id = uuidv7();
      await repo.insertProof({
        id,
        handover_id: h.id,
        org_path: h.org_path,
        file_name: file.fileName.slice(0, 200),
        mime,
        size: file.data.length,
        data: file.data,
        uploaded_by: ctx.viewer.email,
        created_at: new Date().toISOString(),
      });
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'attach',
        entity: 'aid_proof',
        entityId: id,
        orgPath: h.org_path,
        details: { handoverId: h.id, mime, size: file.data.length },
      });
      return this.get(ctx, h.id, trx);
    });
  }

  async proof(ctx: RequestContext, id: string) {
    const row = await new AidRepository(this.database.db).proof(id, policy.scope(ctx.viewer, 'aid.read'));
    if (!row) throw notFound();
    return row;
  }

  async totals(ctx: RequestContext, q: { org?: string; year?: number }) {
    const year = q.year ?? kazakhstanTime().year;
    const scope = await this.scope(ctx, 'aid.totals', q.org);
    const repo = new AidRepository(this.database.db);
    const rows = await repo.yearRows(scope, year);
    const childIds = [...new Set(rows.map((r) => r.child_id))];
    const cats = await repo.categoriesOf(childIds);
    const byChild = new Map<string, string[]>();
    for (const c of cats) byChild.set(c.child_id, [...(byChild.get(c.child_id) ?? []), c.code]);
    const t = aidTotals(
      rows.map((r) => ({
        id: r.id,
        childId: r.child_id,
        date: r.date,
        source: r.source,
        sponsorId: r.sponsor_id,
        form: r.form,
        amount: Number(r.amount),
        reverses: r.reverses,
      })),
      (id) => (byChild.get(id) ?? []).filter((c) => c !== 'not_attending'),
    );
    const names = new Map(
      (await repo.sponsorNames(t.bySponsor.map((s) => s.sponsorId))).map((s) => [s.id, s.name]),
    );
    return {
      year,
      ...t,
      bySponsor: t.bySponsor.map((s) => ({ ...s, name: names.get(s.sponsorId) ?? '' })),
    };
  }

  /**
   * Children on the approved list who got nothing yet this year (those in categories first, then by what they
   * still need), and children who got the same kind of help from two different sources.
   */
  async fairness(ctx: RequestContext, q: { org?: string; year?: number }) {
    const year = q.year ?? kazakhstanTime().year;
    const scope = await this.scope(ctx, 'aid.read', q.org);
    const repo = new AidRepository(this.database.db);
    const rows = effectiveAid(await repo.yearRows(scope, year));
    const helped = new Set(rows.map((r) => r.child_id));
    const approved = (await repo.approvedChildren(scope)).filter((c) => !helped.has(c.id));
    const ids = approved.map((c) => c.id);
    const [cats, needs] = await Promise.all([repo.categoriesOf(ids), repo.openNeeds(ids)]);
    const withoutHelp = approved
      .map((c) => {
        const categories = cats
          .filter((x) => x.child_id === c.id && x.code !== 'not_attending')
          .map((x) => x.code);
        const own = needs.filter((n) => n.child_id === c.id);
        return {
          childId: c.id,
          orgCode: c.org_code,
          name: fullName(c),
          classLabel: c.class_label,
          categories,
          openNeeds: own.length,
          needCost: own.reduce(
            (acc, n) => acc + Number(n.est_cost ?? Number(n.default_cost ?? 0) * n.quantity),
            0,
          ),
        };
      })
      .sort(
        (a, b) =>
          b.categories.length - a.categories.length ||
          b.needCost - a.needCost ||
          b.openNeeds - a.openNeeds ||
          a.name.localeCompare(b.name, 'ru'),
      );

    // The same kind: the same item for goods, otherwise the same form of help.
    const kinds = new Map<string, typeof rows>();
    for (const r of rows) {
      const items = JSON.parse(r.items) as { item: string }[];
      const keys = items.length > 0 ? items.map((i) => i.item) : [r.form];
      for (const k of new Set(keys)) {
        const key = `${r.child_id}\u0000${k}`;
        kinds.set(key, [...(kinds.get(key) ?? []), r]);
      }
    }
    const doubles = [...kinds.entries()].filter(
      ([, rs]) => new Set(rs.map((r) => (r.source === 'fv' ? 'fv' : `s:${r.sponsor_id}`))).size > 1,
    );
    const doubleChildren = new Map(
      (await repo.childrenByIds([...new Set(doubles.map(([, rs]) => rs[0]!.child_id))])).map((c) => [
        c.id,
        c,
      ]),
    );
    const doubleCats = await repo.categoriesOf([...doubleChildren.keys()]);
    const names = new Map(
      (
        await repo.sponsorNames([
          ...new Set(doubles.flatMap(([, rs]) => rs.flatMap((r) => (r.sponsor_id ? [r.sponsor_id] : [])))),
        ])
      ).map((s) => [s.id, s.name]),
    );
    const twice = doubles.map(([key, rs]) => {
      const c = doubleChildren.get(rs[0]!.child_id)!;
      return {
        childId: c.id,
        orgCode: c.org_code,
        name: fullName(c),
        classLabel: c.class_label,
        categories: doubleCats.filter((x) => x.child_id === c.id).map((x) => x.code),
        kind: key.split('\u0000')[1]!,
        sources: rs.map((r) => ({
          source: r.source,
          sponsorName: r.sponsor_id ? (names.get(r.sponsor_id) ?? null) : null,
          date: r.date,
        })),
      };
    });
    return { year, withoutHelp, twice };
  }
}
