// The computed campaign report: the single source of every figure shown on screen, in DOCX/PDF/XLSX and in the
// narrative text. Amounts are whole tenge; "students" are always distinct children.
import type { AidForm } from '../aid-codes.ts';
import type { CategoryCode } from '../categories.ts';
import type { Lang } from '../lang.ts';
import type { ReportCampaign, ReportOrg, ReportRaidPlace } from './report-input.ts';

export interface StudentsAmount {
  students: number;
  amount: number;
}

export interface ReportSponsorLine extends StudentsAmount {
  id: string;
  name: string;
  type: string;
  head: string | null;
  anonymous: boolean;
}

export interface ReportParticipants {
  kind: string;
  /** People of that kind summed over raids. */
  count: number;
  orgs: string[];
}

export interface Report {
  org: ReportOrg;
  campaign: ReportCampaign;
  children: {
    /** On the approved list: approved by the commission or already helped. */
    listed: number;
    proposed: number;
    rejected: number;
    notAttending: number;
  };
  fv: StudentsAmount & { byMonth: ({ month: string } & StudentsAmount)[] };
  sponsors: StudentsAmount & { list: ReportSponsorLine[] };
  total: StudentsAmount;
  /** A child with several categories counts under each, so these rows overlap by design. */
  byCategory: ({ category: CategoryCode | 'none' } & StudentsAmount)[];
  byForm: ({ form: AidForm } & StudentsAmount)[];
  items: { item: string; quantity: number }[];
  raids: {
    count: number;
    childrenFound: number;
    returnedToSchool: number;
    places: ReportRaidPlace[];
    participants: ReportParticipants[];
  };
  hotline: { calls: number; closed: number; phone: string | null };
  plan: { items: number; done: number; inProgress: number; cancelled: number };
  /** Counted over the schools (leaf units) the report covers; a school's own report has schools = 1. */
  outreach: { schools: number; stands: number; booklets: number; bookletLanguages: Lang[] };
  units: Report[];
}
