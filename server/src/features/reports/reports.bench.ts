// Reports at national scale: the synthetic republic (bench/republic.generator.ts) at `--scale`, and each report read
// over HTTP beside hand-written SQL of the same figures on the same data in the same run (the ratio), with the
// process's peak RSS. See BENCHMARKS.md for the targets and the figures measured.
import { sql, type Kysely } from 'kysely';
import { cliViewer } from '../../access/viewer.ts';
import type { DB } from '../../db/schema.ts';
import { measure, type BenchCase, type BenchEnv, type BenchResult } from '../bench/bench-case.ts';
import { generateRepublic, type GeneratedRepublic } from '../bench/republic.generator.ts';

const operator = { viewer: cliViewer(), ip: null };

interface Republic {
  made: GeneratedRepublic;
  token: string;
  units: Record<'republic' | 'region' | 'city' | 'school', { code: string; path: string; depth: number }>;
}

// The republic is written once per run, by the first case that needs it.
const republics = new WeakMap<BenchEnv, Promise<Republic>>();

function republic(env: BenchEnv): Promise<Republic> {
  let r = republics.get(env);
  if (!r) {
    r = (async () => {
      await env.services.setup.ensureRoot();
      const t0 = performance.now();
      const made = await generateRepublic(env.database.db, env.republicScale, {
        log: (s) => env.log?.(`  ${s}`),
      });
      env.log?.(`  republic written in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      const user = await env.services.users.create(operator, {
        email: 'bench.admin@bench.kz',
        name: 'Bench',
        role: 'admin',
        orgCode: 'KZ',
        password: 'bench password 1',
      });
      const { token } = await env.services.auth.createToken(operator.viewer, user.id, 'bench', null);
      const unitOf = async (code: string) => {
        const u = await env.database.db
          .selectFrom('org_structure as st')
          .innerJoin('org_units as u', 'u.id', 'st.unit_id')
          .select(['u.code', 'u.path', 'st.depth'])
          .where('u.code', '=', code)
          .executeTakeFirstOrThrow();
        return { code: u.code, path: u.path, depth: Number(u.depth) };
      };
      return {
        made,
        token,
        units: {
          republic: await unitOf('KZ'),
          region: await unitOf(made.region),
          city: await unitOf(made.district),
          school: await unitOf(made.school),
        },
      };
    })();
    republics.set(env, r);
  }
  return r;
}

async function get(env: BenchEnv, token: string, path: string) {
  const res = await fetch(`${env.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`${path}: status ${res.status} ${await res.text()}`);
  return res.json() as Promise<unknown>;
}

/** Effective aid (neither reversed nor reversing) of a unit's subtree in a year, as hand-written SQL. */
const effective = (path: string, year: number) => sql`
  select a.child_id, a.org_unit_id, a.date, a.source, a.sponsor_id, a.form, a.amount
  from aid a
  where a.year = ${year} and a.org_path like ${`${path}%`} and a.reverses is null
    and not exists (select 1 from aid r where r.reverses = a.id)`;

/** The figures of a report, one query per figure, straight over the records. */
async function reportSql(db: Kysely<DB>, unit: { path: string; depth: number }, year: number) {
  const eff = effective(unit.path, year);
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  await run(sql`select count(distinct e.child_id), sum(e.amount) from (${eff}) e`);
  await run(
    sql`select e.source, count(distinct e.child_id), sum(e.amount) from (${eff}) e group by e.source`,
  );
  await run(
    sql`select substr(e.date, 1, 7) as m, count(distinct e.child_id), sum(e.amount) from (${eff}) e where e.source = 'fv' group by substr(e.date, 1, 7)`,
  );
  await run(sql`select e.form, count(distinct e.child_id), sum(e.amount) from (${eff}) e group by e.form`);
  await run(
    sql`select cc.code, count(distinct e.child_id), sum(e.amount) from (${eff}) e join child_categories cc on cc.child_id = e.child_id group by cc.code`,
  );
  await run(
    sql`select count(distinct e.child_id), sum(e.amount) from (${eff}) e where not exists (select 1 from child_categories cc where cc.child_id = e.child_id)`,
  );
  await run(
    sql`select e.sponsor_id, s.name, count(distinct e.child_id), sum(e.amount) from (${eff}) e join sponsors s on s.id = e.sponsor_id group by e.sponsor_id, s.name`,
  );
  if (unit.depth < 4)
    await run(
      sql`select ${sql.ref(`st.l${unit.depth + 1}`)} as sub, count(distinct e.child_id), sum(e.amount) from (${eff}) e join org_structure st on st.unit_id = e.org_unit_id group by ${sql.ref(`st.l${unit.depth + 1}`)}`,
    );
  await run(
    sql`select c.status, count(*), sum(c.not_attending) from children c where c.org_path like ${`${unit.path}%`} group by c.status`,
  );
}

/** The dashboard's figures by hand: tenge by day and source, children first helped by day, totals by year. */
async function dashboardSql(db: Kysely<DB>, unit: { path: string; depth: number }, year: number) {
  const eff = effective(unit.path, year);
  await sql`select e.date, e.source, sum(e.amount) from (${eff}) e group by e.date, e.source`.execute(db);
  await sql`select f.d, count(*) from (select e.child_id, min(e.date) as d from (${eff}) e group by e.child_id) f group by f.d`.execute(
    db,
  );
  await sql`select a.year, count(distinct a.child_id), sum(a.amount) from aid a where a.org_path like ${`${unit.path}%`} and a.reverses is null and not exists (select 1 from aid r where r.reverses = a.id) group by a.year`.execute(
    db,
  );
  await reportSql(db, unit, year);
}

/** The public page by hand: totals, the sponsors who helped, open needs of listed children per item. */
async function publicSql(db: Kysely<DB>, unit: { path: string }, year: number) {
  const eff = effective(unit.path, year);
  await sql`select e.source, count(distinct e.child_id), sum(e.amount) from (${eff}) e group by e.source`.execute(
    db,
  );
  await sql`select count(distinct e.child_id), sum(e.amount) from (${eff}) e`.execute(db);
  await sql`select distinct s.name, s.anonymous from (${eff}) e join sponsors s on s.id = e.sponsor_id`.execute(
    db,
  );
  await sql`select n.item_id, count(distinct n.child_id), sum(n.quantity) from child_needs n join children c on c.id = n.child_id where c.org_path like ${`${unit.path}%`} and n.status = 'open' and c.status in ('approved', 'helped') group by n.item_id`.execute(
    db,
  );
}

/** A figure's first page of records by hand: the aid rows by date with the child and the unit, and their count. */
async function recordsSql(db: Kysely<DB>, unit: { path: string }, year: number) {
  await sql`select count(*), sum(e.amount) from (${effective(unit.path, year)}) e`.execute(db);
  await sql`select a.id, a.date, a.amount, a.form, c.surname, c.name, c.class_label, u.code, u.name_ru, s.name
    from aid a join children c on c.id = a.child_id join org_units u on u.id = a.org_unit_id
    left join sponsors s on s.id = a.sponsor_id
    where a.year = ${year} and a.org_path like ${`${unit.path}%`} and a.reverses is null
      and not exists (select 1 from aid r where r.reverses = a.id)
    order by a.date, a.id limit 100`.execute(db);
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Times `runs` requests one after another beside `runs` runs of the hand-written SQL. */
async function compare(
  name: string,
  runs: number,
  request: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
  note: string,
): Promise<BenchResult> {
  await request(); // warms the connection and the caches of the engine, as a second user would find them
  await baseline();
  const ours = await measure(runs, 1, request);
  const base = await measure(runs, 1, baseline);
  return {
    name,
    unit: 'request',
    ops: runs,
    seconds: ours.seconds,
    p50ms: ours.p50ms,
    p95ms: ours.p95ms,
    baselineMs: base.p50ms,
    ratio: ours.p50ms / base.p50ms,
    peakRssMb: peakRssMb(),
    note,
  };
}

const reportCase = (label: string, level: keyof Republic['units'], runs: number): BenchCase => ({
  name: `report: ${label} (JSON)`,
  async run(env) {
    const r = await republic(env);
    const u = r.units[level];
    const y = r.made.year;
    return compare(
      this.name,
      runs,
      () => get(env, r.token, `/api/reports?org=${u.code}&campaign=${y}&lang=ru`),
      () => reportSql(env.database.db, u, y),
      `${u.code}; ${r.made.counts.children} children, ${r.made.counts.aid} aid rows in all`,
    );
  },
});

export const reportsBenches: BenchCase[] = [
  reportCase('republic', 'republic', 5),
  reportCase('region', 'region', 10),
  reportCase('city', 'city', 20),
  reportCase('school', 'school', 40),
  {
    name: 'dashboard: region, 3 years of history',
    async run(env) {
      const r = await republic(env);
      const u = r.units.region;
      const y = r.made.year;
      return compare(
        this.name,
        10,
        () => get(env, r.token, `/api/reports/dashboard?org=${u.code}&campaign=${y}&lang=ru`),
        () => dashboardSql(env.database.db, u, y),
        `${u.code}, years ${r.made.size.years.join(', ')}`,
      );
    },
  },
  {
    name: 'public campaign page: republic (cached until a write)',
    async run(env) {
      const r = await republic(env);
      const y = r.made.year;
      const t0 = performance.now();
      await get(env, r.token, `/api/public/campaigns/KZ/${y}?lang=kk`);
      const cold = performance.now() - t0;
      const res = await compare(
        this.name,
        40,
        () => get(env, r.token, `/api/public/campaigns/KZ/${y}?lang=kk`),
        () => publicSql(env.database.db, r.units.republic, y),
        '',
      );
      return { ...res, note: `first request (computed): ${cold.toFixed(0)} ms` };
    },
  },
  {
    name: "records page: a republic figure's first 100 aid rows",
    async run(env) {
      const r = await republic(env);
      const y = r.made.year;
      const path = `/api/reports/trace?org=KZ&campaign=${y}&metric=total.amount&limit=100&lang=ru`;
      const first = (await get(env, r.token, path)) as { next: string | null };
      const res = await compare(
        this.name,
        20,
        () => get(env, r.token, path),
        () => recordsSql(env.database.db, r.units.republic, y),
        '',
      );
      // A later page counts nothing: the figure and the count travel in the cursor.
      const t0 = performance.now();
      if (first.next) await get(env, r.token, `${path}&cursor=${first.next}`);
      return { ...res, note: `second page: ${(performance.now() - t0).toFixed(0)} ms` };
    },
  },
  {
    name: 'report: region, 16 users at once',
    async run(env) {
      const r = await republic(env);
      const u = r.units.region;
      const y = r.made.year;
      const m = await measure(16, 16, () =>
        get(env, r.token, `/api/reports?org=${u.code}&campaign=${y}&lang=ru`),
      );
      return {
        name: this.name,
        unit: 'request',
        ops: 16,
        ...m,
        peakRssMb: peakRssMb(),
        note: `p95 is the slowest of 16 answered together`,
      };
    },
  },
];
