import type { FastifyInstance } from 'fastify';
import { Cron } from 'croner';
import { listBackups } from '../../reports/backup/backup-manifest';
import { makeBackup } from '../../reports/backup/make-backup';
import { queryRows } from '../../reports/query-rows';
import { readReportsConfig } from '../../reports/reports-config';
import type { AppContext } from '../app';

/**
 * Backups for the admin: make one now, list the folder and the log. With SVODKA_BACKUP_CRON set, the
 * server also makes them on that schedule while it listens.
 */
export async function backupRoutes(app: FastifyInstance, ctx: AppContext, env: Record<string, string | undefined> = process.env): Promise<void> {
  const rc = readReportsConfig(ctx.config, env);
  let running: Promise<unknown> | null = null;
  const backupNow = async (trigger: 'api' | 'schedule') => {
    // one backup at a time per process
    while (running) await running.catch(() => undefined);
    const job = makeBackup(ctx.warehouse, { dir: rc.backupDir, keep: rc.backupKeep, trigger });
    running = job;
    try {
      return await job;
    } finally {
      running = null;
    }
  };

  app.post('/api/v1/backups', {
    config: { access: { roles: ['admin'], scope: 'school' } },
  }, async () => {
    const r = await backupNow('api');
    return { path: r.path, created_at: r.manifest.created_at, sha256: r.manifest.sha256, size_bytes: r.manifest.size_bytes, tables: Object.keys(r.manifest.tables).length, removed: r.removed };
  });

  app.get('/api/v1/backups', {
    config: { access: { roles: ['admin'], scope: 'school' } },
  }, async () => ({
    folder: rc.backupDir,
    schedule: rc.backupCron,
    keep: rc.backupKeep,
    backups: listBackups(rc.backupDir).reverse().map((b) => ({ name: b.name, created_at: b.manifest.created_at, sha256: b.manifest.sha256, size_bytes: b.manifest.size_bytes, trigger: b.manifest.trigger })),
    log: await queryRows(ctx.warehouse, 'backup-log-list'),
  }));

  if (rc.backupCron) {
    let cron: Cron | null = null;
    app.addHook('onListen', async () => {
      cron = new Cron(rc.backupCron!, { protect: true }, async () => {
        try {
          const r = await backupNow('schedule');
          app.log.info({ path: r.path }, 'scheduled backup done');
        } catch (err) {
          app.log.error({ err }, 'scheduled backup failed');
        }
      });
    });
    app.addHook('onClose', async () => cron?.stop());
  }
}
