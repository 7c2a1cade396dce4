// The children registry's shapes as the server sends them (server/src/features/children/children.schema.ts).
import type { CategoryCode } from '#domain/categories';

export const CHILD_STATUSES = ['proposed', 'approved', 'rejected', 'helped', 'archived'] as const;
export type ChildStatus = (typeof CHILD_STATUSES)[number];
export const CHILD_SOURCES = ['teacher', 'family', 'hotline', 'raid'] as const;
export type ChildSource = (typeof CHILD_SOURCES)[number] | 'import';
export const NEED_STATUSES = ['open', 'pledged', 'delivered'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const CHILD_SORTS = [
  'name',
  '-name',
  'class',
  '-class',
  'birthDate',
  '-birthDate',
  'updated',
  '-updated',
] as const;
export type ChildSort = (typeof CHILD_SORTS)[number];
export type StatusAction = 'approve' | 'reject' | 'helped' | 'archive' | 'reopen';

export interface Guardian {
  name: string;
  relation: string | null;
  phone: string | null;
  iin: string | null;
}

export interface ChildCategory {
  code: CategoryCode;
  docName: string | null;
  docNumber: string | null;
  docDate: string | null;
  validUntil: string | null;
}

export interface Child {
  id: string;
  schoolCode: string;
  schoolNameRu: string;
  schoolNameKk: string;
  iin: string | null;
  surname: string;
  name: string;
  patronymic: string | null;
  birthDate: string;
  sex: 'm' | 'f' | null;
  grade: number;
  classLabel: string;
  address: string | null;
  notes: string | null;
  notAttending: boolean;
  status: ChildStatus;
  rejectReason: string | null;
  source: ChildSource;
  consent: { by: string; date: string; scope: string | null } | null;
  guardians: Guardian[];
  categories: ChildCategory[];
  openNeeds: number;
  possibleDuplicate: boolean;
  editable: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Warning {
  field: string;
  code: string;
  message: string;
}

export type SavedChild = Child & { warnings: Warning[] };

export interface ChildPage {
  items: Child[];
  nextCursor: string | null;
  total: number | null;
}

/** What a list shows: the same filters drive the list, the export and the printed class list. */
export interface ChildFilters {
  org: string;
  q: string;
  class: string;
  category: string;
  status: string;
  need: string;
  sort: ChildSort;
}

export interface ChildInput {
  schoolCode?: string;
  iin: string | null;
  surname: string;
  name: string;
  patronymic: string | null;
  birthDate: string;
  classLabel: string;
  address: string | null;
  notes: string | null;
  notAttending: boolean;
  source?: ChildSource;
  consent: { by: string; date: string; scope: string | null } | null;
  guardians: Guardian[];
  categories: ChildCategory[];
}

export interface NeedItem {
  id: string;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  hasSize: boolean;
  defaultCost: number | null;
  position: number;
  active: boolean;
  version: number;
}

export interface Need {
  id: string;
  childId: string;
  itemId: string;
  itemCode: string;
  size: string | null;
  quantity: number;
  estCost: number | null;
  status: NeedStatus;
  version: number;
}

export interface NeedsSummary {
  rows: {
    itemId: string;
    itemCode: string;
    nameKk: string;
    nameRu: string;
    nameEn: string;
    size: string | null;
    quantity: number;
    children: number;
    estCost: number;
  }[];
  totalQuantity: number;
  totalEstCost: number;
  children: number;
}

export interface HistoryEntry {
  from: ChildStatus | null;
  to: ChildStatus;
  reason: string | null;
  actor: string;
  at: string;
}

export interface Transfer {
  id: string;
  /** Null while the child is not one the viewer may see (a request this school sent). */
  childId: string | null;
  childName: string | null;
  fromSchoolCode: string | null;
  toSchoolCode: string;
  classLabel: string;
  note: string | null;
  status: 'pending' | 'accepted' | 'declined';
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decidable: boolean;
}

export interface DuplicateFlag {
  id: string;
  status: 'open' | 'distinct' | 'same';
  child: { id: string; fullName: string; birthDate: string; classLabel: string; schoolCode: string };
  /** Null when the look-alike is registered where the viewer may not see. */
  other: { id: string; fullName: string; birthDate: string; classLabel: string; schoolCode: string } | null;
}
