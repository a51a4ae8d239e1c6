import { html, type SafeHtml } from '../../html/escape-html';
import type { ExtractView } from './extract-view';

export function extractBody(v: ExtractView, student: { name: string; className: string }): SafeHtml {
  return html`
<table class="facts"><tr><td>Обучающийся:</td><td><b>${student.name}</b></td></tr>
<tr><td>Класс:</td><td>${student.className}</td></tr>
<tr><td>Уроков в выписке:</td><td>${v.totals.lessons}; пропущено: ${v.totals.missed}; отметок: ${v.totals.marks}</td></tr></table>
<table>
  <thead><tr><th class="num">Дата</th><th>Предмет</th><th>Тема урока</th><th>Домашнее задание</th><th class="num">Отметки</th><th class="num">Пропуск</th></tr></thead>
  <tbody>${v.days.map((d) => d.lessons.map((l, i) => html`<tr>${i === 0 ? html`<td class="num" rowspan="${d.lessons.length}">${d.date}</td>` : ''}
    <td>${l.subject}</td><td>${l.topic}</td><td>${l.homework}</td><td class="num">${l.marks}</td><td class="num">${l.absence}</td></tr>`))}</tbody>
</table>
${v.finals.length ? html`<h2>Итоговые отметки</h2><table><thead><tr><th>Предмет</th><th>Период</th><th class="num">Отметка</th></tr></thead>
<tbody>${v.finals.map((f) => html`<tr><td>${f.subject}</td><td>${f.period}</td><td class="num">${f.value}</td></tr>`)}</tbody></table>` : ''}
<p class="note">Обозначения пропусков: н — отсутствовал(а), б — по болезни, у — по уважительной причине, оп — опоздание.</p>
<div class="sign-line"><span class="pos">Выписку получил(а), родитель (законный представитель)</span><span class="blank"></span><span class="slash">/</span><span class="fio">__________ «___» __________ 20__ г.</span></div>`;
}
