import type { Kysely } from 'kysely';
import { policy } from '../../access/policy.ts';
import type { ScopedAction } from '../../access/rules.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import { OrgUnitsRepository, type OrgUnitRow } from '../org-units/org-units.repository.ts';

/**
 * The school whose records the viewer writes: its own unit, which must be a school and where the policy allows
 * `action` (403 otherwise; officers above schools only read).
 */
export async function writableSchool(
  db: Kysely<DB>,
  viewer: Viewer,
  action: ScopedAction,
): Promise<OrgUnitRow> {
  policy.require(viewer, action);
  const unit = viewer.orgUnitId
    ? await new OrgUnitsRepository(db).findById(viewer.orgUnitId, policy.scope(viewer, 'unit.read'))
    : undefined;
  if (unit?.type !== 'school')
    throw new AppError(422, 'school_only', { key: 'operations:errors.schoolOnly' });
  policy.checkUnit(viewer, action, unit);
  return unit;
}
