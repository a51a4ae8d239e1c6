// Our own OneRoster 1.2 fixture with a gradebook (test/fixtures/imports/oneroster-gradebook): every
// bundle row below was written out by hand from the CSV files.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertOneRoster, convertOneRosterFiles } from '../../ingest/oneroster/convert-oneroster';
import { markOf, workTypeOf } from '../../ingest/oneroster/map-oneroster-gradebook';
import { readDate, slashOrder } from '../../ingest/oneroster/read-dates';

const fixture = 'test/fixtures/imports/oneroster-gradebook';

const converted = await convertOneRoster(fixture, { timezone: 'Asia/Yekaterinburg' });

describe('OneRoster gradebook -> bundle', () => {
  const r = converted;
  const d = r.drafts[0]!;
  const rows = (f: keyof typeof d.files) => d.files[f]?.rows ?? [];

  it('has no errors and reports what it skipped', () => {
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.issues.map((i) => i.message)).toEqual(expect.arrayContaining([
      'academicSessions.csv: даты вида «Д/М/ГГГГ» прочитаны как день/месяц/год (это доказывают значения файла, например день больше 12)',
      'enrollments.csv, строка 8, поле userSourcedId: пользователь «s3» удалён (tobedeleted); запись не перенесена',
      'results.csv: 1 записей со статусом tobedeleted не перенесены',
      'manifest.csv: OneRoster не содержит этих данных, они не выдумываются и записаны пустыми: holidays, curriculum, ktp, attendance, control_works, final_marks',
    ]));
    expect(r.issues.some((i) => i.code === 'timezone_assumed')).toBe(false);
  });

  it('maps school, year, periods and people', () => {
    expect(d.manifest).toMatchObject({ school_id: 'sch-1', school_name: 'Школа № 1', timezone: 'Asia/Yekaterinburg',
      academic_year: '2025/2026', year_starts_on: '2025-09-01', year_ends_on: '2026-05-31', source_system: 'OneRoster 1.2 (Школьный портал)' });
    expect(rows('periods')).toEqual([
      { period_id: 'y2025', name: '2025/2026', kind: 'year', starts_on: '2025-09-01', ends_on: '2026-05-31' },
      { period_id: 'q1', name: '1 четверть', kind: 'quarter', starts_on: '2025-09-01', ends_on: '2025-10-26' },
    ]);
    expect(rows('staff')).toEqual([{ staff_id: 't1', full_name: 'Иванова Мария Петровна', position: 'teacher', email: 'ivanova@school.ru' }]);
    expect(rows('students')).toEqual([
      { student_id: 's1', full_name: 'Петрова Анна Игоревна', birth_date: '2012-03-14' },
      { student_id: 's2', full_name: 'Сидоров Борис', birth_date: '' },
    ]);
    expect(rows('guardians')).toEqual([{ guardian_id: 'p1', student_id: 's1', full_name: 'Петров Игорь Олегович', relation: 'parent',
      email: 'petrov@mail.ru', phone: '+79990000000' }]);
  });

  it('maps the homeroom to a class and the scheduled class to a whole-class group', () => {
    expect(rows('classes')).toEqual([{ class_id: 'c7b', grade: '7', letter: 'Б', class_teacher_id: 't1', profile: '' }]);
    expect(rows('enrollments')).toEqual([
      { student_id: 's1', class_id: 'c7b', from_date: '2025-09-01', to_date: '' },
      { student_id: 's2', class_id: 'c7b', from_date: '2025-09-01', to_date: '2025-12-31' },
    ]);
    expect(rows('subjects')).toEqual([{ subject_id: 'math7', name: 'Математика', component: 'federal' }]);
    expect(rows('groups')).toEqual([{ group_id: 'm7b', subject_id: 'math7', class_id: 'c7b', name: 'Математика 7Б', kind: 'class', teacher_id: 't1' }]);
    expect(rows('group_members')).toEqual([]);
  });

  it('maps line items to lessons and results to marks with their recorded times', () => {
    expect(rows('lessons')).toEqual([
      { lesson_id: 'li1', group_id: 'm7b', date: '2025-09-08', starts_at: '00:00', ends_at: '00:00', teacher_id: 't1', status: 'held' },
      { lesson_id: 'li2', group_id: 'm7b', date: '2025-09-15', starts_at: '00:00', ends_at: '00:00', teacher_id: 't1', status: 'held' },
    ]);
    expect(rows('marks')).toEqual([
      { mark_id: 'res1', lesson_id: 'li1', student_id: 's1', value: '5', work_type: 'homework', entered_at: '2025-09-08T12:30:00+05:00', entered_by: 't1', comment: '' },
      { mark_id: 'res2', lesson_id: 'li1', student_id: 's2', value: '4', work_type: 'homework', entered_at: '2025-09-09T10:00:00Z', entered_by: 't1', comment: 'с опозданием, но верно' },
      { mark_id: 'res3', lesson_id: 'li2', student_id: 's1', value: '3', work_type: 'control', entered_at: '2025-09-15T12:00:00+05:00', entered_by: 't1', comment: '' },
    ]);
    // provenance: marks row 2 came from results.csv line 3, value from column score
    expect(d.files.marks!.prov[1]).toMatchObject({ file: 'results.csv', line: 3, columns: { value: 'score', entered_at: 'dateLastModified' } });
  });

  it('rejects a score that is not a mark and a time without offset, naming line and column', () => {
    const files = new Map<string, Uint8Array>();
    for (const f of readdirSync(fixture)) files.set(f, readFileSync(`${fixture}/${f}`));
    files.set('results.csv', Buffer.from('sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score\n'
      + 'a,active,2025-09-08T12:30:00+05:00,li1,s1,fully graded,85\nb,active,2025-09-08 12:30,li1,s2,fully graded,5\n'));
    const bad = convertOneRosterFiles(files);
    expect(bad.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'results.csv, строка 2, поле score: «85» — не отметка шкалы 1–5',
      'results.csv, строка 3, поле dateLastModified: время «2025-09-08 12:30» без смещения часового пояса: без времени записи отметки нельзя проверить срок выставления',
    ]);
  });
});

describe('pure helpers', () => {
  it.each([
    ['5', 'five_point', '5'], ['4.0', 'five_point', '4'], ['6', 'five_point', null], ['85', 'five_point', null],
    ['10', 'ten_point', '10'], ['0', 'ten_point', null], ['зач', 'pass_fail', 'зач'], ['5', 'pass_fail', null], ['4.5', 'five_point', null],
  ] as const)('markOf(%s, %s) = %s', (score, scale, want) => expect(markOf(score, scale)).toBe(want));

  it.each([['Homework', 'homework'], ['Контрольная работа', 'control'], ['Quiz 3', 'test'], ['', 'other'], ['Диктант', 'Диктант']])(
    'workTypeOf(%s) = %s', (c, want) => expect(workTypeOf(c)).toBe(want));

  it('slash dates: the order must be proved, never guessed', () => {
    expect(slashOrder(['1/05/2023', '15/06/2023'])).toBe('dmy');
    expect(slashOrder(['1/05/2023', '06/15/2023'])).toBe('mdy');
    expect(slashOrder(['1/05/2023'])).toBe('unknown');
    expect(slashOrder(['13/05/2023', '05/13/2023'])).toBe('conflict');
    expect(readDate('1/05/2023', 'dmy')).toEqual({ ok: '2023-05-01', note: 'день/месяц' });
    expect(readDate('1/05/2023', 'mdy')).toEqual({ ok: '2023-01-05', note: 'месяц/день' });
    expect(readDate('5/5/2023', 'unknown')).toEqual({ ok: '2023-05-05' });
    expect(readDate('1/05/2023', 'unknown')).toMatchObject({ error: expect.stringContaining('неоднозначна') });
    expect(readDate('2023-02-30', 'unknown')).toMatchObject({ error: 'несуществующая дата «2023-02-30»' });
  });
});
