import { parseTenge } from '#domain/money';
import { invalid } from '../../http/app-error.ts';

/** An amount as people type it ("1 196 448", 43407): whole, non-negative tenge, or a 400 naming the field. */
export function tengeInput(field: string, input: string | number, opts: { positive?: boolean } = {}): number {
  const parsed = parseTenge(input);
  if (!parsed.ok) throw invalid({ [field]: { key: `help:amount.${parsed.error}` } });
  if (opts.positive && parsed.value === 0) throw invalid({ [field]: { key: 'help:amount.zero' } });
  return parsed.value;
}
