// The access rules of Mektepke Jol as one table: who may do what to which record. This file and the rest of
// server/src/access/ are the only places that name roles; features ask the policy (policy.ts), never a role.
// docs/security.md shows the same table (a test keeps the two equal).

/** The five roles. */
export const ROLES = ['admin', 'officer', 'coordinator', 'director', 'teacher'] as const;
export type Role = (typeof ROLES)[number];

export type UnitType = 'republic' | 'region' | 'district' | 'school';

/** Where a role sits: school staff in schools, education officers above them, administrators anywhere. */
export const ROLES_FOR_UNIT: Readonly<Record<UnitType, readonly Role[]>> = {
  republic: ['admin', 'officer'],
  region: ['admin', 'officer'],
  district: ['admin', 'officer'],
  school: ['admin', 'coordinator', 'director', 'teacher'],
};

/**
 * How a record relates to the viewer, in the order of a rule's five marks:
 *  1. own class — a child (or a record of a child) in one of a teacher's classes;
 *  2. own unit — in the viewer's own school (or, for an officer, the viewer's own district/region);
 *  3. below — in a unit below the viewer's own (the schools of an officer's district);
 *  4. sibling — in a unit beside the viewer's, neither below nor above it (another school or district);
 *  5. above — in a unit the viewer's own unit belongs to (the district's campaign seen from its school).
 */
export const RELATIONS = ['class', 'unit', 'below', 'sibling', 'above'] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * One mark per relation:
 *  ✓ allowed · ◐ allowed with the masked view (no full IIN, phones, guardians, addresses, documents, notes)
 *  ✗ refused with 403 (the record is visible, the action is not the viewer's)
 *  · hidden: 404, exactly as if the record did not exist · – cannot happen for this role
 */
export type Mark = '✓' | '◐' | '✗' | '·' | '–';
export type Marks = `${Mark}${Mark}${Mark}${Mark}${Mark}`;

type Row = Readonly<Record<Role, Marks>>;

const row = (admin: Marks, officer: Marks, coordinator: Marks, director: Marks, teacher: Marks): Row => ({
  admin,
  officer,
  coordinator,
  director,
  teacher,
});

/**
 * Actions on records that belong to an org unit. Reads of records tied to a child (aid, cases, needs, …) put the
 * child's class in the first column; the embedded children of a school-level record (a raid's children, a
 * handover's lines, a trace's items) follow `child.read`.
 */
// prettier-ignore
export const RULES = {
  //                     admin    officer  coord.   director teacher
  'unit.read':         row('–✓✓··', '–✓✓··', '–✓–··', '–✓–··', '–✓–··'),
  'unit.create':       row('–✓✓··', '–✓✓··', '–✗–··', '–✗–··', '–✗–··'),
  'unit.update':       row('–✓✓··', '–✗✓··', '–✓–··', '–✓–··', '–✗–··'),
  'user.read':         row('–✓✓··', '–✓✓··', '–✗–✗✗', '–✗–✗✗', '–✗–✗✗'),
  'user.manage':       row('–✓✓··', '–✗✓··', '–✗–✗✗', '–✗–✗✗', '–✗–✗✗'),
  'audit.read':        row('–✓✓··', '–✓✓··', '–✗–✗✗', '–✓–··', '–✗–✗✗'),
  'campaign.read':     row('–✓✓·✓', '–✓✓·✓', '–✓–·✓', '–✓–·✓', '–✓–·✓'),
  'campaign.manage':   row('–✓✓·✗', '–✓✓·✗', '–✓–·✗', '–✓–·✗', '–✗–·✗'),
  'plan.read':         row('–✓✓··', '–✓✓··', '–✓–··', '–✓–··', '–✓–··'),
  'plan.write':        row('–✓✗··', '–✗✗··', '–✓–··', '–✓–··', '–✗–··'),
  'plan.approve':      row('–✗✗··', '–✗✗··', '–✗–··', '–✓–··', '–✗–··'),
  'plan.evidence':     row('–✓✗··', '–✗✗··', '–✓–··', '–✓–··', '–✓–··'),
  'materials.read':    row('–✓✓··', '–✓✓··', '–✓–··', '–✓–··', '–✓–··'),
  'materials.write':   row('–✓✗··', '–✗✗··', '–✓–··', '–✓–··', '–✗–··'),
  'hotline.read':      row('–✓✓··', '–◐◐··', '–✓–··', '–✓–··', '✓·–·–'),
  'hotline.write':     row('–✓✗··', '–✗✗··', '–✓–··', '–✓–··', '✓·–·–'),
  'raid.read':         row('–✓✓··', '–◐◐··', '–✓–··', '–✓–··', '–✓–··'),
  'raid.write':        row('–✓✗··', '–✗✗··', '–✓–··', '–✓–··', '–✓–··'),
  'case.read':         row('–✓✓··', '–◐◐··', '–✓–··', '–✓–··', '✓·–·–'),
  'case.write':        row('–✓✗··', '–✗✗··', '–✓–··', '–✓–··', '✓·–·–'),
  'child.read':        row('–✓✓··', '–◐◐··', '–✓–··', '–✓–··', '✓·–·–'),
  'child.write':       row('–✓✓··', '–✗✗··', '–✓–··', '–✓–··', '✓·–·–'),
  'child.decide':      row('–✓✓··', '–✗✗··', '–✓–··', '–✓–··', '✗·–·–'),
  'fv.read':           row('–✓✓··', '–✓✓··', '–✓–··', '–✓–··', '–✓–··'),
  'fv.allocate':       row('–✓✓··', '–✗✓··', '–✓–··', '–✓–··', '–✗–··'),
  'sponsor.read':      row('–✓✓·✓', '–✓✓·✓', '–✓–·✓', '–✓–·✓', '–✓–·✓'),
  'sponsor.write':     row('–✓✓·✗', '–✓✓·✗', '–✓–·✗', '–✓–·✗', '–✗–·✗'),
  'pledge.read':       row('–✓✓··', '–✓✓··', '–✓–··', '–✓–··', '✓·–·–'),
  'pledge.write':      row('–✓✓··', '–✗✗··', '–✓–··', '–✓–··', '✗·–·–'),
  'aid.read':          row('–✓✓··', '–◐◐··', '–✓–··', '–✓–··', '✓·–·–'),
  'aid.write':         row('–✓✓··', '–✗✗··', '–✓–··', '–✓–··', '✗·–·–'),
  'aid.totals':        row('–✓✓··', '–✓✓··', '–✓–··', '–✓–··', '–✓–··'),
  'document.fv':       row('–✓✓··', '–◐◐··', '–✓–··', '–✓–··', '–✗–··'),
  'document.thanks':   row('–✓✓··', '–✓✓··', '–✓–··', '–✓–··', '–✓–··'),
  'report.read':       row('–✓✓··', '–✓✓··', '–✓–··', '–✓–··', '–✓–··'),
  'report.trace':      row('–✓✓··', '–◐◐··', '–✓–··', '–✓–··', '✓·–·–'),
  'job.oversee':       row('–✓✓··', '–✗✗··', '–✗–··', '–✗–··', '–✗–··'),
} as const satisfies Record<string, Row>;

export type ScopedAction = keyof typeof RULES;

type Yes = '✓' | '✗';
const only = (admin: Yes, officer: Yes, coordinator: Yes, director: Yes, teacher: Yes) => ({
  admin,
  officer,
  coordinator,
  director,
  teacher,
});

/** Actions that touch no org unit's record: the caller's own account and the shared reference lists. */
// prettier-ignore
export const GLOBAL_RULES = {
  //                     admin officer coord. director teacher
  'self.manage':       only('✓', '✓', '✓', '✓', '✓'),
  'reference.read':    only('✓', '✓', '✓', '✓', '✓'),
  'reference.manage':  only('✓', '✗', '✗', '✗', '✗'),
  'user.grantAdmin':   only('✓', '✗', '✗', '✗', '✗'),
  'import.use':        only('✓', '✓', '✓', '✓', '✓'),
} as const satisfies Record<string, Readonly<Record<Role, Yes>>>;

export type GlobalAction = keyof typeof GLOBAL_RULES;
export type Action = ScopedAction | GlobalAction;

/** What each action means, for docs/security.md and the route test's report. */
export const ACTION_NOTES: Readonly<Record<Action, string>> = {
  'unit.read': 'see an org unit and its contacts',
  'unit.create': 'add a unit below this one (the mark is for the parent)',
  'unit.update': 'change a unit; school staff keep their own school’s contacts',
  'user.read': 'see the users of a unit',
  'user.manage': 'create, change, disable users (officers: of units below them)',
  'audit.read': 'read the audit log',
  'campaign.read': 'see a campaign (those opened above apply below)',
  'campaign.manage': 'open, change, close, reopen a campaign',
  'plan.read': 'see the plan of activities',
  'plan.write': 'add and change plan items, copy last year’s plan',
  'plan.approve': 'approve the school’s plan',
  'plan.evidence': 'attach evidence to a plan item',
  'materials.read': 'see and print the stand and booklet',
  'materials.write': 'change the wording of the stand and booklet',
  'hotline.read': 'see hotline calls (masked: no caller, no phone)',
  'hotline.write': 'log and follow up hotline calls, link a child, open a case',
  'raid.read': 'see raids (their children follow child.read)',
  'raid.write': 'record and change raids',
  'case.read': 'see non-attendance cases',
  'case.write': 'open a case, record its steps',
  'child.read': 'see a child’s card, history, needs; lists, export, duplicates',
  'child.write': 'add or change a child, its needs; ask for a transfer; import children',
  'child.decide': 'approve, reject, archive; resolve duplicates; decide transfers',
  'fv.read': 'see ФВ allocations and their use',
  'fv.allocate': 'set a school’s ФВ allocation',
  'sponsor.read': 'see sponsors (those registered above are seen below)',
  'sponsor.write': 'add, change, merge sponsors',
  'pledge.read': 'see pledges (a teacher: those for the own class, narrowed to it)',
  'pledge.write': 'record, cancel, deliver pledges',
  'aid.read': 'see aid records, handovers, proofs, the act of transfer, fairness lists',
  'aid.write': 'record, reverse aid; attach proofs',
  'aid.totals': 'see aid totals (no child named)',
  'document.fv': 'print the ФВ decision list (children with categories)',
  'document.thanks': 'print a thank-you letter to a sponsor',
  'report.read': 'see the campaign report, dashboard, years',
  'report.trace': 'see the records behind a figure of the report',
  'job.oversee': 'see and manage the background jobs of others (everyone sees their own)',
  'self.manage': 'own account: profile, password, API tokens',
  'reference.read': 'reference lists: need items, PM, sponsor types, import templates',
  'reference.manage': 'change need items and the subsistence minimum',
  'user.grantAdmin': 'make a user an administrator',
  'import.use': 'upload a file (each kind then needs its own write action)',
};
