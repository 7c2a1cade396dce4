// Forms of help and the kinds of items a child needs, with the words people write for them in ru, kk and en.
import { COMMON_MESSAGES } from './common-messages.ts';
import { makeVocabulary } from './vocabulary.ts';

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

export const AID_FORM_VOCABULARY = makeVocabulary<AidForm>(
  {
    money: [
      'деньги',
      'денежные средства',
      'денежная помощь',
      'материальная помощь',
      'наличные',
      'ақша',
      'ақшалай',
      'ақшалай көмек',
      'ақша қаражаты',
      'money',
      'cash',
    ],
    goods: [
      'вещи',
      'вещи в натуре',
      'в натуре',
      'натуральная помощь',
      'вещевая помощь',
      'товары',
      'заттай',
      'заттар',
      'заттай көмек',
      'goods',
      'goods in kind',
      'in kind',
    ],
    certificate: [
      'сертификат',
      'подарочный сертификат',
      'сертификаттар',
      'certificate',
      'voucher',
      'gift card',
    ],
    service: ['услуга', 'услуги', 'қызмет', 'қызмет көрсету', 'қызметтер', 'service', 'services'],
  },
  [kk.aidForm, ru.aidForm, en.aidForm],
);
export const parseAidForm = AID_FORM_VOCABULARY.match;

export const NEED_ITEM_VOCABULARY = makeVocabulary<NeedItem>(
  {
    supplies: [
      'школьно-письменные принадлежности',
      'школьные принадлежности',
      'письменные принадлежности',
      'принадлежности',
      'канцтовары',
      'канцелярские товары',
      'канцелярия',
      'набор школьных принадлежностей',
      'набор первоклассника',
      'тетради',
      'оқу-жазу құралдары',
      'оқу құралдары',
      'мектеп құралдары',
      'кеңсе тауарлары',
      'кеңсе керек-жарақтары',
      'school supplies',
      'stationery',
    ],
    uniform: [
      'школьная форма',
      'форма',
      'школьный костюм',
      'мектеп формасы',
      'мектеп киімі',
      'мектеп формасы жиынтығы',
      'school uniform',
      'uniform',
    ],
    sportswear: [
      'спортивная форма',
      'спортивный костюм',
      'спорткостюм',
      'спортивная одежда',
      'спорт киімі',
      'спорттық киім',
      'спорттық форма',
      'sportswear',
      'sports uniform',
    ],
    shoes: [
      'обувь',
      'кроссовки',
      'туфли',
      'ботинки',
      'кеды',
      'сапоги',
      'сменная обувь',
      'аяқ киім',
      'кроссовка',
      'бәтеңке',
      'етік',
      'shoes',
      'sneakers',
      'footwear',
    ],
    backpack: [
      'рюкзак',
      'ранец',
      'портфель',
      'школьная сумка',
      'сумка',
      'сөмке',
      'арқа сөмке',
      'мектеп сөмкесі',
      'портфель сөмке',
      'backpack',
      'schoolbag',
      'school bag',
    ],
    winter_clothes: [
      'зимняя одежда',
      'куртка',
      'зимняя куртка',
      'пуховик',
      'пальто',
      'шапка',
      'қысқы киім',
      'күртеше',
      'қысқы күртеше',
      'winter clothes',
      'winter jacket',
      'coat',
    ],
    other: ['другое', 'прочее', 'басқа', 'басқалар', 'other'],
  },
  [kk.item, ru.item, en.item],
);
export const parseNeedItem = NEED_ITEM_VOCABULARY.match;
