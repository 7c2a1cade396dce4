import type { Services } from '../../services.ts';
import type { RequestContext } from '../../http/request-context.ts';

export interface DemoSchool {
  id: string;
  code: string;
  path: string;
  nameRu: string;
}

/** What every demo seeder gets: the services, the operator's context, the demo schools and a seeded random. */
export interface DemoContext {
  services: Services;
  ctx: RequestContext;
  schools: DemoSchool[];
  /** Deterministic random numbers in [0, 1) so that the demo is the same on every machine. */
  random: () => number;
}

export type DemoSeeder = (demo: DemoContext) => Promise<void>;

/** A small, fast, seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
