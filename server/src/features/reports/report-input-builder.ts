// Turns the rows the repository read into the domain's ReportInput: a school gets its own records, a unit above
// schools gets its own records (if any) and one input per child unit, down to the schools.
import { isCategoryCode, type ChildMark } from '#domain/categories';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { isLang, type Lang } from '#domain/lang';
import type {
  ReportAid,
  ReportCampaign,
  ReportChild,
  ReportInput,
  ReportRaid,
} from '#domain/report/report-input';
import { parseItems, toAidForm } from './aid-row-fields.ts';
import { effectiveCampaign, mottoOf, unitName } from './report-names.ts';
import type { ChildRecord, ScopeRecords, UnitRow } from './reports.repository.ts';

function splitOrgs(text: string | null): string[] {
  return (text ?? '')
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function childMarks(child: ChildRecord): ChildMark[] {
  const marks: ChildMark[] = child.categories.filter(isCategoryCode);
  if (child.not_attending) marks.push('not_attending');
  return marks;
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * The records grouped once by org path (and raids' parts by raid), so building the input of a republic with
 * thousands of schools stays linear in the number of records.
 */
function indexRecords(records: ScopeRecords) {
  const byPath = <T extends { org_path: string }>(rows: readonly T[]) => groupBy(rows, (r) => r.org_path);
  return {
    records,
    children: byPath(records.children),
    all: new Map([...records.children, ...records.movedChildren].map((c) => [c.id, c])),
    aid: byPath(records.aid),
    reversedBy: new Map(
      records.aid.flatMap((a) => (a.reverses ? ([[a.reverses, a.id]] as [string, string][]) : [])),
    ),
    sponsors: new Map(records.sponsors.map((s) => [s.id, s])),
    raids: byPath(records.raids),
    raidPlaces: groupBy(records.raidPlaces, (r) => r.raid_id),
    raidParticipants: groupBy(records.raidParticipants, (r) => r.raid_id),
    raidChildren: groupBy(records.raidChildren, (r) => r.raid_id),
    casesOfChild: new Set(records.cases.flatMap((k) => (k.child_id ? [k.child_id] : []))),
    casesBySource: groupBy(records.cases, (k) => k.source_id),
    hotline: byPath(records.hotline),
    plan: byPath(records.plan),
    materials: byPath(records.materials),
  };
}

type RecordIndex = ReturnType<typeof indexRecords>;

/** The records stored at exactly one org path (a school's, or a unit's own above schools). */
function recordsAt(index: RecordIndex, path: string, lang: Lang) {
  const children: ReportChild[] = (index.children.get(path) ?? []).map((c) => ({
    id: c.id,
    categories: childMarks(c),
    status: c.status,
  }));
  const aidRows = index.aid.get(path) ?? [];
  // A child helped here who lives elsewhere now is on no list here: it is kept only so its categories count.
  const movedHere = new Set(
    aidRows.map((a) => a.child_id).filter((id) => index.all.get(id)?.org_path !== path),
  );
  for (const id of movedHere) {
    const moved = index.all.get(id);
    if (moved) children.push({ id, categories: childMarks(moved), status: 'archived', movedOut: true });
  }
  const aid: ReportAid[] = aidRows.map((a) => ({
    id: a.id,
    childId: a.child_id,
    date: a.date,
    source:
      a.source === 'sponsor' && a.sponsor_id ? { kind: 'sponsor', sponsorId: a.sponsor_id } : { kind: 'fv' },
    form: toAidForm(a.form),
    amount: a.amount,
    items: parseItems(a.items),
    reversedBy: index.reversedBy.get(a.id) ?? null,
    reverses: a.reverses,
  }));
  const sponsorIds = [...new Set(aidRows.flatMap((a) => (a.sponsor_id ? [a.sponsor_id] : [])))];
  const sponsors = index.records.sponsors
    .filter((s) => sponsorIds.includes(s.id))
    .map((s) => ({
      id: s.id,
      name: s.name,
      type: s.type,
      head: s.head,
      anonymous: Boolean(Number(s.anonymous)),
    }));

  const placeLabels = COMMON_MESSAGES[lang].placeKind as Readonly<Record<string, string>>;
  const raids: ReportRaid[] = (index.raids.get(path) ?? []).map((raid) => ({
    id: raid.id,
    date: raid.held_on,
    places: (index.raidPlaces.get(raid.id) ?? []).map((p) => ({
      kind: p.kind,
      name: p.name?.trim() || (placeLabels[p.kind] ?? p.kind),
    })),
    participants: (index.raidParticipants.get(raid.id) ?? []).map((p) => ({
      kind: p.kind,
      count: Number(p.count),
      orgs: splitOrgs(p.organisations),
    })),
    found: (index.raidChildren.get(raid.id) ?? []).map((c) => ({
      childId: c.child_id,
      // Back at school means the non-attendance case of that child ended with "attends school".
      returnedToSchool: c.child_id
        ? index.casesOfChild.has(c.child_id)
        : [...(index.casesBySource.get(c.id) ?? []), ...(index.casesBySource.get(raid.id) ?? [])].some(
            (k) => k.source === 'raid' && k.child_name === c.full_name,
          ),
    })),
  }));
  const materials = index.materials.get(path) ?? [];
  return {
    children,
    sponsors,
    aid,
    raids,
    hotline: (index.hotline.get(path) ?? []).map((h) => ({
      id: h.id,
      status: h.status === 'closed' ? ('closed' as const) : ('open' as const),
    })),
    plan: (index.plan.get(path) ?? []).map((p) => ({ id: p.id, status: p.status })),
    stand: materials.length > 0,
    booklets: { languages: [...new Set(materials.map((m) => m.lang).filter(isLang))] },
  };
}

function campaignOf(
  records: ScopeRecords,
  unit: UnitRow,
  lang: Lang,
  below: readonly ReportInput[],
): ReportCampaign {
  const own = effectiveCampaign(records.campaigns, unit.path);
  if (own) {
    return {
      year: own.year,
      from: own.date_from,
      to: own.date_to,
      motto: mottoOf(own, lang),
      closed: own.status === 'closed',
    };
  }
  // No campaign at or above this unit: its schools opened their own. It is closed when all of theirs are.
  const first = records.campaigns.find((c) => c.org_path.startsWith(unit.path));
  const year = records.year;
  return {
    year,
    from: first?.date_from ?? `${year}-08-01`,
    to: first?.date_to ?? `${year}-09-30`,
    motto: first ? mottoOf(first, lang) : null,
    closed: below.length > 0 && below.every((u) => u.campaign.closed),
  };
}

/** The input of `unit` and everything below it. */
export function assembleReportInput(records: ScopeRecords, unit: UnitRow, lang: Lang): ReportInput {
  const index = indexRecords(records);
  const childrenOf = groupBy(records.units, (u) => u.parent_id);
  const build = (node: UnitRow): ReportInput => {
    const org = { code: node.code, name: unitName(node, lang), type: node.type, hotline: node.hotline };
    const own = recordsAt(index, node.path, lang);
    const below = [...(childrenOf.get(node.id) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
    // Records are stored at the unit they belong to, so a school's own path holds all of them.
    if (node.type === 'school' || below.length === 0) {
      return { org, campaign: campaignOf(records, node, lang, []), ...own, units: [] };
    }
    const units = below.map(build);
    return { org, campaign: campaignOf(records, node, lang, units), ...own, units };
  };
  return build(unit);
}
