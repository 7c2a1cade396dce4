// Makes the numbers of the report's text open their records. The text is written by the domain's narrative; here
// each number in it is matched to the figure it states: figures are tried in the order the text states them, each
// within one paragraph or list item and used once, and a figure links only where its value stands.
import { COMMON_MESSAGES } from '#domain/common-messages';
import type { Lang } from '#domain/lang';
import type { Report } from '#domain/report/report';
import type { TraceTarget } from './reports.types.ts';

export type Segment = string | { text: string; target: TraceTarget };

interface Figure {
  value: number;
  target: TraceTarget;
}

/** The report's figures in the order the narrative states them; a group's figures stand in one sentence. */
function figureGroups(report: Report): Figure[][] {
  const groups: Figure[][] = [
    [
      { value: report.plan.items, target: { metric: 'plan.items' } },
      { value: report.plan.done, target: { metric: 'plan.done' } },
    ],
    [{ value: report.hotline.calls, target: { metric: 'hotline.calls' } }],
    [{ value: report.hotline.closed, target: { metric: 'hotline.closed' } }],
    [{ value: report.children.listed, target: { metric: 'children.listed' } }],
    [{ value: report.raids.count, target: { metric: 'raids.count' } }],
    [{ value: report.raids.childrenFound, target: { metric: 'raids.childrenFound' } }],
    [{ value: report.raids.returnedToSchool, target: { metric: 'raids.returnedToSchool' } }],
    [
      { value: report.fv.students, target: { metric: 'fv.students' } },
      { value: report.fv.amount, target: { metric: 'fv.amount' } },
    ],
    ...report.fv.byMonth.map(({ month, students, amount }) => [
      { value: students, target: { metric: 'fv.students' as const, month } },
      { value: amount, target: { metric: 'fv.amount' as const, month } },
    ]),
    [
      { value: report.sponsors.students, target: { metric: 'sponsors.students' } },
      { value: report.sponsors.amount, target: { metric: 'sponsors.amount' } },
    ],
    ...report.sponsors.list.map((s) => [
      { value: s.students, target: { metric: 'sponsors.students' as const, sponsor: s.id } },
      { value: s.amount, target: { metric: 'sponsors.amount' as const, sponsor: s.id } },
    ]),
    [
      { value: report.total.students, target: { metric: 'total.students' } },
      { value: report.total.amount, target: { metric: 'total.amount' } },
    ],
  ];
  // A figure of zero is never stated as a number to click.
  return groups.filter((g) => g.every((f) => f.value > 0));
}

const MONTH_WORDS = new Set(
  Object.values(COMMON_MESSAGES)
    .flatMap((c) => [...c.months.nominative, ...c.months.genitive])
    .map((m) => m.toLowerCase()),
);

/**
 * Numbers that belong to a date («1 августа», «2025 жылғы 1 тамыз», "August 2025") or to a name («№ 12») are
 * never figures, even when their value equals one.
 */
function isPartOfDateOrName(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start);
  if (/№[\s\u00A0]*$/.test(before)) return true;
  const next = /^[\s\u00A0]+(\p{L}+)/u.exec(text.slice(end))?.[1];
  const previous = /(\p{L}+)[\s\u00A0]+$/u.exec(before)?.[1];
  return [next, previous].some((w) => w !== undefined && MONTH_WORDS.has(w.toLowerCase()));
}

function numberPattern(lang: Lang): RegExp {
  return lang === 'en' ? /\d+(?:,\d{3})*(?!\d)/g : /\d+(?:[ \u00A0]\d{3}(?!\d))*/g;
}

/**
 * Splits every paragraph and list item into text and linked numbers. Returns, per block, one segment list per
 * paragraph (one for a paragraph or heading, one per item for a list).
 */
export function linkNarrative(texts: readonly string[][], report: Report, lang: Lang): Segment[][][] {
  const remaining = figureGroups(report);
  return texts.map((units) =>
    units.map((text) => {
      const tokens = [...text.matchAll(numberPattern(lang))]
        .filter((m) => !isPartOfDateOrName(text, m.index, m.index + m[0].length))
        .map((m) => ({
          start: m.index,
          text: m[0],
          value: Number(m[0].replace(/[, \u00A0]/g, '')),
        }));
      const links = new Map<number, TraceTarget>();
      let cursor = 0;
      for (let g = 0; g < remaining.length; g += 1) {
        const group = remaining[g]!;
        // Every figure of the group must stand here, in order, after what was already linked.
        const found: number[] = [];
        let at = cursor;
        for (const figure of group) {
          const i = tokens.findIndex((t, k) => k >= at && !links.has(k) && t.value === figure.value);
          if (i === -1) break;
          found.push(i);
          at = i + 1;
        }
        if (found.length !== group.length) continue;
        found.forEach((i, k) => links.set(i, group[k]!.target));
        cursor = at;
        remaining.splice(g, 1);
        g -= 1;
      }
      const segments: Segment[] = [];
      let last = 0;
      tokens.forEach((t, k) => {
        const target = links.get(k);
        if (!target) return;
        if (t.start > last) segments.push(text.slice(last, t.start));
        segments.push({ text: t.text, target });
        last = t.start + t.text.length;
      });
      if (last < text.length) segments.push(text.slice(last));
      return segments;
    }),
  );
}
