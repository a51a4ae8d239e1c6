import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedBrowser, sharedBrowser } from '../../reports/pdf/browser';
import { pagePoolSize, withPooledPage } from '../../reports/pdf/page-pool';
import { renderPdf } from '../../reports/pdf/render-pdf';
import { pdfFonts, pdfPages, pdfText } from '../fixtures/forms/pdf-tools';

const doc = (formId: string, orientation: 'portrait' | 'landscape' = 'portrait') => ({
  schoolName: 'Школа № 5', periodLabel: '2025/2026 учебный год', formId, madeAt: new Date('2026-06-20T06:00:00Z'), timezone: 'Asia/Yekaterinburg', orientation,
});
const page = (text: string, extra = '') => `<!doctype html><html lang="ru"><head><meta charset="utf-8"><style>body{font-family:'DejaVu Serif'}${extra}</style></head><body><p>${text}</p></body></html>`;

afterAll(async () => {
  await closeSharedBrowser();
});

describe('warm page pool of the shared browser', () => {
  it('reuses a page without carrying the previous document into the next PDF', async () => {
    const first = await renderPdf(page('Первая ведомость Ёлкина', 'p{color:red}'), doc('F-ONE', 'landscape'));
    const second = await renderPdf(page('Вторая ведомость Щукина'), doc('F-TWO'));
    const text2 = pdfText(second);
    expect(pdfText(first)).toContain('Первая ведомость Ёлкина');
    expect(text2).toContain('Вторая ведомость Щукина');
    expect(text2).not.toContain('Первая');
    expect(text2).toContain('F-TWO · сформировано 20.06.2026 11:00');
    expect(text2).toContain('стр. 1 из 1');
    // orientation follows each document, not the page's previous print
    expect(pdfPages(first).width).toBeGreaterThan(pdfPages(first).height);
    expect(pdfPages(second).width).toBeLessThan(pdfPages(second).height);
    expect(pdfFonts(second).every((f) => f.embedded)).toBe(true);
  });

  it('renders more documents at once than it has pages, each with its own content', async () => {
    const names = ['Андреев', 'Борисова', 'Власов', 'Григорьева', 'Дмитриев'];
    const pdfs = await Promise.all(names.map((n, i) => renderPdf(page(`Ученик ${n}`), doc(`F-${i}`))));
    pdfs.forEach((pdf, i) => {
      const text = pdfText(pdf);
      expect(text).toContain(`Ученик ${names[i]}`);
      expect(text).toContain(`F-${i} · сформировано`);
      for (const other of names.filter((_, j) => j !== i)) expect(text).not.toContain(other);
    });
  });

  it('keeps at most pagePoolSize pages and opens no new ones once warm', async () => {
    const browser = await sharedBrowser();
    await Promise.all([1, 2].map(() => renderPdf(page('Разогрев'), doc('F-WARM'))));
    let created = 0;
    const count = () => { created++; };
    browser.on('targetcreated', count);
    await Promise.all([1, 2, 3, 4, 5, 6].map(() => renderPdf(page('Пул'), doc('F-POOL'))));
    browser.off('targetcreated', count);
    expect(created).toBe(0);
    expect((await browser.pages()).length).toBeLessThanOrEqual(pagePoolSize + 1); // + the browser's first tab
  });

  it('closes a page whose render failed and keeps serving', async () => {
    let failed: import('puppeteer-core').Page | null = null;
    await expect(withPooledPage(async (p) => {
      failed = p;
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(failed!.isClosed()).toBe(true);
    expect(pdfText(await renderPdf(page('После ошибки'), doc('F-AFTER')))).toContain('После ошибки');
  });

  it('gets a fresh page after the browser was closed', async () => {
    await renderPdf(page('До закрытия'), doc('F-BEFORE'));
    await closeSharedBrowser();
    expect(pdfText(await renderPdf(page('После закрытия'), doc('F-AFTER')))).toContain('После закрытия');
  });
});
