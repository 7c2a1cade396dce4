import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type {
  DB,
  RaidChildrenTable,
  RaidParticipantsTable,
  RaidPlacesTable,
  RaidsTable,
} from '../../db/schema.ts';

export type RaidRow = Selectable<RaidsTable>;
export interface RaidParts {
  places: Selectable<RaidPlacesTable>[];
  participants: Selectable<RaidParticipantsTable>[];
  children: (Selectable<RaidChildrenTable> & { case_id: string | null })[];
}

/** The only place with SQL for raids. */
export class RaidsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list(scope: Scope, opts: { year?: number; limit: number }): Promise<RaidRow[]> {
    let q = this.db
      .selectFrom('raids')
      .selectAll()
      .where(inScope(scope, 'org_path'))
      .orderBy('held_on', 'desc')
      .orderBy('id', 'desc')
      .limit(opts.limit);
    if (opts.year)
      q = q.where('held_on', '>=', `${opts.year}-01-01`).where('held_on', '<=', `${opts.year}-12-31`);
    return q.execute();
  }

  find(id: string, scope: Scope): Promise<RaidRow | undefined> {
    return this.db
      .selectFrom('raids')
      .selectAll()
      .where('id', '=', id)
      .where(inScope(scope, 'org_path'))
      .executeTakeFirst();
  }

  async exists(id: string): Promise<boolean> {
    return !!(await this.db.selectFrom('raids').select('id').where('id', '=', id).executeTakeFirst());
  }

  /** Places, participants and children of the raids, each in entry order. */
  async parts(raidIds: string[]): Promise<RaidParts> {
    if (raidIds.length === 0) return { places: [], participants: [], children: [] };
    const [places, participants, children] = await Promise.all([
      this.db
        .selectFrom('raid_places')
        .selectAll()
        .where('raid_id', 'in', raidIds)
        .orderBy('position')
        .execute(),
      this.db
        .selectFrom('raid_participants')
        .selectAll()
        .where('raid_id', 'in', raidIds)
        .orderBy('position')
        .execute(),
      this.db
        .selectFrom('raid_children')
        .selectAll()
        .where('raid_id', 'in', raidIds)
        .orderBy('position')
        .execute(),
    ]);
    // The case of each child found: opened with the child's own id, or the registry child's case since the raid.
    const cases = await this.db
      .selectFrom('cases')
      .select(['id', 'child_id', 'opened_on'])
      .where((eb) =>
        eb.or([
          eb('id', 'in', children.map((c) => c.id).concat([''])),
          eb('child_id', 'in', children.flatMap((c) => (c.child_id ? [c.child_id] : [])).concat([''])),
        ]),
      )
      .orderBy('opened_on')
      .execute();
    const raids = await this.db
      .selectFrom('raids')
      .select(['id', 'held_on'])
      .where('id', 'in', raidIds)
      .execute();
    const heldOn = new Map(raids.map((r) => [r.id, r.held_on]));
    return {
      places,
      participants,
      children: children.map((c) => ({
        ...c,
        case_id:
          cases.find((k) => k.id === c.id)?.id ??
          cases.find(
            (k) => c.child_id && k.child_id === c.child_id && k.opened_on >= (heldOn.get(c.raid_id) ?? ''),
          )?.id ??
          cases.find((k) => c.child_id && k.child_id === c.child_id)?.id ??
          null,
      })),
    };
  }

  /** Which of these registry children lie in the scope (a teacher's: their classes). */
  async childrenInScope(ids: readonly string[], scope: Scope): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('children')
      .select('id')
      .where('id', 'in', [...ids])
      .where(inScope(scope, 'org_path', { classColumn: 'class_label' }))
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  async insert(row: Insertable<RaidsTable>): Promise<void> {
    await this.db.insertInto('raids').values(row).execute();
  }

  async replacePlaces(raidId: string, rows: Insertable<RaidPlacesTable>[]): Promise<void> {
    await this.db.deleteFrom('raid_places').where('raid_id', '=', raidId).execute();
    if (rows.length > 0) await this.db.insertInto('raid_places').values(rows).execute();
  }

  async replaceParticipants(raidId: string, rows: Insertable<RaidParticipantsTable>[]): Promise<void> {
    await this.db.deleteFrom('raid_participants').where('raid_id', '=', raidId).execute();
    if (rows.length > 0) await this.db.insertInto('raid_participants').values(rows).execute();
  }

  async insertChildren(rows: Insertable<RaidChildrenTable>[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('raid_children').values(rows).execute();
  }

  async update(id: string, version: number, patch: Updateable<RaidsTable>): Promise<boolean> {
    const r = await this.db
      .updateTable('raids')
      .set({ ...patch, version: version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
