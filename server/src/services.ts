import type { Config } from './config.ts';
import type { Database } from './db/engine.ts';
import { AidService } from './features/aid/aid.service.ts';
import { DocumentsService } from './features/documents/documents.service.ts';
import { AuditService } from './features/audit/audit.service.ts';
import { AuthService } from './features/auth/auth.service.ts';
import { CampaignsService } from './features/campaigns/campaigns.service.ts';
import { PlanService } from './features/plan/plan.service.ts';
import { MaterialsService } from './features/materials/materials.service.ts';
import { CasesService } from './features/cases/cases.service.ts';
import { HotlineService } from './features/hotline/hotline.service.ts';
import { RaidsService } from './features/raids/raids.service.ts';
import { ChildTransfersService } from './features/children/child-transfers.service.ts';
import { ChildrenService } from './features/children/children.service.ts';
import { NeedsService } from './features/children/needs.service.ts';
import { FvService } from './features/fv/fv.service.ts';
import { ImportService } from './features/import/import.service.ts';
import { JobsService } from './features/jobs/jobs.service.ts';
import { OrgUnitsService } from './features/org-units/org-units.service.ts';
import { PledgesService } from './features/pledges/pledges.service.ts';
import { ReportsService } from './features/reports/reports.service.ts';
import { SetupService } from './features/setup/setup.service.ts';
import { SponsorsService } from './features/sponsors/sponsors.service.ts';
import { UsersService } from './features/users/users.service.ts';

/** Every service of the application, built once over one database. Features add theirs here. */
export function buildServices(database: Database, config: Config) {
  const orgUnits = new OrgUnitsService(database);
  return {
    database,
    config,
    auth: new AuthService(database, config),
    setup: new SetupService(database),
    orgUnits,
    audit: new AuditService(database, orgUnits),
    users: new UsersService(database),
    campaigns: new CampaignsService(database),
    plan: new PlanService(database, config),
    materials: new MaterialsService(database),
    cases: new CasesService(database),
    hotline: new HotlineService(database),
    raids: new RaidsService(database),
    children: new ChildrenService(database),
    needs: new NeedsService(database),
    childTransfers: new ChildTransfersService(database),
    fv: new FvService(database),
    sponsors: new SponsorsService(database),
    pledges: new PledgesService(database),
    aid: new AidService(database),
    // Reports, dashboards and the public page only read: from the replica when there is one (db/read-routing.ts).
    reports: new ReportsService({ ...database, db: database.reader }),
    documents: new DocumentsService(database),
    import: new ImportService(database, config),
    jobs: new JobsService(database),
  };
}

export type Services = ReturnType<typeof buildServices>;
