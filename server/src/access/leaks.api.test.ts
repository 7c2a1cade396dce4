import iconv from 'iconv-lite';
import { loadDemo } from '../features/demo/demo.service.ts';
import { given } from '../test/given.ts';
import { HttpClient } from '../test/http-client.ts';
import { answerText, leaksIn, readSecrets, type Secrets, type Sight } from '../test/leak-scan.ts';
import { startTestApp, type TestApp } from '../test/test-app.ts';

// Each leak found when the system was attacked as a hostile user would, replayed over HTTP with the demo's users
// and data: every test here failed before the one access policy (server/src/access) and passes now.

const S012 = '/KZ/KRG/KRG-KAR/KRG-KAR-012/';
const S035 = '/KZ/KRG/KRG-KAR/KRG-KAR-035/';
const CITY = '/KZ/KRG/KRG-KAR/';
const DISTRICT = '/KZ/KRG/KRG-BUH/';

const sight = {
  teacher: { under: [S012], classes: ['5А', '5Б'], masked: false },
  coordinator012: { under: [S012], classes: null, masked: false },
  coordinator035: { under: [S035], classes: null, masked: false },
  officerCity: { under: [CITY], classes: null, masked: true },
  officerDistrict: { under: [DISTRICT], classes: null, masked: true },
} satisfies Record<string, Sight>;

let t: TestApp;
let secrets: Secrets;
const as: Record<keyof typeof sight | 'director012', HttpClient> = {} as never;
const tokens: Record<string, string> = {};

/** Two children of school 012 outside the demo teacher's classes, with an IIN. */
type Child012 = {
  id: string;
  iin: string;
  surname: string;
  name: string;
  birth_date: string;
  class_label: string;
};
let other: Child012;
let other2: Child012;
/** A child of school 035 with an IIN. */
let far: { id: string; iin: string; surname: string; name: string; birth_date: string };

const expectNoLeaks = async (who: keyof typeof sight, path: string) => {
  const res = await as[who].get(path);
  expect(res.status, `${who} GET ${path}`).toBe(200);
  const found = leaksIn(await answerText(res), sight[who], secrets);
  expect(found, `${who} GET ${path}`).toEqual([]);
  return res;
};

beforeAll(async () => {
  t = await startTestApp();
  await loadDemo(t.services, given(t.services).operator, 'demo password 123');
  const g = given(t.services);
  const emails = {
    teacher: 'teacher.012@demo.mektep.kz',
    coordinator012: 'coordinator.012@demo.mektep.kz',
    director012: 'director.012@demo.mektep.kz',
    coordinator035: 'coordinator.035@demo.mektep.kz',
    officerCity: 'officer.city@demo.mektep.kz',
    officerDistrict: 'officer.district@demo.mektep.kz',
  };
  for (const [k, email] of Object.entries(emails)) {
    tokens[k] = await g.token(email);
    as[k as keyof typeof as] = HttpClient.withToken(t.url, tokens[k]);
  }
  const db = t.database.db;
  [other, other2] = (await db
    .selectFrom('children')
    .select(['id', 'iin', 'surname', 'name', 'birth_date', 'class_label'])
    .where('org_path', '=', S012)
    .where('class_label', 'not in', ['5А', '5Б'])
    .where('iin', 'is not', null)
    .orderBy('id')
    .limit(2)
    .execute()) as Child012[] as [Child012, Child012];
  far = (await db
    .selectFrom('children')
    .select(['id', 'iin', 'surname', 'name', 'birth_date'])
    .where('org_path', '=', S035)
    .where('iin', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow()) as typeof far;
  secrets = await readSecrets(t.database);
});
afterAll(() => t.close());

describe('duplicates never show a look-alike outside the viewer’s sight', () => {
  it('another school’s look-alike is "registered elsewhere", unnamed, for its staff, teacher and officer', async () => {
    // School 035 enters a child with the name and birth date of a child of school 012 (without an IIN).
    const twin = await as.coordinator035.post('/api/children', {
      surname: other.surname,
      name: other.name,
      birthDate: other.birth_date,
      classLabel: '3А',
    });
    expect(twin.status).toBe(201);
    // The demo teacher enters a look-alike of a child of another class of the same school.
    const mine = await as.teacher.post('/api/children', {
      surname: other.surname,
      name: other.name,
      birthDate: other.birth_date,
      classLabel: '5А',
    });
    expect(mine.status).toBe(201);
    secrets = await readSecrets(t.database);

    const seen035 = await expectNoLeaks('coordinator035', '/api/children/duplicates');
    expect(seen035.body.length).toBeGreaterThan(0);
    expect(seen035.body.every((d: { other: unknown }) => d.other === null)).toBe(true);
    const seenTeacher = await expectNoLeaks('teacher', '/api/children/duplicates');
    expect(seenTeacher.body.map((d: { child: { id: string } }) => d.child.id)).toContain(mine.body.id);
    await expectNoLeaks('officerDistrict', '/api/children/duplicates');
    await expectNoLeaks('officerCity', '/api/children/duplicates');
    // The school that holds both sees them named, as before.
    const seen012 = await expectNoLeaks('coordinator012', '/api/children/duplicates');
    expect(JSON.stringify(seen012.body)).toContain(other.id);
  });
});

describe('an officer’s masked IIN cannot be searched around', () => {
  it('finds a child only by the whole IIN, never by a prefix or a suffix', async () => {
    const iin = other.iin;
    for (const q of [iin.slice(0, 4), iin.slice(0, 6), iin.slice(0, 11), iin.slice(-4), iin.slice(1)]) {
      const res = await as.officerCity.get(`/api/children?q=${q}`);
      expect(res.status).toBe(200);
      expect(res.body.items, `officer ?q=${q}`).toEqual([]);
    }
    const whole = await expectNoLeaks('officerCity', `/api/children?q=${iin}`);
    expect(whole.body.items.map((c: { id: string }) => c.id)).toEqual([other.id]);
    expect(whole.body.items[0].iin).not.toBe(iin);
    // School staff keep searching by the first digits.
    const staff = await as.coordinator012.get(`/api/children?q=${iin.slice(0, 6)}`);
    expect(staff.body.items.map((c: { id: string }) => c.id)).toContain(other.id);
  });
});

describe('officers get no callers, phones or guardians', () => {
  it('hotline calls come without caller or phone', async () => {
    const call = await as.coordinator012.post('/api/hotline', {
      channel: 'phone',
      caller: 'Ахметова Гульнар Сериковна',
      callerPhone: '+7 701 555 12 34',
      subject: 'Мальчик не ходит в школу',
    });
    expect(call.status).toBe(201);
    secrets = await readSecrets(t.database);
    const list = await expectNoLeaks('officerCity', '/api/hotline');
    expect(list.body.items.length).toBeGreaterThan(0);
    await expectNoLeaks('officerCity', `/api/hotline/${call.body.id}`);
  });

  it('an act of transfer prints no guardian for an officer, in PDF and DOCX', async () => {
    const handover = await t.database.db
      .selectFrom('aid_handovers')
      .select('id')
      .where('org_path', '=', S012)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    for (const format of ['pdf', 'docx']) {
      await expectNoLeaks('officerCity', `/api/documents/act/${handover.id}?format=${format}`);
    }
  });
});

describe('a teacher sees only the children of their classes', () => {
  it('in aid, fairness, raids, cases, duplicates, pledges, transfers and the report’s trace', async () => {
    const campaign = 2025;
    const paths = [
      '/api/aid?limit=500',
      '/api/aid?year=2025&limit=500',
      '/api/aid/fairness?year=2025',
      '/api/raids',
      '/api/cases?status=all',
      '/api/children/duplicates',
      '/api/pledges?limit=500',
      '/api/children/transfers',
      '/api/children?limit=500',
      '/api/children/export.xlsx',
      ...['total.students', 'sponsors.students', 'fv.students', 'raids.childrenFound', 'children.listed'].map(
        (m) => `/api/reports/trace?campaign=${campaign}&metric=${m}&limit=1000`,
      ),
    ];
    for (const p of paths) await expectNoLeaks('teacher', p);
    const fairness = await as.teacher.get('/api/aid/fairness?year=2025');
    expect(JSON.stringify(fairness.body)).not.toContain('"6А"');
  });

  it('in a handover and its act: only the lines of their classes, or 404 when it has none', async () => {
    const handovers = await t.database.db
      .selectFrom('aid_handovers')
      .select('id')
      .where('org_path', '=', S012)
      .execute();
    const statuses = new Set<number>();
    for (const h of handovers) {
      for (const p of [`/api/aid/handovers/${h.id}`, `/api/documents/act/${h.id}?format=docx`]) {
        const res = await as.teacher.get(p);
        statuses.add(res.status);
        if (res.status === 200) expect(leaksIn(await answerText(res), sight.teacher, secrets), p).toEqual([]);
        else expect(res.status, p).toBe(404);
      }
    }
    expect(statuses).toContain(404);
  });

  it('cannot open a case, link a hotline call or put a child on the list in another class', async () => {
    const caseRes = await as.teacher.post('/api/cases', {
      childId: other.id,
      childName: other.surname,
      openedOn: '2025-09-01',
    });
    expect(caseRes.status).toBe(404);
    const call = await as.coordinator012.post('/api/hotline', { channel: 'phone', subject: 'Звонок' });
    const linked = await as.teacher.post(`/api/hotline/${call.body.id}/child`, {
      newChild: { surname: 'Нуров', name: 'Али', birthDate: '2014-03-03', classLabel: '6А' },
    });
    expect([403, 404]).toContain(linked.status);
    const created = await as.teacher.post('/api/children', {
      surname: 'Нуров',
      name: 'Али',
      birthDate: '2014-03-03',
      classLabel: '6А',
    });
    expect(created.status, created.text).toBe(400);
    expect(created.body.error.fields).toHaveProperty('classLabel');
  });

  it('an import row without an IIN never matches a child of another class', async () => {
    const [y, m, d] = other2.birth_date.split('-');
    const header =
      'ИИН;Фамилия;Имя;Отчество;Дата рождения;Школа (код);Класс;Категории;Законный представитель;Телефон;Адрес';
    const row = ['', other2.surname, other2.name, '', `${d}.${m}.${y}`, '', '5Б', '', '', '', ''];
    const form = new FormData();
    const data = iconv.encode(`${header}\r\n${row.join(';')}\r\n`, 'win1251');
    form.append('file', new Blob([new Uint8Array(data)]), 'дети.csv');
    const res = await fetch(`${t.url}/api/import/apply`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${tokens.teacher}` },
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.files[0].sheets[0].result).toMatchObject({ updated: 0 });
    const still = await t.database.db
      .selectFrom('children')
      .select('class_label')
      .where('id', '=', other2.id)
      .executeTakeFirstOrThrow();
    expect(still.class_label).toBe(other2.class_label);
    expect((await as.teacher.get(`/api/children/${other2.id}`)).status).toBe(404);
  });
});

describe('an IIN held elsewhere is never named', () => {
  const elsewhere = {
    ru: 'Ребёнок с таким ИИН числится в другой школе',
    kk: 'Осы ЖСН-мен бала басқа мектепте тіркелген',
    en: 'A child with this IIN is registered at another school',
  };

  it('creating a child with another school’s IIN says only "registered at another school", in each language', async () => {
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const res = await new HttpClient(t.url, { token: tokens.coordinator012, lang }).post('/api/children', {
        iin: far.iin,
        surname: 'Иванов',
        name: 'Иван',
        birthDate: '2014-01-01',
        classLabel: '5А',
      });
      expect(res.status).toBe(409);
      expect(res.text).toContain(elsewhere[lang]);
      expect(leaksIn(res.text, sight.coordinator012, secrets)).toEqual([]);
      expect(res.text).not.toContain('035');
    }
  });

  it('an import preview says the same and names no school', async () => {
    const header =
      'ИИН;Фамилия;Имя;Отчество;Дата рождения;Школа (код);Класс;Категории;Законный представитель;Телефон;Адрес';
    const row = [far.iin, 'Иванов', 'Иван', '', '01.01.2014', '', '5А', '', '', '', ''];
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(iconv.encode(`${header}\r\n${row.join(';')}\r\n`, 'win1251'))]),
      'дети.csv',
    );
    const res = await fetch(`${t.url}/api/import/preview`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${tokens.teacher}`, 'accept-language': 'ru' },
    });
    const text = await res.text();
    expect(text).toContain(elsewhere.ru);
    expect(text).not.toContain('035');
    expect(text).not.toContain(far.surname);
  });

  it('a teacher’s transfer request names neither the child nor the school that holds it', async () => {
    const res = await as.teacher.post('/api/children/transfers', { iin: far.iin, classLabel: '5А' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ childId: null, childName: null, fromSchoolCode: null });
    expect(leaksIn(res.text, sight.teacher, secrets)).toEqual([]);
  });

  it('a case or a hotline call for another school’s child is refused as missing', async () => {
    expect(
      (
        await as.coordinator012.post('/api/cases', {
          childId: far.id,
          childName: far.surname,
          openedOn: '2025-09-01',
        })
      ).status,
    ).toBe(404);
    const call = await as.coordinator012.post('/api/hotline', {
      channel: 'phone',
      subject: 'Звонок',
      childId: far.id,
    });
    expect(call.status).toBe(404);
  });

  it('a second case for a child with an open case is a clear 409', async () => {
    const first = await as.coordinator012.post('/api/cases', {
      childId: other.id,
      childName: other.surname,
      openedOn: '2025-09-01',
    });
    expect([201, 409]).toContain(first.status);
    const again = await as.coordinator012.post('/api/cases', {
      childId: other.id,
      childName: other.surname,
      openedOn: '2025-09-02',
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'case_open',
      existingId: first.body.id ?? expect.any(String),
    });
  });
});
