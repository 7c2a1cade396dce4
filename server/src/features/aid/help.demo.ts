import type { Viewer } from '../../access/viewer.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { DemoContext, DemoSeeder } from '../demo/demo-context.ts';
import type { HandoverInput } from './aid.schema.ts';

// The demo's campaign of help in 2025: each school's ФВ allocation paid at the subsistence minimum to eligible
// children in two batches, a dozen sponsors of every type (some registered by the districts), their handovers of
// supplies, uniforms and money, and pledges open, overdue, delivered and cancelled.

const YEAR = 2025;

const SPONSORS: {
  name: string;
  type: string;
  head: string | null;
  phone: string | null;
  district?: boolean;
  anonymous?: boolean;
}[] = [
  {
    name: 'Корпоративный фонд «Болашақ Qarağandy»',
    type: 'corporate_fund',
    head: 'Жумабекова Сауле Ермековна',
    phone: '+7 7212 41 00 00',
    district: true,
  },
  {
    name: 'ТОО «Караганда Строй»',
    type: 'company',
    head: 'Ахметов Бауыржан Серикович',
    phone: '+7 701 411 22 33',
  },
  {
    name: 'АО «Шубарколь Комир»',
    type: 'company',
    head: 'Ким Виктор Александрович',
    phone: '+7 7212 50 10 10',
    district: true,
  },
  { name: 'ИП «Нұрлан»', type: 'entrepreneur', head: 'Сапаров Нурлан Болатович', phone: '+7 705 123 45 67' },
  {
    name: 'ИП «Сауле-Канц»',
    type: 'entrepreneur',
    head: 'Омарова Сауле Кайратовна',
    phone: '+7 707 765 43 21',
  },
  {
    name: 'Сотрудники акимата района',
    type: 'state_body',
    head: 'Касымов Ержан Маратович',
    phone: null,
    district: true,
  },
  {
    name: 'Профсоюз работников образования',
    type: 'ngo',
    head: 'Бекова Гульмира Ашимовна',
    phone: '+7 7212 42 11 11',
    district: true,
  },
  { name: 'Молодёжное крыло «Жас Өркен»', type: 'ngo', head: 'Тулегенов Алихан', phone: null },
  {
    name: 'Родительский комитет школы (ярмарка «Мейірім»)',
    type: 'parents',
    head: 'Исмаилова Динара',
    phone: '+7 702 555 44 33',
  },
  { name: 'Выпускники 2005 года', type: 'alumni', head: 'Жакупов Арман', phone: null },
  { name: 'Частное лицо', type: 'private_person', head: null, phone: null, anonymous: true },
  { name: 'Благотворители мечети «Нұр»', type: 'other', head: null, phone: null },
];

async function schoolContext(demo: DemoContext, schoolId: string): Promise<RequestContext> {
  const db = demo.services.database.db;
  const user = await db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select(['u.id', 'u.email', 'u.name', 'o.id as unit_id', 'o.code', 'o.path'])
    .where('u.org_unit_id', '=', schoolId)
    .where('u.role', '=', 'coordinator')
    .executeTakeFirst();
  if (!user) return demo.ctx;
  const viewer: Viewer = {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: 'coordinator',
    lang: 'ru',
    orgUnitId: user.unit_id,
    orgCode: user.code,
    orgPath: user.path,
    classes: [],
    via: 'cli',
  };
  return { viewer, ip: null };
}

export const seedHelp: DemoSeeder = async (demo) => {
  const { services, random } = demo;
  const db = services.database.db;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const pm = (await services.fv.pm(YEAR)) ?? 46_228;

  const districtSponsors: string[] = [];
  const districts = [...new Set(demo.schools.map((s) => s.path.split('/').slice(0, -2).join('/') + '/'))];
  const districtCodes = districts.map((p) => p.split('/').filter(Boolean).at(-1)!);
  for (const [i, s] of SPONSORS.entries()) {
    const orgCode = s.district
      ? districtCodes[i % districtCodes.length]!
      : demo.schools[i % demo.schools.length]!.code;
    const created = await services.sponsors.create(demo.ctx, {
      orgCode,
      name: s.name,
      type: s.type as never,
      head: s.head,
      phone: s.phone,
      anonymous: s.anonymous ?? false,
    });
    if (s.district) districtSponsors.push(created.id);
  }

  for (const school of demo.schools) {
    const ctx = await schoolContext(demo, school.id);
    const children = await db
      .selectFrom('children')
      .select(['id', 'status'])
      .where('org_unit_id', '=', school.id)
      .where('status', 'in', ['approved', 'helped'])
      .orderBy('sort_name')
      .execute();
    const withCategory = new Set(
      (
        await db
          .selectFrom('child_categories')
          .select('child_id')
          .where('code', '!=', 'not_attending')
          .where('child_id', 'in', children.length > 0 ? children.map((c) => c.id) : [''])
          .execute()
      ).map((c) => c.child_id),
    );
    const eligible = children.filter((c) => withCategory.has(c.id));

    // ФВ: enough for about two thirds of the eligible children at the PM, paid in two batches.
    const fvChildren = eligible.slice(0, Math.max(1, Math.round(eligible.length * 0.65)));
    const allocated =
      Math.ceil((fvChildren.length * pm + 150_000 + Math.floor(random() * 200_000)) / 1000) * 1000;
    await services.fv.put(ctx, school.code, YEAR, { allocated }, 'ru');
    const half = Math.ceil(fvChildren.length / 2);
    for (const [batch, date] of [
      [fvChildren.slice(0, half), `${YEAR}-08-14`],
      [fvChildren.slice(half), `${YEAR}-09-02`],
    ] as const) {
      if (batch.length === 0) continue;
      await services.aid.handover(
        ctx,
        { date, source: 'fv', form: 'money', lines: batch.map((c) => ({ childId: c.id, amount: pm })) },
        'ru',
      );
    }

    // Sponsors visible to the school: its own and its district's.
    const visible = (await services.sponsors.list(ctx, { limit: 100 })).items;
    const rest = children.filter((c) => !fvChildren.includes(c));
    const helpers = visible.slice(0, 4);
    for (const [i, sponsor] of helpers.entries()) {
      const pool = i % 2 === 0 ? rest : children;
      const n = Math.min(pool.length, 5 + Math.floor(random() * 14));
      const start = Math.floor(random() * Math.max(1, pool.length - n));
      const kids = pool.slice(start, start + n);
      if (kids.length === 0) continue;
      const goods = i !== 3;
      const item = pick(['supplies', 'backpack', 'uniform', 'shoes'] as const);
      const input: HandoverInput = {
        date: `${YEAR}-${i < 2 ? '08' : '09'}-${String(10 + Math.floor(random() * 15)).padStart(2, '0')}`,
        source: 'sponsor',
        sponsorId: sponsor.id,
        form: goods ? 'goods' : 'money',
        lines: kids.map((c) => ({
          childId: c.id,
          amount: goods
            ? { supplies: 12_000, backpack: 15_000, uniform: 25_000, shoes: 18_000 }[item]
            : 20_000,
          items: goods ? [{ item, quantity: 1 }] : [],
        })),
      };
      await services.aid.handover(ctx, input, 'ru');
    }

    // Pledges: one overdue, one to come, one delivered (which records its aid), one cancelled.
    const sponsor = pick(visible);
    const due = (d: string) => `${YEAR}-${d}`;
    await services.pledges.create(ctx, {
      sponsorId: sponsor.id,
      form: 'money',
      amount: 100_000,
      dueDate: due('08-25'),
      description: 'Обещано на собрании попечительского совета',
    });
    await services.pledges.create(ctx, {
      sponsorId: pick(visible).id,
      form: 'goods',
      amount: 60_000,
      dueDate: `${YEAR + 1}-08-20`,
      description: 'Зимняя одежда к холодам',
    });
    const later = rest.slice(-3);
    if (later.length > 0) {
      const p = await services.pledges.create(ctx, {
        sponsorId: pick(visible).id,
        form: 'certificate',
        amount: 45_000,
        childIds: later.map((c) => c.id),
        dueDate: due('09-15'),
      });
      await services.pledges.deliver(ctx, p.id, { version: p.version, date: due('09-12') }, 'ru');
    }
    const c = await services.pledges.create(ctx, {
      sponsorId: pick(visible).id,
      form: 'service',
      amount: 30_000,
      dueDate: due('09-01'),
    });
    await services.pledges.cancel(ctx, c.id, c.version, 'Спонсор перенёс помощь на следующий год');
  }
};
