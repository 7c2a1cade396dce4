import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { HttpClient } from '../../test/http-client.ts';
import { given } from '../../test/given.ts';
import { addChildren, type FixtureChild } from './help-fixtures.ts';
import { expectFactsMatchRebuild } from '../reports/test/facts-check.ts';

const PM_2023 = 40567;
let t: TestApp;
let coordA: HttpClient;
let coordB: HttpClient;
let officer: HttpClient;
let tokenA: string;
let asp: FixtureChild[];

const aidCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('aid')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const fvBatch = (children: FixtureChild[], amount: number | string = PM_2023, date = '2023-08-15') => ({
  date,
  source: 'fv',
  form: 'money',
  lines: children.map((c) => ({ childId: c.id, amount })),
});

beforeAll(async () => {
  t = await startTestApp({ UPLOAD_MAX_MB: 1 });
  const g = given(t.services);
  await g.tree();
  await g.user('coordinator', 'SA', 'coord.a@test.kz');
  await g.user('coordinator', 'SB', 'coord.b@test.kz');
  await g.user('officer', 'C1', 'officer.c1@test.kz');
  tokenA = await g.token('coord.a@test.kz');
  coordA = HttpClient.withToken(t.url, tokenA);
  coordB = HttpClient.withToken(t.url, await g.token('coord.b@test.kz'));
  officer = HttpClient.withToken(t.url, await g.token('officer.c1@test.kz'));
  asp = await addChildren(t.database, 'SA', 40, {
    categories: [{ code: 'asp', docName: 'Справка о назначении АСП' }],
  });
});
afterAll(() => t.close());

describe('ФВ aid', () => {
  it('records the allocation and hands ФВ aid to 32 children at the PM in one batch', async () => {
    const pm = await coordA.get('/api/reference/pm');
    expect(pm.body.items).toContainEqual({ year: 2023, amount: PM_2023, version: 1 });
    const put = await coordA.request('PUT', '/api/fv/SA/2023', { allocated: '1 400 000' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ allocated: 1_400_000, decided: 0, left: 1_400_000 });

    const res = await coordA.post('/api/aid/handovers', fvBatch(asp.slice(0, 32)));
    expect(res.status).toBe(201);
    expect(res.body.handover).toMatchObject({ students: 32, total: 32 * PM_2023, source: 'fv' });
    expect(res.body.warnings).toEqual([]);
    const fv = await officer.get('/api/fv?org=C1&year=2023');
    const sa = fv.body.items.find((r: { orgCode: string }) => r.orgCode === 'SA');
    expect(sa).toMatchObject({
      allocated: 1_400_000,
      decided: 1_298_144,
      paid: 0,
      left: 101_856,
      students: 32,
    });
    expect(fv.body.total.decided).toBe(1_298_144);
  });

  it("refuses ФВ aid above the school's remaining allocation, naming the figures, and writes nothing", async () => {
    const before = await aidCount();
    const res = await coordA.post('/api/aid/handovers', fvBatch(asp.slice(32, 35)));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('fv_over_remaining');
    expect(res.body.error.message).toBe(
      'Недостаточно средств фонда всеобуча: выделено 1\u00a0400\u00a0000\u00a0₸, использовано 1\u00a0298\u00a0144\u00a0₸, остаток 101\u00a0856\u00a0₸, запрошено 121\u00a0701\u00a0₸.',
    );
    expect(res.body.error.figures).toEqual({
      allocated: 1_400_000,
      used: 1_298_144,
      left: 101_856,
      asked: 121_701,
    });
    expect(await aidCount()).toBe(before);
  });

  it('never lets two batches at once spend the same remainder', async () => {
    const before = await aidCount();
    const [a, b] = await Promise.all([
      coordA.post('/api/aid/handovers', fvBatch(asp.slice(32, 34))),
      coordA.post('/api/aid/handovers', fvBatch(asp.slice(34, 36))),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 422]);
    expect(await aidCount()).toBe(before + 2);
    const fv = await coordA.get('/api/fv?year=2023');
    expect(fv.body.items[0].left).toBe(101_856 - 2 * PM_2023);
  });

  it('refuses ФВ aid to a child without a ФВ category, naming the row', async () => {
    const [none] = await addChildren(t.database, 'SA', 1, { categories: [{ code: 'not_attending' }] });
    const res = await coordA.post('/api/aid/handovers', fvBatch([asp[36]!, none!], 1000));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty(['lines.1.childId']);
    expect(res.body.error.message).toContain('2');
  });

  it('proposes the PM and warns below it, about missing or expired proof and outside the campaign', async () => {
    const [noProof] = await addChildren(t.database, 'SA', 1, {
      categories: [{ code: 'orphan', docName: null }],
    });
    const [expired] = await addChildren(t.database, 'SA', 1, {
      categories: [{ code: 'large_family', docName: 'Удостоверение', validUntil: '2023-01-01' }],
    });
    const check = await coordA.post('/api/aid/check', {
      ...fvBatch([noProof!, expired!], '1 000', '2023-10-20'),
    });
    expect(check.status).toBe(200);
    expect(check.body.pm).toBe(PM_2023);
    expect(
      check.body.warnings.map((w: { row: number; code: string }) => `${w.row}:${w.code}`).sort(),
    ).toEqual(['0:outsideCampaign', '1:belowPm', '1:proofMissing', '2:belowPm', '2:proofExpired']);
    expect(check.body.warnings.find((w: { code: string }) => w.code === 'belowPm').message).toContain(
      '40\u00a0567\u00a0₸',
    );
    expect(await aidCount()).toBeGreaterThan(0);
    const done = await coordA.post('/api/aid/handovers', fvBatch([noProof!], 1000, '2023-09-20'));
    expect(done.status).toBe(201);
    const seen = async () =>
      (await coordA.get(`/api/aid?childId=${noProof!.id}`)).body.items.map(
        (l: { proofWarning: string | null }) => l.proofWarning,
      );
    expect(await seen()).toEqual(['proofMissing']);
    await t.database.db
      .updateTable('child_categories')
      .set({ doc_name: 'Справка об опеке', doc_number: '123' })
      .where('child_id', '=', noProof!.id)
      .execute();
    expect(await seen()).toEqual([null]);
  });
});

describe('the campaign window', () => {
  it("warns about a date outside the campaign as the region's campaign row sets it, else 1 Aug – 30 Sep", async () => {
    const r1 = await t.database.db
      .selectFrom('org_units')
      .select(['id', 'path'])
      .where('code', '=', 'R1')
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await t.database.db
      .insertInto('campaigns')
      .values({
        id: 'campaign-r1-2024',
        org_unit_id: r1.id,
        org_path: r1.path,
        year: 2024,
        date_from: '2024-08-15',
        date_to: '2024-10-15',
        motto_ru: null,
        motto_kk: null,
        goals: null,
        status: 'open',
        closed_at: null,
        closed_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await coordA.request('PUT', '/api/fv/SA/2024', { allocated: 100_000 });
    await coordA.request('PUT', '/api/fv/SA/2025', { allocated: 100_000 });
    const codes = async (date: string) =>
      (await coordA.post('/api/aid/check', { ...fvBatch([asp[39]!], 1000, date) })).body.warnings
        .filter((w: { row: number }) => w.row === 0)
        .map((w: { code: string; message: string }) => `${w.code}: ${w.message}`);
    expect(await codes('2024-10-01')).toEqual([]);
    expect(await codes('2024-08-05')).toEqual([
      'outsideCampaign: Дата передачи вне сроков акции (15.08.2024 – 15.10.2024).',
    ]);
    expect(await codes('2025-10-01')).toEqual([
      'outsideCampaign: Дата передачи вне сроков акции (01.08.2025 – 30.09.2025).',
    ]);
  });
});

describe('sponsor help and bad input', () => {
  let sponsorId: string;
  let handoverId: string;

  it('records a sponsor’s help to 18 children with items and closes their needs', async () => {
    const kids = await addChildren(t.database, 'SA', 18, { categories: [], needs: ['backpack', 'shoes'] });
    const sponsor = await coordA.post('/api/sponsors', {
      name: 'ТОО «Казахмыс»',
      type: 'company',
      head: 'Ахметов Б.',
      phone: '+7 701 000 00 00',
    });
    expect(sponsor.status).toBe(201);
    sponsorId = sponsor.body.id;
    const res = await coordA.post('/api/aid/handovers', {
      date: '05.09.2023',
      source: 'sponsor',
      sponsorId,
      form: 'goods',
      lines: kids.map((k) => ({
        childId: k.id,
        amount: '12 500',
        items: [{ item: 'backpack', quantity: 1 }],
      })),
    });
    expect(res.status).toBe(201);
    handoverId = res.body.handover.id;
    expect(res.body.handover).toMatchObject({ students: 18, total: 225_000, sponsorName: 'ТОО «Казахмыс»' });
    const needs = await t.database.db
      .selectFrom('child_needs as n')
      .innerJoin('need_items as i', 'i.id', 'n.item_id')
      .select(['i.code', 'n.status'])
      .where(
        'n.child_id',
        'in',
        kids.map((k) => k.id),
      )
      .execute();
    expect(needs.filter((n) => n.code === 'backpack').every((n) => n.status === 'delivered')).toBe(true);
    expect(needs.filter((n) => n.code === 'shoes').every((n) => n.status === 'open')).toBe(true);
    const history = await coordA.get(`/api/sponsors/${sponsorId}/history`);
    expect(history.body.years).toEqual([
      expect.objectContaining({ year: 2023, students: 18, amount: 225_000, handovers: 1 }),
    ]);
  });

  it('answers aid to a child of another school like a missing child, naming the row', async () => {
    const [other] = await addChildren(t.database, 'SB', 1);
    const before = await aidCount();
    const res = await coordA.post('/api/aid/handovers', {
      date: '2023-08-20',
      source: 'sponsor',
      sponsorId,
      form: 'money',
      lines: [
        { childId: asp[37]!.id, amount: 5000 },
        { childId: other!.id, amount: 5000 },
      ],
    });
    expect(res.status).toBe(404);
    expect(res.body.error.fields).toEqual({ 'lines.1.childId': expect.stringContaining('2') });
    expect(await aidCount()).toBe(before);
    expect((await coordB.get(`/api/aid/handovers/${handoverId}`)).status).toBe(404);
  });

  it('refuses negative and fractional amounts and accepts amounts with spaces', async () => {
    const line = (amount: unknown) => ({
      date: '2023-08-20',
      source: 'sponsor',
      sponsorId,
      form: 'money',
      lines: [{ childId: asp[38]!.id, amount }],
    });
    const negative = await coordA.post('/api/aid/handovers', line(-5000));
    expect(negative.status).toBe(400);
    expect(negative.body.error.fields['lines.0.amount']).toBe('Сумма не может быть отрицательной.');
    const fraction = await coordA.post('/api/aid/handovers', line('1500,50'));
    expect(fraction.status).toBe(400);
    expect(fraction.body.error.fields['lines.0.amount']).toContain('целых тенге');
    const spaced = await coordA.post('/api/aid/handovers', line('1 196 448'));
    expect(spaced.status).toBe(201);
    expect(spaced.body.handover.total).toBe(1_196_448);
  });

  it('corrects a mistake only by a reversing entry with its reason, which totals leave out', async () => {
    const before = (await coordA.get('/api/aid/totals?year=2023')).body;
    const handover = (await coordA.get(`/api/aid/handovers/${handoverId}`)).body;
    const row = handover.lines[0];
    const noReason = await coordA.post(`/api/aid/${row.id}/reverse`, {});
    expect(noReason.status).toBe(400);
    const res = await coordA.post(`/api/aid/${row.id}/reverse`, { reason: 'Ошибочно указан ребёнок' });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(225_000 - 12_500);
    expect(res.body.students).toBe(17);
    const original = res.body.lines.find((l: { id: string }) => l.id === row.id);
    expect(original.amount).toBe(12_500);
    expect(original.reversedBy).toEqual(expect.any(String));
    const reversal = res.body.lines.find((l: { reverses: string | null }) => l.reverses === row.id);
    expect(reversal.reason).toBe('Ошибочно указан ребёнок');
    const again = await coordA.post(`/api/aid/${row.id}/reverse`, { reason: 'ещё раз' });
    expect(again.status).toBe(409);
    const after = (await coordA.get('/api/aid/totals?year=2023')).body;
    expect(after.total.amount).toBe(before.total.amount - 12_500);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'aid')
      .where('action', '=', 'reverse')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('accepts a proof only as PDF, JPEG or PNG by its content and within the size limit', async () => {
    const upload = async (bytes: Uint8Array, name: string, type: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
      const res = await fetch(`${t.url}/api/aid/handovers/${handoverId}/proofs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenA}`, 'accept-language': 'ru' },
        body: form,
      });
      return {
        status: res.status,
        body: (await res.json()) as { error?: { code: string }; proofs?: unknown[] },
      };
    };
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const ok = await upload(png, 'акт.png', 'image/png');
    expect(ok.status).toBe(201);
    expect(ok.body.proofs).toHaveLength(1);
    const fake = await upload(new TextEncoder().encode('MZ not a picture'), 'акт.pdf', 'application/pdf');
    expect(fake.status).toBe(400);
    const big = new Uint8Array(1024 * 1024 + 10);
    big.set(new TextEncoder().encode('%PDF-1.4'));
    const tooBig = await upload(big, 'big.pdf', 'application/pdf');
    expect(tooBig.status).toBe(413);
    const proofs = (await coordA.get(`/api/aid/handovers/${handoverId}`)).body.proofs;
    expect(proofs).toHaveLength(1);
    const file = await fetch(`${t.url}/api/aid/proofs/${proofs[0].id}`, {
      headers: { authorization: `Bearer ${tokenA}` },
    });
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png);
  });

  it('lists approved children without help and children helped twice in the same way', async () => {
    const fair = await officer.get('/api/aid/fairness?org=C1&year=2023');
    expect(fair.status).toBe(200);
    const without = fair.body.withoutHelp.map((c: { childId: string }) => c.childId);
    expect(without).toContain(asp[39]!.id);
    expect(without).not.toContain(asp[0]!.id);
    // asp[38] got sponsor money above; give ФВ money too: the same kind from two sources.
    await coordA.request('PUT', '/api/fv/SA/2023', { allocated: 2_000_000, version: 1 });
    const fv = await coordA.post('/api/aid/handovers', fvBatch([asp[38]!]));
    expect(fv.status).toBe(201);
    const again = await coordA.get('/api/aid/fairness?year=2023');
    expect(again.body.twice).toContainEqual(expect.objectContaining({ childId: asp[38]!.id, kind: 'money' }));
  });
});

describe('report facts', () => {
  it('are kept equal to a rebuild from the records by every write above', async () => {
    await expectFactsMatchRebuild(t.database.db);
  });
});
