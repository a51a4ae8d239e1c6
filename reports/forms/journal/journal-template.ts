import { html, type SafeHtml } from '../../html/escape-html';
import { shortName } from '../school-context';
import type { JournalSection } from './journal-view';

export function journalBody(sections: JournalSection[]): SafeHtml {
  if (!sections.length) return html`<p>За выбранный период у класса нет занятий.</p>`;
  return html`${sections.map((s, i) => html`
<section class="${i > 0 ? 'page-break' : ''}">
  <h2>${s.subject} · ${s.groupName} · учитель ${shortName(s.teacher)}</h2>
  ${s.grids.map((g) => html`<table class="grid">
    <thead><tr><th class="num">№</th><th>Фамилия, имя</th>${g.dates.map((d) => html`<th class="num">${d}</th>`)}</tr></thead>
    <tbody>${g.rows.map((r) => html`<tr><td class="num">${r.no}</td><td class="name">${r.name}</td>${r.cells.map((c) => html`<td class="num">${c}</td>`)}</tr>`)}</tbody>
  </table>`)}
  <table>
    <thead><tr><th class="num">№</th><th class="num">Дата</th><th>Тема урока</th><th>Домашнее задание</th><th class="num">Отсутствовали</th><th>Примечание</th></tr></thead>
    <tbody>${s.lessons.map((l) => html`<tr><td class="num">${l.no}</td><td class="num">${l.date}</td><td>${l.topic}</td><td>${l.homework}</td><td class="num">${l.absent}</td><td>${l.note}</td></tr>`)}</tbody>
  </table>
</section>`)}
<p class="note">Обозначения: н — отсутствовал(а), б — по болезни, у — по уважительной причине, оп — опоздание.</p>
<style>.page-break { break-before: page; }</style>`;
}
