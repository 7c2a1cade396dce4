// Turns the rows the repository read into the domain's ReportInput: a school gets its own records, a unit above
// schools gets its own records (if any) and one input per child unit, down to the schools.
import { isCategoryCode, type ChildMark } from '#domain/categories';
import { AID_FORMS, type AidForm } from '#domain/aid-codes';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { isLang, type Lang } from '#domain/lang';
import type {
  ReportAid,
  ReportCampaign,
  ReportChild,
  ReportInput,
  ReportRaid,
} from '#domain/report/report-input';
import type { CampaignRow, ChildRecord, ScopeRecords, UnitRow } from './reports.repository.ts';

export function unitName(unit: Pick<UnitRow, 'name_ru' | 'name_kk' | 'name_en'>, lang: Lang): string {
  if (lang === 'kk') return unit.name_kk || unit.name_ru;
  if (lang === 'en') return unit.name_en ?? unit.name_ru;
  return unit.name_ru;
}

/** The campaign that applies at a path: its own, else the nearest above it. */
export function effectiveCampaign(campaigns: readonly CampaignRow[], path: string): CampaignRow | undefined {
  return campaigns
    .filter((c) => path.startsWith(c.org_path))
    .sort((a, b) => b.org_path.length - a.org_path.length)[0];
}

function mottoOf(row: CampaignRow, lang: Lang): string | null {
  // The motto is set in Kazakh and Russian; an English report quotes the Russian one.
  return (lang === 'kk' ? (row.motto_kk ?? row.motto_ru) : (row.motto_ru ?? row.motto_kk)) ?? null;
}

function toAidForm(form: string): AidForm {
  return (AID_FORMS as readonly string[]).includes(form) ? (form as AidForm) : 'goods';
}

function parseItems(json: string): ReportAid['items'] {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const { item, quantity } = entry as { item?: unknown; quantity?: unknown };
      return typeof item === 'string' && typeof quantity === 'number' ? [{ item, quantity }] : [];
    });
  } catch {
    return [];
  }
}

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

/** Records of one node: those whose path is exactly the node's (or under it, for a school). */
type Pick2 = (path: string) => boolean;

function recordsOf(records: ScopeRecords, belongs: Pick2, lang: Lang) {
  const movedIds = new Set(records.movedChildren.map((c) => c.id));
  const children: ReportChild[] = records.children
    .filter((c) => belongs(c.org_path))
    .map((c) => ({ id: c.id, categories: childMarks(c), status: c.status }));
  const aidRows = records.aid.filter((a) => belongs(a.org_path));
  const reversedBy = new Map(
    records.aid.flatMap((a) => (a.reverses ? ([[a.reverses, a.id]] as [string, string][]) : [])),
  );
  // A child helped here who has moved since is on no list here: it is kept only so its categories count.
  for (const moved of records.movedChildren) {
    if (aidRows.some((a) => a.child_id === moved.id) && movedIds.has(moved.id)) {
      children.push({ id: moved.id, categories: childMarks(moved), status: 'archived' });
    }
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
    reversedBy: reversedBy.get(a.id) ?? null,
    reverses: a.reverses,
  }));
  const sponsorIds = new Set(aidRows.flatMap((a) => (a.sponsor_id ? [a.sponsor_id] : [])));
  const sponsors = records.sponsors
    .filter((s) => sponsorIds.has(s.id))
    .map((s) => ({
      id: s.id,
      name: s.name,
      type: s.type,
      head: s.head,
      anonymous: Boolean(Number(s.anonymous)),
    }));

  const placeLabels = COMMON_MESSAGES[lang].placeKind as Readonly<Record<string, string>>;
  const raids: ReportRaid[] = records.raids
    .filter((r) => belongs(r.org_path))
    .map((raid) => ({
      id: raid.id,
      date: raid.held_on,
      places: records.raidPlaces
        .filter((p) => p.raid_id === raid.id)
        .map((p) => ({ kind: p.kind, name: p.name?.trim() || (placeLabels[p.kind] ?? p.kind) })),
      participants: records.raidParticipants
        .filter((p) => p.raid_id === raid.id)
        .map((p) => ({ kind: p.kind, count: Number(p.count), orgs: splitOrgs(p.organisations) })),
      found: records.raidChildren
        .filter((c) => c.raid_id === raid.id)
        .map((c) => ({
          childId: c.child_id,
          // Back at school means the non-attendance case of that child ended with "attends school".
          returnedToSchool: records.cases.some((k) =>
            c.child_id
              ? k.child_id === c.child_id
              : k.source === 'raid' &&
                (k.source_id === c.id || k.source_id === raid.id) &&
                k.child_name === c.full_name,
          ),
        })),
    }));
  const materials = records.materials.filter((m) => belongs(m.org_path));
  return {
    children,
    sponsors,
    aid,
    raids,
    hotline: records.hotline
      .filter((h) => belongs(h.org_path))
      .map((h) => ({ id: h.id, status: h.status === 'closed' ? ('closed' as const) : ('open' as const) })),
    plan: records.plan.filter((p) => belongs(p.org_path)).map((p) => ({ id: p.id, status: p.status })),
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
  const org = { code: unit.code, name: unitName(unit, lang), type: unit.type, hotline: unit.hotline };
  const childUnits = records.units
    .filter((u) => u.parent_id === unit.id)
    .sort((a, b) => a.code.localeCompare(b.code));
  if (unit.type === 'school' || childUnits.length === 0) {
    const own = recordsOf(records, (path) => path.startsWith(unit.path), lang);
    return { org, campaign: campaignOf(records, unit, lang, []), ...own, units: [] };
  }
  const units = childUnits.map((child) => assembleReportInput(records, child, lang));
  const own = recordsOf(records, (path) => path === unit.path, lang);
  return { org, campaign: campaignOf(records, unit, lang, units), ...own, units };
}

/** Whether the unit has any campaign this year: its own, one above it, or one of a school below. */
export function hasCampaign(records: ScopeRecords): boolean {
  return records.campaigns.length > 0;
}
