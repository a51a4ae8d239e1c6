// Every role in a real browser against the real server over a generated school: the main screen's
// numbers equal the api's, drill-downs lead to the records, a teacher's keyboard entry removes the
// breach from the director's list, a guardian acknowledges, another class is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'puppeteer-core';
import { buildApp } from '../../api/app';
import { readConfig } from '../../common/config';
import { flushRefresh } from '../../ingest/entry/refresh-marts';
import { logIn, type LoggedIn } from '../fixtures/auth/login';
import { dashboardSnapshot } from './support/dashboard-build';
import { launchBrowser, loggedInPage, screenshot, settled, texts } from './support/browser';
import { demoSchool, type DemoSchool } from './support/demo-school';

let demo: DemoSchool;
let app: FastifyInstance;
let browser: Browser;
let base: string;
let dist: string;
const api: Record<string, LoggedIn> = {};

async function call<T = any>(who: string, url: string): Promise<T> {
  const res = await app.inject({ method: 'GET', url, headers: api[who]!.headers });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}
const page = (login: string, viewport?: { width: number; height: number }) => loggedInPage(browser, base, login, demo.passwords[login]!, viewport);
const ru = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v));

beforeAll(async () => {
  dist = await dashboardSnapshot();
  demo = await demoSchool();
  app = await buildApp({ warehouse: demo.warehouse, config: readConfig({ SVODKA_DB: demo.warehouse.path }), dashboardDir: dist });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  for (const login of ['director', 'deputy', 'class-teacher', 'teacher', 'guardian', 'admin', 'district']) api[login] = await logIn(app, login, demo.passwords[login]!);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  demo?.warehouse.close();
  if (demo) rmSync(demo.dir, { recursive: true, force: true });
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe('dashboard in Chromium, per role', () => {
  it('director: tiles and the class chart show the api numbers; a tile drills down to the breach records', async () => {
    const p = await page('director');
    expect(new URL(p.url()).pathname).toBe('/director');
    await p.waitForSelector('[data-kpi="breaches"] .value', { timeout: 120_000 });
    await p.waitForSelector('[data-test="pass-quality"] svg text', { timeout: 120_000 });
    await settled(p);
    const summary = await call('director', `/api/v1/summary?schoolId=${demo.schoolId}`);
    expect(await texts(p, '[data-kpi="breaches"] .value')).toEqual([String(summary.schools[0].breaches)]);
    const period = await p.$eval('select[data-filter="period"]', (s) => (s as HTMLSelectElement).value);
    const pass = await call('director', `/api/v1/metrics/M-PASS?schoolId=${demo.schoolId}&period=${period}&by=class`);
    const reference = await call('director', `/api/v1/dashboard/reference?schoolId=${demo.schoolId}`);
    const label = (id: string) => reference.classes.find((c: { id: string }) => c.id === id).name;
    expect(pass.rows.length).toBeGreaterThan(3);
    const chartText = await texts(p, '[data-test="pass-quality"] svg text');
    for (const r of pass.rows) expect(chartText).toContain(label(r.class_id));
    await p.click('[data-test="pass-quality"] summary');
    const tableRows = await p.$$eval('[data-test="pass-quality"] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => (td.textContent ?? '').trim())));
    const expected = pass.rows.map((r: { class_id: string; students: number; pass_rate: number | null; quality_rate: number | null }) =>
      [label(r.class_id), String(r.students), ru(r.pass_rate), ru(r.quality_rate)]);
    expect(tableRows.map((r) => r.slice(0, 4)).sort()).toEqual(expected.sort());
    await screenshot(p, 'director');

    await Promise.all([p.waitForFunction(() => location.pathname === '/breaches'), p.click('[data-kpi="breaches"] a')]);
    await settled(p);
    const marks = await call('director', `/api/v1/metrics/R-MARK-DAY?schoolId=${demo.schoolId}`);
    expect(await texts(p, '[data-test="breach-count"]')).toEqual([`Количество: ${marks.rows.length}`]);
    await p.browserContext().close();
  });

  it('director, a fresh load of /director: one api call before the chart (the first-screen answer), the api\'s classes on it', async () => {
    const context = await browser.createBrowserContext();
    const p = await context.newPage();
    await p.setViewport({ width: 1366, height: 768 });
    await p.setCookie({ name: 'svodka_session', value: api.director!.headers.cookie.replace('svodka_session=', ''), domain: '127.0.0.1', path: '/' });
    // when the chart's text appears, seen in the page (puppeteer sees it later, when it gets to it)
    await p.evaluateOnNewDocument(() => {
      const w = window as unknown as { chartAt?: number };
      new MutationObserver(() => { w.chartAt ??= document.querySelector('[data-test="pass-quality"] svg text') ? performance.now() : undefined; })
        .observe(document, { childList: true, subtree: true });
    });
    await p.goto(`${base}/director`);
    await p.waitForSelector('[data-test="pass-quality"] svg text', { timeout: 120_000 });
    const before = await p.evaluate(() => {
      const at = (window as unknown as { chartAt: number }).chartAt;
      return performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/') && r.startTime < at).map((r) => r.name.replace(location.origin, ''));
    });
    // the screen's chunks and that answer were announced by the page itself
    const head = await p.$$eval('head link[rel="modulepreload"], head link[rel="preload"]', (ls) => ls.map((l) => l.getAttribute('href') ?? ''));
    expect(head.some((h) => /\/assets\/DirectorPage-.*\.js$/.test(h))).toBe(true);
    expect(head).toContain('/api/v1/dashboard/first-screen?path=%2Fdirector');
    expect(before).toEqual(['/api/v1/dashboard/first-screen?path=%2Fdirector']);
    const period = await p.$eval('select[data-filter="period"]', (s) => (s as HTMLSelectElement).value);
    const pass = await call('director', `/api/v1/metrics/M-PASS?schoolId=${demo.schoolId}&period=${period}&by=class`);
    const reference = await call('director', `/api/v1/dashboard/reference?schoolId=${demo.schoolId}`);
    const chartText = await texts(p, '[data-test="pass-quality"] svg text');
    for (const r of pass.rows) expect(chartText).toContain(reference.classes.find((c: { id: string }) => c.id === r.class_id).name);
    // the rest of the screen follows, asked for by the app itself
    await p.waitForSelector('[data-kpi="breaches"] .value', { timeout: 120_000 });
    const later = await p.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name.replace(location.origin, '')));
    expect(later.some((c) => c.startsWith('/api/v1/summary?'))).toBe(true);
    await context.close();
  });

  it('teacher: enters today\'s lesson by keyboard; the breaches it fixes leave the director\'s list', async () => {
    const { id: lessonId, groupId, teacherId } = demo.todayLesson;
    const topicBreaches = async () => (await call('director', `/api/v1/metrics/R-TOPIC?schoolId=${demo.schoolId}&teacher=${teacherId}`)).rows
      .filter((r: { record_id: string }) => r.record_id === lessonId).length;
    expect(await topicBreaches()).toBe(1);
    const d = await page('director');
    await d.goto(`${base}/breaches?rule=R-TOPIC&teacher=${teacherId}`, { waitUntil: 'domcontentloaded' });
    await d.waitForSelector('[data-test="breach-count"]', { timeout: 120_000 });
    const before = await texts(d, '[data-test="breach-count"]');
    expect((await d.content()).includes(lessonId)).toBe(true);

    const p = await page('teacher');
    await p.goto(`${base}/teacher?group=${groupId}&week=${demo.today}&lesson=${lessonId}`, { waitUntil: 'domcontentloaded' });
    await p.waitForSelector(`[data-cell^="${lessonId}|"]`, { timeout: 120_000 });
    const journal = await call('teacher', `/api/v1/dashboard/journal?schoolId=${demo.schoolId}&groupId=${groupId}&from=${demo.today}&to=${demo.today}`);
    const [first, second] = journal.students as { id: string }[];
    await p.click(`[data-cell="${lessonId}|${first!.id}"]`);
    await p.keyboard.press('5');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('n');
    await p.type('input[name="topic"]', 'Повторение: дроби');
    await p.type('textarea[name="homework"]', '№ 101, 102');
    await p.type('input[name="homeworkMinutes"]', '20');
    await p.click('[data-test="save-lesson"]');
    await p.waitForFunction(() => document.querySelector('[data-test="save-state"]')?.textContent?.trim() === 'Сохранено', { timeout: 60_000 });
    await screenshot(p, 'teacher');

    const after = await call('teacher', `/api/v1/dashboard/journal?schoolId=${demo.schoolId}&groupId=${groupId}&from=${demo.today}&to=${demo.today}`);
    const lesson = after.lessons.find((l: { id: string }) => l.id === lessonId);
    expect(lesson).toMatchObject({ status: 'held', topicText: 'Повторение: дроби', homeworkText: '№ 101, 102', homeworkMinutes: 20, attendanceTaken: true });
    expect(after.cells.map((c: { kind: string; studentId: string; value: string }) => [c.kind, c.studentId, c.value]))
      .toEqual(expect.arrayContaining([['mark', first!.id, '5'], ['attendance', second!.id, 'absent']]));

    await flushRefresh();
    expect(await topicBreaches()).toBe(0);
    await d.reload({ waitUntil: 'domcontentloaded' });
    await d.waitForSelector('[data-test="breach-count"]', { timeout: 120_000 });
    expect((await d.content()).includes(lessonId)).toBe(false);
    const count = (t: string[]) => Number(/\d+/.exec(t[0] ?? '')?.[0]);
    expect(count(await texts(d, '[data-test="breach-count"]'))).toBe(count(before) - 1);
    await d.browserContext().close();
    await p.browserContext().close();
  }, 400_000);

  it('guardian: the diary on a phone shows the api\'s marks, and "I have read" is recorded', async () => {
    const p = await page('guardian', { width: 390, height: 844 });
    expect(new URL(p.url()).pathname).toBe('/diary');
    await settled(p);
    const me = await call('guardian', '/api/v1/auth/me');
    const child = me.allowed.students[0];
    await p.waitForFunction(() => /\d{4}-\d{2}-\d{2}/.test(document.querySelector('[data-test="week"]')?.textContent ?? ''), { timeout: 60_000 });
    await settled(p);
    const from = await p.$eval('[data-test="week"]', (s) => /\d{4}-\d{2}-\d{2}/.exec(s.textContent ?? '')![0]);
    const diary = await call('guardian', `/api/v1/dashboard/diary?schoolId=${demo.schoolId}&studentId=${child}&week=${from}`);
    expect(await texts(p, '[data-test="marks"]')).toEqual(diary.lessons.filter((l: { marks: string | null }) => l.marks).map((l: { marks: string }) => l.marks));
    await screenshot(p, 'guardian');
    await p.click('[data-test="ack-button"]');
    await p.waitForFunction(() => document.querySelector('[data-test="ack"]')?.textContent?.includes('Ознакомление отмечено'), { timeout: 30_000 });
    const again = await call('guardian', `/api/v1/dashboard/diary?schoolId=${demo.schoolId}&studentId=${child}&week=${from}`);
    expect(again.acknowledged).not.toBeNull();
    await p.browserContext().close();
  });

  it('class teacher: own class grid equals the api; another class is refused', async () => {
    const p = await page('class-teacher');
    expect(new URL(p.url()).pathname).toBe('/class');
    await settled(p);
    const reference = await call('class-teacher', `/api/v1/dashboard/reference?schoolId=${demo.schoolId}`);
    const me = await call('class-teacher', '/api/v1/auth/me');
    const own = reference.classes.find((c: { classTeacherId: string }) => c.classTeacherId === me.staffId);
    const period = await p.$eval('select[data-filter="period"]', (s) => (s as HTMLSelectElement).value);
    const overview = await call('class-teacher', `/api/v1/dashboard/class?schoolId=${demo.schoolId}&classId=${own.id}&period=${period}`);
    expect(await texts(p, '[data-test="averages"] tbody th')).toEqual([...new Set(overview.averages.map((a: { studentName: string }) => a.studentName))].sort((a, b) => (a as string).localeCompare(b as string, 'ru')));
    expect(await texts(p, '[data-test="students"] tbody tr td:first-child')).toEqual(overview.students.map((s: { name: string }) => s.name));
    await screenshot(p, 'class-teacher');
    const other = reference.classes.find((c: { id: string }) => !me.allowed.classes.includes(c.id));
    expect((await app.inject({ method: 'GET', url: `/api/v1/dashboard/class?schoolId=${demo.schoolId}&classId=${other.id}&period=${period}`, headers: api['class-teacher']!.headers })).statusCode).toBe(403);
    await p.goto(`${base}/class?class=${other.id}`, { waitUntil: 'networkidle0' });
    await settled(p);
    expect(await texts(p, '[role="alert"]')).toEqual([expect.stringMatching(/доступ|недоступ/i)]);
    await p.browserContext().close();
  });

  it('deputy: completeness and timeliness per teacher as the api counts them', async () => {
    const p = await page('deputy');
    await settled(p);
    const summary = await call('deputy', `/api/v1/summary?schoolId=${demo.schoolId}`);
    const rows = await p.$$eval('[data-test="per-teacher"] tbody tr', (trs) => trs.map((tr) => (tr.lastElementChild?.textContent ?? '').trim()));
    expect(rows.map(Number).sort((a, b) => a - b)).toEqual(summary.teachers.map((t: { breaches: number }) => t.breaches).sort((a: number, b: number) => a - b));
    await screenshot(p, 'deputy');
    await p.browserContext().close();
  });

  it('admin: the users of the school', async () => {
    const p = await page('admin');
    await settled(p);
    const users = await call('admin', `/api/v1/admin/users?schoolId=${demo.schoolId}`);
    expect(await texts(p, '[data-test="users"] tbody tr td:first-child')).toEqual(users.map((u: { login: string }) => u.login));
    await screenshot(p, 'admin');
    await p.browserContext().close();
  });

  it('district: schools side by side; a school opens its director screen', async () => {
    const p = await page('district');
    expect(new URL(p.url()).pathname).toBe('/district');
    await settled(p);
    const summary = await call('district', `/api/v1/summary?schoolId=${demo.schoolId}`);
    const row = await p.$$eval('[data-test="district"] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => (td.textContent ?? '').trim())));
    expect(row).toHaveLength(1);
    expect(row[0]!.at(-1)).toBe(String(summary.schools[0].breaches));
    await screenshot(p, 'district');
    await Promise.all([p.waitForFunction(() => location.pathname === '/director'), p.click('[data-test="district"] tbody a')]);
    await settled(p);
    expect(await texts(p, '[data-kpi="breaches"] .value')).toEqual([String(summary.schools[0].breaches)]);
    await p.browserContext().close();
  });
});
