import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexHtmlFor, pageAssets, screenPages } from '../../api/routes/dashboard-index-html';
import { answerKey } from '../../common/first-screen';
import { defaultPeriodId } from '../../common/default-period';

const manifest = {
  'index.html': { file: 'assets/index-1.js', imports: ['_vue-2.js'], css: ['assets/index-1.css'] },
  '_vue-2.js': { file: 'assets/vue-2.js' },
  '_chart-3.js': { file: 'assets/chart-3.js', imports: ['_vue-2.js'], css: ['assets/chart-3.css'] },
  'src/pages/DirectorPage.vue': { file: 'assets/DirectorPage-4.js', imports: ['index.html', '_chart-3.js', '_vue-2.js'], css: ['assets/DirectorPage-4.css'] },
};
const page = `<!doctype html>
<html><head>
    <script src="/boot.js"></script>
    <script type="module" crossorigin src="/assets/index-1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vue-2.js">
    <link rel="stylesheet" crossorigin href="/assets/index-1.css">
</head><body></body></html>`;

describe('index.html per screen', () => {
  it('a page needs its chunk after every static import\'s, each once', () => {
    expect(pageAssets(manifest, 'src/pages/DirectorPage.vue')).toEqual({
      js: ['assets/vue-2.js', 'assets/index-1.js', 'assets/chart-3.js', 'assets/DirectorPage-4.js'],
      css: ['assets/index-1.css', 'assets/chart-3.css', 'assets/DirectorPage-4.css'],
    });
  });

  it('preloads the first-screen answer boot.js asks for, and the screen\'s files not in the page already', () => {
    const dir = mkdtempSync(join(tmpdir(), 'svodka-index-'));
    try {
      writeFileSync(join(dir, 'index.html'), page);
      mkdirSync(join(dir, '.vite'));
      writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
      const html = indexHtmlFor(dir)('/director?school=S1&as_of=2025-11-10');
      expect(html).toContain('<link rel="preload" as="fetch" crossorigin href="/api/v1/dashboard/first-screen?path=%2Fdirector%3Fschool%3DS1%26as_of%3D2025-11-10">\n    <script src="/boot.js">');
      const added = html.slice(html.indexOf('index-1.css">') + 13, html.indexOf('</head>')).trim().split(/\n\s*/);
      expect(added).toEqual([
        '<link rel="stylesheet" crossorigin href="/assets/chart-3.css">',
        '<link rel="stylesheet" crossorigin href="/assets/DirectorPage-4.css">',
        '<link rel="modulepreload" crossorigin href="/assets/chart-3.js">',
        '<link rel="modulepreload" crossorigin href="/assets/DirectorPage-4.js">',
      ]);
      // another screen (no manifest entry here): only the answer's preload
      const other = indexHtmlFor(dir)('/deputy');
      expect(other.replace(/\s+/g, '')).toBe(page.replace('<script src="/boot.js">', '<link rel="preload" as="fetch" crossorigin href="/api/v1/dashboard/first-screen?path=%2Fdeputy"><script src="/boot.js">').replace(/\s+/g, ''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every screen preloaded is a page the router imports', () => {
    const router = readFileSync(join(import.meta.dirname, '..', '..', 'dashboard', 'src', 'router.ts'), 'utf8');
    for (const [path, source] of Object.entries(screenPages)) expect(router).toContain(`{ path: '${path}', component: () => import('./${source.replace('src/', '')}')`);
  });
});

describe('first-screen keys and default period', () => {
  it('a call is the same whatever the order of its parameters', () => {
    expect(answerKey('/api/v1/metrics/M-PASS?schoolId=S1&period=Q1&as_of=2025-11-10&by=class')).toBe('/api/v1/metrics/M-PASS?as_of=2025-11-10&by=class&period=Q1&schoolId=S1');
    expect(answerKey('/api/v1/auth/me')).toBe('/api/v1/auth/me');
    expect(answerKey('/x?b=%D0%B0&a=1')).toBe('/x?a=1&b=%D0%B0');
  });

  it('the default period: as of the date, else today, but never past the year\'s last day', () => {
    const r = {
      school: { timezone: 'Asia/Yekaterinburg', yearEndsOn: '2026-05-31' },
      periods: [
        { id: 'Q1', kind: 'quarter', startsOn: '2025-09-01', endsOn: '2025-10-24' },
        { id: 'Q2', kind: 'quarter', startsOn: '2025-11-05', endsOn: '2025-12-28' },
        { id: 'Q3', kind: 'quarter', startsOn: '2026-01-09', endsOn: '2026-03-20' },
        { id: 'Y', kind: 'year', startsOn: '2025-09-01', endsOn: '2026-05-31' },
      ],
    };
    expect(defaultPeriodId(r, '2025-11-10', 'ignored')).toBe('Q1');
    expect(defaultPeriodId(r, null, '2025-09-10')).toBe('Q1'); // none ended: the one holding the date
    expect(defaultPeriodId(r, null, '2026-02-01')).toBe('Q2');
    expect(defaultPeriodId(r, null, '2026-11-29')).toBe('Q3'); // past the year: as of 31 May
  });
});

describe('the app takes the first-screen answers once (dashboard/src/api/http.ts)', () => {
  it('by call whatever its parameter order, once each, errors as errors, none after closeBoot', async () => {
    let release!: () => void;
    const boot = { answers: {} as Record<string, unknown>, settled: new Promise<void>((r) => { release = r; }) };
    (globalThis as { svodkaBoot?: unknown }).svodkaBoot = boot;
    const { vi } = await import('vitest');
    vi.resetModules();
    const http = await import('../../dashboard/src/api/http');
    delete (globalThis as { svodkaBoot?: unknown }).svodkaBoot;
    const rows = http.get('/api/v1/metrics/M-PASS', { schoolId: 'S1', period: 'Q1', by: 'class' });
    // the answers arrive after the app asked (as boot.js fills them in when its request is answered)
    boot.answers = {
      '/api/v1/metrics/M-PASS?by=class&period=Q1&schoolId=S1': { status: 200, body: { rows: [{ class_id: '7B', pass_rate: 50 }] } },
      '/api/v1/dashboard/reference?schoolId=S2': { status: 403, body: { error: { code: 'forbidden_school', message: 'Эта школа вне ваших полномочий.' } } },
      '/api/v1/auth/me': { status: 200, body: { login: 'd' } },
    };
    release();
    expect(await rows).toEqual({ rows: [{ class_id: '7B', pass_rate: 50 }] });
    await expect(http.get('/api/v1/dashboard/reference', { schoolId: 'S2' })).rejects.toMatchObject({ status: 403, code: 'forbidden_school', message: 'Эта школа вне ваших полномочий.' });
    // taken: the next call goes to the network (none in this test: the client's network error)
    await expect(http.get('/api/v1/metrics/M-PASS', { by: 'class', schoolId: 'S1', period: 'Q1' })).rejects.toMatchObject({ status: 0, code: 'network' });
    http.closeBoot();
    await expect(http.get('/api/v1/auth/me')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});

describe('rates without Intl on the first screen', () => {
  it('formatRate writes exactly what Intl writes (ru and en), halves and binary near-halves included', async () => {
    const { formatRate } = await import('../../dashboard/src/lib/to-csv');
    const formats = Object.fromEntries(['ru', 'en'].map((l) => [l, new Intl.NumberFormat(l === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })]));
    const intl = (v: number, l: string) => formats[l]!.format(v);
    const values = [0, -0, 0.05, 0.15, 0.25, 2.45, 66.666, 99.95, 100, 999.94, 999.95, 1000, 12345.67, -1.5, 1e-7, 5e-324, 100 / 3, 200 / 3];
    for (let i = 0; i <= 100_000; i++) values.push(i / 100, (i * 7) / 3000); // every hundredth to 1000, and thirds
    const differ = values.flatMap((v) => ['ru', 'en'].filter((l) => formatRate(v, l) !== intl(v, l)).map((l) => `${v} ${l}: ${formatRate(v, l)} vs ${intl(v, l)}`));
    expect(differ).toEqual([]);
    expect([formatRate(0.15), formatRate(66.666, 'en'), formatRate(null)]).toEqual(['0,2', '66.7', '—']);
  });
});
