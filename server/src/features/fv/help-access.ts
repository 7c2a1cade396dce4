import { canSee, type Viewer } from '../../db/access-gate.ts';

// Who may record help for a unit. Read access is the scope gate; these decide writes.

/** School staff who run the campaign record the help of their own school; admins anywhere in scope. */
export function mayRecordHelp(viewer: Viewer, unit: { id: string; path: string }): boolean {
  if (viewer.role === 'admin') return canSee(viewer, unit.path);
  return (viewer.role === 'coordinator' || viewer.role === 'director') && viewer.orgUnitId === unit.id;
}

/** ФВ comes from the local budget: the education officers above the school may record it, as may the school. */
export function mayAllocateFv(viewer: Viewer, unit: { id: string; path: string }): boolean {
  if (viewer.role === 'officer') return canSee(viewer, unit.path);
  return mayRecordHelp(viewer, unit);
}
