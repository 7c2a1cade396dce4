import { cliViewer } from '../../access/viewer.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { measure, type BenchCase } from './bench-case.ts';

const operator = { viewer: cliViewer(), ip: null };

/** The org tree of a region: 10·scale districts with 20 schools each. */
async function regionTree(env: Parameters<BenchCase['run']>[0]) {
  const { orgUnits, setup } = env.services;
  await setup.ensureRoot();
  await orgUnits.create(operator, {
    code: 'BR',
    parentCode: 'KZ',
    type: 'region',
    nameRu: 'Область',
    nameKk: 'Облыс',
  });
  const districts = 10 * env.scale;
  for (let d = 0; d < districts; d++) {
    await orgUnits.create(operator, {
      code: `BR-D${d}`,
      parentCode: 'BR',
      type: 'district',
      nameRu: `Район ${d}`,
      nameKk: `Аудан ${d}`,
    });
    for (let s = 0; s < 20; s++) {
      await orgUnits.create(operator, {
        code: `BR-D${d}-S${s}`,
        parentCode: `BR-D${d}`,
        type: 'school',
        nameRu: `Школа ${s}`,
        nameKk: `Мектеп ${s}`,
      });
    }
  }
  return districts * 21 + 1;
}

export const foundationBenches: BenchCase[] = [
  {
    name: 'org units: scoped list over HTTP (API token, 50 per page)',
    async run(env) {
      const units = await regionTree(env);
      const user = await env.services.users.create(operator, {
        email: 'bench.officer@bench.kz',
        name: 'Bench',
        role: 'officer',
        orgCode: 'BR',
        password: 'bench password 1',
      });
      const { token } = await env.services.auth.createToken(operator.viewer, user.id, 'bench', null);
      const count = 400;
      const r = await measure(count, 8, async (i) => {
        const res = await fetch(`${env.url}/api/org-units?org=BR-D${i % (10 * env.scale)}&limit=50`, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        await res.arrayBuffer();
      });
      return { name: this.name, unit: 'request', ops: count, ...r, note: `${units} org units` };
    },
  },
  {
    name: 'audit log: entries written in one transaction each',
    async run(env) {
      const count = 2000 * env.scale;
      const r = await measure(count, 1, (i) =>
        env.database.db.transaction().execute((trx) =>
          new AuditRepository(trx).write(operator.viewer, null, {
            action: 'bench',
            entity: 'bench',
            entityId: String(i),
            orgPath: '/KZ/',
          }),
        ),
      );
      return { name: this.name, unit: 'entry', ops: count, ...r };
    },
  },
  {
    name: 'sign-in: Argon2id verification over HTTP',
    async run(env) {
      const count = 15; // stays under the sign-in rate limit (20 a minute per address)
      const r = await measure(count, 2, async () => {
        const res = await fetch(`${env.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'bench.officer@bench.kz', password: 'bench password 1' }),
        });
        if (res.status !== 200) throw new Error(`status ${res.status}`);
      });
      return { name: this.name, unit: 'login', ops: count, ...r };
    },
  },
];
