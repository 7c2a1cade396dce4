import { todayInKazakhstan } from '#domain/clock';
import { isCategoryCode } from '#domain/categories';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { isLang, LANGS, type Lang } from '#domain/lang';
import { buildReport } from '#domain/report/build-report';
import { reportNarrative, type NarrativeDocument } from '#domain/report/narrative';
import type { Report } from '#domain/report/report';
import { policy, type Scope } from '../../access/policy.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { Database } from '../../db/engine.ts';
import { invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { CONTENT_TYPES, renderReportFile, type FileFormat } from './render/render-report.ts';
import { reportDocument } from './render/report-document.ts';
import { reportTables, type ReportTable } from './render/report-tables.ts';
import { REPORTS_MESSAGES } from './render/reports-messages.ts';
import { DIM } from './facts/child-facts.ts';
import { factsGeneration } from './facts/report-facts.ts';
import { ReportFiguresRepository } from './report-figures.repository.ts';
import { assembleReportInput } from './report-input-builder.ts';
import { ReportReader } from './report-reader.ts';
import { unitName } from './report-names.ts';
import {
  ReportsRepository,
  type ChildRecord,
  type ScopeRecords,
  type UnitRow,
} from './reports.repository.ts';
import {
  REPORT_FORMATS,
  type PublicCampaign,
  type ReportFormat,
  type ReportQuery,
  type TraceQuery,
  type TraceRecord,
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

/** "Аманова А. Б., 5А" for a child of the registry. */
function childLabel(child: ChildRecord | undefined): string {
  if (!child) return '—';
  const initials = [child.name, child.patronymic]
    .filter((p): p is string => Boolean(p))
    .map((p) => `${p.charAt(0)}.`)
    .join(' ');
  return `${child.surname} ${initials}, ${child.class_label}`;
}

export class ReportsService {
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

  /** The unit and its records for the year; 404 outside scope or without a campaign. */
  private async records(
    viewer: Viewer,
    orgCode: string | undefined,
    year: number,
  ): Promise<{ unit: UnitRow; records: ScopeRecords }> {
    const { unit, scope } = await this.unitOf(viewer, orgCode);
    const records = await this.repo.load(scope, year);
    if (records.campaigns.length === 0) throw notFound();
    return { unit, records };
  }

  /** The report computed in SQL from the facts (ReportReader); 404 outside scope or without a campaign. */
  async build(ctx: RequestContext, orgCode: string | undefined, year: number, lang: Lang) {
    const { unit, scope } = await this.unitOf(ctx.viewer, orgCode);
    return { unit, scope, report: await this.reportOf(scope, unit, year, lang) };
  }

  private async reportOf(scope: Scope, unit: UnitRow, year: number, lang: Lang): Promise<Report> {
    const campaigns = await this.repo.campaigns(scope, year);
    if (campaigns.length === 0) throw notFound();
    return new ReportReader(this.database.db).report(scope, unit, year, lang, campaigns);
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

  /** The records behind one figure of the report, within what the viewer may see. */
  async trace(ctx: RequestContext, query: TraceQuery) {
    const lang = checkLang(query.lang, viewerLang(ctx.viewer));
    const { unit, records } = await this.records(ctx.viewer, query.org, query.campaign);
    const report = buildReport(assembleReportInput(records, unit, lang));
    // The figure is the report's; the records listed are only those the viewer may see (a teacher: their
    // classes' children, aid and calls), each kind by its own rule.
    const sees = policy.scope(ctx.viewer, 'report.trace', unit);
    const seesCall = policy.scope(ctx.viewer, 'hotline.read', unit);
    const units = new Map(records.units.map((u) => [u.path, u]));
    const orgOf = (path: string) => {
      const u = units.get(path) ?? unit;
      return { orgCode: u.code, orgName: unitName(u, lang) };
    };
    const children = new Map([...records.children, ...records.movedChildren].map((c) => [c.id, c]));
    const sponsors = new Map(records.sponsors.map((s) => [s.id, s.name]));
    const items: TraceRecord[] = [];
    let value = 0;
    const [group, figure] = query.metric.split('.') as [string, string];

    if (group === 'fv' || group === 'sponsors' || group === 'total') {
      // A reversed row and the row reversing it are both left out, exactly as in the report.
      const reversed = new Set(records.aid.flatMap((a) => (a.reverses ? [a.reverses] : [])));
      const effective = new Set(
        records.aid.filter((a) => !a.reverses && !reversed.has(a.id)).map((a) => a.id),
      );
      const rows = records.aid.filter((a) => {
        if (!effective.has(a.id)) return false;
        if (group === 'fv' && a.source !== 'fv') return false;
        if (group === 'sponsors' && a.source !== 'sponsor') return false;
        if (query.month && a.date.slice(0, 7) !== query.month) return false;
        if (query.sponsor && a.sponsor_id !== query.sponsor) return false;
        if (query.form && a.form !== query.form) return false;
        if (query.category) {
          const child = children.get(a.child_id);
          const cats = (child?.categories ?? []).filter(isCategoryCode);
          if (query.category === 'none' ? cats.length > 0 : !cats.includes(query.category as never))
            return false;
        }
        return true;
      });
      for (const a of rows) {
        if (!sees.covers(a.org_path, children.get(a.child_id)?.class_label ?? null)) continue;
        const source =
          a.source === 'fv' ? REPORTS_MESSAGES[lang].doc.fvShort : (sponsors.get(a.sponsor_id ?? '') ?? '—');
        const form = (COMMON_MESSAGES[lang].aidForm as Readonly<Record<string, string>>)[a.form] ?? a.form;
        items.push({
          kind: 'aid',
          id: a.id,
          date: a.date,
          label: `${childLabel(children.get(a.child_id))} · ${source} · ${form}`,
          ...orgOf(a.org_path),
          amount: a.amount,
        });
      }
      value =
        figure === 'students'
          ? new Set(rows.map((r) => r.child_id)).size
          : rows.reduce((sum, r) => sum + r.amount, 0);
    } else if (group === 'children') {
      const rows = records.children.filter((c) =>
        figure === 'listed'
          ? c.status === 'approved' || c.status === 'helped'
          : figure === 'proposed'
            ? c.status === 'proposed'
            : c.status !== 'archived' && c.not_attending === 1,
      );
      for (const c of rows) {
        if (!sees.covers(c.org_path, c.class_label)) continue;
        items.push({
          kind: 'child',
          id: c.id,
          date: null,
          label: childLabel(c),
          ...orgOf(c.org_path),
          amount: null,
        });
      }
      value = rows.length;
    } else if (group === 'raids') {
      if (figure === 'count') {
        for (const r of records.raids) {
          const places = records.raidPlaces.filter((p) => p.raid_id === r.id).map((p) => p.name ?? p.kind);
          items.push({
            kind: 'raid',
            id: r.id,
            date: r.held_on,
            label: places.join(', '),
            ...orgOf(r.org_path),
            amount: null,
          });
        }
        value = report.raids.count;
      } else {
        const input = assembleReportInput(records, unit, lang);
        const flat = new Map(
          (function all(n: typeof input): [string, boolean][] {
            return [
              ...n.raids.flatMap((r) =>
                r.found.map((f, i) => [`${r.id}#${i}`, f.returnedToSchool] as [string, boolean]),
              ),
              ...(n.units ?? []).flatMap(all),
            ];
          })(input),
        );
        for (const r of records.raids) {
          const found = records.raidChildren.filter((c) => c.raid_id === r.id);
          found.forEach((c, i) => {
            if (figure === 'returnedToSchool' && !flat.get(`${r.id}#${i}`)) return;
            const registry = c.child_id ? children.get(c.child_id) : undefined;
            if (!sees.covers(r.org_path, registry?.class_label ?? null)) return;
            items.push({
              kind: 'raid',
              id: c.id,
              date: r.held_on,
              label: registry ? childLabel(registry) : c.full_name,
              ...orgOf(r.org_path),
              amount: null,
            });
          });
        }
        value = figure === 'childrenFound' ? report.raids.childrenFound : report.raids.returnedToSchool;
      }
    } else if (group === 'hotline') {
      const rows = records.hotline.filter((h) => figure === 'calls' || h.status === 'closed');
      for (const h of rows) {
        if (!seesCall.covers(h.org_path, h.child_id ? (children.get(h.child_id)?.class_label ?? null) : null))
          continue;
        items.push({
          kind: 'hotline',
          id: h.id,
          date: h.received_at.slice(0, 10),
          label: h.subject,
          ...orgOf(h.org_path),
          amount: null,
        });
      }
      value = rows.length;
    } else {
      const rows = records.plan.filter((p) =>
        figure === 'done' ? p.status === 'done' : p.status !== 'cancelled',
      );
      for (const p of rows) {
        items.push({
          kind: 'plan',
          id: p.id,
          date: p.date_from,
          label: p.title,
          ...orgOf(p.org_path),
          amount: null,
        });
      }
      value = rows.length;
    }
    return { metric: query.metric, value, total: items.length, items: items.slice(0, query.limit) };
  }

  /** Figures for the dashboard: help by week, coverage of the list, categories, units compared, years. */
  async dashboard(ctx: RequestContext, query: { org?: string; campaign?: number; lang?: string }) {
    const lang = checkLang(query.lang, viewerLang(ctx.viewer));
    const { unit, scope } = await this.unitOf(ctx.viewer, query.org);
    const years = await this.repo.campaignYears(scope);
    const year = query.campaign ?? years[0];
    if (year === undefined) throw notFound();
    const report = await this.reportOf(scope, unit, year, lang);
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
    const report = await this.reportOf(scope, unit, year, lang);
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
