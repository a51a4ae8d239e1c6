import { html, rawHtml, type SafeHtml } from './escape-html';
import type { FormDocument } from './form-document';
import { printCss } from './print-css';

/** The whole HTML page of a form: official heading, the form's body, signature lines, optional stamp. */
export function formPage(doc: FormDocument, stamp?: SafeHtml): string {
  const page = html`<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>${doc.title}</title>
<style>${rawHtml(printCss(doc.orientation))}</style></head>
<body>
<header class="form-head">
  <div class="school">${doc.schoolName}</div>
  <h1>${doc.title}</h1>
  ${doc.subtitle ? html`<div class="subtitle">${doc.subtitle}</div>` : ''}
  <div class="period">${doc.periodLabel}</div>
</header>
<main>${doc.body}</main>
<section class="signatures">
  <div class="sign-lines">
  ${doc.signatories.map((s) => html`<div class="sign-line"><span class="pos">${s.position}</span>
    <span class="blank"></span><span class="slash">/</span><span class="fio">${s.name}</span></div>`)}
  <div class="mp">М.П.</div>
  </div>
  ${stamp ?? ''}
</section>
</body></html>`;
  return page.text;
}
