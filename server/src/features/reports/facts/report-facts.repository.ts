import type { Kysely } from 'kysely';
import { isPostgres } from '../../../db/portable.ts';
import type { DB, ReportCubeTable } from '../../../db/schema.ts';
import type { AidSourceRow, ChildSourceRow } from './child-facts.ts';

/** The deepest level of the org tree: republic, region, city/district, school. */
export const MAX_DEPTH = 4;

/**
 * Tables derived from the records and rebuilt from them: left out of backups, rebuilt after a restore (and on
 * start when their layout changed).
 */
export const DERIVED_TABLES = ['org_structure', 'report_cube', 'report_child_facts', 'report_facts_meta'];

// Rows per statement: 7 values a row keeps both engines well under their bound-parameter limits.
const CHUNK = 1000;

// Units never move (a path is fixed when the unit is created), so a unit's ancestors can be remembered.
const ANCESTORS = new Map<string, string[]>();

/** The only SQL that writes report facts: the org structure, the cube and each child's contribution to it. */
export class ReportFactsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Adds a new unit to the structure (its ancestors by level) and marks its parent as having units below. */
  async addUnit(unit: { id: string; parent_id: string | null; path: string }): Promise<void> {
    const parent = unit.parent_id
      ? await this.db
          .selectFrom('org_structure')
          .select(['depth', 'l1', 'l2', 'l3', 'l4'])
          .where('unit_id', '=', unit.parent_id)
          .executeTakeFirstOrThrow()
      : null;
    const depth = (parent?.depth ?? 0) + 1;
    if (depth > MAX_DEPTH) throw new Error(`org tree deeper than ${MAX_DEPTH} levels: ${unit.path}`);
    const levels = [parent?.l1 ?? null, parent?.l2 ?? null, parent?.l3 ?? null, parent?.l4 ?? null];
    levels[depth - 1] = unit.id;
    await this.db
      .insertInto('org_structure')
      .values({
        unit_id: unit.id,
        path: unit.path,
        parent_id: unit.parent_id,
        depth,
        leaf: 1,
        l1: levels[0]!,
        l2: levels[1] ?? null,
        l3: levels[2] ?? null,
        l4: levels[3] ?? null,
      })
      .execute();
    if (unit.parent_id)
      await this.db
        .updateTable('org_structure')
        .set({ leaf: 0 })
        .where('unit_id', '=', unit.parent_id)
        .execute();
  }

  /**
   * On PostgreSQL, holds these children until the transaction ends, so that two transactions changing the same
   * child apply their differences one after the other (SQLite has one writer at a time anyway).
   */
  async lockChildren(ids: readonly string[]): Promise<void> {
    if (ids.length === 0 || !isPostgres(this.db as Kysely<unknown>)) return;
    await this.db
      .selectFrom('children')
      .select('id')
      .where('id', 'in', [...ids].sort())
      .orderBy('id')
      .forUpdate()
      .execute();
  }

  async childSources(ids: readonly string[]): Promise<ChildSourceRow[]> {
    if (ids.length === 0) return [];
    const [children, categories, needs] = await Promise.all([
      this.db
        .selectFrom('children')
        .select(['id', 'org_unit_id', 'status', 'not_attending'])
        .where('id', 'in', [...ids])
        .execute(),
      this.db
        .selectFrom('child_categories')
        .select(['child_id', 'code'])
        .where('child_id', 'in', [...ids])
        .execute(),
      this.db
        .selectFrom('child_needs as n')
        .innerJoin('need_items as i', 'i.id', 'n.item_id')
        .select(['n.child_id', 'i.code', 'n.quantity'])
        .where('n.child_id', 'in', [...ids])
        .where('n.status', '=', 'open')
        .execute(),
    ]);
    const byChild = <T extends { child_id: string }>(rows: readonly T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(r.child_id, [...(m.get(r.child_id) ?? []), r]);
      return m;
    };
    const cats = byChild(categories);
    const open = byChild(needs);
    return children.map((c) => ({
      id: c.id,
      unitId: c.org_unit_id,
      status: c.status,
      notAttending: Number(c.not_attending) === 1,
      categories: (cats.get(c.id) ?? []).map((x) => x.code),
      openNeeds: (open.get(c.id) ?? []).map((n) => ({ item: n.code, quantity: Number(n.quantity) })),
    }));
  }

  async aidSources(childIds: readonly string[]): Promise<(AidSourceRow & { childId: string })[]> {
    if (childIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('aid')
      .select([
        'id',
        'child_id',
        'org_unit_id',
        'year',
        'date',
        'source',
        'sponsor_id',
        'form',
        'amount',
        'items',
        'reverses',
      ])
      .where('child_id', 'in', [...childIds])
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      childId: r.child_id,
      unitId: r.org_unit_id,
      year: Number(r.year),
      date: r.date,
      source: r.source,
      sponsorId: r.sponsor_id,
      form: r.form,
      amount: Number(r.amount),
      items: r.items,
      reverses: r.reverses,
    }));
  }

  states(childIds: readonly string[]) {
    if (childIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('report_child_facts')
      .select(['child_id', 'year', 'state'])
      .where('child_id', 'in', [...childIds])
      .execute();
  }

  /** Each unit with the units above it, itself included. */
  async ancestors(unitIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const ids = [...new Set(unitIds)].filter((id) => {
      const known = ANCESTORS.get(id);
      if (known) out.set(id, known);
      return !known;
    });
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('org_structure')
        .select(['unit_id', 'l1', 'l2', 'l3', 'l4'])
        .where('unit_id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) {
        const up = [r.l1, r.l2, r.l3, r.l4].filter((x): x is string => x !== null);
        out.set(r.unit_id, up);
        if (ANCESTORS.size < 100_000) ANCESTORS.set(r.unit_id, up);
      }
    }
    return out;
  }

  /**
   * Adds differences to the cube. Rows go in one fixed order, so two transactions touching the same figures lock
   * them in the same order and never deadlock.
   */
  async addToCube(rows: ReportCubeTable[]): Promise<void> {
    const sorted = [...rows].sort(
      (a, b) => a.year - b.year || cmp(a.unit_id, b.unit_id) || cmp(a.dim, b.dim) || cmp(a.key, b.key),
    );
    for (let i = 0; i < sorted.length; i += CHUNK) {
      await this.db
        .insertInto('report_cube')
        .values(sorted.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.columns(['year', 'unit_id', 'dim', 'key']).doUpdateSet((eb) => ({
            students: eb('report_cube.students', '+', eb.ref('excluded.students')),
            amount: eb('report_cube.amount', '+', eb.ref('excluded.amount')),
            records: eb('report_cube.records', '+', eb.ref('excluded.records')),
          })),
        )
        .execute();
    }
  }

  async replaceStates(
    childIds: readonly string[],
    rows: { child_id: string; year: number; state: string }[],
  ) {
    if (childIds.length > 0)
      await this.db
        .deleteFrom('report_child_facts')
        .where('child_id', 'in', [...childIds])
        .execute();
    for (let i = 0; i < rows.length; i += CHUNK)
      await this.db
        .insertInto('report_child_facts')
        .values(rows.slice(i, i + CHUNK))
        .execute();
  }

  /** Children by id after `after`, for rebuilding every child's facts in batches. */
  async childIdsAfter(after: string | null, limit: number): Promise<string[]> {
    let q = this.db.selectFrom('children').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  }

  async clear(): Promise<void> {
    await this.db.deleteFrom('report_cube').execute();
    await this.db.deleteFrom('report_child_facts').execute();
  }

  /** Writes the org structure again from the org units (after a restore, or when it is missing). */
  async rebuildStructure(): Promise<void> {
    await this.db.deleteFrom('org_structure').execute();
    const units = await this.db
      .selectFrom('org_units')
      .select(['id', 'parent_id', 'path'])
      .orderBy('path')
      .execute();
    // Parents sort before their units by path, so each unit finds its parent's row already written.
    const byId = new Map<string, { depth: number; levels: (string | null)[] }>();
    const parents = new Set(units.map((u) => u.parent_id));
    const rows = units.map((u) => {
      const parent = u.parent_id ? byId.get(u.parent_id) : undefined;
      const depth = (parent?.depth ?? 0) + 1;
      if (depth > MAX_DEPTH) throw new Error(`org tree deeper than ${MAX_DEPTH} levels: ${u.path}`);
      const levels = [...(parent?.levels ?? [null, null, null, null])];
      levels[depth - 1] = u.id;
      byId.set(u.id, { depth, levels });
      return {
        unit_id: u.id,
        path: u.path,
        parent_id: u.parent_id,
        depth,
        leaf: parents.has(u.id) ? 0 : 1,
        l1: levels[0]!,
        l2: levels[1] ?? null,
        l3: levels[2] ?? null,
        l4: levels[3] ?? null,
      };
    });
    for (let i = 0; i < rows.length; i += CHUNK / 2)
      await this.db
        .insertInto('org_structure')
        .values(rows.slice(i, i + CHUNK / 2))
        .execute();
  }

  async version(): Promise<string | null> {
    const row = await this.db
      .selectFrom('report_facts_meta')
      .select('value')
      .where('name', '=', 'version')
      .executeTakeFirst();
    return row?.value ?? null;
  }

  async setVersion(value: string): Promise<void> {
    await this.db.deleteFrom('report_facts_meta').where('name', '=', 'version').execute();
    await this.db.insertInto('report_facts_meta').values({ name: 'version', value }).execute();
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
