// Computes the campaign report from the records. Every figure is derived here and nowhere else, so the screen,
// the documents and the narrative cannot disagree.
import { AID_FORMS, NEED_ITEMS } from '../aid-codes.ts';
import { CATEGORY_CODES, type CategoryCode, isCategoryCode } from '../categories.ts';
import { monthOf } from '../dates.ts';
import { LANGS } from '../lang.ts';
import { sumTenge } from '../money.ts';
import { normalizeLabel } from '../label-lookup.ts';
import { PARTICIPANT_KINDS } from '../raid-codes.ts';
import type { Report, ReportParticipants, ReportSponsorLine, StudentsAmount } from './report.ts';
import type { ReportAid, ReportChild, ReportInput, ReportRaidPlace } from './report-input.ts';
import { leafInputs, rollUp } from './roll-up.ts';

/** Reversed rows and the rows reversing them cancel out, so both are left out. */
export function effectiveAid(aid: readonly ReportAid[]): ReportAid[] {
  const reversing = new Set<string>();
  for (const row of aid) if (row.reversedBy) reversing.add(row.reversedBy);
  return aid.filter((row) => !row.reversedBy && !row.reverses && !reversing.has(row.id));
}

/** Binary order of strings, the same in every engine and locale (ids, dates, codes). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function studentsAmount(rows: readonly ReportAid[]): StudentsAmount {
  return { students: new Set(rows.map((r) => r.childId)).size, amount: sumTenge(rows.map((r) => r.amount)) };
}

/** Groups rows by one or more keys per row, keeping the first-seen order of keys. */
function groupBy<K>(rows: readonly ReportAid[], keys: (row: ReportAid) => readonly K[]): Map<K, ReportAid[]> {
  const groups = new Map<K, ReportAid[]>();
  for (const row of rows) {
    for (const key of keys(row)) {
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
  }
  return groups;
}

/** Known codes in their fixed order, then any others alphabetically, so tables keep a stable layout. */
export function orderedKeys<K extends string>(keys: Iterable<K>, order: readonly string[]): K[] {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The categories a child's aid counts under: its social categories, or 'none' when it holds none. */
export function categoryKeys(child: Pick<ReportChild, 'categories'> | undefined): (CategoryCode | 'none')[] {
  const categories = [...new Set((child?.categories ?? []).filter(isCategoryCode))];
  return categories.length > 0 ? categories : ['none'];
}

/**
 * A unit above schools ranks its sponsors by what they gave (then by children helped, then by id): with hundreds or
 * thousands of sponsors the biggest come first, and the order does not depend on how the schools are listed.
 */
export function rankSponsorLines<T extends StudentsAmount & { id: string }>(lines: readonly T[]): T[] {
  return [...lines].sort((a, b) => b.amount - a.amount || b.students - a.students || byCodePoint(a.id, b.id));
}

function sponsorLines(input: ReportInput, rows: readonly ReportAid[], rolled: boolean): ReportSponsorLine[] {
  const bySponsor = groupBy(rows, (r) => (r.source.kind === 'sponsor' ? [r.source.sponsorId] : []));
  const known = input.sponsors.filter((s) => bySponsor.has(s.id));
  const knownIds = new Set(known.map((s) => s.id));
  // Aid naming a sponsor missing from the list still counts; it is shown under its id rather than dropped.
  const missing = [...bySponsor.keys()]
    .filter((id) => !knownIds.has(id))
    .map((id) => ({ id, name: id, type: 'other', head: null, anonymous: false }));
  // A school's sponsors keep the order the school registered them in, which is how reports list them by hand.
  const lines = [...known, ...missing].map((s) => ({
    id: s.id,
    name: s.name,
    type: s.type,
    head: s.head,
    anonymous: s.anonymous,
    ...studentsAmount(bySponsor.get(s.id) ?? []),
  }));
  return rolled ? rankSponsorLines(lines) : lines;
}

function raidFigures(input: ReportInput): Report['raids'] {
  const places = new Map<string, ReportRaidPlace>();
  const participants = new Map<string, ReportParticipants>();
  const found = new Map<string, boolean>();
  let unregisteredFound = 0;
  let unregisteredReturned = 0;
  // Raids in the order they were held, so the first name a place was written under does not depend on how the
  // schools of a roll-up are listed.
  const raids = [...input.raids].sort((a, b) => byCodePoint(a.date, b.date) || byCodePoint(a.id, b.id));
  for (const raid of raids) {
    for (const place of raid.places) {
      const key = `${place.kind}\u0000${normalizeLabel(place.name)}`;
      if (!places.has(key)) places.set(key, { kind: place.kind, name: place.name });
    }
    for (const p of raid.participants) {
      const entry = participants.get(p.kind) ?? { kind: p.kind, count: 0, orgs: [] };
      entry.count += p.count;
      for (const org of p.orgs) if (!entry.orgs.includes(org)) entry.orgs.push(org);
      participants.set(p.kind, entry);
    }
    for (const f of raid.found) {
      // A registry child met in two raids is one child; a finding without a record is one child each time.
      if (f.childId === null) {
        unregisteredFound += 1;
        if (f.returnedToSchool) unregisteredReturned += 1;
      } else {
        found.set(f.childId, (found.get(f.childId) ?? false) || f.returnedToSchool);
      }
    }
  }
  return {
    count: input.raids.length,
    childrenFound: found.size + unregisteredFound,
    returnedToSchool: [...found.values()].filter(Boolean).length + unregisteredReturned,
    places: [...places.values()],
    participants: orderedKeys(participants.keys(), PARTICIPANT_KINDS).map((k) => participants.get(k)!),
  };
}

function outreach(input: ReportInput): Report['outreach'] {
  const leaves = leafInputs(input);
  const languages = new Set(leaves.flatMap((l) => l.booklets.languages));
  return {
    schools: leaves.length,
    stands: leaves.filter((l) => l.stand).length,
    booklets: leaves.filter((l) => l.booklets.languages.length > 0).length,
    bookletLanguages: LANGS.filter((l) => languages.has(l)),
  };
}

export function buildReport(input: ReportInput): Report {
  const units = input.units ?? [];
  const flat = units.length > 0 ? rollUp(input) : input;
  const rows = effectiveAid(flat.aid);
  const childById = new Map(flat.children.map((c) => [c.id, c]));

  const fvRows = rows.filter((r) => r.source.kind === 'fv');
  const sponsorRows = rows.filter((r) => r.source.kind === 'sponsor');
  const byMonth = groupBy(fvRows, (r) => [monthOf(r.date)]);
  const byCategory = groupBy(rows, (r) => categoryKeys(childById.get(r.childId)));
  const byForm = groupBy(rows, (r) => [r.form]);

  const quantities = new Map<string, number>();
  for (const row of rows) {
    for (const { item, quantity } of row.items) quantities.set(item, (quantities.get(item) ?? 0) + quantity);
  }

  return {
    org: input.org,
    campaign: input.campaign,
    children: {
      listed: flat.children.filter((c) => c.status === 'approved' || c.status === 'helped').length,
      proposed: flat.children.filter((c) => c.status === 'proposed').length,
      rejected: flat.children.filter((c) => c.status === 'rejected').length,
      notAttending: flat.children.filter(
        (c) => c.status !== 'archived' && c.categories.includes('not_attending'),
      ).length,
    },
    fv: {
      ...studentsAmount(fvRows),
      byMonth: [...byMonth.keys()].sort().map((month) => ({ month, ...studentsAmount(byMonth.get(month)!) })),
    },
    sponsors: { ...studentsAmount(sponsorRows), list: sponsorLines(flat, sponsorRows, units.length > 0) },
    total: studentsAmount(rows),
    byCategory: orderedKeys(byCategory.keys(), [...CATEGORY_CODES, 'none']).map((category) => ({
      category,
      ...studentsAmount(byCategory.get(category)!),
    })),
    byForm: orderedKeys(byForm.keys(), AID_FORMS).map((form) => ({
      form,
      ...studentsAmount(byForm.get(form)!),
    })),
    items: orderedKeys(quantities.keys(), NEED_ITEMS).map((item) => ({
      item,
      quantity: quantities.get(item)!,
    })),
    raids: raidFigures(flat),
    hotline: {
      calls: flat.hotline.length,
      closed: flat.hotline.filter((h) => h.status === 'closed').length,
      phone: input.org.hotline,
    },
    plan: {
      // Cancelled activities are not part of what the school set out to do, so they are not counted as planned.
      items: flat.plan.filter((p) => p.status !== 'cancelled').length,
      done: flat.plan.filter((p) => p.status === 'done').length,
      inProgress: flat.plan.filter((p) => p.status === 'in_progress').length,
      cancelled: flat.plan.filter((p) => p.status === 'cancelled').length,
    },
    outreach: outreach(input),
    units: units.map(buildReport),
  };
}
