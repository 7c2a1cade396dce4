import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { AidHandoversTable, AidProofsTable, AidTable, DB } from '../../db/schema.ts';

/** The only SQL of aid: handovers, their rows per child (append-only), proofs, and the reads of children it needs. */
export class AidRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Children of one school with what the aid rules need; ids not found there are simply absent. */
  childrenOfSchool(orgUnitId: string, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('children')
      .select(['id', 'surname', 'name', 'patronymic', 'class_label', 'status', 'org_path'])
      .where('org_unit_id', '=', orgUnitId)
      .where('id', 'in', [...ids])
      .execute();
  }

  categoriesOf(childIds: readonly string[]) {
    if (childIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('child_categories')
      .select(['child_id', 'code', 'doc_name', 'doc_number', 'doc_date', 'valid_until'])
      .where('child_id', 'in', [...childIds])
      .execute();
  }

  /** The campaign that covers a school in a year: the one opened nearest above it (or by it). */
  campaignFor(ancestorsAndSelf: readonly string[], year: number) {
    return this.db
      .selectFrom('campaigns')
      .select(['date_from', 'date_to', 'org_path'])
      .where('year', '=', year)
      .where('org_path', 'in', [...ancestorsAndSelf])
      .orderBy(sql`length(org_path)`, 'desc')
      .executeTakeFirst();
  }

  async insertHandover(row: Selectable<AidHandoversTable>) {
    await this.db.insertInto('aid_handovers').values(row).execute();
  }

  async insertRows(rows: Selectable<AidTable>[]) {
    // Chunks keep the statement under SQLite's and PostgreSQL's bound-parameter limits.
    for (let i = 0; i < rows.length; i += 200) {
      await this.db
        .insertInto('aid')
        .values(rows.slice(i, i + 200))
        .execute();
    }
  }

  /** Marks the open or pledged needs of these items of a child as delivered (the caller refreshes its facts). */
  async deliverNeeds(childId: string, itemCodes: readonly string[]) {
    if (itemCodes.length === 0) return 0;
    const r = await this.db
      .updateTable('child_needs')
      .set((eb) => ({
        status: 'delivered',
        updated_at: new Date().toISOString(),
        version: eb('version', '+', 1),
      }))
      .where('child_id', '=', childId)
      .where('status', '!=', 'delivered')
      .where('item_id', 'in', (eb) =>
        eb
          .selectFrom('need_items')
          .select('need_items.id')
          .where('need_items.code', 'in', [...itemCodes]),
      )
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** A handover in scope; for a teacher's scope, one with at least one child of their classes. */
  handover(id: string, scope: Scope) {
    return this.db
      .selectFrom('aid_handovers as h')
      .innerJoin('org_units as o', 'o.id', 'h.org_unit_id')
      .leftJoin('sponsors as s', 's.id', 'h.sponsor_id')
      .selectAll('h')
      .select(['o.code as org_code', 's.name as sponsor_name'])
      .where('h.id', '=', id)
      .where(
        scope.classes === null
          ? inScope(scope, 'h.org_path')
          : sql<SqlBool>`exists (select 1 from aid as hl where hl.handover_id = h.id and ${inScope(scope, 'hl.org_path', { childIdColumn: 'hl.child_id' })})`,
      )
      .executeTakeFirst();
  }

  private rowsBase(scope: Scope) {
    return this.db
      .selectFrom('aid as a')
      .innerJoin('children as c', 'c.id', 'a.child_id')
      .innerJoin('org_units as o', 'o.id', 'a.org_unit_id')
      .leftJoin('sponsors as s', 's.id', 'a.sponsor_id')
      .leftJoin('aid as rv', 'rv.reverses', 'a.id')
      .selectAll('a')
      .select([
        'o.code as org_code',
        's.name as sponsor_name',
        'c.surname',
        'c.name as child_name',
        'c.patronymic',
        'c.class_label',
        'rv.id as reversed_by',
      ])
      .where(inScope(scope, 'a.org_path', { classColumn: 'c.class_label' }));
  }

  rowsOfHandover(handoverId: string, scope: Scope) {
    return this.rowsBase(scope)
      .where('a.handover_id', '=', handoverId)
      .orderBy('a.created_at')
      .orderBy('a.id')
      .execute();
  }

  row(id: string, scope: Scope) {
    return this.rowsBase(scope).where('a.id', '=', id).executeTakeFirst();
  }

  list(
    scope: Scope,
    f: {
      year?: number;
      childId?: string;
      sponsorId?: string;
      source?: string;
      limit: number;
      after?: { date: string; id: string };
    },
  ) {
    let q = this.rowsBase(scope)
      .orderBy('a.date', 'desc')
      .orderBy('a.id', 'desc')
      .limit(f.limit + 1);
    if (f.year) q = q.where('a.year', '=', f.year);
    if (f.childId) q = q.where('a.child_id', '=', f.childId);
    if (f.sponsorId) q = q.where('a.sponsor_id', '=', f.sponsorId);
    if (f.source) q = q.where('a.source', '=', f.source as 'fv' | 'sponsor');
    const after = f.after;
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb('a.date', '<', after.date),
          eb.and([eb('a.date', '=', after.date), eb('a.id', '<', after.id)]),
        ]),
      );
    }
    return q.execute();
  }

  /** Every row of a year in the scope, with no paging: the input of totals and fairness. */
  yearRows(scope: Scope, year: number) {
    return this.db
      .selectFrom('aid as a')
      .select([
        'a.id',
        'a.child_id',
        'a.date',
        'a.source',
        'a.sponsor_id',
        'a.form',
        'a.amount',
        'a.items',
        'a.reverses',
      ])
      .where(inScope(scope, 'a.org_path', { childIdColumn: 'a.child_id' }))
      .where('a.year', '=', year)
      .execute();
  }

  sponsorNames(ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('sponsors')
      .select(['id', 'name'])
      .where('id', 'in', [...ids])
      .execute();
  }

  /** Approved children in the scope with their open needs; the candidates of the fairness list. */
  approvedChildren(scope: Scope) {
    return this.db
      .selectFrom('children as c')
      .innerJoin('org_units as o', 'o.id', 'c.org_unit_id')
      .select([
        'c.id',
        'c.surname',
        'c.name',
        'c.patronymic',
        'c.class_label',
        'o.code as org_code',
        'c.sort_name',
      ])
      .where(inScope(scope, 'c.org_path', { classColumn: 'c.class_label' }))
      .where('c.status', 'in', ['approved', 'helped'])
      .orderBy('c.sort_name')
      .execute();
  }

  childrenByIds(ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('children as c')
      .innerJoin('org_units as o', 'o.id', 'c.org_unit_id')
      .select(['c.id', 'c.surname', 'c.name', 'c.patronymic', 'c.class_label', 'o.code as org_code'])
      .where('c.id', 'in', [...ids])
      .execute();
  }

  openNeeds(childIds: readonly string[]) {
    if (childIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('child_needs as n')
      .innerJoin('need_items as i', 'i.id', 'n.item_id')
      .select(['n.child_id', 'n.quantity', 'n.est_cost', 'i.default_cost'])
      .where('n.child_id', 'in', [...childIds])
      .where('n.status', '!=', 'delivered')
      .execute();
  }

  /** An aid row in effect with exactly these values: how a re-imported row is recognised. */
  findSame(r: {
    orgUnitId: string;
    childId: string;
    date: string;
    source: 'fv' | 'sponsor';
    sponsorId: string | null;
    form: string;
    amount: number;
    items: string;
  }) {
    let q = this.db
      .selectFrom('aid as a')
      .leftJoin('aid as rv', 'rv.reverses', 'a.id')
      .select('a.id')
      .where('a.org_unit_id', '=', r.orgUnitId)
      .where('a.child_id', '=', r.childId)
      .where('a.date', '=', r.date)
      .where('a.source', '=', r.source)
      .where('a.form', '=', r.form)
      .where('a.amount', '=', r.amount)
      .where('a.items', '=', r.items)
      .where('a.reverses', 'is', null)
      .where('rv.id', 'is', null);
    q =
      r.sponsorId === null ? q.where('a.sponsor_id', 'is', null) : q.where('a.sponsor_id', '=', r.sponsorId);
    return q.executeTakeFirst();
  }

  /** The child with this IIN within a scope, with its school: in an aid file the child decides the school. */
  childByIinWithin(scope: Scope, iin: string) {
    return this.db
      .selectFrom('children')
      .select(['id', 'status', 'org_unit_id', 'surname', 'name'])
      .where('iin', '=', iin)
      .where(inScope(scope, 'org_path', { classColumn: 'class_label' }))
      .executeTakeFirst();
  }

  childByIin(orgUnitId: string, iin: string) {
    return this.db
      .selectFrom('children')
      .select(['id', 'status'])
      .where('org_unit_id', '=', orgUnitId)
      .where('iin', '=', iin)
      .executeTakeFirst();
  }

  async insertProof(row: Selectable<AidProofsTable>) {
    await this.db.insertInto('aid_proofs').values(row).execute();
  }

  proofs(handoverId: string) {
    return this.db
      .selectFrom('aid_proofs')
      .select(['id', 'file_name', 'mime', 'size', 'uploaded_by', 'created_at'])
      .where('handover_id', '=', handoverId)
      .orderBy('created_at')
      .execute();
  }

  /** A proof of a handover in scope (a teacher's: of a handover with a child of their classes). */
  proof(id: string, scope: Scope) {
    return this.db
      .selectFrom('aid_proofs as p')
      .selectAll('p')
      .where('p.id', '=', id)
      .where(
        scope.classes === null
          ? inScope(scope, 'p.org_path')
          : sql<SqlBool>`exists (select 1 from aid as pl where pl.handover_id = p.handover_id and ${inScope(scope, 'pl.org_path', { childIdColumn: 'pl.child_id' })})`,
      )
      .executeTakeFirst();
  }
}

export type AidRowWithNames = NonNullable<Awaited<ReturnType<AidRepository['row']>>>;
