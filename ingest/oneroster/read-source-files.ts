import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';

/** The files of a folder or a .zip, by base name (the folder holding manifest.csv wins in a zip). */
export function readSourceFiles(path: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isFile()) out.set(name, readFileSync(full));
    }
    return out;
  }
  const entries = unzipSync(readFileSync(path));
  const names = Object.keys(entries).filter((n) => !n.endsWith('/') && !n.startsWith('__MACOSX/'));
  const manifest = names.find((n) => basename(n).toLowerCase() === 'manifest.csv');
  const root = manifest ? manifest.slice(0, manifest.length - basename(manifest).length) : '';
  for (const n of names) {
    if (!n.startsWith(root) || n.slice(root.length).includes('/')) continue;
    out.set(basename(n), entries[n]!);
  }
  return out;
}

export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;
