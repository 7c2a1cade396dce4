import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { withinScope, type Viewer } from '../../db/access-gate.ts';
import type { DB } from '../../db/schema.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  orgPath?: string | null;
  details?: Record<string, unknown>;
}

/** Who did what to which record, when and from where. Written in the caller's transaction. */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async write(viewer: Viewer, ip: string | null, entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        id: uuidv7(),
        at: new Date().toISOString(),
        user_id: viewer.userId,
        actor: viewer.email,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId ?? null,
        org_path: entry.orgPath ?? null,
        ip,
        details: entry.details ? JSON.stringify(entry.details) : null,
      })
      .execute();
  }

  async list(scopePath: string, filter: { entity?: string; entityId?: string; limit: number }) {
    let q = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
    if (scopePath !== '/') q = q.where(withinScope('org_path', scopePath));
    if (filter.entity) q = q.where('entity', '=', filter.entity);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    return q.execute();
  }
}
