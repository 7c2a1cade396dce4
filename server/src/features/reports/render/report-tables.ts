// The tables of a report, once, in a renderer-neutral shape: DOCX, PDF, XLSX and Markdown draw the same cells, so
// a figure cannot differ between formats. Numbers stay numbers here; each renderer formats them its own way.
import { COMMON_MESSAGES } from '#domain/common-messages';
import { formatMonth } from '#domain/dates';
import type { Lang } from '#domain/lang';
import type { Report } from '#domain/report/report';
import { REPORT_MESSAGES } from '#domain/report/report-messages';
import { REPORTS_MESSAGES } from './reports-messages.ts';

export type ColumnKind = 'text' | 'count' | 'tenge' | 'rank';
export type Cell = string | number | null;

export interface ReportTable {
  id: 'summary' | 'fvByMonth' | 'sponsors' | 'byCategory' | 'byForm' | 'items' | 'raids' | 'units';
  title: string;
  /** A short name for a spreadsheet tab (at most 31 characters, no []:*?/\). */
  sheet: string;
  columns: { header: string; kind: ColumnKind }[];
  rows: Cell[][];
  /** A closing "Total" row, when adding the column up is meaningful. */
  total?: Cell[];
  /** Rows to show in italics, e.g. units whose campaign is not closed. */
  marked?: number[];
  /** Per cell, the records behind it (for the screen: every figure opens its records). */
  links?: (TraceLink | null)[][];
  totalLinks?: (TraceLink | null)[];
  /** Per row of the overview of units, the unit's code (drill-down to its own report). */
  codes?: string[];
}

export interface TraceLink {
  metric: string;
  month?: string;
  sponsor?: string;
  category?: string;
  form?: string;
}

export interface ReportTableOptions {
  maskAnonymous?: boolean;
}

const label = (table: Readonly<Record<string, string>>, code: string) => table[code] ?? code;

/** Units of an overview ranked by the number of children helped, then by amount, then by name. */
function rankUnits(units: readonly Report[]): Report[] {
  return [...units].sort(
    (a, b) =>
      b.total.students - a.total.students ||
      b.total.amount - a.total.amount ||
      a.org.name.localeCompare(b.org.name),
  );
}

export function reportTables(report: Report, lang: Lang, options: ReportTableOptions = {}): ReportTable[] {
  const m = REPORTS_MESSAGES[lang];
  const common = COMMON_MESSAGES[lang];
  const { col } = m;
  const tables: ReportTable[] = [];
  const u = m.unitOf;

  const summaryRows: [keyof typeof m.metric, number, string][] = [
    ['fv.students', report.fv.students, u.students],
    ['fv.amount', report.fv.amount, u.tenge],
    ['sponsors.students', report.sponsors.students, u.students],
    ['sponsors.amount', report.sponsors.amount, u.tenge],
    ['total.students', report.total.students, u.students],
    ['total.amount', report.total.amount, u.tenge],
    ['children.listed', report.children.listed, u.students],
    ['raids.count', report.raids.count, u.count],
    ['raids.childrenFound', report.raids.childrenFound, u.people],
    ['raids.returnedToSchool', report.raids.returnedToSchool, u.people],
    ['hotline.calls', report.hotline.calls, u.count],
    ['hotline.closed', report.hotline.closed, u.count],
    ['plan.items', report.plan.items, u.count],
    ['plan.done', report.plan.done, u.count],
  ];
  if (report.units.length > 0) {
    summaryRows.push(
      ['outreach.schools', report.outreach.schools, u.count],
      ['outreach.stands', report.outreach.stands, u.count],
      ['outreach.booklets', report.outreach.booklets, u.count],
    );
  }
  tables.push({
    id: 'summary',
    title: m.table.summary,
    sheet: m.sheet.summary,
    columns: [
      { header: col.indicator, kind: 'text' },
      { header: col.value, kind: 'count' },
      { header: col.unit, kind: 'text' },
    ],
    rows: summaryRows.map(([key, value, unit]) => [m.metric[key], value, unit]),
    links: summaryRows.map(([key]) => [null, { metric: key }, null]),
  });

  if (report.fv.byMonth.length > 0) {
    tables.push({
      id: 'fvByMonth',
      title: m.table.fvByMonth,
      sheet: m.sheet.fvByMonth,
      columns: [
        { header: col.month, kind: 'text' },
        { header: col.students, kind: 'count' },
        { header: col.amount, kind: 'tenge' },
      ],
      rows: report.fv.byMonth.map((row) => [formatMonth(row.month, lang), row.students, row.amount]),
      // Students are distinct children over the whole campaign, which need not equal the months added up.
      total: [col.total, report.fv.students, report.fv.amount],
      links: report.fv.byMonth.map(({ month }) => [
        null,
        { metric: 'fv.students', month },
        { metric: 'fv.amount', month },
      ]),
      totalLinks: [null, { metric: 'fv.students' }, { metric: 'fv.amount' }],
    });
  }

  if (report.sponsors.list.length > 0) {
    tables.push({
      id: 'sponsors',
      title: m.table.sponsors,
      sheet: m.sheet.sponsors,
      columns: [
        { header: col.sponsor, kind: 'text' },
        { header: col.sponsorType, kind: 'text' },
        { header: col.head, kind: 'text' },
        { header: col.students, kind: 'count' },
        { header: col.amount, kind: 'tenge' },
      ],
      rows: report.sponsors.list.map((s) => {
        const masked = options.maskAnonymous === true && s.anonymous;
        return [
          masked ? REPORT_MESSAGES[lang].narrative.anonymousSponsor : s.name,
          label(common.sponsorType, s.type),
          masked ? null : s.head,
          s.students,
          s.amount,
        ];
      }),
      total: [col.total, null, null, report.sponsors.students, report.sponsors.amount],
      links: report.sponsors.list.map((s) => [
        null,
        null,
        null,
        { metric: 'sponsors.students', sponsor: s.id },
        { metric: 'sponsors.amount', sponsor: s.id },
      ]),
      totalLinks: [null, null, null, { metric: 'sponsors.students' }, { metric: 'sponsors.amount' }],
    });
  }

  if (report.byCategory.length > 0) {
    tables.push({
      id: 'byCategory',
      title: m.table.byCategory,
      sheet: m.sheet.byCategory,
      columns: [
        { header: col.category, kind: 'text' },
        { header: col.students, kind: 'count' },
        { header: col.amount, kind: 'tenge' },
      ],
      // No total row: a child with two categories is counted in both, so the column does not add up.
      rows: report.byCategory.map((r) => [label(common.category, r.category), r.students, r.amount]),
      links: report.byCategory.map(({ category }) => [
        null,
        { metric: 'total.students', category },
        { metric: 'total.amount', category },
      ]),
    });
  }

  if (report.byForm.length > 0) {
    tables.push({
      id: 'byForm',
      title: m.table.byForm,
      sheet: m.sheet.byForm,
      columns: [
        { header: col.form, kind: 'text' },
        { header: col.students, kind: 'count' },
        { header: col.amount, kind: 'tenge' },
      ],
      rows: report.byForm.map((r) => [label(common.aidForm, r.form), r.students, r.amount]),
      total: [col.total, report.total.students, report.total.amount],
      links: report.byForm.map(({ form }) => [
        null,
        { metric: 'total.students', form },
        { metric: 'total.amount', form },
      ]),
      totalLinks: [null, { metric: 'total.students' }, { metric: 'total.amount' }],
    });
  }

  if (report.items.length > 0) {
    tables.push({
      id: 'items',
      title: m.table.items,
      sheet: m.sheet.items,
      columns: [
        { header: col.item, kind: 'text' },
        { header: col.quantity, kind: 'count' },
      ],
      rows: report.items.map((r) => [label(common.item, r.item), r.quantity]),
      total: [col.total, report.items.reduce((sum, r) => sum + r.quantity, 0)],
    });
  }

  if (report.raids.count > 0) {
    tables.push({
      id: 'raids',
      title: m.table.raids,
      sheet: m.sheet.raids,
      columns: [
        { header: col.participants, kind: 'text' },
        { header: col.people, kind: 'count' },
        { header: col.organisations, kind: 'text' },
      ],
      rows: [
        ...report.raids.participants.map((p) => [
          label(common.participantKind, p.kind),
          p.count,
          p.orgs.length > 0 ? p.orgs.join(', ') : null,
        ]),
        [m.metric['raids.count'], report.raids.count, null],
        [m.metric['raids.childrenFound'], report.raids.childrenFound, null],
        [m.metric['raids.returnedToSchool'], report.raids.returnedToSchool, null],
      ],
      links: [
        ...report.raids.participants.map(() => [null, null, null]),
        [null, { metric: 'raids.count' }, null],
        [null, { metric: 'raids.childrenFound' }, null],
        [null, { metric: 'raids.returnedToSchool' }, null],
      ],
    });
  }

  if (report.units.length > 0) {
    const ranked = rankUnits(report.units);
    tables.push({
      id: 'units',
      title: m.table.units,
      sheet: m.sheet.units,
      columns: [
        { header: col.rank, kind: 'rank' },
        { header: col.org, kind: 'text' },
        { header: col.listed, kind: 'count' },
        { header: col.fvStudents, kind: 'count' },
        { header: col.fvAmount, kind: 'tenge' },
        { header: col.sponsorStudents, kind: 'count' },
        { header: col.sponsorAmount, kind: 'tenge' },
        { header: col.totalStudents, kind: 'count' },
        { header: col.totalAmount, kind: 'tenge' },
        { header: col.closed, kind: 'text' },
      ],
      rows: ranked.map((unit, i) => [
        i + 1,
        unit.org.name,
        unit.children.listed,
        unit.fv.students,
        unit.fv.amount,
        unit.sponsors.students,
        unit.sponsors.amount,
        unit.total.students,
        unit.total.amount,
        unit.campaign.closed ? m.yes : m.doc.notClosed,
      ]),
      marked: ranked.flatMap((unit, i) => (unit.campaign.closed ? [] : [i])),
      codes: ranked.map((unit) => unit.org.code),
      // The overview counts a child helped in two units once, so its totals come from the report itself.
      total: [
        null,
        col.total,
        report.children.listed,
        report.fv.students,
        report.fv.amount,
        report.sponsors.students,
        report.sponsors.amount,
        report.total.students,
        report.total.amount,
        null,
      ],
    });
  }
  return tables;
}
