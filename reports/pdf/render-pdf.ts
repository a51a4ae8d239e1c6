import type { FormDocument } from '../html/form-document';
import { escapeHtml } from '../html/escape-html';
import { formatDateTimeRu } from '../html/format-ru';
import { sharedBrowser } from './browser';

const small = 'font-family: DejaVu Sans, Liberation Sans, sans-serif; font-size: 7pt; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between;';

/** Header (school, period) and footer («стр. X из Y», time made) that Chromium repeats on every page. */
export function headerFooter(doc: Pick<FormDocument, 'schoolName' | 'periodLabel' | 'formId' | 'madeAt' | 'timezone'>) {
  return {
    headerTemplate: `<div style="${small}"><span>${escapeHtml(doc.schoolName)}</span><span>${escapeHtml(doc.periodLabel)}</span></div>`,
    footerTemplate: `<div style="${small}"><span>${escapeHtml(doc.formId)} · сформировано ${escapeHtml(formatDateTimeRu(doc.madeAt, doc.timezone))}</span>`
      + `<span>стр. <span class="pageNumber"></span> из <span class="totalPages"></span></span></div>`,
  };
}

/** Prints one HTML page to an A4 PDF on a new page of the shared browser (closed in finally). */
export async function renderPdf(pageHtml: string, doc: Pick<FormDocument, 'schoolName' | 'periodLabel' | 'formId' | 'madeAt' | 'timezone' | 'orientation'>): Promise<Buffer> {
  const browser = await sharedBrowser();
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setContent(pageHtml, { waitUntil: 'load', timeout: 300_000 });
    const pdf = await page.pdf({
      format: 'A4',
      landscape: doc.orientation === 'landscape',
      printBackground: true,
      displayHeaderFooter: true,
      ...headerFooter(doc),
      margin: { top: '15mm', bottom: '14mm', left: '12mm', right: '12mm' },
      tagged: false,
      timeout: 300_000,
    });
    return Buffer.from(pdf);
  } finally {
    await page.close().catch(() => undefined);
  }
}
