// Foundation: `npm start` on an empty data folder (demo import, build, serve), then Chromium finds the
// chart's class names and pass rates — the api's numbers — on the director's first screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { ensureDashboardBuilt } from './support/dashboard-build';
import { launchBrowser, loggedInPage, screenshot } from './support/browser';

const root = join(import.meta.dirname, '..', '..');
let dataDir: string;
let server: ChildProcess | undefined;
let browser: Browser;
let base: string;
let log = '';

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const port = (s.address() as { port: number }).port;
    s.close(() => resolve(port));
  });
});

async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) throw new Error(`npm start exited ${server.exitCode}:\n${log.slice(-3000)}`);
    const ok = await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error(`server did not come up:\n${log.slice(-3000)}`);
}

beforeAll(async () => {
  await ensureDashboardBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'svodka-start-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
    cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SVODKA_DATA_DIR: dataDir, SVODKA_DB: join(dataDir, 'svodka.duckdb'), PORT: String(port), HOST: '127.0.0.1' },
  });
  server.stdout!.on('data', (d) => { log += d; });
  server.stderr!.on('data', (d) => { log += d; });
  await waitForHealth(Date.now() + 1_500_000);
  browser = await launchBrowser();
}, 1_600_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid) {
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on an empty data folder', () => {
  it('serves the demo school; the director sees the pass and quality chart with the api\'s classes and numbers', async () => {
    const accounts = readFileSync(join(dataDir, 'demo-accounts.txt'), 'utf8');
    const password = /^director (\S+) director$/m.exec(accounts)?.[1];
    expect(password).toBeTruthy();
    const page = await loggedInPage(browser, base, 'director', password!);
    await page.waitForSelector('[data-test="pass-quality"] svg text', { timeout: 120_000 });
    const period = await page.$eval('select[data-filter="period"]', (s) => (s as HTMLSelectElement).value);
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'director', password }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = await (await fetch(`${base}/api/v1/auth/me`, { headers: { cookie } })).json() as { allowed: { schools: string[] } };
    const school = me.allowed.schools[0]!;
    const get = async (url: string) => (await fetch(`${base}${url}`, { headers: { cookie } })).json();
    const pass = await get(`/api/v1/metrics/M-PASS?schoolId=${school}&period=${period}&by=class`) as { rows: { class_id: string; pass_rate: number | null }[] };
    const ref = await get(`/api/v1/dashboard/reference?schoolId=${school}`) as { classes: { id: string; name: string }[] };
    expect(pass.rows.length).toBeGreaterThan(5);
    const chart = await page.$$eval('[data-test="pass-quality"] svg text', (els) => els.map((e) => (e.textContent ?? '').trim()));
    for (const r of pass.rows) {
      expect(chart).toContain(ref.classes.find((c) => c.id === r.class_id)!.name);
      if (r.pass_rate !== null) expect(chart).toContain(String(Math.round(r.pass_rate * 10) / 10));
    }
    await screenshot(page, 'foundation-director');
    await page.browserContext().close();
  }, 300_000);
});
