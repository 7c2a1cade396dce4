// Forms of help and the kinds of items a child needs, with the labels the import templates use.
import { COMMON_MESSAGES } from './common-messages.ts';
import { makeLabelLookup } from './label-lookup.ts';

const { kk, ru, en } = COMMON_MESSAGES;

export const AID_FORMS = ['money', 'goods', 'certificate', 'service'] as const;
export type AidForm = (typeof AID_FORMS)[number];

export const NEED_ITEMS = [
  'supplies',
  'uniform',
  'sportswear',
  'shoes',
  'backpack',
  'winter_clothes',
  'other',
] as const;
export type NeedItem = (typeof NEED_ITEMS)[number];

export const parseAidForm = makeLabelLookup<AidForm>(
  {
    money: ['деньги', 'денежные средства', 'ақша', 'money'],
    goods: ['вещи', 'вещи в натуре', 'заттай', 'заттар', 'goods', 'goods in kind'],
    certificate: ['сертификат', 'certificate', 'voucher'],
    service: ['услуга', 'услуги', 'қызмет', 'service'],
  },
  [kk.aidForm, ru.aidForm, en.aidForm],
);

export const parseNeedItem = makeLabelLookup<NeedItem>(
  {
    supplies: [
      'школьно-письменные принадлежности',
      'канцтовары',
      'канцелярия',
      'набор школьных принадлежностей',
      'оқу-жазу құралдары',
      'school supplies',
    ],
    uniform: ['школьная форма', 'форма', 'мектеп формасы', 'school uniform', 'uniform'],
    sportswear: ['спортивная форма', 'спорт киімі', 'sportswear'],
    shoes: ['обувь', 'аяқ киім', 'shoes'],
    backpack: ['рюкзак', 'ранец', 'портфель', 'backpack'],
    winter_clothes: ['зимняя одежда', 'қысқы киім', 'winter clothes'],
    other: ['другое', 'басқа', 'other'],
  },
  [kk.item, ru.item, en.item],
);
