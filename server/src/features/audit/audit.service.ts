import type { Database } from '../../db/engine.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { OrgUnitsService } from '../org-units/org-units.service.ts';
import { AuditRepository } from './audit.repository.ts';

/** Reading the audit log, for those the policy lets (`audit.read`), each for their own units and below. */
export class AuditService {
  constructor(
    private readonly database: Database,
    private readonly orgUnits: OrgUnitsService,
  ) {}

  async list(
    ctx: RequestContext,
    query: { org?: string; entity?: string; entityId?: string; limit: number },
  ) {
    const scope = await this.orgUnits.scope(ctx, 'audit.read', query.org);
    const rows = await new AuditRepository(this.database.db).list(scope, query);
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        orgPath: r.org_path,
        ip: r.ip,
        details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
      })),
    };
  }
}
