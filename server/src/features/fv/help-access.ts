import { policy } from '../../access/policy.ts';
import type { Viewer } from '../../access/viewer.ts';

// Who may record help for a unit, as the policy says (access/rules.ts): `aid.write` and `fv.allocate`.

/** School staff who run the campaign record the help of their own school; admins anywhere in scope. */
export function mayRecordHelp(viewer: Viewer, unit: { path: string }): boolean {
  return policy.may(viewer, 'aid.write', { path: unit.path });
}

/** ФВ comes from the local budget: the education officers above the school may record it, as may the school. */
export function mayAllocateFv(viewer: Viewer, unit: { path: string }): boolean {
  return policy.may(viewer, 'fv.allocate', { path: unit.path });
}
