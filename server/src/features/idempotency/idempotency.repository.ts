import type { Kysely, Selectable } from 'kysely';
import type { DB, IdempotencyKeysTable } from '../../db/schema.ts';

export type IdempotencyRow = Selectable<IdempotencyKeysTable>;

/** The only SQL of idempotency keys. A claim is one insert: of two processes claiming a key, exactly one wins. */
export class IdempotencyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Claims the key for a request being made now; answers null if claimed, else the row that holds it. */
  async claim(row: {
    owner: string;
    key: string;
    requestHash: string;
    now: Date;
    ttlMs: number;
  }): Promise<IdempotencyRow | null> {
    const inserted = await this.db
      .insertInto('idempotency_keys')
      .values({
        owner: row.owner,
        key: row.key,
        request_hash: row.requestHash,
        status: null,
        content_type: null,
        body: null,
        created_at: row.now.toISOString(),
        expires_at: new Date(row.now.getTime() + row.ttlMs).toISOString(),
      })
      .onConflict((oc) => oc.columns(['owner', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return null;
    return (await this.find(row.owner, row.key)) ?? null;
  }

  find(owner: string, key: string): Promise<IdempotencyRow | undefined> {
    return this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('owner', '=', owner)
      .where('key', '=', key)
      .executeTakeFirst();
  }

  /**
   * Takes over a claim whose request never finished (its process died): one conditional update on the old
   * created_at, so of two retries taking over at once only one does.
   */
  async takeOver(owner: string, key: string, staleCreatedAt: string, now: Date): Promise<boolean> {
    const r = await this.db
      .updateTable('idempotency_keys')
      .set({ created_at: now.toISOString() })
      .where('owner', '=', owner)
      .where('key', '=', key)
      .where('status', 'is', null)
      .where('created_at', '=', staleCreatedAt)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async complete(
    owner: string,
    key: string,
    answer: { status: number; contentType: string | null; body: string },
  ) {
    await this.db
      .updateTable('idempotency_keys')
      .set({ status: answer.status, content_type: answer.contentType, body: answer.body })
      .where('owner', '=', owner)
      .where('key', '=', key)
      .execute();
  }

  /** Frees a key whose request failed on the server's side, so that a retry runs it again. */
  async release(owner: string, key: string) {
    await this.db
      .deleteFrom('idempotency_keys')
      .where('owner', '=', owner)
      .where('key', '=', key)
      .where('status', 'is', null)
      .execute();
  }

  async prune(now: Date): Promise<number> {
    const r = await this.db
      .deleteFrom('idempotency_keys')
      .where('expires_at', '<=', now.toISOString())
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
