import type { Browser, Page } from 'puppeteer-core';
import { sharedBrowser } from './browser';

/** Pages rendering at once: one per core of the 2-core target machine. */
export const pagePoolSize = 2;

const idle: Page[] = [];
const waiting: (() => void)[] = [];
let busy = 0;

async function acquireSlot(): Promise<void> {
  if (busy < pagePoolSize) {
    busy++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else busy--;
}

async function idlePageOf(browser: Browser): Promise<Page> {
  while (idle.length) {
    const page = idle.pop()!;
    // pages of a browser that was closed or crashed are closed too, or belong to the old browser
    if (!page.isClosed() && page.browser() === browser && browser.connected) return page;
  }
  // A new page costs a renderer round trip and ~0.5 s of CPU; reused pages keep JS off.
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  return page;
}

/**
 * Runs `fn` on a warm page of the shared browser, at most `pagePoolSize` at a time. The page goes back
 * to the pool after success; after a failure its state is unknown and it is closed.
 */
export async function withPooledPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  await acquireSlot();
  try {
    const page = await idlePageOf(await sharedBrowser());
    let ok = false;
    try {
      const result = await fn(page);
      ok = true;
      return result;
    } finally {
      if (ok && !page.isClosed()) idle.push(page);
      else await page.close().catch(() => undefined);
    }
  } finally {
    releaseSlot();
  }
}
