import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ValidationError } from '../../common/errors';
import { fileSha256, manifestFile, readManifest, type BackupManifest } from './backup-manifest';
import { tableChecksums } from './table-checksums';

const corrupt = (path: string, why: string, log: string) =>
  new ValidationError('backup_corrupt', `Резервная копия ${path} повреждена: ${why}. Восстановление отменено, данные не изменены.`, `backup ${path} rejected: ${log}`);

/** Checks a backup folder before anything is replaced: manifest, file hash, and every table's checksum. */
export async function checkBackup(path: string): Promise<BackupManifest> {
  const dir = existsSync(path) && statSync(path).isFile() ? dirname(path) : path;
  const manifest = readManifest(dir);
  if (!manifest) throw corrupt(dir, `нет или не читается ${manifestFile}`, 'manifest missing or unreadable');
  const dbFile = join(dir, manifest.file);
  if (!existsSync(dbFile)) throw corrupt(dir, `нет файла ${manifest.file}`, 'database file missing');
  const sha = await fileSha256(dbFile);
  if (sha !== manifest.sha256) throw corrupt(dir, 'контрольная сумма SHA-256 файла не совпадает', `sha256 ${sha} != ${manifest.sha256}`);
  let instance: DuckDBInstance | null = null;
  try {
    instance = await DuckDBInstance.create(dbFile, { access_mode: 'READ_ONLY' });
    const conn = await instance.connect();
    try {
      const catalog = String((await conn.runAndReadAll('select current_database() as db')).getRowObjectsJson()[0]!.db);
      const actual = await tableChecksums(conn, catalog);
      for (const [table, want] of Object.entries(manifest.tables)) {
        const got = actual[table];
        if (!got || got.rows !== want.rows || got.checksum !== want.checksum) {
          throw corrupt(dir, `таблица ${table} не совпадает с описью`, `table ${table} checksum mismatch`);
        }
      }
    } finally {
      conn.closeSync();
    }
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    throw corrupt(dir, 'файл базы не открывается', (err as Error).message);
  } finally {
    instance?.closeSync();
  }
  return manifest;
}

/**
 * Replaces the warehouse file with a checked backup. No process may have the warehouse open (stop the
 * server first). The old file is kept beside it as `<name>.before-restore-<time>`.
 */
export async function restoreBackup(path: string, targetDb: string, now: Date = new Date()): Promise<{ manifest: BackupManifest; previous: string | null }> {
  const manifest = await checkBackup(path);
  const dir = existsSync(path) && statSync(path).isFile() ? dirname(path) : path;
  const tmp = join(dirname(targetDb), `.${basename(targetDb)}.restore-${process.pid}`);
  copyFileSync(join(dir, manifest.file), tmp);
  if ((await fileSha256(tmp)) !== manifest.sha256) {
    rmSync(tmp, { force: true });
    throw corrupt(dir, 'копия файла при восстановлении не совпала', 'copy hash mismatch');
  }
  let previous: string | null = null;
  if (existsSync(targetDb)) {
    previous = `${targetDb}.before-restore-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
    renameSync(targetDb, previous);
    if (existsSync(`${targetDb}.wal`)) renameSync(`${targetDb}.wal`, `${previous}.wal`);
  }
  renameSync(tmp, targetDb);
  return { manifest, previous };
}
