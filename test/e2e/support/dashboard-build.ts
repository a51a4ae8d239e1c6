import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
export const distDir = join(root, 'dashboard', 'dist');

const newest = (dir: string): number => {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};

/**
 * Builds the dashboard with Vite when dist is missing or older than its sources (one builder at a
 * time), then returns a private copy: the static server lists its files at startup, and another
 * process rebuilding dashboard/dist meanwhile must not pull the files from under a running test.
 */
export async function dashboardSnapshot(): Promise<string> {
  await ensureDashboardBuilt();
  const copy = mkdtempSync(join(tmpdir(), 'svodka-dist-'));
  cpSync(distDir, copy, { recursive: true });
  if (!existsSync(join(copy, 'index.html'))) throw new Error('dashboard build has no index.html');
  return copy;
}

export async function ensureDashboardBuilt(): Promise<void> {
  const index = join(distDir, 'index.html');
  const stale = () => !existsSync(index) || Math.max(newest(join(root, 'dashboard')), newest(join(root, 'common', 'charts'))) > statSync(index).mtimeMs;
  if (!stale()) return;
  const lock = join(root, 'dashboard', '.build-lock');
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (i > 240) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (!stale()) return;
    const { build } = await import('vite');
    await build({ configFile: join(root, 'dashboard', 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
