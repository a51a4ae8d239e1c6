import type { FormDocument } from '../html/form-document';
import { escapeHtml } from '../html/escape-html';
import { formatDateTimeRu } from '../html/format-ru';
import { withPooledPage } from './page-pool';

const small = 'font-family: DejaVu Sans, Liberation Sans, sans-serif; font-size: 7pt; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between;';

/** Header (school, period) and footer («стр. X из Y», time made) that Chromium repeats on every page. */
export function headerFooter(doc: Pick<FormDocument, 'schoolName' | 'periodLabel' | 'formId' | 'madeAt' | 'timezone'>) {
  return {
    headerTemplate: `<div style="${small}"><span>${escapeHtml(doc.schoolName)}</span><span>${escapeHtml(doc.periodLabel)}</span></div>`,
    footerTemplate: `<div style="${small}"><span>${escapeHtml(doc.formId)} · сформировано ${escapeHtml(formatDateTimeRu(doc.madeAt, doc.timezone))}</span>`
      + `<span>стр. <span class="pageNumber"></span> из <span class="totalPages"></span></span></div>`,
  };
}

/**
 * Prints one HTML page to an A4 PDF on a warm pooled page of the shared browser. The page is
 * self-contained (inline CSS, system fonts, no scripts, no @font-face), so 'load' of setContent is the
 * whole wait and puppeteer's extra `document.fonts.ready` round trip is skipped.
 */
export async function renderPdf(pageHtml: string, doc: Pick<FormDocument, 'schoolName' | 'periodLabel' | 'formId' | 'madeAt' | 'timezone' | 'orientation'>): Promise<Buffer> {
  return withPooledPage(async (page) => {
    await page.setContent(pageHtml, { waitUntil: 'load', timeout: 300_000 });
    const pdf = await page.pdf({
      format: 'A4',
      landscape: doc.orientation === 'landscape',
      printBackground: true,
      displayHeaderFooter: true,
      ...headerFooter(doc),
      margin: { top: '15mm', bottom: '14mm', left: '12mm', right: '12mm' },
      tagged: false,
      waitForFonts: false,
      timeout: 300_000,
    });
    return Buffer.from(pdf);
  });
}
