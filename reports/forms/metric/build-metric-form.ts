import { NotFound } from '../../../common/errors';
import type { AllowedScope } from '../../../warehouse/query-metric';
import type { Warehouse } from '../../../warehouse/open-warehouse';
import { html, rawHtml } from '../../html/escape-html';
import type { FormDocument } from '../../html/form-document';
import { formatDateRu } from '../../html/format-ru';
import { queryRows } from '../../query-rows';
import type { FormRequest } from '../form-request';
import { loadPeriods, loadSchool, requireParam, shortName } from '../school-context';
import type { MetricFormSpec } from './metric-form-spec';
import { metricTableView, nameKey, type Names } from './metric-table-view';

/** A form made of metric tables (F-COMPLIANCE, F-VSHK, F-MISSED, F-UNSAT, F-PLAN, F-PASS, F-DISTRICT). */
export async function buildMetricForm(spec: MetricFormSpec, warehouse: Warehouse, req: FormRequest, madeAt: Date, allowed: AllowedScope = {}): Promise<FormDocument> {
  for (const need of spec.needs ?? []) requireParam(req[need], need, spec.id);
  let heading: { name: string; timezone: string; label: string; schools: string[]; director: string | null };
  if (spec.district) {
    const district = requireParam(req.district, 'district', spec.id);
    const schools = await queryRows<{ school_id: string; school_name: string; district_name: string | null; timezone: string; academic_year: string }>(warehouse, 'district-schools', { district });
    if (!schools.length) throw new NotFound('district_not_found', `Район «${district}» не найден`, `district ${district} has no schools`);
    heading = { name: schools[0]!.district_name ?? district, timezone: schools[0]!.timezone, label: `${schools[0]!.academic_year} учебный год`, schools: schools.map((s) => s.school_id), director: null };
  } else {
    const school = await loadSchool(warehouse, req, spec.id);
    const { label } = await loadPeriods(warehouse, school, req.period);
    heading = { name: school.school_name, timezone: school.timezone, label, schools: [school.school_id], director: school.director_name };
  }
  const names: Names = new Map((await queryRows<{ kind: string; id: string; name: string }>(warehouse, 'school-names', { schools: heading.schools }))
    .map((n) => [nameKey(n.kind, n.id), n.name]));
  const ctx = { warehouse, req, schools: heading.schools, allowed };
  const sections = [];
  for (const s of spec.sections) {
    const rows = await s.load(ctx);
    const table = rows ? metricTableView(rows, s.columns, names, heading.timezone, s.labels) : null;
    const chart = rows && rows.length && s.chart ? s.chart(rows, names) : null;
    sections.push(html`<h2>${s.heading}</h2>
      ${chart ? html`<div class="chart">${rawHtml(chart)}</div>` : ''}
      ${!table ? html`<p class="note">Показатель в этой установке ещё не рассчитывается.</p>`
        : !table.rows.length ? html`<p class="note">Записей нет.</p>`
        : html`<table><thead><tr><th class="num">№</th>${table.headers.map((h) => html`<th>${h}</th>`)}</tr></thead>
          <tbody>${table.rows.map((r, i) => html`<tr><td class="num">${i + 1}</td>${r.map((c, j) => html`<td class="${table.numeric[j] ? 'num' : ''}">${c}</td>`)}</tr>`)}</tbody></table>`}`);
  }
  const facts = [
    req.class ? `Класс: ${names.get(nameKey('class', req.class)) ?? req.class}` : null,
    req.student ? `Обучающийся: ${names.get(nameKey('student', req.student)) ?? req.student}` : null,
    req.asOf ? `По состоянию на ${formatDateRu(req.asOf)}` : null,
  ].filter(Boolean);
  return {
    formId: spec.id,
    title: spec.title,
    subtitle: facts.join(' · ') || undefined,
    schoolName: heading.name,
    periodLabel: heading.label,
    orientation: spec.orientation,
    body: html`${sections}`,
    signatories: spec.signatories.map((position) => ({ position, name: position === 'Директор' ? shortName(heading.director) : '' })),
    madeAt,
    timezone: heading.timezone,
  };
}
