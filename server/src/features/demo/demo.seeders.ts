import { seedChildren } from '../children/children.demo.ts';
import { seedHelp } from '../aid/help.demo.ts';
import { seedOperations } from '../campaigns/operations.demo.ts';
import type { DemoSeeder } from './demo-context.ts';

/**
 * What each feature adds to the demo after the org tree and users exist, in order. A feature that has demo data
 * appends its seeder here.
 */
export const demoSeeders: DemoSeeder[] = [
  // One per line, so that features add theirs without touching each other's lines.
  seedChildren,
  seedHelp,
  seedOperations,
];
