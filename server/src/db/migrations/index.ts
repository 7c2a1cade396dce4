import type { Migration } from 'kysely';
import * as foundation from './202611250100-foundation.ts';
import * as campaignOperations from './202611250220-campaign-operations.ts';
import * as children from './202611250230-children.ts';
import * as helpReference from './202611250235-help-reference.ts';
import * as aid from './202611250240-aid.ts';
import * as reportFacts from './202611261000-report-facts.ts';
import * as jobs from './202612020130-jobs.ts';
import * as rateLimits from './202612020400-rate-limits.ts';
import * as reportPaging from './202612020410-report-paging.ts';
import * as idempotencyKeys from './202612020430-idempotency-keys.ts';
import * as nameSearch from './202612020500-name-search.ts';

/**
 * Every migration, by name, in the order written. Append-only: add a line for a new file, never edit or remove one.
 * (An explicit list rather than a folder scan, so that the same code runs under tsx, Vitest and bundlers.)
 */
export const migrations: Record<string, Migration> = {
  '202611250100-foundation': foundation,
  '202611250220-campaign-operations': campaignOperations,
  '202611250230-children': children,
  '202611250235-help-reference': helpReference,
  '202611250240-aid': aid,
  '202611261000-report-facts': reportFacts,
  '202612020130-jobs': jobs,
  '202612020400-rate-limits': rateLimits,
  '202612020410-report-paging': reportPaging,
  '202612020430-idempotency-keys': idempotencyKeys,
  '202612020500-name-search': nameSearch,
};
