// Turns a computed report into text in kk, ru or en. Wording lives in i18n/{lang}/report.json as ICU messages;
// every number is formatted here by formatNumber (ICU's "#" is never used, as browsers lack Kazakh number data)
// and the raw count is passed only to choose the plural form. Sentences that have nothing to say are left out.
import { COMMON_MESSAGES } from '../common-messages.ts';
import { formatDayMonth, formatMonth } from '../dates.ts';
import type { Lang } from '../lang.ts';
import { formatNumber } from '../money.ts';
import { renderMessage, type MessageValues } from '../render-message.ts';
import type { Block, NarrativeDocument } from './narrative-document.ts';
import type { Report, StudentsAmount } from './report.ts';
import { REPORT_MESSAGES } from './report-messages.ts';

export { toMarkdown, type Block, type NarrativeDocument } from './narrative-document.ts';

export interface NarrativeOptions {
  /** Add the tables by category, form and item after the totals (default true). */
  breakdowns?: boolean;
  /** Replace the names of sponsors who asked to stay anonymous (for anything shown outside the school). */
  maskAnonymous?: boolean;
}

type Messages = (typeof REPORT_MESSAGES)['ru']['narrative'];

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** Binds a language once so the sentence builders below stay short. */
function writer(lang: Lang) {
  const m: Messages = REPORT_MESSAGES[lang].narrative;
  const common = COMMON_MESSAGES[lang];
  const num = (n: number) => formatNumber(n, lang);
  const say = (pattern: string, values: MessageValues = {}) => renderMessage(pattern, lang, values);
  const joinAnd = (parts: readonly string[]): string => {
    if (parts.length <= 1) return parts[0] ?? '';
    return say(m.listAnd, {
      head: parts.slice(0, -1).join(m.listSeparator),
      last: parts[parts.length - 1] ?? '',
    });
  };
  const students = (n: number) => say(m.studentsDative, { n, nText: num(n) });
  const figures = (f: StudentsAmount) => ({ students: students(f.students), amountText: num(f.amount) });
  const nameOf = (table: Readonly<Record<string, string>>, code: string) => table[code] ?? code;
  return { m, common, num, say, joinAnd, students, figures, nameOf };
}

type Writer = ReturnType<typeof writer>;

/** "компьютерные клубы, рынок «Центральный»": one place of a kind by its name, several by the kind. */
function placesText(w: Writer, places: Report['raids']['places']): string {
  const byKind = new Map<string, string[]>();
  for (const place of places) byKind.set(place.kind, [...(byKind.get(place.kind) ?? []), place.name]);
  const parts = [...byKind].map(([kind, names]) =>
    names.length === 1 ? (names[0] ?? kind) : w.nameOf(w.m.placesPlural, kind),
  );
  return parts.join(w.m.listSeparator);
}

// The school's own staff organise the raid, so they are not named as partners.
const NOT_PARTNERS = new Set(['teachers']);

function partnersText(w: Writer, participants: Report['raids']['participants']): string {
  const parts = participants
    .filter((p) => !NOT_PARTNERS.has(p.kind))
    .map((p) => {
      const pattern = (w.m.partner as Readonly<Record<string, string>>)[p.kind] ?? w.m.partner.other;
      return w.say(pattern, { count: p.orgs.length, orgs: w.joinAnd(p.orgs) });
    });
  return w.joinAnd(parts);
}

function activities(w: Writer, report: Report, scope: 'school' | 'units'): string[] {
  const { m, say, num } = w;
  const items: string[] = [];
  if (report.plan.items > 0) {
    items.push(
      say(m.plan, {
        items: report.plan.items,
        itemsText: num(report.plan.items),
        doneText: num(report.plan.done),
      }),
    );
  }
  const { stands, schools, bookletLanguages } = report.outreach;
  if (stands > 0) {
    items.push(say(m.stand, { scope, stands, standsText: num(stands), schools, schoolsText: num(schools) }));
  }
  if (bookletLanguages.length > 0) {
    const languages = w.joinAnd(bookletLanguages.map((l) => m.bookletLanguage[l]));
    items.push(say(m.booklets, { languages, count: bookletLanguages.length }));
  }
  const { calls, closed, phone } = report.hotline;
  if (calls > 0 || (scope === 'school' && phone)) {
    const closedPart = say(m.hotlineClosed, {
      state: closed === calls ? 'all' : 'some',
      calls,
      closedText: num(closed),
    });
    items.push(
      say(m.hotline, {
        scope,
        hasPhone: phone ? 'yes' : 'no',
        phone: phone ?? '',
        calls,
        callsText: num(calls),
        closedPart,
      }),
    );
  }
  if (report.children.listed > 0) {
    items.push(say(m.lists, { listed: report.children.listed, listedText: num(report.children.listed) }));
  }
  return items;
}

function raidParagraph(w: Writer, raids: Report['raids']): string {
  const { m, say, num } = w;
  const partners = partnersText(w, raids.participants);
  const places = placesText(w, raids.places);
  const held = say(m.raids, {
    hasPartners: partners ? 'yes' : 'no',
    partners,
    count: raids.count,
    countText: num(raids.count),
    hasPlaces: places ? 'yes' : 'no',
    places,
  });
  const { childrenFound: found, returnedToSchool: returned } = raids;
  const state = returned === found ? 'all' : returned === 0 ? 'none' : 'some';
  const returnedPart = say(m.returned, {
    state,
    found,
    foundText: num(found),
    returned,
    returnedText: num(returned),
  });
  return `${capitalize(held)} ${capitalize(say(m.found, { found, foundText: num(found), returnedPart }))}`;
}

/** Terminates list items the way Russian and Kazakh official texts do: ";" after each, "." after the last. */
function punctuate(items: readonly string[]): string[] {
  // An item ending in an abbreviation ("6 шт.") already has its full stop.
  return items.map((item, i) => (i < items.length - 1 ? `${item};` : item.endsWith('.') ? item : `${item}.`));
}

export function reportNarrative(
  report: Report,
  lang: Lang,
  options: NarrativeOptions = {},
): NarrativeDocument {
  const w = writer(lang);
  const { m, say, num, figures } = w;
  const { campaign } = report;
  const scope = report.units.length > 0 ? 'units' : 'school';
  const blocks: Block[] = [];

  const intro = [
    say(m.intro, { from: formatDayMonth(campaign.from, lang), to: formatDayMonth(campaign.to, lang) }),
    m.purpose,
  ];
  if (campaign.motto) intro.push(say(m.motto, { year: String(campaign.year), motto: campaign.motto }));
  blocks.push({ kind: 'paragraph', text: intro.join(' ') });

  const done = activities(w, report, scope);
  const hasAnything = done.length > 0 || report.raids.count > 0 || report.total.students > 0;
  if (!hasAnything) {
    blocks.push({ kind: 'paragraph', text: m.nothingYet });
  }
  if (done.length > 0) {
    blocks.push({ kind: 'paragraph', text: say(m.activitiesHeading, { scope }) });
    blocks.push({ kind: 'list', items: punctuate(done) });
  }
  if (report.raids.count > 0) blocks.push({ kind: 'paragraph', text: raidParagraph(w, report.raids) });

  if (report.fv.students > 0) {
    const months = report.fv.byMonth
      .map((month) => say(m.fvMonth, { month: formatMonth(month.month, lang), ...figures(month) }))
      .join(m.monthSeparator);
    blocks.push({
      kind: 'paragraph',
      text: say(m.fv, { ...figures(report.fv), hasMonths: months ? 'yes' : 'no', months }),
    });
  }

  if (report.sponsors.students > 0) {
    blocks.push({ kind: 'paragraph', text: say(m.sponsors, figures(report.sponsors)) });
    const lines = report.sponsors.list.map((s) => {
      const masked = options.maskAnonymous === true && s.anonymous;
      return say(m.sponsorLine, {
        name: masked ? m.anonymousSponsor : s.name,
        hasHead: s.head && !masked ? 'yes' : 'no',
        head: s.head ?? '',
        ...figures(s),
      });
    });
    blocks.push({ kind: 'list', items: punctuate(lines) });
  }

  if (report.total.students > 0) {
    const { students, amount } = report.total;
    const total = say(m.total, {
      students,
      studentsText: num(students),
      amountText: num(amount),
      studentsPhrase: w.students(students),
    });
    blocks.push({ kind: 'paragraph', text: total });
  } else if (hasAnything) {
    blocks.push({ kind: 'paragraph', text: m.noAid });
  }

  if (options.breakdowns !== false && report.total.students > 0) blocks.push(...breakdowns(w, report));

  if (report.units.length > 0) {
    blocks.push({ kind: 'heading', text: m.unitsHeading });
    const lines = report.units.map((unit) =>
      say(m.unitLine, { name: unit.org.name, count: unit.total.students, ...figures(unit.total) }),
    );
    blocks.push({ kind: 'list', items: punctuate(lines) });
  }

  return { title: say(m.title, { org: report.org.name, year: String(campaign.year) }), paragraphs: blocks };
}

function breakdowns(w: Writer, report: Report): Block[] {
  const { m, common, say, num, figures, nameOf } = w;
  const blocks: Block[] = [];
  if (report.byCategory.length > 0) {
    blocks.push({ kind: 'heading', text: m.byCategoryHeading });
    const lines = report.byCategory.map((row) =>
      say(m.breakdownLine, { name: nameOf(common.category, row.category), ...figures(row) }),
    );
    blocks.push({ kind: 'list', items: punctuate(lines) });
    if (report.byCategory.length > 1) blocks.push({ kind: 'paragraph', text: m.byCategoryNote });
  }
  if (report.byForm.length > 0) {
    blocks.push({ kind: 'heading', text: m.byFormHeading });
    const lines = report.byForm.map((row) =>
      say(m.breakdownLine, { name: nameOf(common.aidForm, row.form), ...figures(row) }),
    );
    blocks.push({ kind: 'list', items: punctuate(lines) });
  }
  if (report.items.length > 0) {
    blocks.push({ kind: 'heading', text: m.itemsHeading });
    const lines = report.items.map((row) =>
      say(m.itemLine, { name: nameOf(common.item, row.item), quantityText: num(row.quantity) }),
    );
    blocks.push({ kind: 'list', items: punctuate(lines) });
  }
  return blocks;
}
