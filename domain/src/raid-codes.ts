// Where raids go and who takes part, as codes; display names live in i18n/*/common.json.
import { COMMON_MESSAGES } from './common-messages.ts';
import { makeLabelLookup } from './label-lookup.ts';
import { makeVocabulary } from './vocabulary.ts';

const { kk, ru, en } = COMMON_MESSAGES;

export const PLACE_KINDS = [
  'computer_club',
  'market',
  'station',
  'entertainment',
  'street',
  'other',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const PARTICIPANT_KINDS = [
  'teachers',
  'education_staff',
  'police',
  'social_protection',
  'ngo',
  'parents',
  'other',
] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const PLACE_KIND_VOCABULARY = makeVocabulary<PlaceKind>(
  {
    computer_club: [
      'компьютерный клуб',
      'компьютерные клубы',
      'компьютерный зал',
      'интернет-кафе',
      'игровой клуб',
      'компьютерлік клуб',
      'ойын клубы',
      'computer club',
      'internet cafe',
    ],
    market: ['рынок', 'базар', 'торговый центр', 'ТЦ', 'сауда орталығы', 'market', 'mall'],
    station: ['вокзал', 'автовокзал', 'железнодорожный вокзал', 'автостанция', 'аялдама', 'station'],
    entertainment: [
      'развлекательное заведение',
      'кафе',
      'бильярдная',
      'кинотеатр',
      'ойын-сауық орны',
      'ойын-сауық мекемесі',
      'entertainment venue',
    ],
    street: ['улица', 'двор', 'парк', 'көше', 'аула', 'саябақ', 'street', 'courtyard', 'park'],
    other: ['другое', 'другое место', 'басқа', 'басқа орын', 'other'],
  },
  [kk.placeKind, ru.placeKind, en.placeKind],
);
export const parsePlaceKind = PLACE_KIND_VOCABULARY.match;

export const parseParticipantKind = makeLabelLookup<ParticipantKind>(
  {
    teachers: ['педагоги', 'учителя', 'педагогтер', 'teachers'],
    education_staff: ['работники отдела образования', 'отдел образования', 'білім бөлімі', 'education staff'],
    police: ['полиция', 'ювенальная полиция', 'ювеналдық полиция', 'police', 'juvenile police'],
    social_protection: ['социальная защита', 'әлеуметтік қорғау', 'social protection'],
    ngo: ['общественное объединение', 'общественные объединения', 'қоғамдық бірлестік', 'NGO'],
    parents: ['родители', 'ата-аналар', 'parents'],
    other: ['другие', 'басқалар', 'other'],
  },
  [kk.participantKind, ru.participantKind, en.participantKind],
);
