// The report computed in SQL from the facts equals the domain's buildReport over the same records, figure for
// figure, for every unit of a tree: random campaigns written through the tables, children shared by schools
// (transfers), several categories per child, sponsors registered at every level, reversals; facts built in bulk and
// then changed one write at a time.
import fc from 'fast-check';
import { CATEGORY_CODES, type ChildMark } from '#domain/categories';
import type { Lang } from '#domain/lang';
import { buildReport } from '#domain/report/build-report';
import type { Report } from '#domain/report/report';
import { schoolInputArb } from '#domain/report/report-arbitraries';
import type { ChildStatus, ReportInput } from '#domain/report/report-input';
import { policy } from '../../access/policy.ts';
import { given } from '../../test/given.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { refreshReportFacts } from './facts/report-facts.ts';
import { assembleReportInput } from './report-input-builder.ts';
import { ReportReader } from './report-reader.ts';
import { ReportsRepository } from './reports.repository.ts';
import { reportGiven } from './test/report-given.ts';

let t: TestApp;
const UNITS = ['KZ', 'R1', 'R2', 'C1', 'C2', 'C3', 'C4', 'SA', 'SB', 'SC', 'SD', 'SE'];
const SCHOOLS = ['SA', 'SB', 'SC', 'SE'] as const;

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  const add = (code: string, parentCode: string, type: 'region' | 'district' | 'school') =>
    t.services.orgUnits.create(g.operator, {
      code,
      parentCode,
      type,
      nameRu: `Ед ${code}`,
      nameKk: `Бір ${code}`,
    });
  await add('SD', 'C2', 'school');
  await add('C3', 'R1', 'district'); // a district with no schools yet: a leaf of the tree
  await add('R2', 'KZ', 'region');
  await add('C4', 'R2', 'district');
  await add('SE', 'C4', 'school');
}, 60_000);
afterAll(() => t.close());

/** The reference: the records of the subtree loaded into the process and computed by the domain. */
async function reference(code: string, year: number, lang: Lang): Promise<Report | null> {
  const repo = new ReportsRepository(t.database.db);
  const unit = (await repo.findUnit(code, policy.everywhere('unit.read', 'operator')))!;
  const records = await repo.load(policy.everywhere('report.read', 'operator', unit), year);
  if (records.campaigns.length === 0) return null;
  const report = buildReport(assembleReportInput(records, unit, lang));
  // The report from SQL carries one level of units (each unit below has its own report).
  return { ...report, units: report.units.map((u) => ({ ...u, units: [] })) };
}

async function fromFacts(code: string, year: number, lang: Lang): Promise<Report | null> {
  const repo = new ReportsRepository(t.database.db);
  const unit = (await repo.findUnit(code, policy.everywhere('unit.read', 'operator')))!;
  const scope = policy.everywhere('report.read', 'operator', unit);
  const campaigns = await repo.campaigns(scope, year);
  if (campaigns.length === 0) return null;
  return new ReportReader(t.database.db).report(scope, unit, year, lang, campaigns);
}

const mutationArb = fc.oneof(
  fc.record({
    kind: fc.constant('categories' as const),
    child: fc.nat(20),
    categories: fc.uniqueArray(fc.constantFrom<ChildMark>(...CATEGORY_CODES, 'not_attending'), {
      maxLength: 3,
    }),
  }),
  fc.record({ kind: fc.constant('transfer' as const), child: fc.nat(20), to: fc.constantFrom(...SCHOOLS) }),
  fc.record({
    kind: fc.constant('status' as const),
    child: fc.nat(20),
    status: fc.constantFrom<ChildStatus>('proposed', 'approved', 'rejected', 'helped', 'archived'),
  }),
  fc.record({ kind: fc.constant('reverse' as const), row: fc.nat(60) }),
  fc.record({
    kind: fc.constant('aid' as const),
    child: fc.nat(20),
    at: fc.constantFrom(...SCHOOLS),
    sponsor: fc.option(fc.nat(2)),
    amount: fc.integer({ min: 1, max: 90_000 }),
  }),
);

const runArb = fc.record({
  schools: fc.tuple(...SCHOOLS.map((s) => schoolInputArb(s))),
  /** Where the year's campaigns are opened: one for everyone, per region, or per school. */
  campaigns: fc.constantFrom('KZ', 'R1', 'C1', 'schools', 'mixed'),
  closed: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  /** Where each of the three sponsors is registered. */
  sponsorsAt: fc.tuple(...[0, 1, 2].map(() => fc.constantFrom('KZ', 'R1', 'C1', 'C2', 'SA', 'SC'))),
  lang: fc.constantFrom<Lang>('kk', 'ru', 'en'),
  /** How many aid rows are written before the facts are first built in bulk. */
  split: fc.nat(100),
  mutations: fc.array(mutationArb, { maxLength: 8 }),
});

let run = 0;

describe('the report from SQL', () => {
  it('equals buildReport over the same records for every unit, figure for figure', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async (data) => {
        run += 1;
        const year = 2030 + run;
        const r = reportGiven(t.database, { manualFacts: true });
        const db = t.database.db;
        const ymd = (date: string) => `${year}${date.slice(4)}`;

        // Campaigns of the year.
        const campaignAt: Record<string, string> = {};
        const open = async (code: string, i: number) => {
          campaignAt[code] = await r.campaign(code, year, {
            closed: data.closed[i % data.closed.length],
            motto: i % 2 === 0 ? `Девиз ${code}` : undefined,
          });
        };
        if (data.campaigns === 'schools') for (const [i, s] of SCHOOLS.entries()) await open(s, i);
        else if (data.campaigns === 'mixed') {
          await open('C1', 0);
          await open('SA', 1);
          await open('SC', 2);
        } else await open(data.campaigns, 0);
        const campaignOf = (school: string) =>
          campaignAt[school] ??
          campaignAt[school === 'SA' || school === 'SB' ? 'C1' : ''] ??
          campaignAt[school === 'SE' ? 'R2' : 'R1'] ??
          campaignAt.KZ ??
          null;

        // Sponsors registered at different levels, the first school's version of each.
        const sponsorIds = new Map<string, string>();
        for (const [i, id] of ['s1', 's2', 's3'].entries()) {
          const version = data.schools.flatMap((s) => s.sponsors).find((s) => s.id === id);
          sponsorIds.set(
            id,
            await r.sponsor(data.sponsorsAt[i]!, {
              name: `${version?.name ?? 'Спонсор'} ${run}-${i}`,
              type: version?.type,
              head: version?.head ?? null,
              anonymous: version?.anonymous,
            }),
          );
        }

        // Children: one record per id, at the first school listing it; a child only helped is archived there.
        const childIds = new Map<string, string>();
        const schoolOfChild = new Map<string, string>();
        for (const [i, input] of data.schools.entries()) {
          for (const c of input.children) {
            if (childIds.has(c.id)) continue;
            childIds.set(c.id, await r.child(SCHOOLS[i]!, { categories: c.categories, status: c.status }));
            schoolOfChild.set(c.id, SCHOOLS[i]!);
          }
        }
        for (const [i, input] of data.schools.entries()) {
          for (const a of input.aid) {
            if (childIds.has(a.childId)) continue;
            childIds.set(a.childId, await r.child(SCHOOLS[i]!, { status: 'archived' }));
          }
        }

        // Aid, the reversing rows after the rows they cancel; the first `split` rows before the bulk build.
        const aidIds = new Map<string, string>();
        const rows: { school: string; input: ReportInput; a: ReportInput['aid'][number] }[] = [];
        for (const [i, input] of data.schools.entries())
          for (const a of input.aid) rows.push({ school: SCHOOLS[i]!, input, a });
        rows.sort((x, y) => Number(Boolean(x.a.reverses)) - Number(Boolean(y.a.reverses)));
        const writeAid = async ({ school, a }: (typeof rows)[number]) => {
          aidIds.set(
            `${school}:${a.id}`,
            await r.aid(school, {
              childId: childIds.get(a.childId)!,
              date: ymd(a.date),
              amount: a.amount,
              sponsorId: a.source.kind === 'sponsor' ? (sponsorIds.get(a.source.sponsorId) ?? null) : null,
              form: a.form,
              items: a.items,
              reverses: a.reverses ? aidIds.get(`${school}:${a.reverses}`) : null,
            }),
          );
        };
        const split = Math.min(rows.length, Math.floor((data.split / 100) * rows.length));
        for (const row of rows.slice(0, split)) await writeAid(row);

        // Raids with varied place names, hotline, plan and materials.
        const placeNames = ['рынок', 'Рынок ', '«рынок»', null, 'ТЦ «Мега»'];
        for (const [i, input] of data.schools.entries()) {
          const school = SCHOOLS[i]!;
          const campaign = campaignOf(school);
          for (const [k, raid] of input.raids.entries()) {
            await r.raid(
              school,
              k % 2 === 0 ? campaign : null,
              {
                ...raid,
                date: ymd(raid.date),
                places: [
                  { kind: 'market', name: placeNames[(i + k) % placeNames.length] as string },
                  ...(k === 1 ? [{ kind: 'computer_club', name: 'клуб' }] : []),
                ],
                participants: [
                  ...raid.participants,
                  ...(k % 2 === 1 ? [{ kind: 'ngo', count: 2, orgs: ['«Жас Өркен»', `НПО ${i}`] }] : []),
                ],
              },
              childIds,
            );
          }
          for (const call of input.hotline) await r.hotline(school, campaign, call.status);
          if (campaign) {
            let n = 0;
            for (const item of input.plan) await r.plan(school, campaign, item.status, (n += 1));
            for (const lang of input.booklets.languages) await r.materials(school, campaign, lang);
            if (input.stand && input.booklets.languages.length === 0)
              await r.materials(school, campaign, 'xx');
          }
        }

        // The bulk build (set-based, as an import does), then the rest written one by one with their refresh.
        await refreshReportFacts(db, childIds.values());
        const single = reportGiven(t.database);
        for (const row of rows.slice(split)) {
          await writeAid(row);
          await refreshReportFacts(db, [childIds.get(row.a.childId)!]);
        }
        const children = [...childIds.values()];
        const aidList = [...aidIds.values()];
        for (const m of data.mutations) {
          if (m.kind === 'reverse') {
            const target = aidList[m.row % Math.max(1, aidList.length)];
            if (!target) continue;
            const row = await db
              .selectFrom('aid')
              .selectAll()
              .where('id', '=', target)
              .executeTakeFirstOrThrow();
            const already = await db
              .selectFrom('aid')
              .select('id')
              .where('reverses', '=', row.id)
              .executeTakeFirst();
            if (row.reverses || already) continue;
            const code = (
              await db
                .selectFrom('org_units')
                .select('code')
                .where('id', '=', row.org_unit_id)
                .executeTakeFirstOrThrow()
            ).code;
            await single.aid(code, {
              childId: row.child_id,
              date: row.date,
              amount: -Number(row.amount),
              sponsorId: row.sponsor_id,
              form: row.form,
              reverses: row.id,
            });
            continue;
          }
          const child = children[m.child % children.length];
          if (!child) continue;
          if (m.kind === 'categories') {
            await single.setCategories(child, m.categories);
          } else if (m.kind === 'transfer') {
            await single.transfer(child, m.to);
          } else if (m.kind === 'status') {
            await single.setStatus(child, m.status);
          } else {
            await single.aid(m.at, {
              childId: child,
              date: `${year}-09-01`,
              amount: m.amount,
              sponsorId: m.sponsor === null ? null : [...sponsorIds.values()][m.sponsor]!,
            });
          }
        }

        for (const code of UNITS) {
          const expected = await reference(code, year, data.lang);
          const actual = await fromFacts(code, year, data.lang);
          expect(actual, `${code} ${year}`).toEqual(expected);
        }
        // And year 0 for a year without any campaign: both say there is none.
        expect(await fromFacts('KZ', 1999, data.lang)).toBeNull();
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 12), endOnFailure: true },
    );
  }, 600_000);
});
