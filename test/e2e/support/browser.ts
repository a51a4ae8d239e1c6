import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const screenshotDir = join(import.meta.dirname, '..', 'screenshots');

/** One headless Chromium per test file (STACK.md flags: no sandbox as root, no network chatter). */
export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=ru-RU'],
  });
}

/** A fresh page (own cookies) logged in through the login form. */
export async function loggedInPage(browser: Browser, base: string, login: string, password: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport);
  await page.goto(`${base}/login`, { waitUntil: 'networkidle0' });
  await page.type('#login', login);
  await page.type('#password', password);
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }).catch(() => undefined), page.click('button[type=submit]')]);
  await page.waitForFunction(() => !location.pathname.startsWith('/login'), { timeout: 30_000 });
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Text of every element matching the selector. */
export const texts = (page: Page, selector: string): Promise<string[]> =>
  page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').trim()));

/** Waits until no "Загрузка…" is left on the page. */
export async function settled(page: Page): Promise<void> {
  // a slow request on a loaded machine must not fail the test by itself: the loading text decides
  await page.waitForNetworkIdle({ idleTime: 400, timeout: 30_000 }).catch(() => undefined);
  await page.waitForFunction(() => !document.body.innerText.includes('Загрузка…'), { timeout: 120_000 });
}
