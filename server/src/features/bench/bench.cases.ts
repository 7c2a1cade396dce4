import type { BenchCase } from './bench-case.ts';
import { foundationBenches } from './foundation.bench.ts';
import { childrenBenches } from '../children/children.bench.ts';
import { reportsBenches } from '../reports/reports.bench.ts';

/** Every benchmark, run in this order on one throwaway database. Features append theirs. */
export const benchCases: BenchCase[] = [...foundationBenches, ...childrenBenches, ...reportsBenches];
