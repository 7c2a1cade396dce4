import type { App } from '../http/app-types.ts';
import type { Services } from '../services.ts';
import { aidRoutes } from './aid/aid.routes.ts';
import { documentsRoutes } from './documents/documents.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { campaignsRoutes } from './campaigns/campaigns.routes.ts';
import { planRoutes } from './plan/plan.routes.ts';
import { materialsRoutes } from './materials/materials.routes.ts';
import { casesRoutes } from './cases/cases.routes.ts';
import { hotlineRoutes } from './hotline/hotline.routes.ts';
import { raidsRoutes } from './raids/raids.routes.ts';
import { childrenRoutes } from './children/children.routes.ts';
import { fvRoutes } from './fv/fv.routes.ts';
import { importRoutes } from './import/import.routes.ts';
import { jobsRoutes } from './jobs/jobs.routes.ts';
import { importJobRoutes } from './import/import-job.routes.ts';
import { orgUnitsRoutes } from './org-units/org-units.routes.ts';
import { pledgesRoutes } from './pledges/pledges.routes.ts';
import { reportsRoutes } from './reports/reports.routes.ts';
import { setupRoutes } from './setup/setup.routes.ts';
import { sponsorsRoutes } from './sponsors/sponsors.routes.ts';
import { usersRoutes } from './users/users.routes.ts';

/** Every feature's HTTP routes. A new feature adds one line. */
export const featureRoutes: ((app: App, services: Services) => void)[] = [
  setupRoutes,
  jobsRoutes,
  importJobRoutes,
  authRoutes,
  auditRoutes,
  orgUnitsRoutes,
  usersRoutes,
  campaignsRoutes,
  planRoutes,
  materialsRoutes,
  hotlineRoutes,
  raidsRoutes,
  casesRoutes,
  childrenRoutes,
  fvRoutes,
  importRoutes,
  sponsorsRoutes,
  pledgesRoutes,
  aidRoutes,
  reportsRoutes,
  documentsRoutes,
];
