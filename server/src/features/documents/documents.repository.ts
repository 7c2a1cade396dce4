import type { Kysely } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { DB } from '../../db/schema.ts';

/** The reads the generated papers need beyond those of aid: guardians, the unit above, a year's ФВ rows. */
export class DocumentsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Each child's first guardian (the one who signs for the child). */
  async guardians(childIds: readonly string[]) {
    if (childIds.length === 0) return new Map<string, string>();
    const rows = await this.db
      .selectFrom('child_guardians')
      .select(['child_id', 'name', 'position'])
      .where('child_id', 'in', [...childIds])
      .orderBy('position')
      .execute();
    const first = new Map<string, string>();
    for (const r of rows) if (!first.has(r.child_id)) first.set(r.child_id, r.name);
    return first;
  }

  /** The unit's names for the letterhead's upper line; read without scope, only its name is printed. */
  parentOf(parentId: string | null) {
    if (!parentId) return Promise.resolve(undefined);
    return this.db
      .selectFrom('org_units')
      .select(['name_ru', 'name_kk', 'name_en', 'type'])
      .where('id', '=', parentId)
      .executeTakeFirst();
  }

  /** ФВ aid of a school in a year with the children's names, classes and categories. */
  fvRows(orgUnitId: string, scope: Scope, year: number) {
    return this.db
      .selectFrom('aid as a')
      .innerJoin('children as c', 'c.id', 'a.child_id')
      .leftJoin('aid as rv', 'rv.reverses', 'a.id')
      .select([
        'a.id',
        'a.child_id',
        'a.date',
        'a.amount',
        'c.surname',
        'c.name',
        'c.patronymic',
        'c.class_label',
        'c.sort_name',
      ])
      .where('a.org_unit_id', '=', orgUnitId)
      .where(inScope(scope, 'a.org_path', { classColumn: 'c.class_label' }))
      .where('a.year', '=', year)
      .where('a.source', '=', 'fv')
      .where('a.reverses', 'is', null)
      .where('rv.id', 'is', null)
      .orderBy('c.sort_name')
      .orderBy('a.date')
      .execute();
  }

  /** A sponsor's aid in effect under a scope in a year, with items, for the thank-you letter. */
  sponsorRows(sponsorId: string, scope: Scope, year: number) {
    return this.db
      .selectFrom('aid as a')
      .leftJoin('aid as rv', 'rv.reverses', 'a.id')
      .select(['a.child_id', 'a.amount', 'a.items', 'a.form', 'a.org_unit_id'])
      .where('a.sponsor_id', '=', sponsorId)
      .where(inScope(scope, 'a.org_path'))
      .where('a.year', '=', year)
      .where('a.reverses', 'is', null)
      .where('rv.id', 'is', null)
      .execute();
  }
}
