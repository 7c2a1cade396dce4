// Rules for an aid decision from the fund of universal education (ФВ). Errors block saving; warnings are shown
// to the coordinator, who may still go ahead (a region may pay less than the PM only by exception, and proofs
// are sometimes brought after the handover).
import { isFvCategory } from './categories.ts';

export interface ChildCategoryProof {
  code: string;
  /** 'YYYY-MM-DD' until which the proving document is valid; null when it does not expire. */
  validUntil: string | null;
  hasProof: boolean;
}

export interface FvAidCheckInput {
  childCategories: readonly ChildCategoryProof[];
  /** Whole tenge. */
  amount: number;
  /** What is left of the school's ФВ allocation before this aid, whole tenge. */
  remaining: number;
  /** Subsistence minimum of the year; null when the admin has not entered it. */
  pm: number | null;
  /** Date of the aid, 'YYYY-MM-DD'. */
  date: string;
}

export type FvAidError = 'no-fv-category' | 'over-remaining' | 'not-positive';
export type FvAidWarning = 'below-pm' | 'proof-missing' | 'proof-expired';

export interface FvAidCheck {
  errors: FvAidError[];
  warnings: FvAidWarning[];
}

export function checkFvAid(input: FvAidCheckInput): FvAidCheck {
  const errors: FvAidError[] = [];
  const warnings: FvAidWarning[] = [];
  const fv = input.childCategories.filter((c) => isFvCategory(c.code));

  if (fv.length === 0) errors.push('no-fv-category');
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) errors.push('not-positive');
  else if (input.amount > input.remaining) errors.push('over-remaining');

  if (input.pm !== null && input.amount > 0 && input.amount < input.pm) warnings.push('below-pm');

  // The aid needs one proven ground; other categories without papers do not matter once one is in order.
  // So warn only when no ФВ category has a current proof, naming the more useful reason.
  if (fv.length > 0) {
    const proven = fv.filter((c) => c.hasProof);
    const current = proven.filter((c) => c.validUntil === null || c.validUntil >= input.date);
    if (proven.length === 0) warnings.push('proof-missing');
    else if (current.length === 0) warnings.push('proof-expired');
  }
  return { errors, warnings };
}
