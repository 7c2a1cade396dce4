import { describe, expect, it } from 'vitest';
import { checkFvAid, type ChildCategoryProof, type FvAidCheck, type FvAidCheckInput } from './eligibility.ts';

const asp: ChildCategoryProof = { code: 'asp', validUntil: '2023-12-31', hasProof: true };
const base: FvAidCheckInput = {
  childCategories: [asp],
  amount: 40_567,
  remaining: 500_000,
  pm: 40_567,
  date: '2023-08-15',
};

describe('checkFvAid', () => {
  it.each<[string, Partial<typeof base>, FvAidCheck]>([
    ['a proper aid', {}, { errors: [], warnings: [] }],
    ['exactly the remaining amount', { remaining: 40_567 }, { errors: [], warnings: [] }],
    ['more than remains', { remaining: 40_566 }, { errors: ['over-remaining'], warnings: [] }],
    ['zero', { amount: 0 }, { errors: ['not-positive'], warnings: [] }],
    ['negative', { amount: -5 }, { errors: ['not-positive'], warnings: [] }],
    ['a fraction', { amount: 40_567.5 }, { errors: ['not-positive'], warnings: [] }],
    ['below the PM', { amount: 30_000 }, { errors: [], warnings: ['below-pm'] }],
    ['PM unknown', { amount: 30_000, pm: null }, { errors: [], warnings: [] }],
    ['no categories', { childCategories: [] }, { errors: ['no-fv-category'], warnings: [] }],
    [
      'only the risk flag',
      { childCategories: [{ code: 'not_attending', validUntil: null, hasProof: true }] },
      { errors: ['no-fv-category'], warnings: [] },
    ],
    [
      'no category, too much, below PM',
      { childCategories: [], amount: 10, remaining: 5 },
      { errors: ['no-fv-category', 'over-remaining'], warnings: ['below-pm'] },
    ],
    [
      'category without proof',
      { childCategories: [{ code: 'large_family', validUntil: null, hasProof: false }] },
      { errors: [], warnings: ['proof-missing'] },
    ],
    [
      'proof expired the day before',
      { childCategories: [{ code: 'asp', validUntil: '2023-08-14', hasProof: true }] },
      { errors: [], warnings: ['proof-expired'] },
    ],
    [
      'proof valid through the aid date',
      { childCategories: [{ code: 'asp', validUntil: '2023-08-15', hasProof: true }] },
      { errors: [], warnings: [] },
    ],
    [
      'one expired, one without proof: expired is the more useful hint',
      {
        childCategories: [
          { code: 'asp', validUntil: '2023-01-01', hasProof: true },
          { code: 'orphan', validUntil: null, hasProof: false },
        ],
      },
      { errors: [], warnings: ['proof-expired'] },
    ],
    [
      'one current proof is enough',
      { childCategories: [asp, { code: 'large_family', validUntil: null, hasProof: false }] },
      { errors: [], warnings: [] },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(checkFvAid({ ...base, ...patch })).toEqual(expected);
  });
});
