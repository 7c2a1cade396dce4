// Shapes of the help API (server/src/features/{fv,sponsors,pledges,aid}), as the pages use them.

export type AidSource = 'fv' | 'sponsor';
export type AidForm = 'money' | 'goods' | 'certificate' | 'service';
export const AID_FORMS: readonly AidForm[] = ['money', 'goods', 'certificate', 'service'];
export const SPONSOR_TYPES = [
  'corporate_fund',
  'company',
  'entrepreneur',
  'state_body',
  'ngo',
  'parents',
  'alumni',
  'private_person',
  'other',
] as const;
export type SponsorType = (typeof SPONSOR_TYPES)[number];

export interface FvRow {
  orgCode: string;
  orgNameRu: string;
  orgNameKk: string;
  year: number;
  allocated: number | null;
  decided: number;
  paid: number;
  left: number;
  students: number;
  version: number | null;
}

export interface FvList {
  year: number;
  pm: number | null;
  items: FvRow[];
  total: { allocated: number; decided: number; paid: number; left: number; students: number };
}

export interface Sponsor {
  id: string;
  orgCode: string;
  name: string;
  type: SponsorType;
  head: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
  anonymous: boolean;
  editable: boolean;
  version: number;
}

export interface SponsorInput {
  name: string;
  type: SponsorType;
  head?: string | null;
  phone?: string | null;
  anonymous?: boolean;
}

export interface SponsorHistory {
  sponsorId: string;
  years: { year: number; students: number; amount: number; handovers: number }[];
  pledges: { open: number; delivered: number; cancelled: number };
}

export interface AidLine {
  id: string;
  handoverId: string;
  orgCode: string;
  childId: string;
  childName: string;
  classLabel: string;
  date: string;
  source: AidSource;
  sponsorId: string | null;
  sponsorName: string | null;
  form: AidForm;
  amount: number;
  items: { item: string; quantity: number }[];
  reverses: string | null;
  reversedBy: string | null;
  reason: string | null;
  proofWarning: 'proofMissing' | 'proofExpired' | null;
}

export interface AidWarning {
  row: number;
  childId: string | null;
  code: string;
  message: string;
}

export interface HandoverInput {
  date: string;
  source: AidSource;
  sponsorId?: string;
  form: AidForm;
  note?: string;
  lines: { childId: string; amount?: string | number; items?: { item: string; quantity: number }[] }[];
}

export interface HandoverCheck {
  warnings: AidWarning[];
  pm: number | null;
  total: number;
  fv: { allocated: number; used: number; left: number } | null;
}

export interface Handover {
  id: string;
  date: string;
  total: number;
  students: number;
}

export interface Pledge {
  id: string;
  orgCode: string;
  sponsorId: string;
  sponsorName: string;
  description: string | null;
  form: AidForm;
  amount: number | null;
  childIds: string[];
  dueDate: string;
  status: 'open' | 'delivered' | 'cancelled';
  statusReason: string | null;
  handoverId: string | null;
  overdue: boolean;
  version: number;
}

export interface FairChild {
  childId: string;
  orgCode: string;
  name: string;
  classLabel: string;
  categories: string[];
}

export interface Fairness {
  year: number;
  withoutHelp: (FairChild & { openNeeds: number; needCost: number })[];
  twice: (FairChild & {
    kind: string;
    sources: { source: AidSource; sponsorName: string | null; date: string }[];
  })[];
}

export interface ChildOption {
  id: string;
  surname: string;
  name: string;
  classLabel: string;
  categories: { code: string }[];
}

export const NEED_ITEMS = [
  'supplies',
  'uniform',
  'sportswear',
  'shoes',
  'backpack',
  'winter_clothes',
  'other',
] as const;
