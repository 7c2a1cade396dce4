import { todayInKazakhstan } from '#domain/clock';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { isLang, LANGS, type Lang } from '#domain/lang';
import { reportNarrative, type NarrativeDocument } from '#domain/report/narrative';
import type { Report } from '#domain/report/report';
import { policy, type Scope } from '../../access/policy.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { Database } from '../../db/engine.ts';
import type { ChildStatus } from '../../db/schema.ts';
import { invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { CONTENT_TYPES, renderReportFile, type FileFormat } from './render/render-report.ts';
import { reportDocument } from './render/report-document.ts';
import { reportTables, type ReportTable } from './render/report-tables.ts';
import { REPORTS_MESSAGES } from './render/reports-messages.ts';
import { DIM } from './facts/child-facts.ts';
import { factsGeneration } from './facts/report-facts.ts';
import { ReportFiguresRepository } from './report-figures.repository.ts';
import { ReportLimiter } from './report-limiter.ts';
import { ReportReader } from './report-reader.ts';
import { ReportTraceRepository, type TraceKey } from './report-trace.repository.ts';
import { unitName } from './report-names.ts';
import { ReportsRepository, type UnitRow } from './reports.repository.ts';
import {
  REPORT_FORMATS,
  type PublicCampaign,
  type ReportFormat,
  type ReportQuery,
  type TraceQuery,
  type TraceRecord,
  type TraceResult,
} from './reports.schema.ts';

/** Groups of fewer children than this are never shown on the public page. */
export const PUBLIC_MIN_GROUP = 5;

// The public page is asked for by anyone, often, for a few campaigns: it is kept per unit, year and language
// until a write of this process changes the facts (factsGeneration), and at most a minute, so that writes made
// by another process show within that minute.
const PUBLIC_CACHE_MS = 60_000;
const PUBLIC_CACHE_SIZE = 500;
const publicCache = new Map<string, { page: PublicCampaign; generation: number; until: number }>();

export type ReportOutput =
  { kind: 'json'; body: Report } | { kind: 'file'; body: Buffer; contentType: string; fileName: string };

export interface ReportView {
  report: Report;
  narrative: NarrativeDocument;
  tables: ReportTable[];
  years: number[];
}

function checkLang(lang: string | undefined, fallback: Lang): Lang {
  if (lang === undefined || lang === '') return fallback;
  if (isLang(lang)) return lang;
  throw invalid({ lang: { key: 'reports:errors.lang', params: { supported: LANGS.join(', ') } } });
}

function checkFormat(format: string | undefined): ReportFormat {
  if (format === undefined || format === '') return 'json';
  if ((REPORT_FORMATS as readonly string[]).includes(format)) return format as ReportFormat;
  throw invalid({
    format: { key: 'reports:errors.format', params: { supported: REPORT_FORMATS.join(', ') } },
  });
}

function viewerLang(viewer: Viewer): Lang {
  return isLang(viewer.lang) ? viewer.lang : 'ru';
}

interface TraceCursor {
  /** The sort key of the last record shown. */
  k: TraceKey;
  /** The figure and the number of records, counted for the first page. */
  v: number;
  t: number;
}

function encodeCursor(c: TraceCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(text: string): TraceCursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as TraceCursor;
    const ok =
      Array.isArray(c.k) &&
      c.k.length <= 3 &&
      c.k.every((x) => typeof x === 'string' || typeof x === 'number') &&
      Number.isFinite(c.v) &&
      Number.isFinite(c.t);
    if (ok) return c;
  } catch {
    // reported below
  }
  throw invalid({ cursor: { key: 'errors:invalidInput' } });
}

/** "Аманова А. Б., 5А" for a child of the registry. */
function childLabel(
  child:
    | { surname: string; name: string | null; patronymic: string | null; class_label: string | null }
    | undefined,
): string {
  if (!child) return '—';
  const initials = [child.name, child.patronymic]
    .filter((p): p is string => Boolean(p))
    .map((p) => `${p.charAt(0)}.`)
    .join(' ');
  return `${child.surname} ${initials}, ${child.class_label ?? ''}`;
}

export class ReportsService {
  private readonly limiter = new ReportLimiter();

  constructor(private readonly database: Database) {}

  private get repo() {
    return new ReportsRepository(this.database.db);
  }

  /** The unit (the viewer's own by default) the viewer may report on, with its `report.read` scope; 404 outside. */
  private async unitOf(
    viewer: Viewer,
    orgCode: string | undefined,
  ): Promise<{ unit: UnitRow; scope: Scope }> {
    policy.require(viewer, 'report.read');
    const unit = await this.repo.findUnit(orgCode ?? viewer.orgCode, policy.scope(viewer, 'unit.read'));
    if (!unit) throw notFound();
    return { unit, scope: policy.scope(viewer, 'report.read', unit) };
  }

  /** The report computed in SQL from the facts (ReportReader); 404 outside scope or without a campaign. */
  async build(ctx: RequestContext, orgCode: string | undefined, year: number, lang: Lang) {
    const { unit, scope } = await this.unitOf(ctx.viewer, orgCode);
    return { unit, scope, report: await this.reportOf(scope, unit, year, lang, ctx.viewer.userId) };
  }

  /** Computed once for everyone asking at the same time, within the per-user and per-process limits. */
  private async reportOf(
    scope: Scope,
    unit: UnitRow,
    year: number,
    lang: Lang,
    userId: string | null,
  ): Promise<Report> {
    const campaigns = await this.repo.campaigns(scope, year);
    if (campaigns.length === 0) throw notFound();
    const key = [unit.id, year, lang, scope.prefix, scope.notExact, scope.exact.join(',')].join('|');
    return this.limiter.run(userId, key, () =>
      new ReportReader(this.database.db).report(scope, unit, year, lang, campaigns),
    );
  }

  async report(ctx: RequestContext, query: ReportQuery): Promise<ReportOutput> {
    const lang = checkLang(query.lang, viewerLang(ctx.viewer));
    const format = checkFormat(query.format);
    const { unit, report } = await this.build(ctx, query.org, query.campaign, lang);
    if (format === 'json') return { kind: 'json', body: report };
    return this.file(report, unit.code, lang, format);
  }

  async file(report: Report, code: string, lang: Lang, format: FileFormat): Promise<ReportOutput> {
    const doc = reportDocument(report, lang, { today: todayInKazakhstan() });
    return {
      kind: 'file',
      body: await renderReportFile(doc, format),
      contentType: CONTENT_TYPES[format],
      fileName: `report-${code}-${report.campaign.year}-${lang}.${format}`,
    };
  }

  /** What the report page shows: the figures, the text, the tables and the years one can switch to. */
  async view(ctx: RequestContext, query: ReportQuery): Promise<ReportView> {
    const lang = checkLang(query.lang, viewerLang(ctx.viewer));
    const { unit, report } = await this.build(ctx, query.org, query.campaign, lang);
    return {
      report,
      narrative: reportNarrative(report, lang, { breakdowns: false }),
      tables: reportTables(report, lang),
      years: await this.repo.campaignYears(policy.scope(ctx.viewer, 'report.read', unit)),
    };
  }

  /** Years with a campaign for the unit (the viewer's own by default), newest first. */
  async years(ctx: RequestContext, orgCode: string | undefined): Promise<{ years: number[] }> {
    const { scope } = await this.unitOf(ctx.viewer, orgCode);
    return { years: await this.repo.campaignYears(scope) };
  }

  /**
   * The records behind one figure of the report, within what the viewer may see: one page, read in SQL in a fixed
   * order, with a cursor for the next page. The figure and the number of records come from the facts (or one SQL
   * count) on the first page and travel in the cursor, so later pages count nothing.
   */
  async trace(ctx: RequestContext, query: TraceQuery): Promise<TraceResult> {
    const lang = checkLang(query.lang, viewerLang(ctx.viewer));
    const { unit, scope } = await this.unitOf(ctx.viewer, query.org);
    const year = query.campaign;
    if ((await this.repo.campaigns(scope, year)).length === 0) throw notFound();
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    // The figure is the report's; the records listed are only those the viewer may see (a teacher: their
    // classes' children, aid and calls), each kind by its own rule.
    const sees = policy.scope(ctx.viewer, 'report.trace', unit);
    const seesCall = policy.scope(ctx.viewer, 'hotline.read', unit);
    const whole = sees.classes === null;
    const trace = new ReportTraceRepository(this.database.db);
    const figures = new ReportFiguresRepository(this.database.db);
    const key = cursor?.k ?? null;
    const limit = query.limit;
    const orgOf = (r: { unit_code: string; name_ru: string; name_kk: string; name_en: string | null }) => ({
      orgCode: r.unit_code,
      orgName: unitName(r, lang),
    });
    const cubeValue = async (y: number, dim: string, k: string) =>
      (await figures.cube(y, [unit.id], [dim])).find((r) => r.year === y && r.key === k);
    const [group, figure] = query.metric.split('.') as [string, string];
    let items: TraceRecord[];
    let next: TraceKey | null;
    let counts: () => Promise<{ v: number; t: number }>;

    if (group === 'fv' || group === 'sponsors' || group === 'total') {
      const filter = {
        source: group === 'fv' ? ('fv' as const) : group === 'sponsors' ? ('sponsor' as const) : null,
        month: query.month,
        sponsor: query.sponsor,
        form: query.form,
        category: query.category,
      };
      const students = figure === 'students';
      const filtered = Boolean(query.month || query.sponsor || query.form || query.category);
      counts = async () => {
        if (!filtered) {
          const dim = group === 'fv' ? DIM.fv : group === 'sponsors' ? DIM.sponsors : DIM.total;
          const r = await cubeValue(year, dim, '');
          const v = students ? (r?.students ?? 0) : (r?.amount ?? 0);
          return { v, t: whole ? (r?.records ?? 0) : (await trace.aidFigure(sees, year, filter)).records };
        }
        const all = await trace.aidFigure(scope, year, filter);
        const seen = whole ? all : await trace.aidFigure(sees, year, filter);
        return { v: students ? all.students : all.amount, t: seen.records };
      };
      const p = await trace.aidPage(sees, year, filter, key, limit);
      next = p.next;
      items = p.rows.map((a) => {
        const source = a.source === 'fv' ? REPORTS_MESSAGES[lang].doc.fvShort : (a.sponsor_name ?? '—');
        const form = (COMMON_MESSAGES[lang].aidForm as Readonly<Record<string, string>>)[a.form] ?? a.form;
        return {
          kind: 'aid',
          id: a.id,
          date: a.date,
          label: `${childLabel(a)} · ${source} · ${form}`,
          ...orgOf(a),
          amount: Number(a.amount),
        };
      });
    } else if (group === 'children') {
      const statuses: ChildStatus[] | 'notAttending' =
        figure === 'listed' ? ['approved', 'helped'] : figure === 'proposed' ? ['proposed'] : 'notAttending';
      counts = async () => {
        const v = (await cubeValue(0, DIM.children, figure))?.students ?? 0;
        return { v, t: whole ? v : await trace.childCount(sees, statuses) };
      };
      const p = await trace.childPage(sees, statuses, key, limit);
      next = p.next;
      items = p.rows.map((c) => ({
        kind: 'child',
        id: c.id,
        date: null,
        label: childLabel(c),
        ...orgOf(c),
        amount: null,
      }));
    } else if (group === 'raids' && figure === 'count') {
      counts = async () => {
        const n = await trace.raidCount(scope, year);
        return { v: n, t: n };
      };
      const p = await trace.raidPage(scope, year, key, limit);
      next = p.next;
      const labels = COMMON_MESSAGES[lang].placeKind as Readonly<Record<string, string>>;
      items = p.rows.map((r) => ({
        kind: 'raid',
        id: r.id,
        date: r.held_on,
        label: p.places
          .filter((x) => x.raid_id === r.id)
          .map((x) => x.name ?? labels[x.kind] ?? x.kind)
          .join(', '),
        ...orgOf(r),
        amount: null,
      }));
    } else if (group === 'raids') {
      const returned = figure === 'returnedToSchool';
      counts = async () => {
        const found = (await figures.raids(scope, 0, year)).foundTotal;
        const v = returned
          ? (found?.registryReturned ?? 0) + (found?.unregisteredReturned ?? 0)
          : (found?.registry ?? 0) + (found?.unregistered ?? 0);
        return { v, t: await trace.foundCount(scope, sees, year, returned) };
      };
      const p = await trace.foundPage(scope, sees, year, returned, key, limit);
      next = p.next;
      items = p.rows.map((c) => ({
        kind: 'raid',
        id: c.id,
        date: c.held_on,
        label: c.child_id && c.surname !== null ? childLabel({ ...c, surname: c.surname }) : c.full_name,
        ...orgOf(c),
        amount: null,
      }));
    } else if (group === 'hotline') {
      const closed = figure === 'closed';
      counts = async () => ({
        v: await trace.callCount(scope, scope, year, closed),
        t: await trace.callCount(scope, seesCall, year, closed),
      });
      const p = await trace.callPage(scope, seesCall, year, closed, key, limit);
      next = p.next;
      items = p.rows.map((h) => ({
        kind: 'hotline',
        id: h.id,
        date: h.received_at.slice(0, 10),
        label: h.subject,
        ...orgOf(h),
        amount: null,
      }));
    } else {
      const done = figure === 'done';
      counts = async () => {
        const n = await trace.planCount(scope, year, done);
        return { v: n, t: n };
      };
      const p = await trace.planPage(scope, year, done, key, limit);
      next = p.next;
      items = p.rows.map((r) => ({
        kind: 'plan',
        id: r.id,
        date: r.date_from,
        label: r.title,
        ...orgOf(r),
        amount: null,
      }));
    }
    const { v, t } = cursor ?? (await counts());
    return {
      metric: query.metric,
      value: v,
      total: t,
      items,
      next: next === null ? null : encodeCursor({ k: next, v, t }),
    };
  }

  /** Figures for the dashboard: help by week, coverage of the list, categories, units compared, years. */
  async dashboard(ctx: RequestContext, query: { org?: string; campaign?: number; lang?: string }) {
    const lang = checkLang(query.lang, viewerLang(ctx.viewer));
    const { unit, scope } = await this.unitOf(ctx.viewer, query.org);
    const years = await this.repo.campaignYears(scope);
    const year = query.campaign ?? years[0];
    if (year === undefined) throw notFound();
    const report = await this.reportOf(scope, unit, year, lang, ctx.viewer.userId);
    const figures = new ReportFiguresRepository(this.database.db);
    const [cube, totals] = await Promise.all([
      figures.cube(year, [unit.id], [DIM.day, DIM.first, DIM.coverage]),
      figures.totalsByYear(unit.id),
    ]);
    const start = Date.parse(`${report.campaign.from}T00:00:00Z`);
    const weekOf = (date: string) =>
      Math.max(0, Math.floor((Date.parse(`${date}T00:00:00Z`) - start) / 604_800_000));
    const weeks = new Map<number, { week: number; fv: number; sponsors: number; students: number }>();
    const lastWeek = weekOf(report.campaign.to);
    for (let w = 0; w <= lastWeek; w += 1) weeks.set(w, { week: w + 1, fv: 0, sponsors: 0, students: 0 });
    const weekAt = (date: string) => {
      const w = weekOf(date);
      const entry = weeks.get(w) ?? { week: w + 1, fv: 0, sponsors: 0, students: 0 };
      weeks.set(w, entry);
      return entry;
    };
    for (const r of cube) {
      if (r.year !== year) continue;
      // A day's tenge by source; a week's children are those first helped (within the unit) that week.
      if (r.dim === DIM.day) {
        const [date, source] = r.key.split('|') as [string, string];
        if (source === 'fv') weekAt(date).fv += r.amount;
        else weekAt(date).sponsors += r.amount;
      } else if (r.dim === DIM.first) weekAt(r.key).students += r.students;
    }
    const helped = cube.find((r) => r.year === year && r.dim === DIM.coverage)?.students ?? 0;
    const byYear = new Map(totals.map((t) => [t.year, t]));
    return {
      org: { code: unit.code, name: unitName(unit, lang), type: unit.type },
      year,
      years,
      weeks: [...weeks.values()].sort((a, b) => a.week - b.week),
      coverage: { listed: report.children.listed, helped },
      categories: report.byCategory,
      units: report.units.map((u) => ({
        code: u.org.code,
        name: u.org.name,
        students: u.total.students,
        amount: u.total.amount,
        listed: u.children.listed,
        closed: u.campaign.closed,
      })),
      history: [...years]
        .sort((a, b) => a - b)
        .map((y) => ({
          year: y,
          students: byYear.get(y)?.students ?? 0,
          amount: byYear.get(y)?.amount ?? 0,
        })),
      total: report.total,
    };
  }

  /** The public page of a unit's campaign: totals and anonymised needs, nothing that identifies a child. */
  async publicCampaign(code: string, year: number, langInput: string | undefined): Promise<PublicCampaign> {
    const lang = checkLang(langInput, 'kk');
    // The public page shows figures only; it looks the unit up anywhere and names no one.
    const unit = await this.repo.findUnit(code, policy.everywhere('unit.read', 'public'));
    if (!unit) throw notFound();
    const key = `${unit.id}|${year}|${lang}`;
    const cached = publicCache.get(key);
    if (cached && cached.generation === factsGeneration() && cached.until > Date.now()) return cached.page;
    const generation = factsGeneration();
    const scope = policy.everywhere('report.read', 'public', unit);
    const report = await this.reportOf(scope, unit, year, lang, null);
    const small = report.total.students > 0 && report.total.students < PUBLIC_MIN_GROUP;
    const helped = report.sponsors.list;
    const needs = await new ReportFiguresRepository(this.database.db).openNeeds(unit.id);
    const page: PublicCampaign = {
      org: { code: unit.code, name: unitName(unit, lang), hotline: unit.hotline },
      campaign: report.campaign,
      totals: {
        students: small ? null : report.total.students,
        amount: small ? null : report.total.amount,
        fvAmount: small ? null : report.fv.amount,
        sponsorsAmount: small ? null : report.sponsors.amount,
        sponsors: helped.length,
      },
      sponsors: helped.filter((s) => !s.anonymous).map((s) => s.name),
      anonymousSponsors: helped.filter((s) => s.anonymous).length,
      needs: needs
        .filter((n) => n.children >= PUBLIC_MIN_GROUP)
        .sort((a, b) => a.position - b.position || a.code.localeCompare(b.code))
        .map((n) => ({
          item: n.code,
          name: lang === 'kk' ? n.name_kk : lang === 'en' ? n.name_en : n.name_ru,
          children: n.children,
          quantity: n.quantity,
        })),
      minGroup: PUBLIC_MIN_GROUP,
    };
    if (publicCache.size >= PUBLIC_CACHE_SIZE) publicCache.delete(publicCache.keys().next().value!);
    publicCache.set(key, { page, generation, until: Date.now() + PUBLIC_CACHE_MS });
    return page;
  }
}
