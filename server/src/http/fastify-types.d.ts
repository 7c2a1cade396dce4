import type { Viewer } from '../access/viewer.ts';
import type { Action } from '../access/rules.ts';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
    /** The hashed session id when the caller signed in with the cookie (CSRF applies to those requests). */
    sessionId: string | null;
    /** The Idempotency-Key this request claimed: its answer is stored for retries (features/idempotency). */
    idempotency: { owner: string; key: string } | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. Every other route requires a viewer (deny by default). */
    public?: boolean;
    /** When set, only roles that may do this action somewhere (see access/rules.ts) may call the route. */
    action?: Action;
    /** Roles are named only in access/rules.ts: a route gates on an `action`. */
    roles?: never;
  }
}
