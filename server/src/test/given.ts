import { cliViewer } from '../access/viewer.ts';
import type { Role } from '../db/schema.ts';
import type { Services } from '../services.ts';
import type { RequestContext } from '../http/request-context.ts';

export const PASSWORD = 'correct horse battery staple';
const operator: RequestContext = { viewer: cliViewer(), ip: '127.0.0.1' };

/**
 * Small builders for arranging data through the real services:
 * a republic → region → city → two schools, plus a user of any role anywhere.
 */
export function given(services: Services) {
  return {
    operator,
    async tree() {
      await services.setup.ensureRoot();
      await services.orgUnits.create(operator, {
        code: 'R1',
        parentCode: 'KZ',
        type: 'region',
        nameRu: 'Область',
        nameKk: 'Облыс',
      });
      await services.orgUnits.create(operator, {
        code: 'C1',
        parentCode: 'R1',
        type: 'district',
        nameRu: 'Город',
        nameKk: 'Қала',
      });
      await services.orgUnits.create(operator, {
        code: 'C2',
        parentCode: 'R1',
        type: 'district',
        nameRu: 'Район',
        nameKk: 'Аудан',
      });
      await services.orgUnits.create(operator, {
        code: 'SA',
        parentCode: 'C1',
        type: 'school',
        nameRu: 'Школа А',
        nameKk: 'А мектебі',
      });
      await services.orgUnits.create(operator, {
        code: 'SB',
        parentCode: 'C1',
        type: 'school',
        nameRu: 'Школа Б',
        nameKk: 'Б мектебі',
      });
      await services.orgUnits.create(operator, {
        code: 'SC',
        parentCode: 'C2',
        type: 'school',
        nameRu: 'Школа В',
        nameKk: 'В мектебі',
      });
    },
    async user(
      role: Role,
      orgCode: string,
      email = `${role}.${orgCode.toLowerCase()}@test.kz`,
      classes?: string[],
    ) {
      return services.users.create(operator, {
        email,
        name: `${role} ${orgCode}`,
        role,
        orgCode,
        password: PASSWORD,
        classes,
      });
    },
    async token(email: string) {
      const user = await services.users.list(operator, { q: email, limit: 1 });
      return (await services.auth.createToken(operator.viewer, user.items[0]!.id, 'test', null)).token;
    },
  };
}
