import type { AnyJobKind } from './job-kind.ts';
import { importJob } from '../import/import.job.ts';

/** Every kind of background job. A new kind adds one line. */
export const jobKinds: readonly AnyJobKind[] = [importJob];
