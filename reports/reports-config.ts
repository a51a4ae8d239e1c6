import { join } from 'node:path';
import { ConfigError, type Config } from '../common/config';

/** Settings of reports, archive and backups (every key is in .env.example). */
export interface ReportsConfig {
  /** where archived PDFs and bundle snapshots are kept (SVODKA_ARCHIVE_DIR, default <data>/archive) */
  archiveDir: string;
  /** folder for backups, e.g. external media (SVODKA_BACKUP_DIR, default <data>/backups) */
  backupDir: string;
  /** cron expression of scheduled backups (SVODKA_BACKUP_CRON); none = no schedule */
  backupCron: string | null;
  /** how many backups to keep (SVODKA_BACKUP_KEEP, default 7) */
  backupKeep: number;
  /** the address people reach the verify page at (SVODKA_PUBLIC_URL) */
  publicUrl: string;
}

export function readReportsConfig(config: Pick<Config, 'dataDir' | 'host' | 'port'>, env: Record<string, string | undefined> = process.env): ReportsConfig {
  const keep = Number(env.SVODKA_BACKUP_KEEP ?? 7);
  if (!Number.isInteger(keep) || keep < 1) throw new ConfigError(`SVODKA_BACKUP_KEEP must be a positive integer, got "${env.SVODKA_BACKUP_KEEP}"`);
  return {
    archiveDir: env.SVODKA_ARCHIVE_DIR || join(config.dataDir, 'archive'),
    backupDir: env.SVODKA_BACKUP_DIR || join(config.dataDir, 'backups'),
    backupCron: env.SVODKA_BACKUP_CRON || null,
    backupKeep: keep,
    publicUrl: (env.SVODKA_PUBLIC_URL || `http://${config.host}:${config.port}`).replace(/\/+$/, ''),
  };
}
