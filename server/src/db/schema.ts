import type { Generated } from 'kysely';
import type { Role } from '../access/rules.ts';

// Row types of every table, as Kysely sees them. Each feature adds its tables here when it adds a migration.

export type OrgUnitType = 'republic' | 'region' | 'district' | 'school';
export type { Role };

export interface OrgUnitsTable {
  id: string;
  code: string;
  parent_id: string | null;
  type: OrgUnitType;
  path: string;
  name_ru: string;
  name_kk: string;
  name_en: string | null;
  address: string | null;
  director: string | null;
  phone: string | null;
  hotline: string | null;
  email: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  org_unit_id: string;
  /** JSON array of class labels ("5А") a teacher is responsible for. */
  classes: Generated<string>;
  password_hash: string | null;
  lang: Generated<string>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  disabled: Generated<number>;
  password_changed_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  org_path: string | null;
  ip: string | null;
  details: string | null;
}

// Help: the subsistence minimum per year, ФВ allocations, sponsors and pledges (features sponsors, fv, pledges).
export interface SubsistenceMinimumsTable {
  year: number;
  amount: number;
  updated_at: string;
  version: Generated<number>;
}

export interface FvAllocationsTable {
  id: string;
  org_unit_id: string;
  org_path: string;
  year: number;
  allocated: number;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface SponsorsTable {
  id: string;
  org_unit_id: string;
  org_path: string;
  name: string;
  name_key: string;
  type: string;
  head: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
  anonymous: Generated<number>;
  merged_into: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface PledgesTable {
  id: string;
  org_unit_id: string;
  org_path: string;
  sponsor_id: string;
  description: string | null;
  form: string;
  amount: number | null;
  child_ids: Generated<string>;
  need_ids: Generated<string>;
  due_date: string;
  status: 'open' | 'delivered' | 'cancelled';
  status_reason: string | null;
  handover_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export type CampaignStatus = 'open' | 'closed';

export interface CampaignsTable {
  id: string;
  org_unit_id: string;
  /** Path of the unit that opened it: the campaign applies to every school at or below it. */
  org_path: string;
  year: number;
  date_from: string;
  date_to: string;
  motto_ru: string | null;
  motto_kk: string | null;
  goals: string | null;
  status: Generated<CampaignStatus>;
  closed_at: string | null;
  closed_by: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface PlanItemsTable {
  id: string;
  campaign_id: string;
  org_path: string;
  position: number;
  title: string;
  date_from: string;
  date_to: string;
  responsible: string;
  status: Generated<'planned' | 'in_progress' | 'done' | 'cancelled'>;
  notes: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface PlanEvidenceTable {
  id: string;
  plan_item_id: string;
  org_path: string;
  kind: 'file' | 'link';
  url: string | null;
  file_name: string | null;
  mime: string | null;
  size: number | null;
  content: Buffer | null;
  created_by: string;
  created_at: string;
}

export interface PlanApprovalsTable {
  campaign_id: string;
  org_path: string;
  approved_by: string;
  approved_at: string;
}

export interface MaterialTextsTable {
  id: string;
  campaign_id: string;
  org_path: string;
  lang: string;
  /** JSON object of the texts the school edited. */
  texts: string;
  updated_at: string;
  version: Generated<number>;
}

export interface HotlineCallsTable {
  id: string;
  org_path: string;
  campaign_id: string | null;
  received_at: string;
  channel: string;
  caller: string | null;
  caller_phone: string | null;
  child_id: string | null;
  about: string | null;
  subject: string;
  handler: string | null;
  action_taken: string | null;
  status: Generated<'open' | 'in_progress' | 'closed'>;
  closed_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface RaidsTable {
  id: string;
  org_path: string;
  campaign_id: string | null;
  held_on: string;
  time_from: string | null;
  time_to: string | null;
  notes: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface RaidPlacesTable {
  id: string;
  raid_id: string;
  position: number;
  kind: string;
  name: string | null;
}

export interface RaidParticipantsTable {
  id: string;
  raid_id: string;
  position: number;
  kind: string;
  count: number;
  organisations: string | null;
}

export interface RaidChildrenTable {
  id: string;
  raid_id: string;
  position: number;
  child_id: string | null;
  full_name: string;
  reason: string;
  action: string | null;
}

export interface CasesTable {
  id: string;
  org_path: string;
  campaign_id: string | null;
  child_id: string | null;
  child_name: string;
  source: 'raid' | 'teacher' | 'hotline';
  source_id: string | null;
  opened_on: string;
  due_on: string | null;
  status: Generated<'open' | 'closed'>;
  outcome: string | null;
  closed_on: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface CaseStepsTable {
  id: string;
  case_id: string;
  org_path: string;
  kind: string;
  done_on: string;
  by_whom: string;
  notes: string | null;
  next_on: string | null;
  created_by: string;
  created_at: string;
}

// Aid handed over (feature aid): one handover to one or many children, a row per child, proofs of the handover.
export type AidSourceKind = 'fv' | 'sponsor';

export interface AidHandoversTable {
  id: string;
  org_unit_id: string;
  org_path: string;
  date: string;
  year: number;
  source: AidSourceKind;
  sponsor_id: string | null;
  form: string;
  note: string | null;
  pledge_id: string | null;
  recorded_by: string;
  recorded_by_name: string;
  created_at: string;
}

/**
 * One child's part of a handover. Append-only: a mistake is corrected by a reversing row (`reverses` = the id it
 * cancels, with a reason); both rows are then left out of every total.
 */
export interface AidTable {
  id: string;
  handover_id: string;
  org_unit_id: string;
  org_path: string;
  child_id: string;
  date: string;
  year: number;
  source: AidSourceKind;
  sponsor_id: string | null;
  form: string;
  amount: number;
  /** JSON array of { item, quantity }. */
  items: Generated<string>;
  reverses: string | null;
  reason: string | null;
  created_by: string;
  created_at: string;
}

export interface AidProofsTable {
  id: string;
  handover_id: string;
  org_path: string;
  file_name: string;
  mime: string;
  size: number;
  data: Buffer;
  uploaded_by: string;
  created_at: string;
}

export type ChildStatus = 'proposed' | 'approved' | 'rejected' | 'helped' | 'archived';
export type ChildSource = 'teacher' | 'family' | 'hotline' | 'raid' | 'import';
export type NeedStatus = 'open' | 'pledged' | 'delivered';

/** What a child is found by: folded name words and IIN tails (domain/name-search searchTerms). Derived. */
export interface ChildSearchTermsTable {
  child_id: string;
  term: string;
}

export interface ChildrenTable {
  id: string;
  org_unit_id: string;
  org_path: string;
  iin: string | null;
  surname: string;
  name: string;
  patronymic: string | null;
  sort_name: string;
  /** Kazakh-Russian alphabet order of the full name (domain/name-search nameSortKey); the list sorts by it. */
  sort_key: Generated<string>;
  dup_key: string;
  birth_date: string;
  sex: 'm' | 'f' | null;
  grade: number;
  class_label: string;
  address: string | null;
  notes: string | null;
  not_attending: Generated<number>;
  status: ChildStatus;
  reject_reason: string | null;
  source: ChildSource;
  consent_by: string | null;
  consent_date: string | null;
  consent_scope: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ChildGuardiansTable {
  id: string;
  child_id: string;
  name: string;
  relation: string | null;
  phone: string | null;
  iin: string | null;
  position: Generated<number>;
}

export interface ChildCategoriesTable {
  id: string;
  child_id: string;
  code: string;
  doc_name: string | null;
  doc_number: string | null;
  doc_date: string | null;
  valid_until: string | null;
}

export interface ChildStatusHistoryTable {
  id: string;
  child_id: string;
  from_status: ChildStatus | null;
  to_status: ChildStatus;
  reason: string | null;
  actor: string;
  at: string;
}

export interface NeedItemsTable {
  id: string;
  code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  has_size: Generated<number>;
  default_cost: number | null;
  position: Generated<number>;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ChildNeedsTable {
  id: string;
  child_id: string;
  item_id: string;
  size: string | null;
  quantity: Generated<number>;
  est_cost: number | null;
  status: NeedStatus;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ChildDuplicateFlagsTable {
  id: string;
  child_id: string;
  other_child_id: string;
  org_path: string;
  status: 'open' | 'distinct' | 'same';
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}

export interface ChildTransfersTable {
  id: string;
  child_id: string;
  from_org_unit_id: string;
  from_path: string;
  to_org_unit_id: string;
  to_path: string;
  class_label: string;
  grade: number;
  note: string | null;
  status: 'pending' | 'accepted' | 'declined';
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

// Report facts (feature reports/facts): derived from the records above, kept up to date in the same transactions.
export interface OrgStructureTable {
  unit_id: string;
  path: string;
  parent_id: string | null;
  /** 1 for the republic, 4 for a school. */
  depth: number;
  /** 1 while the unit has no units below it. */
  leaf: number;
  /** Ids of the unit's ancestors (and itself) by level; null below its own level. */
  l1: string;
  l2: string | null;
  l3: string | null;
  l4: string | null;
}

export interface ReportCubeTable {
  /** The campaign year, or 0 for figures that do not depend on it (lists of children, open needs). */
  year: number;
  unit_id: string;
  dim: string;
  key: string;
  students: number;
  amount: number;
  records: number;
}

export interface ReportChildFactsTable {
  child_id: string;
  year: number;
  /** JSON: what the child adds to the cube that year (see reports/facts/child-facts.ts). */
  state: string;
}

export interface ReportFactsMetaTable {
  name: string;
  value: string;
}

export interface DB {
  org_units: OrgUnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  setup_tokens: SetupTokensTable;
  audit_log: AuditLogTable;
  campaigns: CampaignsTable;
  plan_items: PlanItemsTable;
  plan_evidence: PlanEvidenceTable;
  plan_approvals: PlanApprovalsTable;
  material_texts: MaterialTextsTable;
  hotline_calls: HotlineCallsTable;
  raids: RaidsTable;
  raid_places: RaidPlacesTable;
  raid_participants: RaidParticipantsTable;
  raid_children: RaidChildrenTable;
  cases: CasesTable;
  case_steps: CaseStepsTable;
  subsistence_minimums: SubsistenceMinimumsTable;
  fv_allocations: FvAllocationsTable;
  sponsors: SponsorsTable;
  pledges: PledgesTable;
  aid_handovers: AidHandoversTable;
  aid: AidTable;
  aid_proofs: AidProofsTable;
  children: ChildrenTable;
  child_search_terms: ChildSearchTermsTable;
  child_guardians: ChildGuardiansTable;
  child_categories: ChildCategoriesTable;
  child_status_history: ChildStatusHistoryTable;
  need_items: NeedItemsTable;
  child_needs: ChildNeedsTable;
  child_duplicate_flags: ChildDuplicateFlagsTable;
  child_transfers: ChildTransfersTable;
  org_structure: OrgStructureTable;
  report_cube: ReportCubeTable;
  report_child_facts: ReportChildFactsTable;
  report_facts_meta: ReportFactsMetaTable;
  jobs: JobsTable;
  job_files: JobFilesTable;
  rate_limits: RateLimitsTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A background job (features/jobs): JSON in text columns, instants as ISO text. */
export interface JobsTable {
  id: string;
  kind: string;
  status: JobStatus;
  /** Who started it (null: the CLI). Only they see it, besides admins of units above. */
  user_id: string | null;
  org_path: string;
  /** The starter's Viewer when they started it: the job acts with those rights. */
  viewer: string;
  params: string;
  /** {done, total, phase?} */
  progress: string | null;
  result: string | null;
  /** A Message {key, params}. */
  error: string | null;
  attempts: Generated<number>;
  max_attempts: number;
  cancel_requested: Generated<number>;
  /** host:pid of the process running it. */
  worker: string | null;
  created_at: string;
  started_at: string | null;
  heartbeat_at: string | null;
  finished_at: string | null;
}

export interface JobFilesTable {
  id: string;
  job_id: string;
  /** 'input' (what the job reads) or 'output' (what it wrote). */
  role: 'input' | 'output';
  name: string;
  content_type: string;
  data: Buffer;
  created_at: string;
}

/** A shared rate-limit counter (http/rate-limit.ts): hits of one route by one caller until reset_at (ISO). */
export interface RateLimitsTable {
  /** `METHOD /route/template|caller` */
  key: string;
  hits: number;
  reset_at: string;
}

/** The first answer to a caller's Idempotency-Key (features/idempotency); status null while it is being made. */
export interface IdempotencyKeysTable {
  /** The user (or token's user) who sent the key: keys of different callers never meet. */
  owner: string;
  key: string;
  /** SHA-256 of method, path and body: the same key with another request is refused. */
  request_hash: string;
  status: number | null;
  content_type: string | null;
  body: string | null;
  created_at: string;
  expires_at: string;
}
