import { columnLabel, ruleNamesRu } from '../../columns/column-labels';
import { formatDateRu, formatDateTimeRu, formatNumberRu, formatPercentRu } from '../../html/format-ru';

export type Names = Map<string, string>;
export const nameKey = (kind: string, id: string) => `${kind}|${id}`;

const idKind: Record<string, string> = {
  student_id: 'student', teacher_id: 'teacher', subject_id: 'subject', class_id: 'class', group_id: 'group',
  period_id: 'period', school_id: 'school', topic_id: 'topic', control_work_id: 'control_work', missed_topic_ids: 'topic',
};

const wordsRu: Record<string, string> = {
  absent: 'отсутствовал(а)', sick: 'болезнь', excused: 'уваж. причина', late: 'опоздание',
  lesson: 'урок', mark: 'отметка', final_mark: 'итоговая отметка', control_work: 'контрольная работа', setup: 'настройка года', archive: 'архив',
  vshk: 'ВШК', written: 'письменная', essay: 'сочинение', test: 'тест',
};

export interface MetricTable {
  headers: string[];
  rows: string[][];
  numeric: boolean[];
}

/** Metric rows -> a printable table: Russian headers, ids replaced by names, numbers in Russian format. */
export function metricTableView(rows: Record<string, unknown>[], columns: string[], names: Names, timezone: string, labels: Record<string, string> = {}): MetricTable {
  let present = rows.length ? columns.filter((c) => c in rows[0]!) : columns;
  // a metric whose columns differ from the ones expected: show what it answers (its school aside)
  if (rows.length && present.length < 2) present = Object.keys(rows[0]!).filter((c) => c !== 'school_id');
  return {
    headers: present.map((c) => labels[c] ?? columnLabel(c).label),
    numeric: present.map((c) => ['int', 'number', 'percent', 'bool', 'date', 'instant'].includes(columnLabel(c).kind)),
    rows: rows.map((r) => present.map((c) => formatCell(c, r[c], names, timezone))),
  };
}

export function formatCell(column: string, value: unknown, names: Names, timezone: string): string {
  if (value === null || value === undefined) return '—';
  const { kind } = columnLabel(column);
  const nameOf = (id: unknown) => names.get(nameKey(idKind[column] ?? '', String(id))) ?? String(id);
  if (column === 'rule_id') return ruleNamesRu[String(value)] ?? String(value);
  switch (kind) {
    case 'id': return nameOf(value);
    case 'list': return Array.isArray(value) ? value.map(nameOf).join('; ') : String(value);
    case 'percent': return formatPercentRu(Number(value));
    case 'number': return formatNumberRu(Number(value), 2);
    case 'int': return String(value);
    case 'bool': return value === true || value === 'true' ? 'да' : 'нет';
    case 'date': return formatDateRu(String(value));
    case 'instant': return formatDateTimeRu(String(value), timezone);
    default: return wordsRu[String(value)] ?? String(value);
  }
}
