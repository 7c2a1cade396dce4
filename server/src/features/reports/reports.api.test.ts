import { exampleSchoolInput } from '#domain/report/example-school-input';
import { REPORT_MESSAGES } from '#domain/report/report-messages';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';
import { cliViewer } from '../../access/viewer.ts';
import { reportGiven } from './test/report-given.ts';
import { containsAll, docxText, EXAMPLE_FIGURES, EXAMPLE_RU_NUMBERS, numbersIn } from './test/report-text.ts';

let t: TestApp;
let officer: HttpClient;
let coordA: HttpClient;
let coordB: HttpClient;
let officerToken: string;
const anonymous = () => new HttpClient(t.url);
const example = exampleSchoolInput();
let surnamesOfA: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA', 'coord.a@test.kz');
  await g.user('coordinator', 'SB', 'coord.b@test.kz');
  await g.user('officer', 'C1', 'officer.c1@test.kz');
  officerToken = await g.token('officer.c1@test.kz');
  officer = HttpClient.withToken(t.url, officerToken);
  coordA = HttpClient.withToken(t.url, await g.token('coord.a@test.kz'));
  coordB = HttpClient.withToken(t.url, await g.token('coord.b@test.kz'));

  const r = reportGiven(t.database);
  // Each school opened its own campaign: SA has closed it, SB has not; SC's is open with nothing recorded.
  const campA = await r.campaign('SA', 2023, { motto: example.campaign.motto!, closed: true });
  const campB = await r.campaign('SB', 2023, { motto: example.campaign.motto! });
  await r.campaign('SC', 2023);
  await r.exampleSchool('SA', example, campA);
  surnamesOfA = (await t.database.db.selectFrom('children').select('surname').execute()).map(
    (c) => c.surname,
  );

  // SB: a district sponsor also helps here, three children, one of them twice.
  const districtSponsor = await r.sponsor('C1', { name: 'ТОО «Общий спонсор»', head: 'Иванов И. И.' });
  const b1 = await r.child('SB', { surname: 'Беков', categories: ['asp'], iin: '900101300007' });
  const b2 = await r.child('SB', { surname: 'Сериков', categories: ['large_family'] });
  const b3 = await r.child('SB', { surname: 'Нурланов', categories: ['orphan'] });
  await r.aid('SB', { childId: b1, date: '2023-08-12', amount: 40_567 });
  await r.aid('SB', { childId: b1, date: '2023-09-02', amount: 10_000 });
  await r.aid('SB', {
    childId: b2,
    date: '2023-08-20',
    amount: 15_000,
    sponsorId: districtSponsor,
    form: 'goods',
  });
  await r.aid('SB', {
    childId: b3,
    date: '2023-08-21',
    amount: 15_000,
    sponsorId: districtSponsor,
    form: 'goods',
  });
  // SD: a third school of the district, closed, where the district sponsor helped one child.
  await t.services.orgUnits.create(g.operator, {
    code: 'SD',
    parentCode: 'C1',
    type: 'school',
    nameRu: 'Школа Г',
    nameKk: 'Г мектебі',
  });
  await r.campaign('SD', 2023, { closed: true });
  const d1 = await r.child('SD', { surname: 'Даулетов', categories: ['asp'] });
  await r.aid('SD', {
    childId: d1,
    date: '2023-09-15',
    amount: 5_000,
    sponsorId: districtSponsor,
    form: 'goods',
  });
  await r.hotline('SB', campB, 'open');

  // Needs for the public page of SA: six children need a uniform, three need shoes (too few to show).
  const kids = await t.database.db
    .selectFrom('children')
    .select('id')
    .where('org_path', 'like', '%/SA/')
    .execute();
  for (const kid of kids.slice(0, 6)) await r.need(kid.id, 'uniform');
  for (const kid of kids.slice(6, 9)) await r.need(kid.id, 'shoes');
});
afterAll(() => t.close());

const narrative = (text: string) => text.split(/\n## /)[0]!.split(/\n_/)[0]!.replace(/^# /, '');

async function download(path: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await fetch(t.url + path, { headers: { authorization: `Bearer ${officerToken}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer()),
  };
}

describe('the campaign report', () => {
  it("states the example school's figures in the example's order, in ru", async () => {
    const md = await coordA.get('/api/reports?org=SA&campaign=2023&lang=ru&format=md');
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(numbersIn(narrative(md.text), 'ru')).toEqual(EXAMPLE_RU_NUMBERS);
    const json = (await coordA.get('/api/reports?org=SA&campaign=2023&format=json')).body;
    expect(json.fv).toMatchObject({ students: 21, amount: 842_300 });
    expect(json.fv.byMonth).toEqual([
      { month: '2023-08', students: 15, amount: 610_500 },
      { month: '2023-09', students: 6, amount: 231_800 },
    ]);
    expect(json.sponsors.list.map((s: { amount: number }) => s.amount)).toEqual([
      260_000, 35_000, 80_000, 90_000, 50_000,
    ]);
    expect(json.raids).toMatchObject({ count: 2, childrenFound: 4, returnedToSchool: 4 });
    expect(json.hotline).toMatchObject({ calls: 14, closed: 14 });
    expect(json.plan).toMatchObject({ items: 9, done: 9 });
    expect(json.children.listed).toBe(41);
  });

  it('states the same figures in the same order in the DOCX', async () => {
    const docx = await download('/api/reports?org=SA&campaign=2023&lang=ru&format=docx');
    expect(docx.status).toBe(200);
    expect(docx.type).toMatch(/wordprocessingml/);
    const text = await docxText(docx.body);
    expect(numbersIn(text.split('Таблицы')[0]!, 'ru')).toEqual(EXAMPLE_RU_NUMBERS);
  });

  it.each(['kk', 'en'] as const)('carries the same figures in %s', async (lang) => {
    const md = await coordA.get(`/api/reports?org=SA&campaign=2023&lang=${lang}&format=md`);
    expect(md.status).toBe(200);
    expect(containsAll(numbersIn(narrative(md.text), lang), EXAMPLE_FIGURES)).toBe(true);
  });

  it('rolls a district up over its schools: sums, distinct children, one line per sponsor, units ranked', async () => {
    type Figures = {
      total: Fig;
      fv: Fig;
      sponsors: Fig;
      children: { listed: number };
      raids: { count: number };
    };
    type Fig = { students: number; amount: number };
    const schools: Figures[] = [];
    for (const code of ['SA', 'SB', 'SD'])
      schools.push((await officer.get(`/api/reports?org=${code}&campaign=2023`)).body);
    const sum = (f: (r: Figures) => number) => schools.reduce((s, r) => s + f(r), 0);
    const c1 = (await officer.get('/api/reports?org=C1&campaign=2023')).body;
    expect(c1.total.amount).toBe(sum((r) => r.total.amount));
    expect(c1.total.students).toBe(sum((r) => r.total.students));
    expect(c1.fv).toMatchObject({ students: sum((r) => r.fv.students), amount: sum((r) => r.fv.amount) });
    expect(c1.sponsors.amount).toBe(sum((r) => r.sponsors.amount));
    expect(c1.children.listed).toBe(sum((r) => r.children.listed));
    expect(c1.raids.count).toBe(sum((r) => r.raids.count));
    const shared = c1.sponsors.list.filter((s: { name: string }) => s.name === 'ТОО «Общий спонсор»');
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ students: 3, amount: 35_000 });
    expect(c1.units.map((u: { org: { code: string } }) => u.org.code)).toEqual(['SA', 'SB', 'SD']);
    expect(c1.units.map((u: { campaign: { closed: boolean } }) => u.campaign.closed)).toEqual([
      true,
      false,
      true,
    ]);
    expect(c1.campaign.closed).toBe(false);

    const view = (await officer.get('/api/reports/view?org=C1&campaign=2023&lang=ru')).body;
    const units = view.tables.find((x: { id: string }) => x.id === 'units');
    expect(units.rows.map((r: unknown[]) => r.slice(0, 2))).toEqual([
      [1, example.org.name],
      [2, 'Школа Б'],
      [3, 'Школа Г'],
    ]);
    expect(units.marked).toEqual([1]);
    expect(view.years).toEqual([2023]);

    const region = (await officer.get('/api/reports?org=C1&campaign=2023&format=md&lang=en')).text;
    expect(region).toContain('campaign not closed');
  });

  it('gives 404 for a unit outside the caller, a missing unit or a year without a campaign', async () => {
    const outside = await coordB.get('/api/reports?org=SA&campaign=2023');
    const missing = await coordB.get('/api/reports?org=NOPE&campaign=2023');
    expect(outside.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
    expect((await coordB.get('/api/reports?org=SB&campaign=2019')).status).toBe(404);
    expect((await officer.get('/api/reports?org=R1&campaign=2023')).status).toBe(404);
    expect((await coordB.get('/api/reports/trace?org=SA&campaign=2023&metric=fv.students')).status).toBe(404);
    expect((await anonymous().get('/api/reports?org=SA&campaign=2023')).status).toBe(401);
  });

  it('refuses an unsupported language or format with 400 naming the supported ones', async () => {
    const lang = await coordA.get('/api/reports?org=SA&campaign=2023&lang=de');
    expect(lang.status).toBe(400);
    expect(lang.body.error.fields.lang).toContain('kk, ru, en');
    const format = await coordA.get('/api/reports?org=SA&campaign=2023&format=odt');
    expect(format.status).toBe(400);
    expect(format.body.error.fields.format).toContain('json, md, docx, pdf, xlsx');
  });

  it('says there is nothing yet for a campaign without records', async () => {
    const json = (await officer.get('/api/reports?org=C2&campaign=2023')).status;
    expect(json).toBe(404);
    const g = given(t.services);
    await g.user('officer', 'C2', 'officer.c2@test.kz');
    const c2 = HttpClient.withToken(t.url, await g.token('officer.c2@test.kz'));
    const sc = await c2.get('/api/reports?org=SC&campaign=2023');
    expect(sc.status).toBe(200);
    expect(sc.body.total).toEqual({ students: 0, amount: 0 });
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const md = await c2.get(`/api/reports?org=SC&campaign=2023&format=md&lang=${lang}`);
      expect(md.text).toContain(REPORT_MESSAGES[lang].narrative.nothingYet);
    }
    for (const format of ['docx', 'pdf', 'xlsx']) {
      const res = await fetch(`${t.url}/api/reports?org=SC&campaign=2023&format=${format}`, {
        headers: { authorization: `Bearer ${await g.token('officer.c2@test.kz')}` },
      });
      expect(res.status).toBe(200);
    }
  });

  it('lists the records behind a figure, and they add up to it', async () => {
    const trace = (
      await officer.get('/api/reports/trace?org=C1&campaign=2023&metric=fv.students&month=2023-08')
    ).body;
    expect(trace.value).toBe(15 + 1);
    expect(trace.items).toHaveLength(16 + 1);
    const amount = (
      await officer.get('/api/reports/trace?org=C1&campaign=2023&metric=fv.amount&month=2023-08')
    ).body;
    expect(amount.value).toBe(610_500 + 40_567);
    expect(amount.items.reduce((s: number, r: { amount: number }) => s + r.amount, 0)).toBe(amount.value);
    expect(amount.items.every((r: { kind: string }) => r.kind === 'aid')).toBe(true);
    const sponsor = (await officer.get('/api/reports?org=C1&campaign=2023')).body.sponsors.list.find(
      (s: { name: string }) => s.name === 'ТОО «Общий спонсор»',
    );
    const bySponsor = (
      await officer.get(
        `/api/reports/trace?org=C1&campaign=2023&metric=sponsors.students&sponsor=${sponsor.id}`,
      )
    ).body;
    expect(bySponsor.value).toBe(3);
    expect(bySponsor.items).toHaveLength(3);
    const listed = (await coordA.get('/api/reports/trace?org=SA&campaign=2023&metric=children.listed')).body;
    expect(listed.value).toBe(41);
    expect(listed.total).toBe(41);
    const raids = (await coordA.get('/api/reports/trace?org=SA&campaign=2023&metric=raids.returnedToSchool'))
      .body;
    expect(raids.value).toBe(4);
    expect((await coordA.get('/api/reports/trace?org=SA&campaign=2023&metric=nope')).status).toBe(400);
  });

  it('pages the records behind a figure with a cursor, each record once, the counts carried along', async () => {
    for (const metric of ['children.listed', 'total.amount', 'fv.students']) {
      const base = `/api/reports/trace?org=C1&campaign=2023&metric=${metric}`;
      const whole = (await officer.get(`${base}&limit=1000`)).body;
      expect(whole.next).toBeNull();
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await officer.get(`${base}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(7);
        expect(res.body.total).toBe(whole.total);
        expect(res.body.value).toBe(whole.value);
        seen.push(...res.body.items.map((r: { id: string }) => r.id));
        cursor = res.body.next;
      } while (cursor);
      expect(seen).toEqual(whole.items.map((r: { id: string }) => r.id));
      expect(seen.length).toBe(whole.total);
      expect(new Set(seen).size).toBe(seen.length);
    }
    const bad = await officer.get('/api/reports/trace?org=C1&campaign=2023&metric=total.amount&cursor=xyz');
    expect(bad.status).toBe(400);
  });

  it('rolls a region up over its districts, each district over its schools', async () => {
    const operator = { viewer: cliViewer(), ip: null };
    const build = async (org: string) => {
      const out = await t.services.reports.report(operator, { org, campaign: 2023 });
      if (out.kind !== 'json') throw new Error('expected json');
      return out.body;
    };
    const [r1, c1, c2] = [await build('R1'), await build('C1'), await build('C2')];
    expect(r1.units.map((u) => u.org.code)).toEqual(['C1', 'C2']);
    // One level of units: each unit below has its own report, with its own units.
    expect(r1.units[0]!.units).toEqual([]);
    expect(c1.units.map((u) => u.org.code)).toEqual(['SA', 'SB', 'SD']);
    expect(r1.total).toEqual({
      students: c1.total.students + c2.total.students,
      amount: c1.total.amount + c2.total.amount,
    });
    expect(r1.outreach.schools).toBe(4);
    expect(r1.units[0]!.campaign.closed).toBe(false);
  });

  it("lists to a teacher none of the records of children outside the teacher's classes", async () => {
    const g = given(t.services);
    await g.user('teacher', 'SA', 'teacher.a@test.kz', ['7В']);
    const teacher = HttpClient.withToken(t.url, await g.token('teacher.a@test.kz'));
    const listed = await teacher.get('/api/reports/trace?org=SA&campaign=2023&metric=children.listed');
    expect(listed.status).toBe(200);
    expect(listed.body.value).toBe(41);
    expect(listed.body.items).toEqual([]);
    const coordinator = (await coordA.get('/api/reports/trace?org=SA&campaign=2023&metric=children.listed'))
      .body;
    expect(coordinator.items[0].label).toMatch(/5А$/);
  });

  it('draws the dashboard from the same figures', async () => {
    const dash = (await officer.get('/api/reports/dashboard?org=C1&campaign=2023')).body;
    const c1 = (await officer.get('/api/reports?org=C1&campaign=2023')).body;
    const weekly = dash.weeks.reduce(
      (s: number, w: { fv: number; sponsors: number }) => s + w.fv + w.sponsors,
      0,
    );
    expect(weekly).toBe(c1.total.amount);
    expect(dash.weeks[0].week).toBe(1);
    expect(dash.coverage.listed).toBe(c1.children.listed);
    expect(dash.units.map((u: { code: string }) => u.code)).toEqual(['SA', 'SB', 'SD']);
    expect(dash.history).toEqual([{ year: 2023, students: c1.total.students, amount: c1.total.amount }]);
  });
});

describe('the public campaign page', () => {
  it('shows totals and needs to anyone, never a name, IIN or class, and no group under five', async () => {
    const page = await anonymous().get('/api/public/campaigns/SA/2023?lang=ru');
    expect(page.status).toBe(200);
    expect(page.body.campaign).toMatchObject({ year: 2023, motto: example.campaign.motto });
    expect(page.body.org.hotline).toBe('8 (7212) 00-00-00');
    expect(page.body.totals.students).toBe(45);
    expect(page.body.needs.map((n: { item: string }) => n.item)).toEqual(['uniform']);
    expect(page.body.needs[0].children).toBe(6);
    expect(page.body.sponsors).not.toContain('Профсоюзный комитет ТОО «Энергосбыт»');
    expect(page.body.anonymousSponsors).toBe(1);
    for (const surname of surnamesOfA) expect(page.text).not.toContain(surname);
    expect(page.text).not.toMatch(/5А/);
    const small = await anonymous().get('/api/public/campaigns/SB/2023');
    expect(small.status).toBe(200);
    expect(small.body.totals.students).toBeNull();
    expect(small.body.totals.amount).toBeNull();
    expect(small.text).not.toContain('900101300007');
    expect(small.text).not.toContain('Беков');
    expect((await anonymous().get('/api/public/campaigns/NOPE/2023')).status).toBe(404);
    expect((await anonymous().get('/api/public/campaigns/SA/2019')).status).toBe(404);
  });
});
