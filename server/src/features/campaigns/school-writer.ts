import type { Kysely } from 'kysely';
import type { Viewer } from '../../db/access-gate.ts';
import type { DB, Role } from '../../db/schema.ts';
import { AppError, forbidden } from '../../http/app-error.ts';
import { OrgUnitsRepository, type OrgUnitRow } from '../org-units/org-units.repository.ts';

/**
 * The school whose records the viewer writes: its own unit, which must be a school. Officers above schools only
 * read; roles outside `roles` are refused.
 */
export async function writableSchool(
  db: Kysely<DB>,
  viewer: Viewer,
  roles: readonly Role[] = ['admin', 'coordinator', 'director', 'teacher'],
): Promise<OrgUnitRow> {
  if (!roles.includes(viewer.role)) throw forbidden();
  const unit = viewer.orgUnitId
    ? await new OrgUnitsRepository(db).findById(viewer.orgUnitId, viewer.orgPath)
    : undefined;
  if (unit?.type !== 'school')
    throw new AppError(422, 'school_only', { key: 'operations:errors.schoolOnly' });
  return unit;
}
