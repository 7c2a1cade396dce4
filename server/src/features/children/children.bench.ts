import { cliViewer } from '../../access/viewer.ts';
import { measure, type BenchCase } from '../bench/bench-case.ts';
import { seedManyChildren } from './children.bulk-seed.ts';

/** The children list of a school with 10 000·scale children: first pages, searches and filters over HTTP. */
export const childrenBenches: BenchCase[] = [
  {
    name: 'children: list pages, IIN and name search, filters (10 000·scale children in a school)',
    async run(env) {
      const operator = { viewer: cliViewer(), ip: null };
      const { orgUnits, setup, users, auth } = env.services;
      await setup.ensureRoot();
      await orgUnits.create(operator, {
        code: 'BC-R',
        parentCode: 'KZ',
        type: 'region',
        nameRu: 'О',
        nameKk: 'О',
      });
      await orgUnits.create(operator, {
        code: 'BC-D',
        parentCode: 'BC-R',
        type: 'district',
        nameRu: 'Р',
        nameKk: 'А',
      });
      const school = await orgUnits.create(operator, {
        code: 'BC-S',
        parentCode: 'BC-D',
        type: 'school',
        nameRu: 'Ш',
        nameKk: 'М',
      });
      const n = 10_000 * env.scale;
      const lastIin = await seedManyChildren(env.database.db, school, n);
      const user = await users.create(operator, {
        email: 'bench.coord@bench.kz',
        name: 'B',
        role: 'coordinator',
        orgCode: 'BC-S',
        password: 'bench password 1',
      });
      const { token } = await auth.createToken(operator.viewer, user.id, 'bench', null);
      const paths = [
        '/api/children?limit=100',
        `/api/children?q=${lastIin}`,
        `/api/children?q=${encodeURIComponent('ким99')}`,
        `/api/children?class=${encodeURIComponent('5В')}&sort=-birthDate&limit=100`,
        '/api/children?category=asp&sort=class&limit=100',
      ];
      const count = 300;
      const r = await measure(count, 4, async (i) => {
        const res = await fetch(env.url + paths[i % paths.length], {
          headers: { authorization: `Bearer ${token}` },
        });
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        await res.arrayBuffer();
      });
      return { name: this.name, unit: 'request', ops: count, ...r, note: `${n} children` };
    },
  },
];
