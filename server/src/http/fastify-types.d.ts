import type { Viewer } from '../db/access-gate.ts';
import type { Role } from '../db/schema.ts';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
    /** The hashed session id when the caller signed in with the cookie (CSRF applies to those requests). */
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. Every other route requires a viewer (deny by default). */
    public?: boolean;
    /** When set, only these roles may call the route. */
    roles?: readonly Role[];
  }
}
