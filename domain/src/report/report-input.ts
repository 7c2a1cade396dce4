// What the server reads from the database for one org unit and one campaign. Plain data, no behaviour: the
// report is computed from these records only, so every number can be traced back to them.
import type { AidForm } from '../aid-codes.ts';
import type { ChildMark } from '../categories.ts';
import type { Lang } from '../lang.ts';

export type OrgType = 'republic' | 'region' | 'district' | 'school';

export interface ReportOrg {
  code: string;
  name: string;
  type: OrgType;
  /** Hotline phone as people write it, e.g. "8 (7212) 00-00-00". */
  hotline: string | null;
}

export interface ReportCampaign {
  year: number;
  /** 'YYYY-MM-DD' */
  from: string;
  to: string;
  motto: string | null;
  closed: boolean;
}

export type ChildStatus = 'proposed' | 'approved' | 'rejected' | 'helped' | 'archived';

export interface ReportChild {
  id: string;
  /** Social categories and the not-attending flag; the flag never counts as a category in the report. */
  categories: readonly ChildMark[];
  status: ChildStatus;
  /**
   * Known here only because it was helped here and lives in another unit now: it counts for its categories, never
   * on a list. Where the roll-up also holds the child's own record, that record is the one kept.
   */
  movedOut?: boolean;
}

export interface ReportSponsor {
  id: string;
  name: string;
  /** A SponsorType code; kept as a string so a new type in the database does not break old reports. */
  type: string;
  head: string | null;
  /** Hidden on public pages; the school's own report still names the sponsor. */
  anonymous: boolean;
}

export type AidSource = { kind: 'fv' } | { kind: 'sponsor'; sponsorId: string };

export interface ReportAidItem {
  /** A NeedItem code. */
  item: string;
  quantity: number;
}

export interface ReportAid {
  id: string;
  childId: string;
  /** 'YYYY-MM-DD' */
  date: string;
  source: AidSource;
  form: AidForm;
  /** Whole tenge; for goods, certificates and services their value. */
  amount: number;
  items: readonly ReportAidItem[];
  /**
   * Corrections are made by a reversing entry, never by editing: the original names its reversal here. Both the
   * reversed row and the reversing row are left out of every total.
   */
  reversedBy: string | null;
  /** Set on a reversing entry: the id of the row it cancels. */
  reverses?: string | null;
}

export interface ReportRaidPlace {
  /** A PlaceKind code. */
  kind: string;
  /** As it should be printed, e.g. "рынок «Центральный»". */
  name: string;
}

export interface ReportRaidParticipants {
  /** A ParticipantKind code. */
  kind: string;
  count: number;
  /** Named organisations of that kind, e.g. an NGO "«Жас Өркен»". */
  orgs: readonly string[];
}

export interface ReportRaidFinding {
  /** The child in the registry, or null for a child not (yet) recorded there. */
  childId: string | null;
  returnedToSchool: boolean;
}

export interface ReportRaid {
  id: string;
  date: string;
  places: readonly ReportRaidPlace[];
  participants: readonly ReportRaidParticipants[];
  found: readonly ReportRaidFinding[];
}

export interface ReportHotlineCall {
  id: string;
  status: 'open' | 'closed';
}

export interface ReportPlanItem {
  id: string;
  status: 'planned' | 'in_progress' | 'done' | 'cancelled';
}

export interface ReportInput {
  org: ReportOrg;
  campaign: ReportCampaign;
  children: readonly ReportChild[];
  sponsors: readonly ReportSponsor[];
  aid: readonly ReportAid[];
  raids: readonly ReportRaid[];
  hotline: readonly ReportHotlineCall[];
  plan: readonly ReportPlanItem[];
  stand: boolean;
  booklets: { languages: readonly Lang[] };
  /** For a unit above schools: the same input for each child unit. Empty or absent for a school. */
  units?: readonly ReportInput[];
}

/** An input with no records, for a unit whose records all live in its child units. */
export function emptyReportInput(
  org: ReportOrg,
  campaign: ReportCampaign,
  units: readonly ReportInput[] = [],
): ReportInput {
  return {
    org,
    campaign,
    children: [],
    sponsors: [],
    aid: [],
    raids: [],
    hotline: [],
    plan: [],
    stand: false,
    booklets: { languages: [] },
    units,
  };
}
