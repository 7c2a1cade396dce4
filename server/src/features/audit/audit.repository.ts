import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import type { Viewer } from '../../access/viewer.ts';
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

  /** Entries in scope; entries of no unit (a sign-in from nowhere, a reference change) only for the whole tree. */
  async list(scope: Scope, filter: { entity?: string; entityId?: string; limit: number }) {
    let q = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
    if (scope.prefix !== '/') q = q.where(inScope(scope, 'org_path'));
    if (filter.entity) q = q.where('entity', '=', filter.entity);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    return q.execute();
  }
}
