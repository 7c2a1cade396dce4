import type { Kysely, Selectable } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type {
  AidTable,
  CampaignsTable,
  CasesTable,
  DB,
  HotlineCallsTable,
  OrgUnitsTable,
  PlanItemsTable,
  RaidChildrenTable,
  RaidParticipantsTable,
  RaidPlacesTable,
  RaidsTable,
  SponsorsTable,
} from '../../db/schema.ts';
import { pathAndAncestors } from '../campaigns/campaigns.repository.ts';

export type UnitRow = Selectable<OrgUnitsTable>;
export type CampaignRow = Selectable<CampaignsTable>;
export type AidRow = Selectable<AidTable>;
export type SponsorRow = Selectable<SponsorsTable>;
export type RaidRow = Selectable<RaidsTable>;
export type HotlineRow = Pick<
  Selectable<HotlineCallsTable>,
  'id' | 'org_path' | 'campaign_id' | 'received_at' | 'status' | 'subject' | 'child_id'
>;
export type PlanRow = Pick<
  Selectable<PlanItemsTable>,
  'id' | 'org_path' | 'campaign_id' | 'title' | 'status' | 'date_from'
>;
export type CaseRow = Pick<
  Selectable<CasesTable>,
  'id' | 'child_id' | 'child_name' | 'source' | 'source_id' | 'outcome'
>;

export interface ChildRecord {
  id: string;
  org_path: string;
  surname: string;
  name: string;
  patronymic: string | null;
  class_label: string;
  status: 'proposed' | 'approved' | 'rejected' | 'helped' | 'archived';
  not_attending: number;
  categories: string[];
}

/** Everything the report of one unit for one campaign year is computed from: the unit and all below it. */
export interface ScopeRecords {
  year: number;
  units: UnitRow[];
  /** Campaigns of the year at or above the unit (they apply to it) and within it. */
  campaigns: CampaignRow[];
  children: ChildRecord[];
  /** Children helped here who have since moved out of the unit: needed for their categories only. */
  movedChildren: ChildRecord[];
  aid: AidRow[];
  sponsors: SponsorRow[];
  raids: RaidRow[];
  raidPlaces: Selectable<RaidPlacesTable>[];
  raidParticipants: Selectable<RaidParticipantsTable>[];
  raidChildren: Selectable<RaidChildrenTable>[];
  cases: CaseRow[];
  hotline: HotlineRow[];
  plan: PlanRow[];
  /** [org_path, lang] of the stand and booklet texts a school prepared. */
  materials: { org_path: string; lang: string }[];
}

const money = (value: number | string | bigint) => Number(value);

/** The only place with SQL for reports: reads what other features recorded, never writes. */
export class ReportsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findUnit(code: string, scope: Scope): Promise<UnitRow | undefined> {
    return this.db
      .selectFrom('org_units')
      .selectAll()
      .where('code', '=', code.toUpperCase())
      .where(inScope(scope, 'org_units.path'))
      .executeTakeFirst();
  }

  /** Years with a campaign that applies to the scope's unit or lies within the scope, newest first. */
  async campaignYears(scope: Scope): Promise<number[]> {
    const rows = await this.db
      .selectFrom('campaigns')
      .select('year')
      .distinct()
      .where((eb) =>
        eb.or([eb('org_path', 'in', pathAndAncestors(scope.root)), inScope(scope, 'campaigns.org_path')]),
      )
      .orderBy('year', 'desc')
      .execute();
    return rows.map((r) => Number(r.year));
  }

  campaigns(scope: Scope, year: number): Promise<CampaignRow[]> {
    return this.db
      .selectFrom('campaigns')
      .selectAll()
      .where('year', '=', year)
      .where((eb) =>
        eb.or([eb('org_path', 'in', pathAndAncestors(scope.root)), inScope(scope, 'campaigns.org_path')]),
      )
      .orderBy('org_path')
      .execute();
  }

  private async childrenWhere(filter: { scope: Scope } | { ids: string[] }): Promise<ChildRecord[]> {
    let q = this.db
      .selectFrom('children')
      .select(['id', 'org_path', 'surname', 'name', 'patronymic', 'class_label', 'status', 'not_attending'])
      .orderBy('org_path')
      .orderBy('sort_name')
      .orderBy('id');
    if ('scope' in filter) q = q.where(inScope(filter.scope, 'children.org_path'));
    else if (filter.ids.length === 0) return [];
    else q = q.where('id', 'in', filter.ids);
    const rows = await q.execute();
    const categories = new Map<string, string[]>();
    for (const ids of chunks(rows.map((r) => r.id))) {
      const cats = await this.db
        .selectFrom('child_categories')
        .select(['child_id', 'code'])
        .where('child_id', 'in', ids)
        .orderBy('code')
        .execute();
      for (const c of cats) categories.set(c.child_id, [...(categories.get(c.child_id) ?? []), c.code]);
    }
    return rows.map((r) => ({
      ...r,
      not_attending: Number(r.not_attending),
      categories: categories.get(r.id) ?? [],
    }));
  }

  /** Every record of the year under the scope's unit: the report counts them all (it names no one). */
  async load(scope: Scope, year: number): Promise<ScopeRecords> {
    const units = await this.db
      .selectFrom('org_units')
      .selectAll()
      .where(inScope(scope, 'org_units.path'))
      .orderBy('path')
      .execute();
    const campaigns = await this.campaigns(scope, year);
    const campaignIds = campaigns.map((c) => c.id);
    const children = await this.childrenWhere({ scope });
    const aid = (
      await this.db
        .selectFrom('aid')
        .selectAll()
        .where(inScope(scope, 'aid.org_path'))
        .where('year', '=', year)
        .orderBy('date')
        .orderBy('id')
        .execute()
    ).map((row) => ({ ...row, amount: money(row.amount) }));
    const known = new Set(children.map((c) => c.id));
    const movedChildren = await this.childrenWhere({
      ids: [...new Set(aid.map((a) => a.child_id).filter((id) => !known.has(id)))],
    });
    // A sponsor registered at a district may help a school: the aid in scope is what makes it part of the report.
    const sponsorIds = [...new Set(aid.flatMap((a) => (a.sponsor_id ? [a.sponsor_id] : [])))];
    const sponsors =
      sponsorIds.length === 0
        ? []
        : await this.db
            .selectFrom('sponsors')
            .selectAll()
            .where('id', 'in', sponsorIds)
            .orderBy('created_at')
            .orderBy('id')
            .execute();

    // Records of the campaign: tied to one of this year's campaigns, or undated by campaign but within the year.
    const yearFrom = `${year}-01-01`;
    const yearTo = `${year + 1}-01-01`;
    const raids = await this.db
      .selectFrom('raids')
      .selectAll()
      .where(inScope(scope, 'raids.org_path'))
      .where((eb) =>
        eb.or([
          ...(campaignIds.length > 0 ? [eb('campaign_id', 'in', campaignIds)] : []),
          eb.and([eb('campaign_id', 'is', null), eb('held_on', '>=', yearFrom), eb('held_on', '<', yearTo)]),
        ]),
      )
      .orderBy('held_on')
      .orderBy('id')
      .execute();
    const raidIds = raids.map((r) => r.id);
    const byRaid = async <T extends 'raid_places' | 'raid_participants' | 'raid_children'>(table: T) => {
      const out = [];
      for (const ids of chunks(raidIds)) {
        out.push(
          ...(await this.db
            .selectFrom(table as 'raid_places')
            .selectAll()
            .where('raid_id', 'in', ids)
            .orderBy('raid_id')
            .orderBy('position')
            .execute()),
        );
      }
      return out;
    };
    const raidPlaces = await byRaid('raid_places');
    const raidParticipants = (await byRaid(
      'raid_participants',
    )) as unknown as Selectable<RaidParticipantsTable>[];
    const raidChildren = (await byRaid('raid_children')) as unknown as Selectable<RaidChildrenTable>[];
    const cases = await this.db
      .selectFrom('cases')
      .select(['id', 'child_id', 'child_name', 'source', 'source_id', 'outcome'])
      .where(inScope(scope, 'cases.org_path'))
      .where('outcome', '=', 'attends_school')
      .execute();
    const hotline = await this.db
      .selectFrom('hotline_calls')
      .select(['id', 'org_path', 'campaign_id', 'received_at', 'status', 'subject', 'child_id'])
      .where(inScope(scope, 'hotline_calls.org_path'))
      .where((eb) =>
        eb.or([
          ...(campaignIds.length > 0 ? [eb('campaign_id', 'in', campaignIds)] : []),
          eb.and([
            eb('campaign_id', 'is', null),
            eb('received_at', '>=', yearFrom),
            eb('received_at', '<', yearTo),
          ]),
        ]),
      )
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    const plan =
      campaignIds.length === 0
        ? []
        : await this.db
            .selectFrom('plan_items')
            .select(['id', 'org_path', 'campaign_id', 'title', 'status', 'date_from'])
            .where(inScope(scope, 'plan_items.org_path'))
            .where('campaign_id', 'in', campaignIds)
            .orderBy('org_path')
            .orderBy('position')
            .execute();
    const materials =
      campaignIds.length === 0
        ? []
        : await this.db
            .selectFrom('material_texts')
            .select(['org_path', 'lang'])
            .where(inScope(scope, 'material_texts.org_path'))
            .where('campaign_id', 'in', campaignIds)
            .execute();
    return {
      year,
      units,
      campaigns,
      children,
      movedChildren,
      aid,
      sponsors,
      raids,
      raidPlaces,
      raidParticipants,
      raidChildren,
      cases,
      hotline,
      plan,
      materials,
    };
  }

  /** Open needs of children on the approved list below a unit, per item: for the public page (no names). */
  async openNeeds(scope: Scope) {
    const rows = await this.db
      .selectFrom('child_needs as n')
      .innerJoin('children as c', 'c.id', 'n.child_id')
      .innerJoin('need_items as i', 'i.id', 'n.item_id')
      .select(['i.code', 'i.name_kk', 'i.name_ru', 'i.name_en', 'i.position', 'n.child_id', 'n.quantity'])
      .where(inScope(scope, 'c.org_path'))
      .where('n.status', '=', 'open')
      .where('c.status', 'in', ['approved', 'helped'])
      .execute();
    return rows.map((r) => ({ ...r, quantity: Number(r.quantity), position: Number(r.position) }));
  }
}

// Keeps IN lists well below the parameter limits of both engines.
function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
