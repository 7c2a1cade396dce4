import type { DemoSeeder } from './demo-context.ts';
import { seedChildren } from '../children/children.demo.ts';

/**
 * What each feature adds to the demo after the org tree and users exist, in order. A feature that has demo data
 * appends its seeder here.
 */
export const demoSeeders: DemoSeeder[] = [seedChildren];
