import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { queryRows } from '../query-rows';
import { backupDbFile, backupPrefix, fileSha256, listBackups, manifestFile, type BackupManifest } from './backup-manifest';
import { tableChecksums } from './table-checksums';

export interface BackupOptions {
  dir: string;
  keep: number;
  trigger: 'cli' | 'api' | 'schedule';
  now?: Date;
}

export interface BackupResult {
  path: string;
  manifest: BackupManifest;
  removed: string[];
}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * A consistent copy of the warehouse while it is in use: `COPY FROM DATABASE` into a fresh DuckDB file
 * attached to this process's one instance (one transaction = one snapshot, writers are not blocked).
 * Written in a `.tmp-` folder, checked, then renamed, so an interrupted backup never replaces a good
 * one; then rotated to keep the newest `keep`.
 */
export async function makeBackup(warehouse: Warehouse, opts: BackupOptions): Promise<BackupResult> {
  const started = opts.now ?? new Date();
  mkdirSync(opts.dir, { recursive: true });
  removeStaleTemps(opts.dir);
  const name = `${backupPrefix}${started.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  const tmp = join(opts.dir, `.tmp-${name}-${process.pid}`);
  const alias = `svodka_backup_${process.pid}_${Date.now()}`;
  mkdirSync(tmp);
  const backupId = randomUUID();
  try {
    const dbFile = join(tmp, backupDbFile);
    const tables = await warehouse.withConnection(async (conn) => {
      const source = String((await conn.runAndReadAll('select current_database() as db')).getRowObjectsJson()[0]!.db);
      // ATTACH takes no bound parameters: the path is ours, quoted as an SQL string literal
      await conn.run(`attach ${sqlString(dbFile)} as ${alias}`);
      try {
        await conn.run(`copy from database "${source.replace(/"/g, '""')}" to ${alias}`);
        await conn.run(`checkpoint ${alias}`);
        return await tableChecksums(conn, alias);
      } finally {
        await conn.run(`detach ${alias}`).catch(() => undefined);
      }
    });
    const manifest: BackupManifest = {
      format: 'svodka-backup', version: 1, created_at: started.toISOString(), trigger: opts.trigger, source: warehouse.path,
      file: backupDbFile, size_bytes: statSync(dbFile).size, sha256: await fileSha256(dbFile), tables,
    };
    writeDurably(join(tmp, manifestFile), JSON.stringify(manifest, null, 1));
    const finalPath = join(opts.dir, existsSync(join(opts.dir, name)) ? `${name}-${backupId.slice(0, 8)}` : name);
    renameSync(tmp, finalPath);
    const removed = rotate(opts.dir, opts.keep);
    await log(warehouse, { backupId, started, trigger: opts.trigger, path: finalPath, sha256: manifest.sha256, size: manifest.size_bytes, tables: Object.keys(tables).length, status: 'done', error: null });
    return { path: finalPath, manifest, removed };
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    await log(warehouse, { backupId, started, trigger: opts.trigger, path: null, sha256: null, size: null, tables: null, status: 'failed', error: (err as Error).message }).catch(() => undefined);
    throw err;
  }
}

function writeDurably(path: string, text: string): void {
  writeFileSync(path, text);
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Temp folders left by a backup whose process died (kill -9, power loss). */
function removeStaleTemps(dir: string): void {
  for (const n of readdirSync(dir)) {
    const m = /^\.tmp-.*-(\d+)$/.exec(n);
    if (m && !alive(Number(m[1]))) rmSync(join(dir, n), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function rotate(dir: string, keep: number): string[] {
  const all = listBackups(dir);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const b of old) rmSync(b.path, { recursive: true, force: true });
  return old.map((b) => b.path);
}

async function log(w: Warehouse, e: { backupId: string; started: Date; trigger: string; path: string | null; sha256: string | null; size: number | null; tables: number | null; status: string; error: string | null }) {
  await queryRows(w, 'backup-log-insert', {
    backup_id: e.backupId, started_at: e.started.toISOString(), finished_at: new Date().toISOString(), trigger: e.trigger,
    path: e.path, sha256: e.sha256, size_bytes: e.size, tables: e.tables, status: e.status, error: e.error,
  });
}
