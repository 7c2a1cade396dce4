import type { OrgUnitCreate } from '../org-units/org-units.schema.ts';
import type { Role } from '../../db/schema.ts';

// The demo tree: one region with a city and a district, two schools in each. Made-up schools and people.
export const DEMO_UNITS: OrgUnitCreate[] = [
  {
    code: 'KRG',
    parentCode: 'KZ',
    type: 'region',
    nameRu: 'Карагандинская область',
    nameKk: 'Қарағанды облысы',
  },
  {
    code: 'KRG-KAR',
    parentCode: 'KRG',
    type: 'district',
    nameRu: 'г. Караганда',
    nameKk: 'Қарағанды қаласы',
  },
  {
    code: 'KRG-BUH',
    parentCode: 'KRG',
    type: 'district',
    nameRu: 'Бухар-Жырауский район',
    nameKk: 'Бұқар жырау ауданы',
  },
  {
    code: 'KRG-KAR-012',
    parentCode: 'KRG-KAR',
    type: 'school',
    nameRu: 'КГУ «Школа-гимназия № 12»',
    nameKk: '«№ 12 мектеп-гимназиясы» КММ',
    address: 'г. Караганда, ул. Ерубаева, 12',
    director: 'Сейтказина Гульнара Маратовна',
    hotline: '8 (7212) 00-00-00',
  },
  {
    code: 'KRG-KAR-035',
    parentCode: 'KRG-KAR',
    type: 'school',
    nameRu: 'КГУ «Общеобразовательная школа № 35»',
    nameKk: '«№ 35 жалпы білім беретін мектеп» КММ',
    address: 'г. Караганда, мкр. Восток-2, 7',
    director: 'Ибраев Нурлан Касымович',
    hotline: '8 (7212) 00-00-35',
  },
  {
    code: 'KRG-BUH-003',
    parentCode: 'KRG-BUH',
    type: 'school',
    nameRu: 'КГУ «Ботакаринская общеобразовательная школа»',
    nameKk: '«Ботакара жалпы білім беретін мектебі» КММ',
    address: 'Бухар-Жырауский район, п. Ботакара, ул. Абая, 3',
    director: 'Жунусова Айгуль Серикбаевна',
    hotline: '8 (72154) 0-00-03',
  },
  {
    code: 'KRG-BUH-017',
    parentCode: 'KRG-BUH',
    type: 'school',
    nameRu: 'КГУ «Умуткерская основная средняя школа»',
    nameKk: '«Үміткер негізгі орта мектебі» КММ',
    address: 'Бухар-Жырауский район, с. Умуткер',
    director: 'Омаров Ерлан Бакытович',
    hotline: '8 (72154) 0-00-17',
  },
];

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  orgCode: string;
  classes?: string[];
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@demo.mektep.kz', name: 'Администратор системы', role: 'admin', orgCode: 'KZ' },
  { email: 'officer.region@demo.mektep.kz', name: 'Бекова Динара', role: 'officer', orgCode: 'KRG' },
  { email: 'officer.city@demo.mektep.kz', name: 'Ахметова Жанар', role: 'officer', orgCode: 'KRG-KAR' },
  { email: 'officer.district@demo.mektep.kz', name: 'Касымов Ержан', role: 'officer', orgCode: 'KRG-BUH' },
  {
    email: 'coordinator.012@demo.mektep.kz',
    name: 'Нурланова Асель',
    role: 'coordinator',
    orgCode: 'KRG-KAR-012',
  },
  {
    email: 'director.012@demo.mektep.kz',
    name: 'Сейтказина Гульнара',
    role: 'director',
    orgCode: 'KRG-KAR-012',
  },
  {
    email: 'teacher.012@demo.mektep.kz',
    name: 'Ким Елена',
    role: 'teacher',
    orgCode: 'KRG-KAR-012',
    classes: ['5А', '5Б'],
  },
  {
    email: 'coordinator.035@demo.mektep.kz',
    name: 'Тулегенова Айжан',
    role: 'coordinator',
    orgCode: 'KRG-KAR-035',
  },
  { email: 'director.035@demo.mektep.kz', name: 'Ибраев Нурлан', role: 'director', orgCode: 'KRG-KAR-035' },
  {
    email: 'coordinator.003@demo.mektep.kz',
    name: 'Абенова Сауле',
    role: 'coordinator',
    orgCode: 'KRG-BUH-003',
  },
  {
    email: 'coordinator.017@demo.mektep.kz',
    name: 'Жакупов Марат',
    role: 'coordinator',
    orgCode: 'KRG-BUH-017',
  },
];
