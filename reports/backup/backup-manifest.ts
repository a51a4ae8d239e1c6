import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TableChecksums } from './table-checksums';

export const backupDbFile = 'svodka.duckdb';
export const manifestFile = 'manifest.json';
export const backupPrefix = 'svodka-backup-';

export interface BackupManifest {
  format: 'svodka-backup';
  version: 1;
  created_at: string;
  trigger: string;
  source: string;
  file: string;
  size_bytes: number;
  sha256: string;
  tables: TableChecksums;
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function readManifest(backupDir: string): BackupManifest | null {
  const path = join(backupDir, manifestFile);
  if (!existsSync(path)) return null;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
    return m.format === 'svodka-backup' ? m : null;
  } catch {
    return null;
  }
}

/** Finished backups of a folder, oldest first; temp folders of unfinished ones (".tmp-…") are not backups. */
export function listBackups(dir: string): { name: string; path: string; manifest: BackupManifest }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n.startsWith(backupPrefix)).sort()
    .map((name) => ({ name, path: join(dir, name), manifest: readManifest(join(dir, name)) }))
    .filter((b): b is { name: string; path: string; manifest: BackupManifest } => b.manifest !== null);
}
