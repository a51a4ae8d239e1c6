import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { backupRoutes } from '../../api/routes/backups';
import { readConfig } from '../../common/config';
import { checkBackup } from '../../reports/backup/restore-backup';
import { listBackups } from '../../reports/backup/backup-manifest';
import { openWarehouse } from '../../warehouse/open-warehouse';
import { exampleBundle, loadBundleRows } from '../fixtures/forms/load-bundle-rows';

describe('scheduled backups', () => {
  it('a listening server makes backups on SVODKA_BACKUP_CRON into SVODKA_BACKUP_DIR, rotated to SVODKA_BACKUP_KEEP', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backup-cron-'));
    const w = await openWarehouse(join(dir, 'w.duckdb'));
    const backups = join(dir, 'external-media');
    const app = Fastify();
    try {
      await loadBundleRows(w, exampleBundle);
      const config = readConfig({ SVODKA_DB: join(dir, 'w.duckdb'), SVODKA_DATA_DIR: dir });
      // every 2 seconds (croner accepts a seconds field)
      await app.register(async (api) => backupRoutes(api, { warehouse: w, config }, { SVODKA_BACKUP_CRON: '*/2 * * * * *', SVODKA_BACKUP_DIR: backups, SVODKA_BACKUP_KEEP: '2' }));
      expect(listBackups(backups)).toEqual([]);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const started = Date.now();
      // three made (the log says so), only the newest two kept
      const log = () => w.withConnection(async (c) => (await c.runAndReadAll("select count(*)::integer as n from meta.backup_log where trigger = 'schedule' and status = 'done'")).getRowObjectsJson()[0]!.n as number);
      while ((await log()) < 3 && Date.now() - started < 90_000) await new Promise((r) => setTimeout(r, 200));
      expect(await log()).toBeGreaterThanOrEqual(3);
      const kept = listBackups(backups);
      expect(kept.length).toBeLessThanOrEqual(2);
      expect(kept.every((b) => b.manifest.trigger === 'schedule')).toBe(true);
      await checkBackup(kept[kept.length - 1]!.path);
    } finally {
      await app.close();
      w.close();
    }
  }, 180_000);
});
