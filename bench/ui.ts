// `npm run bench -- ui [schools=20] [students=300] [seconds=5]`: the director's first screen over a
// district warehouse. (1) time to first chart in headless Chromium, cold (new browser profile, server
// just started) and warm (same profile, assets cached), against the login page (no data, no chart)
// as the baseline of the same run; (2) api p95 for the dashboard's calls at 50 concurrent clients
// (autocannon) against GET /api/v1/health; (3) the gzip size of the JS the first screen loads.
// Targets (issue 5): first chart ≤ 1.5 s cold on loopback, api p95 ≤ 50 ms, JS ≤ 400 KB gzip.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer-core';
import { buildApp } from '../api/app';
import { setupDemoAccounts } from '../api/auth/demo-accounts';
import { readConfig } from '../common/config';
import { importBundle } from '../ingest/bundle/import-bundle';
import { generateDistrict } from '../ingest/demo/generate-district';
import { openWarehouse } from '../warehouse/open-warehouse';
import { runModels } from '../warehouse/run-models';
import { dashboardSnapshot } from '../test/e2e/support/dashboard-build';
import { launchBrowser } from '../test/e2e/support/browser';

interface Cannon extends PromiseLike<unknown> {
  on(event: 'response', fn: (client: unknown, status: number, bytes: unknown, ms: number) => void): void;
  on(event: 'reqError', fn: (err: Error) => void): void;
}
// autocannon ships no types; this is the part used here
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: Record<string, unknown>) => Cannon;

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : NaN);

async function timeToSelector(browser: Browser, base: string, cookie: string, path: string, selector: string, context = browser.defaultBrowserContext()) {
  const page = await context.newPage();
  await page.setViewport({ width: 1366, height: 768 });
  await page.setCookie({ name: 'svodka_session', value: cookie, domain: '127.0.0.1', path: '/' });
  const js: Buffer[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) void r.buffer().then((b) => js.push(b), () => undefined);
  });
  const t0 = performance.now();
  await page.goto(base + path);
  await page.waitForSelector(selector, { timeout: 120_000 });
  const ms = performance.now() - t0;
  await page.close();
  return { ms, jsGzip: js.reduce((s, b) => s + gzipSync(b).length, 0), jsFiles: js.length };
}

async function cannon(base: string, paths: string[], headers: Record<string, string>, seconds: number) {
  const latencies: number[] = [];
  let failed = 0;
  const inst = autocannon({ url: base, connections: 50, duration: seconds, timeout: 30, headers, requests: paths.map((path) => ({ method: 'GET', path })) });
  inst.on('reqError', () => { failed += 1; });
  inst.on('response', (_c: unknown, status: number, _b: unknown, ms: number) => { if (status === 200) latencies.push(ms); else failed += 1; });
  await inst;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, failed, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), rps: latencies.length / seconds };
}

export async function run(args: string[]): Promise<void> {
  const [schools = 20, students = 300, seconds = 5] = args.map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'svodka-bench-ui-'));
  let browser: Browser | undefined;
  try {
    console.log(`ui bench: ${schools} schools × ${students} students (generating, importing, building…)`);
    generateDistrict({ schools, seed: 5, outDir: join(dir, 'demo'), students });
    const warehouse = await openWarehouse(join(dir, 'w.duckdb'));
    for (const s of readdirSync(join(dir, 'demo')).sort()) await importBundle(warehouse, join(dir, 'demo', s));
    await runModels(warehouse);
    const accounts = await setupDemoAccounts(warehouse);
    const password = accounts.find((a) => a.login === 'director')!.password!;
    const dist = await dashboardSnapshot();
    const app = await buildApp({ warehouse, config: readConfig({ SVODKA_DB: warehouse.path }), dashboardDir: dist });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'director', password } });
    const cookie = login.cookies.find((c) => c.name === 'svodka_session')!.value;
    const me = (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `svodka_session=${cookie}` } })).json();
    const school = me.allowed.schools[0] as string;

    browser = await launchBrowser();
    const chart = '[data-test="pass-quality"] svg text';
    const baseline = await timeToSelector(browser, base, cookie, '/login', '#login', await browser.createBrowserContext());
    const profile = await browser.createBrowserContext();
    const cold = await timeToSelector(browser, base, cookie, '/director', chart, profile);
    const warm = await timeToSelector(browser, base, cookie, '/director', chart, profile);
    console.log(`login page (baseline, cold) ${baseline.ms.toFixed(0)} ms`);
    console.log(`first chart cold ${cold.ms.toFixed(0)} ms (${(cold.ms / baseline.ms).toFixed(1)}× baseline; target ≤ 1500 ms)`);
    console.log(`first chart warm ${warm.ms.toFixed(0)} ms (${(warm.ms / baseline.ms).toFixed(1)}× baseline)`);
    console.log(`JS of the first screen: ${(cold.jsGzip / 1024).toFixed(0)} KB gzip in ${cold.jsFiles} files (target ≤ 400 KB)`);

    const headers = { cookie: `svodka_session=${cookie}` };
    const health = await cannon(base, ['/api/v1/health'], {}, seconds);
    const period = (await app.inject({ method: 'GET', url: `/api/v1/dashboard/reference?schoolId=${school}`, headers })).json().periods[0].id;
    const calls = [
      `/api/v1/summary?schoolId=${school}`, `/api/v1/metrics/M-PASS?schoolId=${school}&period=${period}&by=class`,
      `/api/v1/metrics/M-FILL?schoolId=${school}&period=${period}&by=group`, `/api/v1/dashboard/reference?schoolId=${school}`,
      `/api/v1/metrics/R-SETUP?schoolId=${school}`,
    ];
    const dash = await cannon(base, calls, headers, seconds);
    if (dash.requests === 0) console.log('dashboard calls: no response within the run; give more seconds (third argument)');
    console.log(`api baseline GET /health: p50 ${health.p50.toFixed(1)} ms, p95 ${health.p95.toFixed(1)} ms, ${health.rps.toFixed(0)} req/s`);
    console.log(`dashboard calls at 50 clients: p50 ${dash.p50.toFixed(1)} ms, p95 ${dash.p95.toFixed(1)} ms (${(dash.p95 / health.p95).toFixed(1)}× baseline; target ≤ 50 ms), ${dash.rps.toFixed(0)} req/s, ${dash.failed} failed`);
    await app.close();
    warehouse.close();
    rmSync(dist, { recursive: true, force: true });
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
