import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app';
import { entryGroupRoutes } from './entry-groups';
import { entryLessonRoutes } from './entry-lessons';
import { entryStudentRoutes } from './entry-students';

/** The native entry api (/api/v1/entry/...): every write goes through ingest/entry. */
export async function entryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await entryLessonRoutes(app, ctx);
  await entryGroupRoutes(app, ctx);
  await entryStudentRoutes(app, ctx);
}
