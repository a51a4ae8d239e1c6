// The import screen in Chromium against the real server: an admin uploads a OneRoster export,
// previews the mapped rows, imports it and sees the report and the history.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { zipSync } from 'fflate';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import { openWarehouse, type Warehouse } from '../../warehouse/open-warehouse';
import { createTestUser } from '../fixtures/auth/login';
import { launchBrowser, loggedInPage, screenshot, texts } from './support/browser';
import { distDir, ensureDashboardBuilt } from './support/dashboard-build';

const fixture = 'test/fixtures/imports/oneroster-gradebook';
let dir: string;
let w: Warehouse;
let app: FastifyInstance;
let browser: Browser;
let base: string;
let password: string;

beforeAll(async () => {
  await ensureDashboardBuilt();
  dir = mkdtempSync(join(tmpdir(), 'h7-e2e-'));
  writeFileSync(join(dir, 'export.zip'), zipSync(Object.fromEntries(readdirSync(fixture).map((f) => [f, new Uint8Array(readFileSync(join(fixture, f)))]))));
  w = await openWarehouse(join(dir, 'w.duckdb'));
  password = await createTestUser(w, { login: 'imp-admin', role: 'admin', schoolId: 'sch-1' });
  app = await buildApp({ warehouse: w, config: readConfig({ SVODKA_DB: w.path }), dashboardDir: distDir });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  w?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('import screen', () => {
  it('upload -> preview -> import -> report and history', async () => {
    const p = await loggedInPage(browser, base, 'imp-admin', password);
    await p.goto(`${base}/admin/imports`, { waitUntil: 'networkidle0' });
    await p.waitForSelector('[data-test="upload"]');
    const input = await p.$('input[data-test="file"]');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(join(dir, 'export.zip'));
    await p.type('input[placeholder="Europe/Moscow"]', 'Asia/Yekaterinburg');
    await p.click('[data-test="preview"]');
    await p.waitForSelector('[data-test="preview-result"] table', { timeout: 60_000 });
    expect((await texts(p, '[data-test="preview-result"] h2'))[0]).toBe('Предпросмотр: Определён формат — oneroster');
    expect(await texts(p, '[data-test="preview-result"] caption')).toContain('marks.csv (3 из 3)');
    await screenshot(p, 'imports-preview');
    await p.click('[data-test="start"]');
    await p.waitForSelector('[data-test="status"]', { timeout: 60_000 });
    expect(await texts(p, '[data-test="status"]')).toEqual(['загружено']);
    await p.waitForFunction(() => document.querySelectorAll('[data-test="history"] tbody tr').length === 1, { timeout: 30_000 });
    expect((await texts(p, '[data-test="history"] tbody td')).slice(1, 4)).toEqual(['oneroster', 'export.zip', 'загружено']);
    await screenshot(p, 'imports-report');
  });
});
