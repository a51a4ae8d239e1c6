import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app';
import { dashboardClassRoutes } from './dashboard-class';
import { dashboardDiaryRoutes } from './dashboard-diary';
import { dashboardFirstScreenRoutes } from './dashboard-first-screen';
import { dashboardJournalRoutes } from './dashboard-journal';
import { dashboardReferenceRoutes } from './dashboard-reference';

/** Read endpoints only the dashboard needs (pickers, journal grid, diary, class overview). */
export async function dashboardRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await dashboardReferenceRoutes(app, ctx);
  await dashboardJournalRoutes(app, ctx);
  await dashboardDiaryRoutes(app, ctx);
  await dashboardClassRoutes(app, ctx);
  await dashboardFirstScreenRoutes(app, ctx);
}
