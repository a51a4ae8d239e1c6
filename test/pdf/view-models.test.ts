import { describe, expect, it } from 'vitest';
import { addYears } from '../../reports/archive/archive-file';
import { toCsv } from '../../reports/export/metric-export';
import { extractView } from '../../reports/forms/extract/extract-view';
import { journalView } from '../../reports/forms/journal/journal-view';
import { formatCell, metricTableView, nameKey } from '../../reports/forms/metric/metric-table-view';
import { shortName } from '../../reports/forms/school-context';
import { summaryView } from '../../reports/forms/summary/summary-view';
import { escapeHtml, html, rawHtml } from '../../reports/html/escape-html';
import { formatDateRu, formatDateTimeRu, formatPercentRu } from '../../reports/html/format-ru';
import { pdfTextString } from '../../reports/sign/pdf-text-string';

// Pure parts of the forms: table-driven, values worked out by hand.

describe('formatting', () => {
  it.each([
    [formatDateRu('2025-10-24'), '24.10.2025'],
    [formatDateTimeRu('2025-09-10T19:05:00Z', 'Asia/Yekaterinburg'), '11.09.2025 00:05'],
    [formatDateTimeRu('2025-09-10T19:05:00Z', 'Europe/Moscow'), '10.09.2025 22:05'],
    [formatPercentRu(66.66667), '66,7 %'],
    [formatPercentRu(null), '—'],
    [shortName('Шилов Антон Сергеевич'), 'Шилов А. С.'],
    [shortName(null), ''],
    [addYears('2026-05-29', 25), '2051-05-29'],
    [addYears('2024-02-29', 5), '2029-02-28'],
  ])('%s = %s', (got, want) => expect(got).toBe(want));

  it('escapes every interpolated value unless it is trusted markup', () => {
    expect(escapeHtml(`<b a="1">'&'</b>`)).toBe('&lt;b a=&quot;1&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;');
    expect(html`<p>${'<script>'}${rawHtml('<i>x</i>')}${['<', html`<u>y</u>`]}</p>`.text).toBe('<p>&lt;script&gt;<i>x</i>&lt;<u>y</u></p>');
  });

  it('writes PDF text strings as UTF-16BE with a BOM, escaping ( ) \\ (the low byte of «Ш» is "(")', () => {
    expect([...pdfTextString('Ш(')].map((c) => c.charCodeAt(0))).toEqual([0xfe, 0xff, 0x04, 0x5c, 0x28, 0x00, 0x5c, 0x28]);
    expect(pdfTextString('A')).toBe('\u00fe\u00ff\u0000A');
  });
});

describe('summaryView', () => {
  const periods = [
    { period_id: 'Q1', name: '1 четверть', kind: 'quarter', starts_on: '2025-09-01', ends_on: '2025-10-24' },
    { period_id: 'Q2', name: '2 четверть', kind: 'quarter', starts_on: '2025-11-05', ends_on: '2025-12-28' },
    { period_id: 'Y', name: 'Год', kind: 'year', starts_on: '2025-09-01', ends_on: '2026-05-29' },
  ];
  const students = [
    { student_id: 'a', full_name: 'Алексеев', from_date: '2025-09-01', to_date: null },
    { student_id: 'b', full_name: 'Борисова', from_date: '2025-09-01', to_date: '2025-10-01' },
    { student_id: 'c', full_name: 'Волков', from_date: '2025-11-10', to_date: null },
  ];
  const subjects = [{ subject_id: 'M', name: 'Математика' }, { subject_id: 'R', name: 'Русский язык' }];
  const finals = [
    { student_id: 'a', subject_id: 'M', period_id: 'Q1', value: '5', deferred_until: null },
    { student_id: 'a', subject_id: 'R', period_id: 'Q1', value: '2', deferred_until: null },
    { student_id: 'b', subject_id: 'M', period_id: 'Q1', value: 'н/а', deferred_until: null },
    { student_id: 'c', subject_id: 'M', period_id: 'Q2', value: null, deferred_until: '2026-01-20' },
    { student_id: 'a', subject_id: 'M', period_id: 'Q2', value: '5', deferred_until: null },
  ];
  const view = summaryView({ periods, students, subjects, finals });

  it('has one section per period with finals, cells per subject, arrivals and departures noted', () => {
    expect(view.map((s) => s.periodId)).toEqual(['Q1', 'Q2']);
    expect(view[0]!.rows.map((r) => [r.name, r.cells, r.note])).toEqual([
      ['Алексеев', ['5', '2'], ''],
      ['Борисова', ['н/а', ''], 'выбыл(а) 01.10.2025'],
      ['Волков', ['', ''], 'прибыл(а) 10.11.2025'],
    ]);
    expect(view[1]!.rows.map((r) => r.cells)).toEqual([['5', ''], ['', ''], ['отср.', '']]);
  });

  it('counts each value per subject, in the usual order, only values that occur', () => {
    expect(view[0]!.counts).toEqual([
      { value: '5', perSubject: [1, 0] }, { value: '2', perSubject: [0, 1] }, { value: 'н/а', perSubject: [1, 0] },
    ]);
    expect(view[1]!.counts).toEqual([{ value: '5', perSubject: [1, 0] }]);
  });
});

describe('journalView and extractView', () => {
  const lessons = ['2025-09-01', '2025-09-03', '2025-09-05'].map((date, i) => ({
    lesson_id: `L${i}`, group_id: 'G', date, status: i === 1 ? 'cancelled' : 'held', topic: `Тема ${i}`, homework_text: i ? '§1' : null,
    control_work_title: i === 2 ? 'Контрольная' : null, conducted_by_name: i === 2 ? 'Иванова И. И.' : null, substituted: i === 2, attendance_taken: i !== 0,
  }));
  it('skips cancelled lessons, joins marks and absence codes, splits the grid in chunks', () => {
    const [s] = journalView({
      groups: [{ group_id: 'G', group_name: '5А Математика', kind: 'class', subject_name: 'Математика', teacher_name: 'Петров П. П.' }],
      students: [{ student_id: 'a', full_name: 'Алексеев' }, { student_id: 'b', full_name: 'Борисова' }],
      lessons,
      entries: [
        { kind: 'mark', lesson_id: 'L0', group_id: 'G', student_id: 'a', value: '5' },
        { kind: 'mark', lesson_id: 'L0', group_id: 'G', student_id: 'a', value: '4' },
        { kind: 'absence', lesson_id: 'L2', group_id: 'G', student_id: 'b', value: 'sick' },
        { kind: 'absence', lesson_id: 'L2', group_id: 'G', student_id: 'a', value: 'late' },
      ],
    }, 1);
    expect(s!.grids.map((g) => g.dates)).toEqual([['01.09'], ['05.09']]);
    expect(s!.grids.map((g) => g.rows.map((r) => r.cells[0]))).toEqual([['5 4', ''], ['оп', 'б']]);
    expect(s!.lessons).toEqual([
      { no: 1, date: '01.09.2025', topic: 'Тема 0', homework: '', note: 'посещаемость не отмечена', absent: 0 },
      { no: 2, date: '05.09.2025', topic: 'Тема 2', homework: '§1', note: 'Контрольная; замена: Иванова И. И.', absent: 1 },
    ]);
  });

  it('groups a diary by day and totals lessons, absences (not lateness) and marks', () => {
    const v = extractView({
      lessons: [
        { date: '2025-09-01', subject_name: 'Математика', topic: 'Т1', homework_text: null, marks: '5 4', absence: null },
        { date: '2025-09-01', subject_name: 'Русский язык', topic: null, homework_text: 'упр. 3', marks: null, absence: 'late' },
        { date: '2025-09-02', subject_name: 'Математика', topic: 'Т2', homework_text: null, marks: null, absence: 'absent' },
      ],
      finals: [{ subject_name: 'Математика', period_name: '1 четверть', value: '5' }],
    });
    expect(v.days.map((d) => [d.date, d.lessons.map((l) => [l.subject, l.marks, l.absence])])).toEqual([
      ['01.09.2025', [['Математика', '5 4', ''], ['Русский язык', '', 'оп']]],
      ['02.09.2025', [['Математика', '', 'н']]],
    ]);
    expect(v.totals).toEqual({ lessons: 3, missed: 1, marks: 2 });
  });
});

describe('metric tables and CSV', () => {
  const names = new Map([[nameKey('teacher', 'T1'), 'Шилов Антон Сергеевич'], [nameKey('topic', 'P1'), 'Измерения']]);
  it.each([
    ['teacher_id', 'T1', 'Шилов Антон Сергеевич'],
    ['rule_id', 'R-MARK-DAY', 'Отметка в день урока'],
    ['pass_rate', 66.666667, '66,7 %'],
    ['avg_mark', 4.5, '4,50'],
    ['late_minutes', 480, '480'],
    ['due_at', '2025-10-21T00:00:00+05:00', '21.10.2025 00:00'],
    ['made_up', false, 'нет'],
    ['missed_topic_ids', ['P1', 'P9'], 'Измерения; P9'],
    ['status', 'sick', 'болезнь'],
    ['sou', null, '—'],
  ])('%s %j -> %s', (column, value, want) => expect(formatCell(column, value, names, 'Asia/Yekaterinburg')).toBe(want));

  it('keeps the asked columns that exist, or shows what the metric answers', () => {
    const rows = [{ school_id: 'E1', teacher_id: 'T1', breaches: 2 }];
    expect(metricTableView(rows, ['teacher_id', 'breaches', 'missing'], names, 'UTC')).toEqual({ headers: ['Учитель', 'Нарушений'], numeric: [false, true], rows: [['Шилов Антон Сергеевич', '2']] });
    expect(metricTableView(rows, ['x', 'y'], names, 'UTC').headers).toEqual(['Учитель', 'Нарушений']);
  });

  it('CSV: BOM, Russian headers, ; separator, decimal comma, quoting', () => {
    const csv = toCsv([{ class_id: '7Б', pass_rate: 42.75, topic_text: 'a;"b"', reached: true, students: 4 }], ['class_id', 'pass_rate', 'topic_text', 'reached', 'students']);
    expect(csv.toString('utf8')).toBe('\ufeffКласс;Успеваемость, %;Тема урока;Норма достигнута;Обучающихся\r\n7Б;42,75;"a;""b""";да;4\r\n');
  });
});
