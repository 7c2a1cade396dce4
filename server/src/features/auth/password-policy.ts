import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { invalid } from '../../http/app-error.ts';

// zxcvbn-ts estimates how many guesses a password takes against lists of common passwords, names and words,
// keyboard patterns, repeats and dates. Its common-language package carries the leaked-password lists.
const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary },
  graphs: common.adjacencyGraphs,
});

/** zxcvbn's "safely unguessable" score: about 10^8 guesses or more; "aaaaaaaaaa" and "password123" score 0. */
const MIN_SCORE = 3;

/**
 * Refuses a new password that is common or easily guessed (the length, at least 10, is checked by the schema).
 * `field` names the form field the message belongs to.
 */
export function checkNewPassword(password: string, field: string, userInputs: string[] = []): void {
  const { score } = estimator.check(password, userInputs);
  if (score < MIN_SCORE) throw invalid({ [field]: { key: 'errors:auth.passwordWeak' } });
}
