import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/engine.ts';
import { AppError } from '../../http/app-error.ts';
import type { App } from '../../http/app-types.ts';
import { IdempotencyRepository, type IdempotencyRow } from './idempotency.repository.ts';

const HEADER = 'idempotency-key';
/** How long a key's answer is kept: a retry comes within minutes; a day covers a phone that was offline. */
const KEEP_MS = 24 * 60 * 60_000;
/** How long a retry waits for the first request of its key to finish before answering 409 "in progress". */
const WAIT_MS = 15_000;
/** A claim this old without an answer belongs to a process that died: a retry may run the request again. */
const STALE_MS = 120_000;
const PRUNE_EVERY_MS = 10 * 60_000;

const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

const reused = () => new AppError(409, 'idempotency_key_reused', { key: 'errors:idempotency.reused' });
const inProgress = () =>
  new AppError(409, 'idempotency_in_progress', { key: 'errors:idempotency.inProgress' });

/** What identifies the request a key was first used for: method, path and query, and the body. */
function requestHash(req: FastifyRequest): string {
  const h = createHash('sha256');
  h.update(`${req.method} ${req.url}\n`);
  // A multipart upload is read by its handler, after this hook: its length stands for its bytes.
  if (req.isMultipart()) h.update(`multipart ${req.headers['content-length'] ?? ''}`);
  else h.update(JSON.stringify(req.body ?? null));
  return h.digest('hex');
}

function replay(reply: FastifyReply, row: IdempotencyRow) {
  reply.code(row.status!).header('idempotent-replayed', 'true');
  if (row.content_type) reply.type(row.content_type);
  return reply.send(row.body ?? '');
}

/**
 * Writes (POST, PUT, PATCH) may carry an `Idempotency-Key` header. The first request with a key runs and its
 * answer is stored with the key (per caller, for a day); a retry with the same key and the same request gets that
 * answer back without running again (header `Idempotent-Replayed: true`); the same key with another request is a
 * 409. A retry that arrives while the first is still running waits for its answer. A 5xx is not stored: the
 * write did not happen, and a retry should try again.
 */
export function installIdempotency(app: App, database: Database) {
  app.decorateRequest('idempotency', null);
  let lastPrune = 0;

  app.addHook('preHandler', async (req, reply) => {
    const raw = req.headers[HEADER];
    if (raw === undefined || !['POST', 'PUT', 'PATCH'].includes(req.method) || !req.viewer) return;
    const key = Array.isArray(raw) ? raw[0]! : raw;
    if (!KEY_SHAPE.test(key)) {
      throw new AppError(
        400,
        'invalid_input',
        { key: 'errors:invalidInput' },
        {
          [HEADER]: { key: 'errors:idempotency.badKey' },
        },
      );
    }
    const owner = req.viewer.userId ?? req.viewer.email;
    const hash = requestHash(req);
    const repo = new IdempotencyRepository(database.db);
    const now = new Date();
    if (now.getTime() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = now.getTime();
      repo.prune(now).catch(() => undefined);
    }
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const held = await repo.claim({ owner, key, requestHash: hash, now: new Date(), ttlMs: KEEP_MS });
      if (!held) {
        req.idempotency = { owner, key };
        return;
      }
      if (held.request_hash !== hash) throw reused();
      if (held.status !== null) return replay(reply, held);
      if (Date.now() - Date.parse(held.created_at) > STALE_MS) {
        if (await repo.takeOver(owner, key, held.created_at, new Date())) {
          req.idempotency = { owner, key };
          return;
        }
        continue;
      }
      if (Date.now() > deadline) {
        reply.header('retry-after', '5');
        throw inProgress();
      }
      await sleep(100);
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotency;
    if (!claim) return payload;
    req.idempotency = null;
    const repo = new IdempotencyRepository(database.db);
    try {
      if (reply.statusCode < 500 && (typeof payload === 'string' || Buffer.isBuffer(payload))) {
        const type = reply.getHeader('content-type');
        await repo.complete(claim.owner, claim.key, {
          status: reply.statusCode,
          contentType: typeof type === 'string' ? type : null,
          body: typeof payload === 'string' ? payload : payload.toString('utf8'),
        });
      } else {
        // A failure, or a streamed answer (a file, NDJSON progress) that cannot be kept: a retry runs again.
        await repo.release(claim.owner, claim.key);
      }
    } catch (error) {
      req.log.warn({ err: error }, 'could not store the answer of an idempotency key');
    }
    return payload;
  });
}
