import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

let shared: Promise<Browser> | null = null;

/** Chromium to drive: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then puppeteer's cache. */
export function findChromium(env: Record<string, string | undefined> = process.env): string {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const cache = join(homedir(), '.cache', 'puppeteer', 'chrome');
  if (existsSync(cache)) {
    for (const dir of readdirSync(cache).sort().reverse()) {
      const bin = join(cache, dir, 'chrome-linux64', 'chrome');
      if (existsSync(bin)) return bin;
    }
  }
  throw new Error('no Chromium found: set CHROMIUM_PATH or install the Debian package chromium');
}

/** The one headless Chromium of this process, launched on first use (DESIGN.md convention 6). */
export function sharedBrowser(): Promise<Browser> {
  if (!shared) {
    shared = puppeteer.launch({
      executablePath: findChromium(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
    shared.then((b) => b.on('disconnected', () => { shared = null; }), () => { shared = null; });
  }
  return shared;
}

export async function closeSharedBrowser(): Promise<void> {
  const b = shared;
  shared = null;
  if (b) await (await b).close().catch(() => undefined);
}
