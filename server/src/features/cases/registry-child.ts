// The children registry as campaign operations use it: read a school's child (a read-only query of our own) and
// put a child found in a raid or named in a hotline call on the list through the registry's own write path.
import type { Kysely } from 'kysely';
import { policy, type Scope } from '../../access/policy.ts';
import type { ScopedAction } from '../../access/rules.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, forbidden, invalid, type Message } from '../../http/app-error.ts';
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

/** A child of the registry in the scope (a teacher's: their classes), or undefined. */
export async function findRegistryChild(
  db: Kysely<DB>,
  id: string,
  scope: Scope,
): Promise<RegistryChild | undefined> {
  const row = await db
    .selectFrom('children')
    .select(['id', 'surname', 'name', 'patronymic', 'not_attending'])
    .where('id', '=', id)
    .where(inScope(scope, 'org_path', { classColumn: 'class_label' }))
    .executeTakeFirst();
  return row && { id: row.id, fullName: fullName(row), notAttending: row.not_attending === 1 };
}

/** The class of a registry child, for the policy's class rules only (never shown); null without a child. */
export async function classOfChild(db: Kysely<DB>, childId: string | null): Promise<string | null> {
  if (!childId) return null;
  const row = await db
    .selectFrom('children')
    .select('class_label')
    .where('id', '=', childId)
    .executeTakeFirst();
  return row?.class_label ?? null;
}

const childNotFound = (field: string) =>
  new AppError(
    404,
    'not_found',
    { key: 'errors:notFound' },
    { [field]: { key: 'operations:errors.childNotFound' } },
  );

/**
 * The child a record of a school is about (a call, a case): a registry child of that very school on whom the
 * viewer may do `action` (a teacher: one of their own classes). Any other id is answered like a child that does
 * not exist. A record about no registry child is the school's: refused (403) to those who act only on their
 * classes.
 */
export async function checkLinkedChild(
  db: Kysely<DB>,
  ctx: RequestContext,
  action: ScopedAction,
  schoolPath: string,
  childId: string | null,
  field = 'childId',
): Promise<void> {
  if (!childId) {
    if (!policy.may(ctx.viewer, action, { path: schoolPath })) throw forbidden();
    return;
  }
  const child = await db
    .selectFrom('children')
    .select(['org_path', 'class_label'])
    .where('id', '=', childId)
    .executeTakeFirst();
  const target = child && { path: child.org_path, classLabel: child.class_label };
  if (!target || target.path !== schoolPath || !policy.may(ctx.viewer, 'child.read', target))
    throw childNotFound(field);
  policy.check(ctx.viewer, action, target);
}

/** Children flagged "not attending" in the scope that have no open case and none since their flag was set. */
export function flaggedWithoutCase(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('children as c')
    .select(['c.id', 'c.surname', 'c.name', 'c.patronymic', 'c.org_path', 'c.updated_at'])
    .where(inScope(scope, 'c.org_path', { classColumn: 'c.class_label' }))
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
  // A teacher puts children on the list of their own classes only.
  const classLabel = check.values.classLabel;
  if (!policy.may(ctx.viewer, 'child.write', { path: school.path, classLabel })) {
    throw invalid({
      [`${prefix}.classLabel`]: { key: 'children:errors.notYourClass', params: { value: classLabel } },
    });
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
    .where('org_path', '=', schoolPath)
    .where('status', 'in', ['approved', 'helped'])
    .orderBy('sort_name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, fullName: fullName(r), notAttending: r.not_attending === 1 }));
}
