import type { Me, OrgUnit, Role } from '../api/types.ts';

function unit(
  partial: Partial<OrgUnit> & Pick<OrgUnit, 'code' | 'type' | 'path' | 'nameRu' | 'nameKk'>,
): OrgUnit {
  return {
    id: partial.code,
    parentCode: null,
    address: '',
    director: '',
    phone: '',
    hotline: '',
    version: 1,
    ...partial,
  };
}

export const republic = unit({
  code: 'kz',
  type: 'republic',
  path: '/kz/',
  nameRu: 'Министерство просвещения РК',
  nameKk: 'ҚР Оқу-ағарту министрлігі',
});

export const district = unit({
  code: 'balkhash',
  parentCode: 'kz',
  type: 'district',
  path: '/kz/balkhash/',
  nameRu: 'Отдел образования города Балхаш',
  nameKk: 'Балқаш қаласының білім бөлімі',
});

export const school = unit({
  code: 'school-1',
  parentCode: 'balkhash',
  type: 'school',
  path: '/kz/balkhash/school-1/',
  nameRu: 'Общеобразовательная школа № 1',
  nameKk: '№ 1 жалпы білім беретін мектеп',
  director: 'Сейткали А. Б.',
  phone: '+7 710 364 00 01',
});

export function me(role: Role, overrides: Partial<Me> = {}): Me {
  return {
    id: `user-${role}`,
    email: `${role}@example.kz`,
    name: 'Айгүл Серікова',
    role,
    lang: 'ru',
    orgUnit: role === 'admin' ? republic : role === 'officer' ? district : school,
    ...overrides,
  };
}

export function meResponse(user: Me) {
  return { body: { user, csrfToken: 'csrf-123' } };
}
