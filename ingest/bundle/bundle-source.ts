// Turns a bundle PATH (a folder, or a .zip of the folder) into a folder on disk that DuckDB can read.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix } from 'node:path';
import { unzipSync } from 'fflate';
import { ValidationError } from '../../common/errors';

export interface BundleSource {
  /** the folder holding manifest.csv and the other files */
  dir: string;
  /** names of the .csv files found in it */
  csvFiles: string[];
  /** removes what was extracted (no-op for a folder) */
  cleanup(): void;
}

export function openBundleSource(path: string): BundleSource {
  if (!existsSync(path)) {
    throw new ValidationError('bundle_not_found', `Набор данных не найден: ${path}`, `bundle not found: ${path}`);
  }
  if (statSync(path).isDirectory()) return { dir: path, csvFiles: csvIn(path), cleanup: () => undefined };
  if (!/\.zip$/i.test(path)) {
    throw new ValidationError('bundle_not_folder', `Ожидается папка набора данных или .zip: ${path}`, `expected a bundle folder or .zip: ${path}`);
  }
  return extractZip(path);
}

function csvIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.csv$/i.test(e.name))
    .map((e) => e.name)
    .sort();
}

function extractZip(path: string): BundleSource {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(readFileSync(path), {
      filter: (f) => !f.name.endsWith('/') && !f.name.startsWith('__MACOSX/') && /\.csv$/i.test(f.name),
    });
  } catch (err) {
    throw new ValidationError('bad_zip', `Архив ${basename(path)} повреждён или не является .zip`, `cannot unzip ${path}: ${(err as Error).message}`);
  }
  // the bundle is the shallowest folder inside the archive that holds manifest.csv
  const manifests = Object.keys(entries).filter((n) => posix.basename(n) === 'manifest.csv')
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  const root = manifests.length ? posix.dirname(manifests[0]!) : '.';
  const tmp = mkdtempSync(join(tmpdir(), 'svodka-bundle-'));
  for (const [name, bytes] of Object.entries(entries)) {
    if (posix.dirname(name) !== root) continue;
    const target = join(tmp, posix.basename(name));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  return { dir: tmp, csvFiles: csvIn(tmp), cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}
