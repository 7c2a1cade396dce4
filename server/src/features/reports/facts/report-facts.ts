import type { Kysely } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import type { DB, ReportCubeTable } from '../../../db/schema.ts';
import {
  childStates,
  contribution,
  decodeState,
  encodeState,
  FACTS_VERSION,
  splitContributionKey,
  type ChildYearState,
  type Contribution,
} from './child-facts.ts';
import { ReportFactsRepository } from './report-facts.repository.ts';

const BATCH = 500;

let generation = 0;

/** A number that changes whenever this process may have changed what reports show (for caches of reports). */
export function factsGeneration(): number {
  return generation;
}

/** Tells caches of reports that records may have changed. */
export function factsChanged(): void {
  generation += 1;
}

/**
 * Brings the report facts of these children up to date with their records, inside the caller's transaction: every
 * write that changes a child's aid, categories, status, school or needs calls this before it commits (set-based
 * writers such as imports call it once for all the children they touched). Each child's old contribution to the
 * cube is taken away and its new one added, so the cube never needs the whole subtree to be read again.
 */
export async function refreshReportFacts(
  db: Kysely<DB>,
  childIds: Iterable<string>,
  opts: { lock?: boolean } = {},
): Promise<void> {
  const ids = [...new Set(childIds)].sort();
  factsChanged();
  const repo = new ReportFactsRepository(db);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    if (opts.lock !== false) await repo.lockChildren(batch);
    const [children, aid, stored] = await Promise.all([
      repo.childSources(batch),
      repo.aidSources(batch),
      repo.states(batch),
    ]);
    const childById = new Map(children.map((c) => [c.id, c]));
    const aidByChild = new Map<string, typeof aid>();
    for (const a of aid) aidByChild.set(a.childId, [...(aidByChild.get(a.childId) ?? []), a]);
    const oldByChild = new Map<string, Map<number, string>>();
    for (const s of stored) {
      let m = oldByChild.get(s.child_id);
      if (!m) oldByChild.set(s.child_id, (m = new Map<number, string>()));
      m.set(Number(s.year), s.state);
    }

    const changes: {
      childId: string;
      year: number;
      old: ChildYearState | null;
      now: ChildYearState | null;
    }[] = [];
    const newRows: { child_id: string; year: number; state: string }[] = [];
    const changed = new Set<string>();
    for (const id of batch) {
      const now = childStates(childById.get(id), aidByChild.get(id) ?? []);
      const old = oldByChild.get(id) ?? new Map<number, string>();
      for (const [year, state] of now) newRows.push({ child_id: id, year, state: encodeState(state) });
      for (const year of new Set([...now.keys(), ...old.keys()])) {
        const nowState = now.get(year) ?? null;
        const oldText = old.get(year) ?? null;
        if (nowState && oldText === encodeState(nowState)) continue;
        changed.add(id);
        changes.push({ childId: id, year, old: oldText ? decodeState(oldText) : null, now: nowState });
      }
    }
    if (changes.length === 0) continue;

    const unitIds = changes.flatMap((c) =>
      [c.old, c.now].flatMap((s) => (s ? [...Object.keys(s.units), ...(s.cur ? [s.cur] : [])] : [])),
    );
    const ancestors = await repo.ancestors(unitIds);
    const up = (unitId: string) => ancestors.get(unitId) ?? [unitId];
    const delta = new Map<number, Contribution>();
    for (const c of changes) {
      let d = delta.get(c.year);
      if (!d) delta.set(c.year, (d = new Map() as Contribution));
      if (c.old) contribution(c.old, up, d, -1);
      if (c.now) contribution(c.now, up, d, 1);
    }
    const rows: ReportCubeTable[] = [];
    for (const [year, d] of delta) {
      for (const [key, [students, amount, records]] of d) {
        if (students === 0 && amount === 0 && records === 0) continue;
        const { unitId, dim, key: k } = splitContributionKey(key);
        rows.push({ year, unit_id: unitId, dim, key: k, students, amount, records });
      }
    }
    await repo.addToCube(rows);
    await repo.replaceStates(
      [...changed],
      newRows.filter((r) => changed.has(r.child_id)),
    );
  }
}

/** Recomputes the org structure and every child's facts from scratch, in the caller's transaction. */
export async function rebuildReportFacts(db: Kysely<DB>): Promise<void> {
  const repo = new ReportFactsRepository(db);
  await repo.rebuildStructure();
  await repo.clear();
  let after: string | null = null;
  for (;;) {
    const ids = await repo.childIdsAfter(after, 5 * BATCH);
    if (ids.length === 0) break;
    await refreshReportFacts(db, ids, { lock: false });
    after = ids.at(-1)!;
  }
  await repo.setVersion(FACTS_VERSION);
}

/** On start: rebuilds the facts when they were made by another version of this code (or never). */
export async function ensureReportFacts(
  database: Database,
  log: (s: string) => void = () => {},
): Promise<void> {
  if ((await new ReportFactsRepository(database.db).version()) === FACTS_VERSION) return;
  log('Rebuilding the report facts…');
  await database.db.transaction().execute((trx) => rebuildReportFacts(trx));
}
