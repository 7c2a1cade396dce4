import { normalizeClassLabel } from '#domain/class-label';
import { loadDemo } from '../features/demo/demo.service.ts';
import { given } from '../test/given.ts';
import { HttpClient } from '../test/http-client.ts';
import { answerText, leaksIn, readSecrets, type Secrets, type Sight } from '../test/leak-scan.ts';
import { startTestApp, type TestApp } from '../test/test-app.ts';
import { policy } from './policy.ts';
import type { GlobalAction, ScopedAction } from './rules.ts';
import type { Viewer } from './viewer.ts';

// Every route of the OpenAPI document, called by every demo role, compared with the rules (rules.ts):
// - a route that reads one record is asked for records at the viewer's school (a teacher's own class and another
//   class), a sibling school, a unit below and above; the answer must be what the rule's mark says: allowed (200),
//   403, or 404 exactly as for a missing record;
// - a route that lists, exports, reports, traces or prints is scanned whole (JSON, XLSX, DOCX, PDF text) for any
//   child outside what the role may see — written out below by hand, not taken from rules.ts — and, for officers,
//   any full IIN, guardian or caller;
// - a route that writes is refused to a caller without a session and never answers 2xx or 5xx to an empty body;
// - a route without a row here fails the test.

const S012 = '/KZ/KRG/KRG-KAR/KRG-KAR-012/';
const S035 = '/KZ/KRG/KRG-KAR/KRG-KAR-035/';
const S003 = '/KZ/KRG/KRG-BUH/KRG-BUH-003/';

/** The demo's users and what each may see of children, by hand. */
const ROLES = {
  admin: { email: 'admin@demo.mektep.kz', sight: { under: ['/KZ/'], classes: null, masked: false } },
  'officer.region': {
    email: 'officer.region@demo.mektep.kz',
    sight: { under: ['/KZ/KRG/'], classes: null, masked: true },
  },
  'officer.city': {
    email: 'officer.city@demo.mektep.kz',
    sight: { under: ['/KZ/KRG/KRG-KAR/'], classes: null, masked: true },
  },
  'officer.district': {
    email: 'officer.district@demo.mektep.kz',
    sight: { under: ['/KZ/KRG/KRG-BUH/'], classes: null, masked: true },
  },
  'coordinator.012': {
    email: 'coordinator.012@demo.mektep.kz',
    sight: { under: [S012], classes: null, masked: false },
  },
  'director.012': {
    email: 'director.012@demo.mektep.kz',
    sight: { under: [S012], classes: null, masked: false },
  },
  'teacher.012': {
    email: 'teacher.012@demo.mektep.kz',
    sight: { under: [S012], classes: ['5А', '5Б'], masked: false },
  },
  'coordinator.035': {
    email: 'coordinator.035@demo.mektep.kz',
    sight: { under: [S035], classes: null, masked: false },
  },
  'coordinator.003': {
    email: 'coordinator.003@demo.mektep.kz',
    sight: { under: [S003], classes: null, masked: false },
  },
} satisfies Record<string, { email: string; sight: Sight }>;
type RoleName = keyof typeof ROLES;

/** Records a route can be asked for: id, the unit it belongs to and, for a record of a child, the child's class. */
type Kind =
  'child' | 'case' | 'raid' | 'hotline' | 'handover' | 'pledge' | 'sponsor' | 'user' | 'unit' | 'campaign';
interface Target {
  id: string;
  path: string;
  classLabel?: string | null;
  label: string;
}

type Row =
  | { public: true }
  | { self: true }
  | { action: GlobalAction }
  | { action: ScopedAction; list: string }
  | { action: ScopedAction; record: Kind; suffix?: string }
  | { action: ScopedAction; missing: true }
  | { write: true };

const Y = 'year=2025';
/** One row per route of the OpenAPI document. */
const ROUTES: Record<string, Row> = {
  'GET /api/health': { public: true },
  'GET /api/ready': { public: true },
  'GET /api/setup/status': { public: true },
  'GET /api/public/campaigns/{code}/{year}': { public: true },
  'GET /api/jobs': { self: true },
  'GET /api/jobs/{id}': { self: true },
  'GET /api/jobs/{id}/files/{name}': { self: true },
  'GET /api/auth/me': { self: true },
  'GET /api/auth/tokens': { self: true },
  'GET /api/audit': { action: 'audit.read', list: '' },
  'GET /api/org-units': { action: 'unit.read', list: '?limit=500' },
  'GET /api/org-units/{code}': { action: 'unit.read', record: 'unit' },
  'GET /api/users': { action: 'user.read', list: '?limit=500' },
  'GET /api/users/{id}': { action: 'user.read', record: 'user' },
  'GET /api/campaigns': { action: 'campaign.read', list: '' },
  'GET /api/campaigns/effective': { action: 'campaign.read', list: `?${Y}` },
  'GET /api/campaigns/{id}': { action: 'campaign.read', record: 'campaign' },
  'GET /api/plan': { action: 'plan.read', list: `?${Y}` },
  'GET /api/plan/evidence/{id}': { action: 'plan.read', missing: true },
  'GET /api/plan/print': { action: 'plan.read', list: `?${Y}` },
  'GET /api/materials': { action: 'materials.read', list: `?${Y}&lang=ru` },
  'GET /api/materials/poster.pdf': { action: 'materials.read', list: `?${Y}&lang=ru` },
  'GET /api/materials/booklet.pdf': { action: 'materials.read', list: `?${Y}&lang=ru` },
  'GET /api/hotline': { action: 'hotline.read', list: '?limit=500' },
  'GET /api/hotline/{id}': { action: 'hotline.read', record: 'hotline' },
  'GET /api/raids': { action: 'raid.read', list: '?limit=500' },
  'GET /api/raids/{id}': { action: 'raid.read', record: 'raid' },
  'GET /api/cases': { action: 'case.read', list: '?status=all&limit=500' },
  'GET /api/cases/{id}': { action: 'case.read', record: 'case' },
  'GET /api/children': { action: 'child.read', list: '?limit=500' },
  'GET /api/children/export.xlsx': { action: 'child.read', list: '' },
  'GET /api/children/needs-summary': { action: 'child.read', list: '' },
  'GET /api/children/duplicates': { action: 'child.read', list: '' },
  'GET /api/children/transfers': { action: 'child.read', list: '' },
  'GET /api/children/{id}': { action: 'child.read', record: 'child' },
  'GET /api/children/{id}/history': { action: 'child.read', record: 'child' },
  'GET /api/children/{id}/needs': { action: 'child.read', record: 'child' },
  'GET /api/need-items': { action: 'reference.read' },
  'GET /api/reference/pm': { action: 'reference.read' },
  'GET /api/reference/sponsor-types': { action: 'reference.read' },
  'GET /api/import/kinds': { action: 'reference.read' },
  'GET /api/import/templates/{file}': { action: 'reference.read' },
  'GET /api/fv': { action: 'fv.read', list: `?${Y}` },
  'GET /api/sponsors': { action: 'sponsor.read', list: '?limit=500' },
  'GET /api/sponsors/{id}': { action: 'sponsor.read', record: 'sponsor' },
  'GET /api/sponsors/{id}/history': { action: 'sponsor.read', record: 'sponsor' },
  'GET /api/pledges': { action: 'pledge.read', list: '?limit=500' },
  'GET /api/pledges/{id}': { action: 'pledge.read', record: 'pledge' },
  'GET /api/aid': { action: 'aid.read', list: `?${Y}&limit=500` },
  'GET /api/aid/totals': { action: 'aid.totals', list: `?${Y}` },
  'GET /api/aid/fairness': { action: 'aid.read', list: `?${Y}` },
  'GET /api/aid/handovers/{id}': { action: 'aid.read', record: 'handover' },
  'GET /api/aid/proofs/{id}': { action: 'aid.read', missing: true },
  'GET /api/reports': { action: 'report.read', list: '?campaign=2025&format=xlsx' },
  'GET /api/reports/view': { action: 'report.read', list: '?campaign=2025' },
  'GET /api/reports/years': { action: 'report.read', list: '' },
  'GET /api/reports/trace': {
    action: 'report.trace',
    list: '?campaign=2025&metric=total.students&limit=1000',
  },
  'GET /api/reports/dashboard': { action: 'report.read', list: '' },
  'GET /api/documents/act/{id}': { action: 'aid.read', record: 'handover', suffix: '?format=docx' },
  // The letter thanks a sponsor the viewer may see for the help given at the viewer's unit.
  'GET /api/documents/thanks/{id}': {
    action: 'sponsor.read',
    record: 'sponsor',
    suffix: `?${Y}&format=docx`,
  },
  'GET /api/documents/fv-decision': { action: 'document.fv', list: `?${Y}&format=docx` },
};

let t: TestApp;
let secrets: Secrets;
const clients = {} as Record<RoleName, HttpClient>;
const viewers = {} as Record<RoleName, Viewer>;
const targets = {} as Record<Kind, Target[]>;
let operations: { method: string; path: string }[] = [];
const figures = { routes: 0, calls: 0, records: 0, scanned: 0, writeRoutes: 0, writeCalls: 0 };

/** The template with its parameters filled for a call that needs no particular record. */
function concrete(path: string): string {
  return path
    .replace('{code}/{year}', 'KRG/2025')
    .replace('{file}', 'children.csv')
    .replace('{year}', '2025')
    .replace('{org}', 'KRG-KAR-012')
    .replace(/\{[a-zA-Z]+\}/g, '00000000-0000-7000-8000-000000000000');
}

beforeAll(async () => {
  // Some 1 700 requests from one address: on an idle machine they fit in a minute, over the flood guard's 1 200.
  t = await startTestApp({}, undefined, { rateLimitMax: 100_000 });
  await loadDemo(t.services, given(t.services).operator, 'demo password 123');
  const g = given(t.services);
  for (const [name, r] of Object.entries(ROLES) as [RoleName, (typeof ROLES)[RoleName]][]) {
    const token = await g.token(r.email);
    clients[name] = HttpClient.withToken(t.url, token);
    viewers[name] = (await t.services.auth.viewerFromApiToken(token))!;
  }
  const doc = (await new HttpClient(t.url).get('/api/openapi.json')).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })),
  );

  // For each kind of record, one at each place that matters: school 012 (a child of the teacher's class 5А and
  // one of another class), sibling school 035, school 003 of the other district, and the region above.
  const db = t.database.db;
  const places = [S012, S035, S003];
  const pick = async <R extends { id: string; path: string; cls?: string | null }>(
    kind: Kind,
    rows: R[],
    label: (r: R) => string,
  ) => {
    const chosen: Target[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const key = `${r.path}|${r.cls === undefined ? '' : r.cls && ['5А', '5Б'].includes(normalizeClassLabel(r.cls)) ? 'own' : 'other'}`;
      if (seen.has(key)) continue;
      seen.add(key);
      chosen.push({ id: r.id, path: r.path, classLabel: r.cls, label: label(r) });
    }
    targets[kind] = chosen;
  };
  const children = await db
    .selectFrom('children')
    .select(['id', 'org_path as path', 'class_label as cls'])
    .where('org_path', 'in', places)
    .orderBy('id')
    .execute();
  await pick('child', children, (r) => `child ${r.path} ${r.cls}`);
  const cases = await db
    .selectFrom('cases')
    .leftJoin('children', 'children.id', 'cases.child_id')
    .select(['cases.id', 'cases.org_path as path', 'children.class_label as cls'])
    .orderBy('cases.id')
    .execute();
  await pick('case', cases, (r) => `case ${r.path} ${r.cls}`);
  const raids = await db.selectFrom('raids').select(['id', 'org_path as path']).orderBy('id').execute();
  await pick('raid', raids, (r) => `raid ${r.path}`);
  const calls = await db
    .selectFrom('hotline_calls')
    .leftJoin('children', 'children.id', 'hotline_calls.child_id')
    .select(['hotline_calls.id', 'hotline_calls.org_path as path', 'children.class_label as cls'])
    .orderBy('hotline_calls.id')
    .execute();
  await pick('hotline', calls, (r) => `call ${r.path} ${r.cls}`);
  // A handover is seen by a teacher when one of its children is in the teacher's classes (only those lines).
  const lines = await db
    .selectFrom('aid')
    .innerJoin('children', 'children.id', 'aid.child_id')
    .select(['aid.handover_id as id', 'aid.org_path as path', 'children.class_label as cls'])
    .orderBy('aid.handover_id')
    .execute();
  const byHandover = new Map<string, { id: string; path: string; cls: string }>();
  for (const l of lines) {
    const own = ['5А', '5Б'].includes(normalizeClassLabel(l.cls));
    if (!byHandover.has(l.id) || own) byHandover.set(l.id, l);
  }
  await pick('handover', [...byHandover.values()], (r) => `handover ${r.path} ${r.cls}`);
  const pledges = await db
    .selectFrom('pledges')
    .innerJoin('org_units', 'org_units.id', 'pledges.org_unit_id')
    .select(['pledges.id', 'org_units.path as path'])
    .orderBy('pledges.id')
    .execute();
  await pick('pledge', pledges, (r) => `pledge ${r.path}`);
  const sponsors = await db
    .selectFrom('sponsors')
    .innerJoin('org_units', 'org_units.id', 'sponsors.org_unit_id')
    .select(['sponsors.id', 'org_units.path as path'])
    .orderBy('sponsors.id')
    .execute();
  await pick('sponsor', sponsors, (r) => `sponsor ${r.path}`);
  const users = await db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(['users.id', 'org_units.path as path'])
    .orderBy('users.id')
    .execute();
  await pick('user', users, (r) => `user ${r.path}`);
  const units = await db.selectFrom('org_units').select(['code as id', 'path']).orderBy('path').execute();
  await pick('unit', units, (r) => `unit ${r.path}`);
  const campaigns = await db
    .selectFrom('campaigns')
    .innerJoin('org_units', 'org_units.id', 'campaigns.org_unit_id')
    .select(['campaigns.id', 'org_units.path as path'])
    .orderBy('campaigns.id')
    .execute();
  await pick('campaign', campaigns, (r) => `campaign ${r.path}`);
  secrets = await readSecrets(t.database);
  // Loading the demo on PostgreSQL takes minutes on a busy machine; the limit only catches a hang.
}, 600_000);
afterAll(() => t.close());

/** What the rules say a role gets for a record: 200, 403 or 404. */
function expected(role: RoleName, action: ScopedAction, target: Target): number {
  const viewer = viewers[role];
  if (!policy.anywhere(viewer, action)) return 403;
  const mark = policy.mark(viewer, action, { path: target.path, classLabel: target.classLabel });
  if (mark === '✓' || mark === '◐') return 200;
  return mark === '✗' ? 403 : 404;
}

describe('every route × every role, as the rules say', () => {
  it('has a row for every route of the OpenAPI document', () => {
    const missing = operations
      .filter((o) => o.method === 'GET' && !(`${o.method} ${o.path}` in ROUTES))
      .map((o) => `${o.method} ${o.path}`);
    expect(missing).toEqual([]);
    expect(operations.length).toBeGreaterThan(100);
  });

  // One test per user, so that each stays short on a busy machine.
  it.each(Object.keys(ROLES) as RoleName[])(
    'reads as %s: records answer 200, 403 or 404 by the rules; lists, files and reports hold nothing outside',
    async (role) => {
      const wrong: string[] = [];
      for (const op of operations.filter((o) => o.method === 'GET')) {
        const row = ROUTES[`${op.method} ${op.path}`]!;
        if (role === 'admin') figures.routes++;
        {
          const client = clients[role];
          const sight = ROLES[role].sight;
          if ('public' in row || 'self' in row || !('list' in row || 'record' in row || 'missing' in row)) {
            const res = await client.get(concrete(op.path));
            figures.calls++;
            if (res.status >= 500) wrong.push(`${role} ${op.path}: ${res.status}`);
            if (!('public' in row) && !('self' in row) && 'action' in row) {
              const allowed = policy.anywhere(viewers[role], row.action);
              if ((res.status === 403) === allowed)
                wrong.push(`${role} ${op.path}: ${res.status}, allowed ${allowed}`);
            }
            continue;
          }
          if ('missing' in row) {
            const res = await client.get(concrete(op.path));
            figures.calls++;
            const want = policy.anywhere(viewers[role], row.action) ? 404 : 403;
            if (res.status !== want) wrong.push(`${role} ${op.path} (missing): ${res.status}, want ${want}`);
            continue;
          }
          if ('list' in row) {
            const res = await client.get(op.path + row.list);
            figures.calls++;
            // Allowed: anything but 403 or a failure (a unit with no campaign that year answers 404 or 422).
            const allowed = policy.anywhere(viewers[role], row.action);
            if (res.status >= 500 || (res.status === 403) === allowed) {
              wrong.push(
                `${role} ${op.path}${row.list}: ${res.status}, allowed ${allowed} ${res.text.slice(0, 120)}`,
              );
              continue;
            }
            if (res.status === 200) {
              figures.scanned++;
              for (const leak of leaksIn(await answerText(res), sight, secrets))
                wrong.push(`${role} ${op.path}: ${leak}`);
            }
            continue;
          }
          for (const target of targets[row.record]) {
            const path = op.path.replace(/\{[a-zA-Z]+\}/, target.id) + (row.suffix ?? '');
            const res = await client.get(path);
            figures.calls++;
            figures.records++;
            const want = expected(role, row.action, target);
            if (res.status !== want) {
              wrong.push(`${role} ${op.path} ${target.label}: ${res.status}, want ${want}`);
              continue;
            }
            if (res.status === 200) {
              for (const leak of leaksIn(await answerText(res), sight, secrets))
                wrong.push(`${role} ${op.path} ${target.label}: ${leak}`);
            }
          }
        }
      }
      expect(wrong).toEqual([]);
    },
  );

  it('writes: refused without a session, and never 2xx or 5xx for an empty body', async () => {
    const wrong: string[] = [];
    const anonymous = new HttpClient(t.url);
    for (const op of operations.filter((o) => o.method !== 'GET')) {
      const path = concrete(op.path);
      const open = ['/api/auth/login', '/api/setup'].includes(op.path);
      // Signing out needs no body and touches only the caller's own session.
      if (op.path === '/api/auth/logout') continue;
      figures.writeRoutes++;
      figures.writeCalls++;
      const anon = await anonymous.request(op.method, path, {});
      if (!open && anon.status !== 401) wrong.push(`anonymous ${op.method} ${op.path}: ${anon.status}`);
      for (const role of Object.keys(ROLES) as RoleName[]) {
        const res = await clients[role].request(op.method, path, {});
        figures.writeCalls++;
        if ((res.status >= 200 && res.status < 300) || res.status >= 500)
          wrong.push(`${role} ${op.method} ${op.path}: ${res.status} ${res.text.slice(0, 100)}`);
      }
    }
    console.info(`route × role test, writes: ${JSON.stringify(figures)}`);
    expect(wrong).toEqual([]);
  });
});
