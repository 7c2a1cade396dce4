import type { Viewer } from '../access/viewer.ts';

/** What a service needs to know about the call besides its arguments: who, and from where (for the audit). */
export interface RequestContext {
  viewer: Viewer;
  ip: string | null;
}
