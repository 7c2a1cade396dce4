// The synthetic republic of the report benchmarks: a deterministic (seeded), streamed generator that writes an org
// tree, campaigns, children with categories and needs, sponsors registered at every level, aid rows with handovers
// (some reversed, some given at a neighbouring school), raids, calls and plan items straight through the real
// tables in bulk inserts, then builds the report facts in bulk. Nothing is held in memory but one batch of rows and
// the ids of the units and sponsors.
import type { Kysely } from 'kysely';
import { CATEGORY_CODES } from '#domain/categories';
import type { DB } from '../../db/schema.ts';
import { rebuildReportFacts } from '../reports/facts/report-facts.ts';

export interface RepublicSize {
  regions: number;
  districts: number;
  schools: number;
  children: number;
  sponsors: number;
  /** Aid rows of the main year are about twice the children; each earlier year adds about a tenth of that. */
  years: number[];
}

/** Scale 1: 17 regions, ~200 cities/districts, 7 900 schools, ~500 000 children, ~1 000 000 aid rows. */
export function republicSize(scale: number, year = 2026): RepublicSize {
  const regions = Math.min(17, Math.max(2, Math.round(17 * Math.sqrt(scale))));
  const districts = Math.max(regions, Math.round(200 * scale));
  const schools = Math.max(districts, Math.round(7900 * scale));
  return {
    regions,
    districts,
    schools,
    children: Math.max(schools * 10, Math.round(500_000 * scale)),
    sponsors: Math.max(10, Math.round(50_000 * scale)),
    years: [year - 3, year - 2, year - 1, year],
  };
}

/** A small fast generator of numbers in [0, 1) (mulberry32): the same seed gives the same republic. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ids in the UUID layout, numbered per kind, so two runs write the same ids. */
const uid = (kind: number, n: number) =>
  `01900000-0000-7${kind.toString(16).padStart(3, '0')}-8000-${n.toString(16).padStart(12, '0')}`;
const KIND = {
  unit: 1,
  campaign: 2,
  sponsor: 3,
  child: 4,
  category: 5,
  need: 6,
  handover: 7,
  aid: 8,
  raid: 9,
  part: 10,
  call: 11,
  plan: 12,
};

const SURNAMES = ['Абенов', 'Ким', 'Сапаров', 'Иванова', 'Жумабаев', 'Омарова', 'Петров', 'Касымова'];
const NAMES = ['Айдар', 'Алина', 'Ерлан', 'Дана', 'Тимур', 'Аружан', 'Санжар', 'Мадина'];
const FORMS = ['money', 'money', 'money', 'goods', 'goods', 'certificate', 'service'];

interface Unit {
  id: string;
  code: string;
  path: string;
  /** Sponsors registered here. */
  sponsors: string[];
}

/** Writes rows in batches of `size`, one insert each. */
class Sink<T> {
  private rows: T[] = [];
  count = 0;
  constructor(
    private readonly write: (rows: T[]) => Promise<unknown>,
    private readonly size = 400,
  ) {}
  async push(row: T) {
    this.rows.push(row);
    this.count += 1;
    if (this.rows.length >= this.size) await this.flush();
  }
  async flush() {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    await this.write(rows);
  }
}

export interface GeneratedRepublic {
  size: RepublicSize;
  year: number;
  /** Codes of one region, one district and one school of it, for the benchmarks. */
  region: string;
  district: string;
  school: string;
  counts: Record<string, number>;
}

/** Writes the republic of `scale` under the republic unit KZ (which must exist) and builds its report facts. */
export async function generateRepublic(
  db: Kysely<DB>,
  scale: number,
  opts: { seed?: number; log?: (s: string) => void } = {},
): Promise<GeneratedRepublic> {
  const size = republicSize(scale);
  const year = size.years.at(-1)!;
  const rnd = random(opts.seed ?? 13);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const now = '2026-11-30T00:00:00.000Z';
  const log = opts.log ?? (() => undefined);

  const root = await db
    .selectFrom('org_units')
    .select(['id', 'code', 'path'])
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  const republic: Unit = { ...root, sponsors: [] };

  // The tree: regions, districts spread over them, schools spread over the districts.
  const units = new Sink<DB['org_units'] extends infer R ? Omit<R, 'version'> : never>((rows) =>
    db.insertInto('org_units').values(rows).execute(),
  );
  let unitNo = 0;
  const unit = async (parent: Unit, code: string, type: 'region' | 'district' | 'school', name: string) => {
    const u: Unit = { id: uid(KIND.unit, (unitNo += 1)), code, path: `${parent.path}${code}/`, sponsors: [] };
    await units.push({
      id: u.id,
      code,
      parent_id: parent.id,
      type,
      path: u.path,
      name_ru: name,
      name_kk: name,
      name_en: null,
      address: null,
      director: null,
      phone: null,
      hotline: null,
      email: null,
      created_at: now,
      updated_at: now,
    });
    return u;
  };
  const regions: Unit[] = [];
  for (let r = 0; r < size.regions; r++)
    regions.push(await unit(republic, `G${r + 1}`, 'region', `Область ${r + 1}`));
  const districts: { unit: Unit; region: Unit }[] = [];
  for (let d = 0; d < size.districts; d++) {
    const region = regions[d % size.regions]!;
    districts.push({
      unit: await unit(region, `${region.code}-${d + 1}`, 'district', `Район ${d + 1}`),
      region,
    });
  }
  const schools: { unit: Unit; district: Unit; region: Unit }[] = [];
  for (let s = 0; s < size.schools; s++) {
    const d = districts[s % size.districts]!;
    schools.push({
      unit: await unit(d.unit, `${d.unit.code}-${s + 1}`, 'school', `Школа № ${s + 1}`),
      district: d.unit,
      region: d.region,
    });
  }
  await units.flush();
  // Schools of one district together, so a child given aid at a neighbouring school stays in its district.
  schools.sort((a, b) =>
    a.district.code < b.district.code ? -1 : a.district.code > b.district.code ? 1 : 0,
  );
  log(`org units: ${unitNo}`);

  // One campaign a year at the republic: the main year and three years of history.
  const campaignOf = new Map<number, string>();
  for (const [i, y] of size.years.entries()) {
    const id = uid(KIND.campaign, i + 1);
    campaignOf.set(y, id);
    await db
      .insertInto('campaigns')
      .values({
        id,
        org_unit_id: republic.id,
        org_path: republic.path,
        year: y,
        date_from: `${y}-08-01`,
        date_to: `${y}-09-30`,
        motto_ru: 'Дорога в школу',
        motto_kk: 'Мектепке жол',
        goals: null,
        status: y === year ? 'open' : 'closed',
        closed_at: null,
        closed_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  // Sponsors registered at every level: most at schools, fewer above.
  const sponsors = new Sink<Parameters<ReturnType<Kysely<DB>['insertInto']>['values']>[0]>((rows) =>
    db
      .insertInto('sponsors')
      .values(rows as never)
      .execute(),
  );
  for (let k = 0; k < size.sponsors; k++) {
    const r = rnd();
    const at =
      r < 0.7
        ? schools[k % schools.length]!.unit
        : r < 0.9
          ? districts[k % districts.length]!.unit
          : r < 0.98
            ? regions[k % regions.length]!
            : republic;
    const id = uid(KIND.sponsor, k + 1);
    at.sponsors.push(id);
    const name = `ТОО «Спонсор ${k + 1}»`;
    await sponsors.push({
      id,
      org_unit_id: at.id,
      org_path: at.path,
      name,
      name_key: name.toLowerCase(),
      type: pick(['company', 'corporate_fund', 'entrepreneur', 'other']),
      head: null,
      phone: null,
      email: null,
      address: null,
      notes: null,
      anonymous: k % 20 === 0 ? 1 : 0,
      merged_into: null,
      created_at: `2026-01-01T00:00:${String(k % 60).padStart(2, '0')}.${String(k % 1000).padStart(3, '0')}Z`,
      updated_at: now,
    });
  }
  await sponsors.flush();
  log(`sponsors: ${size.sponsors}`);

  const items = (await db.selectFrom('need_items').select('id').orderBy('code').execute()).map((i) => i.id);
  const children = new Sink<Record<string, unknown>>((rows) =>
    db
      .insertInto('children')
      .values(rows as never)
      .execute(),
  );
  const categories = new Sink<Record<string, unknown>>(async (rows) => {
    // Children first: these rows refer to them.
    await children.flush();
    await db
      .insertInto('child_categories')
      .values(rows as never)
      .execute();
  });
  const needs = new Sink<Record<string, unknown>>(async (rows) => {
    // Children first: these rows refer to them.
    await children.flush();
    await db
      .insertInto('child_needs')
      .values(rows as never)
      .execute();
  });
  const handovers = new Sink<Record<string, unknown>>((rows) =>
    db
      .insertInto('aid_handovers')
      .values(rows as never)
      .execute(),
  );
  const aid = new Sink<Record<string, unknown>>(async (rows) => {
    // Children and handovers first: aid rows refer to them.
    await children.flush();
    await handovers.flush();
    await db
      .insertInto('aid')
      .values(rows as never)
      .execute();
  }, 600);

  let childNo = 0;
  let categoryNo = 0;
  let needNo = 0;
  let handoverNo = 0;
  let aidNo = 0;
  type Handover = {
    id: string;
    date: string;
    source: 'fv' | 'sponsor';
    sponsor: string | null;
    form: string;
  };
  let previous: { unit: Unit; district: Unit; handovers: Map<number, Handover[]> } | null = null;

  for (const [s, school] of schools.entries()) {
    const u = school.unit;
    // The sponsors a school may record aid from: its own and those of the units above it.
    const choose = () => {
      const r = rnd();
      const list =
        r < 0.5 && u.sponsors.length > 0
          ? u.sponsors
          : r < 0.75 && school.district.sponsors.length > 0
            ? school.district.sponsors
            : r < 0.9 && school.region.sponsors.length > 0
              ? school.region.sponsors
              : republic.sponsors.length > 0
                ? republic.sponsors
                : (u.sponsors[0] ?? school.district.sponsors[0] ?? null);
      return Array.isArray(list) ? (list.length > 0 ? pick(list) : null) : list;
    };
    const mine = new Map<number, Handover[]>();
    for (const y of size.years) {
      const list: Handover[] = [];
      const n = y === year ? 12 : 3;
      for (let h = 0; h < n; h++) {
        const sponsor = h % 12 >= 7 || (y !== year && h === 2) ? choose() : null;
        const day = 1 + Math.floor(rnd() * 61);
        const date =
          day <= 31
            ? `${y}-08-${String(day).padStart(2, '0')}`
            : `${y}-09-${String(day - 31).padStart(2, '0')}`;
        const ho: Handover = {
          id: uid(KIND.handover, (handoverNo += 1)),
          date,
          source: sponsor ? 'sponsor' : 'fv',
          sponsor,
          form: pick(FORMS),
        };
        list.push(ho);
        await handovers.push({
          id: ho.id,
          org_unit_id: u.id,
          org_path: u.path,
          date,
          year: y,
          source: ho.source,
          sponsor_id: sponsor,
          form: ho.form,
          note: null,
          pledge_id: null,
          recorded_by: 'bench',
          recorded_by_name: 'Bench',
          created_at: now,
        });
      }
      mine.set(y, list);
    }
    const neighbour = previous?.district.id === school.district.id ? previous : null;

    const perSchool = Math.floor(size.children / size.schools) + (s < size.children % size.schools ? 1 : 0);
    for (let c = 0; c < perSchool; c++) {
      const id = uid(KIND.child, (childNo += 1));
      const r = rnd();
      const status =
        r < 0.8
          ? 'approved'
          : r < 0.87
            ? 'helped'
            : r < 0.93
              ? 'proposed'
              : r < 0.96
                ? 'rejected'
                : 'archived';
      const surname = `${pick(SURNAMES)}`;
      const name = pick(NAMES);
      const grade = 1 + (childNo % 11);
      await children.push({
        id,
        org_unit_id: u.id,
        org_path: u.path,
        iin: null,
        surname,
        name,
        patronymic: null,
        sort_name: `${surname} ${name} ${childNo}`.toLowerCase(),
        dup_key: `${surname}|${name}|${childNo}`.toLowerCase(),
        birth_date: `20${String(10 + (childNo % 8)).padStart(2, '0')}-0${(childNo % 9) + 1}-1${childNo % 10}`,
        sex: null,
        grade,
        class_label: `${grade}${'АБВГ'[childNo % 4]}`,
        address: null,
        notes: null,
        not_attending: rnd() < 0.02 ? 1 : 0,
        status,
        reject_reason: null,
        source: 'import',
        consent_by: null,
        consent_date: null,
        consent_scope: null,
        created_by: 'bench',
        created_at: now,
        updated_at: now,
      });
      const k = rnd();
      const cats = k < 0.3 ? 0 : k < 0.85 ? 1 : 2;
      const first = Math.floor(rnd() * CATEGORY_CODES.length);
      for (let i = 0; i < cats; i++) {
        await categories.push({
          id: uid(KIND.category, (categoryNo += 1)),
          child_id: id,
          code: CATEGORY_CODES[(first + i * 3) % CATEGORY_CODES.length],
          doc_name: null,
          doc_number: null,
          doc_date: null,
          valid_until: null,
        });
      }
      if (status === 'approved' && rnd() < 0.15 && items.length > 0) {
        await needs.push({
          id: uid(KIND.need, (needNo += 1)),
          child_id: id,
          item_id: pick(items),
          size: null,
          quantity: 1 + Math.floor(rnd() * 2),
          est_cost: null,
          status: 'open',
          created_at: now,
          updated_at: now,
        });
      }
      if (status === 'proposed' || status === 'rejected') continue;
      const give = async (ho: Handover, at: Unit) => {
        const aidId = uid(KIND.aid, (aidNo += 1));
        const amount =
          ho.form === 'money' ? 5_000 * (3 + Math.floor(rnd() * 10)) : 1_000 * (5 + Math.floor(rnd() * 40));
        const row = {
          id: aidId,
          handover_id: ho.id,
          org_unit_id: at.id,
          org_path: at.path,
          child_id: id,
          date: ho.date,
          year: Number(ho.date.slice(0, 4)),
          source: ho.source,
          sponsor_id: ho.sponsor,
          form: ho.form,
          amount,
          items: ho.form === 'goods' ? JSON.stringify([{ item: 'supplies', quantity: 1 }]) : '[]',
          reverses: null,
          reason: null,
          created_by: 'bench',
          created_at: now,
        };
        await aid.push(row);
        // Now and then a row entered by mistake and reversed.
        if (rnd() < 0.005)
          await aid.push({
            ...row,
            id: uid(KIND.aid, (aidNo += 1)),
            amount: -amount,
            reverses: aidId,
            reason: 'ошибка',
          });
      };
      const q = rnd();
      const rows = q < 0.1 ? 0 : q < 0.3 ? 1 : q < 0.65 ? 2 : q < 0.9 ? 3 : 4;
      const main = mine.get(year)!;
      for (let i = 0; i < rows; i++) await give(pick(main), u);
      // A child also helped at the neighbouring school it moved from (counted once above both).
      if (neighbour && rnd() < 0.01) await give(pick(neighbour.handovers.get(year)!), neighbour.unit);
      for (const y of size.years) if (y !== year && rnd() < 0.1) await give(pick(mine.get(y)!), u);
    }
    previous = { unit: u, district: school.district, handovers: mine };
    if ((s + 1) % 500 === 0) log(`schools: ${s + 1}/${size.schools}, children ${childNo}, aid ${aidNo}`);
  }
  await children.flush();
  await categories.flush();
  await needs.flush();
  await aid.flush();
  await handovers.flush();

  // A raid, three calls per district; two plan items per region (the campaign's small records).
  let raidNo = 0;
  let partNo = 0;
  let callNo = 0;
  let planNo = 0;
  const campaign = campaignOf.get(year)!;
  for (const d of districts) {
    const raid = uid(KIND.raid, (raidNo += 1));
    await db
      .insertInto('raids')
      .values({
        id: raid,
        org_path: d.unit.path,
        campaign_id: campaign,
        held_on: `${year}-08-20`,
        time_from: null,
        time_to: null,
        notes: null,
        created_by: 'bench',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('raid_places')
      .values({
        id: uid(KIND.part, (partNo += 1)),
        raid_id: raid,
        position: 1,
        kind: 'market',
        name: 'Рынок',
      })
      .execute();
    await db
      .insertInto('raid_participants')
      .values({
        id: uid(KIND.part, (partNo += 1)),
        raid_id: raid,
        position: 1,
        kind: 'police',
        count: 2,
        organisations: null,
      })
      .execute();
    await db
      .insertInto('raid_children')
      .values({
        id: uid(KIND.part, (partNo += 1)),
        raid_id: raid,
        position: 1,
        child_id: null,
        full_name: 'Неизвестный ребёнок',
        reason: 'work',
        action: null,
      })
      .execute();
    const calls = [0, 1, 2].map((i) => ({
      id: uid(KIND.call, (callNo += 1)),
      org_path: d.unit.path,
      campaign_id: campaign,
      received_at: `${year}-08-${String(10 + i).padStart(2, '0')}T09:00:00.000Z`,
      channel: 'phone',
      caller: null,
      caller_phone: null,
      child_id: null,
      about: null,
      subject: `Обращение ${callNo}`,
      handler: null,
      action_taken: null,
      status: i === 0 ? ('open' as const) : ('closed' as const),
      closed_at: null,
      created_by: 'bench',
      created_at: now,
      updated_at: now,
    }));
    await db.insertInto('hotline_calls').values(calls).execute();
  }
  for (const r of regions) {
    for (let i = 0; i < 2; i++) {
      await db
        .insertInto('plan_items')
        .values({
          id: uid(KIND.plan, (planNo += 1)),
          campaign_id: campaign,
          org_path: r.path,
          position: i + 1,
          title: `Мероприятие ${i + 1}`,
          date_from: `${year}-08-0${i + 1}`,
          date_to: `${year}-08-0${i + 2}`,
          responsible: 'Отдел образования',
          status: i === 0 ? 'done' : 'planned',
          notes: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  }
  log(`records written: ${childNo} children, ${aidNo} aid rows; building the report facts`);

  // The facts, built in bulk from the records just written (as after a restore).
  await db.transaction().execute((trx) => rebuildReportFacts(trx));
  const first = schools[0]!;
  return {
    size,
    year,
    region: first.region.code,
    district: first.district.code,
    school: first.unit.code,
    counts: {
      units: unitNo + 1,
      sponsors: size.sponsors,
      children: childNo,
      categories: categoryNo,
      needs: needNo,
      handovers: handoverNo,
      aid: aidNo,
      raids: raidNo,
      calls: callNo,
      plan: planNo,
    },
  };
}
