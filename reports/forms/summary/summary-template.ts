import { html, type SafeHtml } from '../../html/escape-html';
import type { SummarySection } from './summary-view';

export function summaryBody(sections: SummarySection[]): SafeHtml {
  return html`${sections.map((s, i) => html`
<section class="${i > 0 ? 'page-break' : ''}">
  <h2>${s.periodName}</h2>
  <table class="summary grid">
    <thead><tr><th class="num">№</th><th>Фамилия, имя обучающегося</th>
      ${s.subjects.map((name) => html`<th class="vert"><div>${name}</div></th>`)}<th>Примечание</th></tr></thead>
    <tbody>
      ${s.rows.map((r) => html`<tr><td class="num">${r.no}</td><td class="name">${r.name}</td>
        ${r.cells.map((c) => html`<td class="num${c === '2' || c === 'н/а' || c === 'незач' ? ' bad' : ''}">${c}</td>`)}<td class="muted">${r.note}</td></tr>`)}
      ${s.counts.map((c) => html`<tr class="total"><td></td><td>Количество «${c.value}»</td>
        ${c.perSubject.map((n) => html`<td class="num">${n}</td>`)}<td></td></tr>`)}
    </tbody>
  </table>
</section>`)}
<p class="note">Обозначения: осв — освобождён(а); н/а — не аттестован(а); безотм — безотметочное обучение; отср. — аттестация отсрочена.</p>
<style>
  .page-break { break-before: page; }
  th.vert { height: 34mm; padding: 0.5mm; width: 7mm; }
  /* sideways-lr reads bottom to top as vertical-rl + rotate(180deg) did, but prints each name as one
     rotated run instead of glyph by glyph: a smaller PDF, less work for the printer */
  th.vert div { writing-mode: sideways-lr; white-space: nowrap; margin: 0 auto; font-weight: normal; }
</style>`;
}
