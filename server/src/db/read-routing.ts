import { AsyncLocalStorage } from 'node:async_hooks';

// Which database a read of reports goes to, per request. With a replica (DATABASE_READ_URL), reports, dashboards,
// the public page and exports read from it; a user who has just written reads from the primary for a short while
// instead, so that they see their own write even while the replica is a moment behind. The request hook
// (http/read-your-writes.ts) runs such a request inside `readingFromPrimary`.
const fromPrimary = new AsyncLocalStorage<true>();

/** Runs `fn` so that every read it makes through `Database.reader` goes to the primary. */
export function readingFromPrimary<T>(fn: () => T): T {
  return fromPrimary.run(true, fn);
}

/** True inside `readingFromPrimary`. */
export function mustReadPrimary(): boolean {
  return fromPrimary.getStore() === true;
}
