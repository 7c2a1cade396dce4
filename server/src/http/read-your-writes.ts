import { readingFromPrimary } from '../db/read-routing.ts';
import type { App } from './app-types.ts';

/** Set on the answer to a write; while it lasts, the browser's reads of reports go to the primary. */
export const WROTE_COOKIE = 'mj_wrote';
/** Far longer than a healthy replica lags (under a second); a replica further behind shows up on /metrics. */
export const READ_YOUR_WRITES_SECONDS = 30;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Read-your-writes with a replica: a user who has just written (a POST/PUT/PATCH/DELETE) reads reports
 * from the primary for READ_YOUR_WRITES_SECONDS, so the report they open next shows what they just entered. The
 * mark is a short-lived cookie, so it holds whichever process the next request reaches.
 */
export function installReadYourWrites(app: App) {
  // preValidation runs after the body is read, so the context holds through the handler (a hook before the body
  // would lose it to the socket's callbacks). The mark is set before the write, not after: @fastify/cookie writes
  // its Set-Cookie headers before any later onSend hook, and a failed write that still marks costs only a few
  // reads on the primary.
  app.addHook('preValidation', (req, reply, done) => {
    if (UNSAFE.has(req.method) && req.url.startsWith('/api/')) {
      reply.setCookie(WROTE_COOKIE, '1', {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        maxAge: READ_YOUR_WRITES_SECONDS,
      });
    }
    if (req.cookies[WROTE_COOKIE]) readingFromPrimary(done);
    else done();
  });
}
