// The campaign report of a unit, computed where the data is: the figures come from SQL aggregates (the cube kept
// up to date by every write, and the small campaign records grouped per unit below), and are only put in order
// here, with the same ordering rules as the domain's buildReport, which stays the reference (see
// report-reader.property.test.ts).
import { AID_FORMS, NEED_ITEMS } from '#domain/aid-codes';
import { CATEGORY_CODES, type CategoryCode } from '#domain/categories';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { normalizeLabel } from '#domain/label-lookup';
import { isLang, LANGS, type Lang } from '#domain/lang';
import { PARTICIPANT_KINDS } from '#domain/raid-codes';
import { byCodePoint, orderedKeys, rankSponsorLines } from '#domain/report/build-report';
import type { Report, ReportParticipants, ReportSponsorLine } from '#domain/report/report';
import type { ReportCampaign, ReportRaidPlace } from '#domain/report/report-input';
import type { AidForm } from '#domain/aid-codes';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DIM } from './facts/child-facts.ts';
import { effectiveCampaign, mottoOf, unitName } from './report-names.ts';
import { policy, type Scope } from '../../access/policy.ts';
import { ReportFiguresRepository, type CubeRow, type Sub } from './report-figures.repository.ts';
import type { CampaignRow, UnitRow } from './reports.repository.ts';

type Figures = Pick<Report, 'children' | 'fv' | 'sponsors' | 'total' | 'byCategory' | 'byForm' | 'items'>;

function splitOrgs(text: string | null): string[] {
  return (text ?? '')
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function cubeFigures(
  rows: readonly CubeRow[],
  year: number,
  sponsors: ReportSponsorLine[],
  rolled: boolean,
): Figures {
  const get = (y: number, dim: string, key: string) =>
    rows.find((r) => r.year === y && r.dim === dim && r.key === key);
  const pair = (dim: string) => {
    const r = get(year, dim, '');
    return { students: r?.students ?? 0, amount: r?.amount ?? 0 };
  };
  const present = (dim: string) => rows.filter((r) => r.year === year && r.dim === dim && r.students > 0);
  const children = (key: string) => get(0, DIM.children, key)?.students ?? 0;
  const byKey = (dim: string) => new Map(present(dim).map((r) => [r.key, r]));
  const categories = byKey(DIM.category);
  const forms = byKey(DIM.form);
  const items = byKey(DIM.item);
  return {
    children: {
      listed: children('listed'),
      proposed: children('proposed'),
      rejected: children('rejected'),
      notAttending: children('notAttending'),
    },
    fv: {
      ...pair(DIM.fv),
      byMonth: present(DIM.month)
        .sort((a, b) => byCodePoint(a.key, b.key))
        .map((r) => ({ month: r.key, students: r.students, amount: r.amount })),
    },
    sponsors: { ...pair(DIM.sponsors), list: rolled ? rankSponsorLines(sponsors) : sponsors },
    total: pair(DIM.total),
    byCategory: orderedKeys(categories.keys(), [...CATEGORY_CODES, 'none']).map((category) => ({
      category: category as CategoryCode | 'none',
      students: categories.get(category)!.students,
      amount: categories.get(category)!.amount,
    })),
    byForm: orderedKeys(forms.keys(), AID_FORMS).map((form) => ({
      form: form as AidForm,
      students: forms.get(form)!.students,
      amount: forms.get(form)!.amount,
    })),
    items: orderedKeys(items.keys(), NEED_ITEMS).map((item) => ({ item, quantity: items.get(item)!.amount })),
  };
}

type RaidRows = Awaited<ReturnType<ReportFiguresRepository['raids']>>;

function raidFigures(rows: RaidRows, sub: Sub | undefined, lang: Lang): Report['raids'] {
  // sub undefined: the report's own unit (every row); otherwise the rows of one unit below it.
  const mine = <T extends { sub: Sub }>(list: readonly T[]) =>
    sub === undefined ? list : list.filter((r) => r.sub === sub);
  const found = sub === undefined ? rows.foundTotal : rows.foundBySub.find((r) => r.sub === sub);
  const labels = COMMON_MESSAGES[lang].placeKind as Readonly<Record<string, string>>;
  const places = new Map<string, ReportRaidPlace>();
  for (const p of [...mine(rows.places)].sort((a, b) => byCodePoint(a.first, b.first))) {
    const name = p.name?.trim() || (labels[p.kind] ?? p.kind);
    const key = `${p.kind}\u0000${normalizeLabel(name)}`;
    if (!places.has(key)) places.set(key, { kind: p.kind, name });
  }
  const participants = new Map<string, ReportParticipants>();
  for (const p of [...mine(rows.participants)].sort((a, b) => byCodePoint(a.first, b.first))) {
    const entry = participants.get(p.kind) ?? { kind: p.kind, count: 0, orgs: [] };
    entry.count += p.count;
    for (const org of splitOrgs(p.organisations)) if (!entry.orgs.includes(org)) entry.orgs.push(org);
    participants.set(p.kind, entry);
  }
  return {
    count: mine(rows.counts).reduce((n, r) => n + r.count, 0),
    childrenFound: (found?.registry ?? 0) + (found?.unregistered ?? 0),
    returnedToSchool: (found?.registryReturned ?? 0) + (found?.unregisteredReturned ?? 0),
    places: [...places.values()],
    participants: orderedKeys(participants.keys(), PARTICIPANT_KINDS).map((k) => participants.get(k)!),
  };
}

export class ReportReader {
  private readonly repo: ReportFiguresRepository;

  constructor(db: Kysely<DB>) {
    this.repo = new ReportFiguresRepository(db);
  }

  /**
   * The report of `unit` for `year` (campaigns: this year's campaigns at, above and within the unit, by path) with
   * one report per unit directly below it; those carry no units of their own (each has its own report).
   */
  async report(
    scope: Scope,
    unit: UnitRow,
    year: number,
    lang: Lang,
    campaigns: readonly CampaignRow[],
  ): Promise<Report> {
    const structure = await this.repo.structure(unit.id);
    if (!structure) throw new Error(`unit ${unit.code} is missing from the org structure`);
    const depth = Number(structure.depth);
    const leaf = Number(structure.leaf) === 1;
    const kids = leaf
      ? []
      : (await this.repo.childUnits(unit.id)).sort((a, b) => a.code.localeCompare(b.code));
    const ids = [unit.id, ...kids.map((k) => k.id)];
    const [cube, sponsorRows, raids, hotline, plan, outreach, leaves] = await Promise.all([
      this.repo.cube(year, ids),
      this.repo.sponsorLines(year, ids),
      this.repo.raids(scope, depth, year),
      this.repo.hotline(scope, depth, year),
      this.repo.plan(scope, depth, year),
      this.repo.outreach(scope, depth, year),
      this.repo.leafFlags(kids.map((k) => k.id)),
    ]);

    const build = async (node: UnitRow, sub: Sub | undefined, rolled: boolean): Promise<Report> => {
      const mine = <T extends { sub: Sub }>(list: readonly T[]) =>
        sub === undefined ? list : list.filter((r) => r.sub === sub);
      const sum = <T extends { sub: Sub }>(list: readonly T[], f: (r: T) => number) =>
        mine(list).reduce((n, r) => n + f(r), 0);
      const sponsors: ReportSponsorLine[] = sponsorRows
        .filter((s) => s.unit_id === node.id)
        .map((s) => ({
          id: s.id,
          name: s.name ?? s.id,
          type: s.type ?? 'other',
          head: s.head ?? null,
          anonymous: Boolean(Number(s.anonymous ?? 0)),
          students: s.students,
          amount: s.amount,
        }));
      const planOf = (status: string) => sum(plan, (r) => (r.status === status ? r.count : 0));
      const languages = new Set(mine(outreach.languages).map((l) => l.lang));
      return {
        org: { code: node.code, name: unitName(node, lang), type: node.type, hotline: node.hotline },
        campaign: await this.campaign(scope, node, year, lang, campaigns, rolled),
        ...cubeFigures(
          cube.filter((r) => r.unit_id === node.id),
          year,
          sponsors,
          rolled,
        ),
        raids: raidFigures(raids, sub, lang),
        hotline: {
          calls: sum(hotline, (r) => r.calls),
          closed: sum(hotline, (r) => r.closed),
          phone: node.hotline,
        },
        plan: {
          items: sum(plan, (r) => (r.status === 'cancelled' ? 0 : r.count)),
          done: planOf('done'),
          inProgress: planOf('in_progress'),
          cancelled: planOf('cancelled'),
        },
        outreach: {
          schools: sum(outreach.leaves, (r) => r.count),
          stands: sum(outreach.stands, (r) => r.stands),
          booklets: sum(outreach.stands, (r) => r.booklets),
          bookletLanguages: LANGS.filter((l) => languages.has(l) && isLang(l)),
        },
        units: [],
      };
    };
    const own = await build(unit, undefined, !leaf);
    own.units = await Promise.all(kids.map((k) => build(k, k.id, !leaves.has(k.id))));
    return own;
  }

  /** The campaign that applies to a unit; without one at or above it, the one its schools opened (see campaignOf). */
  private async campaign(
    scope: Scope,
    node: UnitRow,
    year: number,
    lang: Lang,
    campaigns: readonly CampaignRow[],
    hasUnits: boolean,
  ): Promise<ReportCampaign> {
    const own = effectiveCampaign(campaigns, node.path);
    if (own) {
      return {
        year: Number(own.year),
        from: own.date_from,
        to: own.date_to,
        motto: mottoOf(own, lang),
        closed: own.status === 'closed',
      };
    }
    const within = campaigns.filter((c) => c.org_path.startsWith(node.path));
    const first = within[0];
    // Closed when every campaign opened highest up below it is closed and no school below lies outside them.
    const topmost = within.filter(
      (c) => !within.some((o) => o !== c && c.org_path.startsWith(o.org_path) && o.org_path !== c.org_path),
    );
    const closed =
      hasUnits &&
      topmost.every((c) => c.status === 'closed') &&
      !(await this.repo.hasUncoveredLeaf(policy.narrowed(scope, node), year));
    return {
      year,
      from: first?.date_from ?? `${year}-08-01`,
      to: first?.date_to ?? `${year}-09-30`,
      motto: first ? mottoOf(first, lang) : null,
      closed,
    };
  }
}
