import { policy } from '../../access/policy.ts';
import type { Services } from '../../services.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { AppError } from '../../http/app-error.ts';
import { OrgUnitsRepository } from '../org-units/org-units.repository.ts';
import { UsersRepository } from '../users/users.repository.ts';
import { seededRandom, type DemoSchool } from './demo-context.ts';
import { DEMO_UNITS, DEMO_USERS } from './demo-org.ts';
import { demoSeeders } from './demo.seeders.ts';

/** Loads the demo dataset into a database that holds nothing but the republic. */
export async function loadDemo(services: Services, ctx: RequestContext, password: string) {
  const db = services.database.db;
  const units = new OrgUnitsRepository(db);
  if ((await units.count()) > 1 || (await new UsersRepository(db).count()) > 0) {
    throw new AppError(409, 'not_empty', { key: 'cli:demo.notEmpty' });
  }
  if (!(await units.findRoot())) {
    await services.setup.ensureRoot();
  }
  for (const unit of DEMO_UNITS) await services.orgUnits.create(ctx, unit);
  for (const user of DEMO_USERS) {
    await services.users.create(ctx, { ...user, password, lang: 'ru' });
  }
  const schools: DemoSchool[] = [];
  for (const unit of DEMO_UNITS.filter((u) => u.type === 'school')) {
    const row = (await units.findByCode(unit.code, policy.everywhere('unit.read', 'operator')))!;
    schools.push({ id: row.id, code: row.code, path: row.path, nameRu: row.name_ru });
  }
  const demo = { services, ctx, schools, random: seededRandom(20230801) };
  for (const seed of demoSeeders) await seed(demo);
  return { users: DEMO_USERS, schools };
}
