// The children registry as campaign operations use it: read a school's child (a read-only query of our own) and
// put a child found in a raid or named in a hotline call on the list through the registry's own write path.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { withinScope } from '../../db/access-gate.ts';
import { invalid, type Message } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { todayInKazakhstan } from '#domain/clock';
import { checkChild } from '../children/children.validation.ts';
import { insertChild } from '../children/children.service.ts';
import type { OrgUnitRow } from '../org-units/org-units.repository.ts';

export interface QuickChild {
  surname: string;
  name: string;
  patronymic?: string | null;
  birthDate: string;
  classLabel: string;
  address?: string | null;
}

export interface RegistryChild {
  id: string;
  fullName: string;
  notAttending: boolean;
}

const fullName = (c: { surname: string; name: string; patronymic: string | null }) =>
  [c.surname, c.name, c.patronymic].filter(Boolean).join(' ');

/** A child of the registry within the school's path, or undefined. */
export async function findRegistryChild(
  db: Kysely<DB>,
  id: string,
  schoolPath: string,
): Promise<RegistryChild | undefined> {
  const row = await db
    .selectFrom('children')
    .select(['id', 'surname', 'name', 'patronymic', 'not_attending'])
    .where('id', '=', id)
    .where(withinScope('org_path', schoolPath))
    .executeTakeFirst();
  return row && { id: row.id, fullName: fullName(row), notAttending: row.not_attending === 1 };
}

/** Children flagged "not attending" in a school that have no open case and none since their flag was set. */
export function flaggedWithoutCase(db: Kysely<DB>, schoolPath: string) {
  return db
    .selectFrom('children as c')
    .select(['c.id', 'c.surname', 'c.name', 'c.patronymic', 'c.org_path', 'c.updated_at'])
    .where(withinScope('c.org_path', schoolPath))
    .where('c.not_attending', '=', 1)
    .where('c.status', '!=', 'archived')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('cases as k')
            .select('k.id')
            .whereRef('k.child_id', '=', 'c.id')
            .where((w) => w.or([w('k.status', '=', 'open'), w('k.updated_at', '>=', w.ref('c.updated_at'))])),
        ),
      ),
    )
    .execute()
    .then((rows) => rows.map((r) => ({ id: r.id, fullName: fullName(r), updatedAt: r.updated_at })));
}

/**
 * Puts a new child on the school's list (status "proposed") with the registry's own checks, inside the caller's
 * transaction; a refusal names the fields under `prefix` (e.g. "children.2.newChild.birthDate").
 */
export async function addQuickChild(
  trx: Kysely<DB>,
  ctx: RequestContext,
  school: Pick<OrgUnitRow, 'id' | 'path'>,
  input: QuickChild,
  source: 'raid' | 'hotline',
  prefix: string,
): Promise<RegistryChild> {
  const check = checkChild({ ...input, source, notAttending: true }, todayInKazakhstan());
  if (!check.ok) {
    const fields: Record<string, Message> = {};
    for (const [field, message] of Object.entries(check.errors)) fields[`${prefix}.${field}`] = message;
    throw invalid(fields);
  }
  const id = await insertChild(trx, ctx, school, check.values, 'proposed');
  return {
    id,
    fullName: fullName({
      surname: check.values.surname,
      name: check.values.name,
      patronymic: check.values.patronymic,
    }),
    notAttending: true,
  };
}

/** A few children of a school's registry, by name, for the demo. */
export async function someChildrenOf(
  db: Kysely<DB>,
  schoolPath: string,
  limit: number,
): Promise<RegistryChild[]> {
  const rows = await db
    .selectFrom('children')
    .select(['id', 'surname', 'name', 'patronymic', 'not_attending'])
    .where(withinScope('org_path', schoolPath))
    .where('status', 'in', ['approved', 'helped'])
    .orderBy('sort_name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, fullName: fullName(r), notAttending: r.not_attending === 1 }));
}
