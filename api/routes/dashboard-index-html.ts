import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstScreenPath } from '../../common/first-screen';

/** Each role's home screen and its page's source (as dashboard/src/router.ts imports it). */
export const screenPages: Record<string, string> = {
  '/login': 'src/pages/LoginPage.vue',
  '/director': 'src/pages/DirectorPage.vue',
  '/deputy': 'src/pages/DeputyPage.vue',
  '/class': 'src/pages/ClassTeacherPage.vue',
  '/teacher': 'src/pages/TeacherPage.vue',
  '/diary': 'src/pages/DiaryPage.vue',
  '/admin': 'src/pages/AdminPage.vue',
  '/district': 'src/pages/DistrictPage.vue',
};

interface ManifestChunk { file: string; imports?: string[]; css?: string[] }

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The JS and CSS files a source module needs before it can run: its chunk and every static import's. */
export function pageAssets(manifest: Record<string, ManifestChunk>, source: string): { js: string[]; css: string[] } {
  const js: string[] = [];
  const css: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    for (const dep of chunk.imports ?? []) visit(dep);
    js.push(chunk.file);
    css.push(...(chunk.css ?? []));
  };
  visit(source);
  return { js, css };
}

/**
 * The dashboard's index.html for a screen's URL: the built page plus, in its head, a preload of the
 * first-screen answer that public/boot.js asks for (the same URL), and the screen's own chunks and
 * styles, so that the browser fetches them with the entry instead of after the entry has run.
 * Without Vite's manifest (or for another path) the plain page.
 */
export function indexHtmlFor(dashboardDir: string): (url: string) => string {
  const page = readFileSync(join(dashboardDir, 'index.html'), 'utf8');
  const manifestFile = join(dashboardDir, '.vite', 'manifest.json');
  const manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk> : {};
  const screenTags = new Map<string, string>();
  for (const [path, source] of Object.entries(screenPages)) {
    const { js, css } = pageAssets(manifest, source);
    const tags = [
      ...css.filter((f) => !page.includes(`/${f}"`)).map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
      ...js.filter((f) => !page.includes(`/${f}"`)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
    ];
    screenTags.set(path, tags.join('\n    '));
  }
  const boot = page.includes('<script src="/boot.js">') ? '<script src="/boot.js">' : '</head>';
  return (url) => {
    const target = new URL(url, 'http://screen');
    const answer = `${firstScreenPath}?${new URLSearchParams({ path: target.pathname + target.search })}`;
    const preload = `<link rel="preload" as="fetch" crossorigin href="${escapeAttr(answer)}">\n    `;
    const tags = screenTags.get(target.pathname);
    return page.replace(boot, preload + boot).replace('</head>', tags ? `  ${tags}\n  </head>` : '</head>');
  };
}
