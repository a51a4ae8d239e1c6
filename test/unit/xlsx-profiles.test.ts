// One generated file per shipped profile; expected marks and attendance written out by hand.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { detectUploadFormat } from '../../ingest/oneroster/upload-format';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertXlsx, type XlsxConversion } from '../../ingest/xlsx/convert-xlsx';
import { loadProfiles, parseProfile } from '../../ingest/xlsx/xlsx-profile';
import { makeWorkbook, setevoyJournal } from '../fixtures/imports/make-workbook';

const dir = mkdtempSync(join(tmpdir(), 'h7-xlsx-'));
const base = { schoolId: 'sch', academicYear: '2025/2026', timezone: 'Asia/Yekaterinburg', classTeacher: 'Орлова Ольга' };
const errors = (r: XlsxConversion) => r.issues.filter((i) => i.severity === 'error').map((i) => i.message);
const byName = (r: XlsxConversion) => new Map(r.draft!.files.students!.rows.map((s) => [s.student_id!, s.full_name!]));
/** marks as «name date value», attendance as «name date status» */
const marks = (r: XlsxConversion) => { const n = byName(r); const lessons = new Map(r.draft!.files.lessons!.rows.map((l) => [l.lesson_id!, l.date!]));
  return r.draft!.files.marks!.rows.map((m) => `${n.get(m.student_id!)} ${lessons.get(m.lesson_id!)} ${m.value}`).sort(); };
const absences = (r: XlsxConversion) => { const n = byName(r); const lessons = new Map(r.draft!.files.lessons!.rows.map((l) => [l.lesson_id!, l.date!]));
  return r.draft!.files.attendance!.rows.map((a) => `${n.get(a.student_id!)} ${lessons.get(a.lesson_id!)} ${a.status}`).sort(); };

describe('class journal profiles', () => {
  it('«Сетевой город»: title block, dd.MM dates, several marks per cell, summary row skipped', async () => {
    await makeWorkbook(join(dir, 'sg.xlsx'), [{ name: 'Лист1', rows: setevoyJournal }]);
    const r = await convertXlsx(join(dir, 'sg.xlsx'), base);
    expect(errors(r)).toEqual([]);
    expect(r.detected).toEqual([{ file: 'sg.xlsx', sheet: 'Лист1', profile: 'journal-setevoy-gorod', headerLine: 6 }]);
    expect(marks(r)).toEqual(['Алексеев Вадим 2025-09-03 4', 'Алексеев Вадим 2025-09-03 5', 'Петрова Анна Игоревна 2025-09-01 5',
      'Петрова Анна Игоревна 2025-09-08 4', 'Петрова Анна Игоревна 2025-09-08 5', 'Сидоров Борис 2025-09-01 3']);
    expect(absences(r)).toEqual(['Алексеев Вадим 2025-09-08 late', 'Петрова Анна Игоревна 2025-09-03 absent', 'Сидоров Борис 2025-09-08 sick']);
    expect(r.draft!.files.lessons!.rows.map((l) => [l.date, l.attendance_entered_at])).toEqual([
      ['2025-09-01', ''], ['2025-09-03', '2025-09-03T23:59:00+05:00'], ['2025-09-08', '2025-09-08T23:59:00+05:00']]);
    expect(r.draft!.files.marks!.rows[0]!.entered_at).toBe('2025-09-01T23:59:00+05:00');
    expect(r.draft!.files.classes!.rows).toEqual([{ class_id: '7Б', grade: '7', letter: 'Б', class_teacher_id: r.draft!.files.staff!.rows[1]!.staff_id }]);
    expect(r.draft!.files.staff!.rows.map((s) => s.full_name)).toEqual(['Иванова Мария Петровна', 'Орлова Ольга']);
    expect(r.issues.map((i) => i.code)).toContain('entered_at_assumed');
  });

  it('«Дневник.ру»: dd.MM.yyyy dates, 5-/4+ symbols, Н/ОП letters, average column ignored; year from the dates', async () => {
    await makeWorkbook(join(dir, 'dn.xlsx'), [{ name: 'Журнал', rows: [
      ['7Б класс'], ['Предмет: Русский язык'], ['Учитель: Смирнова Е. А.'],
      ['ФИО ученика', '02.09.2025', '04.09.2025', '15.01.2026', 'Средний балл'],
      ['Петрова Анна Игоревна', '5-/4+', 'Н', '3', 4],
      ['Сидоров Борис', 'ОП', '2', '', 2],
    ] }]);
    const r = await convertXlsx(join(dir, 'dn.xlsx'), { ...base, academicYear: undefined });
    expect(errors(r)).toEqual([]);
    expect(r.detected[0]!.profile).toBe('journal-dnevnik');
    expect(marks(r)).toEqual(['Петрова Анна Игоревна 2025-09-02 4', 'Петрова Анна Игоревна 2025-09-02 5', 'Петрова Анна Игоревна 2026-01-15 3', 'Сидоров Борис 2025-09-04 2']);
    expect(absences(r)).toEqual(['Петрова Анна Игоревна 2025-09-04 absent', 'Сидоров Борис 2025-09-02 late']);
    expect(r.draft!.manifest).toMatchObject({ academic_year: '2025/2026', year_starts_on: '2025-09-01' });
  });

  it('«ЭлЖур»: surname/name/patronymic columns and real Excel date cells', async () => {
    await makeWorkbook(join(dir, 'ej.xlsx'), [{ name: '8А История', rows: [
      ['Класс 8А'], ['Предмет История'], ['Учитель Кузнецов Пётр'],
      ['Фамилия', 'Имя', 'Отчество', new Date(Date.UTC(2025, 8, 5)), new Date(Date.UTC(2025, 8, 12))],
      ['Волкова', 'Дарья', 'Сергеевна', 'у', '5'],
      ['Зайцев', 'Егор', '', '4 н', ''],
    ] }]);
    const r = await convertXlsx(join(dir, 'ej.xlsx'), base);
    expect(errors(r)).toEqual([]);
    expect(r.detected[0]!.profile).toBe('journal-eljur');
    expect(marks(r)).toEqual(['Волкова Дарья Сергеевна 2025-09-12 5', 'Зайцев Егор 2025-09-05 4']);
    expect(absences(r)).toEqual(['Волкова Дарья Сергеевна 2025-09-05 excused', 'Зайцев Егор 2025-09-05 absent']);
    expect(r.draft!.files.classes!.rows[0]).toMatchObject({ class_id: '8А', grade: '8', letter: 'А' });
  });

  it('reports a bad cell with file, row and column letter, and an unknown year', async () => {
    await makeWorkbook(join(dir, 'bad.xlsx'), [{ name: 'Лист1', rows: [...setevoyJournal.slice(0, 6), [1, 'Петрова Анна Игоревна', '6', 'нб', '=5']] }]);
    const r = await convertXlsx(join(dir, 'bad.xlsx'), base);
    expect(errors(r)).toEqual([
      'bad.xlsx [Лист1], строка 7, поле C: «6» — не отметка (1, 2, 3, 4, 5) и не пропуск (н, б, у, о)',
      'bad.xlsx [Лист1], строка 7, поле D: «нб» — не отметка (1, 2, 3, 4, 5) и не пропуск (н, б, у, о)',
      'bad.xlsx [Лист1], строка 7, поле E: «=5» — не отметка (1, 2, 3, 4, 5) и не пропуск (н, б, у, о)',
    ]);
    const noYear = await convertXlsx(join(dir, 'sg.xlsx'), { ...base, academicYear: undefined });
    expect(errors(noYear)[0]).toBe('sg.xlsx [Лист1], строка 6, поле C: дата «01.09» без года, а учебный год не указан — укажите его при импорте (например 2025/2026)');
  });
});

describe('finals and roster profiles', () => {
  it('final marks sheet: subject × period columns, special values, finals attributed to the class teacher', async () => {
    await makeWorkbook(join(dir, 'fin.xlsx'), [{ name: 'Ведомость', rows: [
      ['Сводная ведомость'], ['Класс: 7Б'], ['Классный руководитель: Орлова Ольга'],
      ['№', 'ФИО', 'Математика (I четв.)', 'Математика (год)', 'Физкультура (I четв.)'],
      [1, 'Петрова Анна Игоревна', 5, 4, 'осв'],
      [2, 'Сидоров Борис', 3, 'н/а', 'зач'],
    ] }]);
    const r = await convertXlsx(join(dir, 'fin.xlsx'), { ...base, classTeacher: undefined });
    expect(errors(r)).toEqual([]);
    expect(r.detected[0]!.profile).toBe('finals-summary');
    const n = byName(r);
    expect(r.draft!.files.final_marks!.rows.map((f) => `${n.get(f.student_id!)} ${f.period_id} ${f.value} ${f.entered_at}`)).toEqual([
      'Петрова Анна Игоревна q1 5 2025-10-26T23:59:00+05:00', 'Петрова Анна Игоревна year 4 2026-05-26T23:59:00+05:00', 'Петрова Анна Игоревна q1 осв 2025-10-26T23:59:00+05:00',
      'Сидоров Борис q1 3 2025-10-26T23:59:00+05:00', 'Сидоров Борис year н/а 2026-05-26T23:59:00+05:00', 'Сидоров Борис q1 зач 2025-10-26T23:59:00+05:00']);
    expect(r.draft!.files.periods!.rows).toEqual([
      { period_id: 'q1', name: '1 четверть', kind: 'quarter', starts_on: '2025-09-01', ends_on: '2025-10-26' },
      { period_id: 'year', name: 'Год', kind: 'year', starts_on: '2025-09-01', ends_on: '2026-05-26' }]);
    expect(r.draft!.files.subjects!.rows.map((s) => s.name)).toEqual(['Математика', 'Физкультура']);
    expect(r.issues.find((i) => i.code === 'finals_by_class_teacher')?.message).toContain('6 итоговых отметок');
  });

  it('roster as CSV in Windows-1251 with semicolons', async () => {
    const text = 'ФИО;Класс;Дата рождения;Классный руководитель;Родитель;Телефон\r\n'
      + 'Петрова Анна Игоревна;7Б;14.03.2012;Орлова Ольга;Петров Игорь;+79990000000\r\nСидоров Борис;7 б;2012-11-30;Орлова Ольга;;\r\nЛишний;12Я;;;;\r\n';
    writeFileSync(join(dir, 'roster.csv'), iconv.encode(text, 'win1251'));
    const r = await convertXlsx(join(dir, 'roster.csv'), base);
    expect(r.detected[0]!.profile).toBe('roster-students');
    expect(r.issues.map((i) => i.code)).toContain('encoding_cp1251');
    expect(errors(r)).toEqual(['roster.csv, строка 4, поле B: «12Я» — не класс вида «7Б»']);
    expect(r.draft!.files.students!.rows.map((s) => [s.full_name, s.birth_date])).toEqual([['Петрова Анна Игоревна', '2012-03-14'], ['Сидоров Борис', '2012-11-30']]);
    expect(r.draft!.files.guardians!.rows.map((g) => [g.full_name, g.phone])).toEqual([['Петров Игорь', '+79990000000']]);
    expect(r.draft!.files.classes!.rows).toHaveLength(1);
  });

  it('an unrecognised file fails naming the profiles; a forced profile is used', async () => {
    writeFileSync(join(dir, 'other.csv'), 'a,b,c\n1,2,3\n');
    const r = await convertXlsx(join(dir, 'other.csv'), base);
    expect(errors(r)).toEqual(['other.csv: ни один лист не подошёл ни к одному профилю (finals-summary, journal-dnevnik, journal-eljur, journal-setevoy-gorod, roster-students) — проверьте заголовки или выберите профиль']);
    const forced = await convertXlsx(join(dir, 'sg.xlsx'), { ...base, profile: 'journal-dnevnik' });
    expect(forced.issues.map((i) => i.code)).toContain('no_profile');
    expect(errors(await convertXlsx(join(dir, 'sg.xlsx'), { ...base, profile: 'nope' }))[0]).toContain('профиль «nope» не найден');
  });

  it('a zip of the school\'s spreadsheets is read file by file; upload formats are detected', async () => {
    const zipPath = join(dir, 'school.zip');
    writeFileSync(zipPath, zipSync({ 'журнал.xlsx': new Uint8Array(readFileSync(join(dir, 'sg.xlsx'))), 'список.csv': new TextEncoder().encode('ФИО;Класс\nПетрова Анна Игоревна;7Б\n') }));
    const r = await convertXlsx(zipPath, base);
    expect(errors(r)).toEqual([]);
    expect(r.detected.map((d) => [d.file, d.profile])).toEqual([['журнал.xlsx', 'journal-setevoy-gorod'], ['список.csv', 'roster-students']]);
    expect(r.draft!.files.students!.rows).toHaveLength(3);
    expect(detectUploadFormat(readFileSync(zipPath), 'school.zip')).toBe('xlsx');
    expect(detectUploadFormat(readFileSync(join(dir, 'sg.xlsx')), 'sg.xlsx')).toBe('xlsx');
    expect(detectUploadFormat(Buffer.from('a;b\n'), 'x.csv')).toBe('xlsx');
    expect(detectUploadFormat(zipSync({ 'manifest.csv': new TextEncoder().encode('propertyName,value\n') }), 'e.zip')).toBe('oneroster');
    expect(detectUploadFormat(zipSync({ 'b/manifest.csv': new TextEncoder().encode('key,value\n') }), 'b.zip')).toBe('bundle');
    expect(() => detectUploadFormat(zipSync({ 'a.pdf': new Uint8Array([1]) }), 'a.zip')).toThrow('Не удалось определить формат файла a.zip');
  });

  it('reports progress every 1,000 rows of a big sheet', async () => {
    const rows = ['ФИО;Класс', ...Array.from({ length: 2500 }, (_, i) => `Ученик Номер${i};7Б`)];
    writeFileSync(join(dir, 'big.csv'), rows.join('\n'));
    const seen: number[] = [];
    const r = await convertXlsx(join(dir, 'big.csv'), { ...base, onRows: (n) => seen.push(n) });
    expect(seen).toEqual([1000, 2000]);
    expect(r.draft!.files.students!.rows).toHaveLength(2500);
  });

  it('a broken profile is refused naming the file and the key', () => {
    expect(() => parseProfile('id: x\nkind: journal\ndetect: [a]\ncolumns: { student: a }', 'my.yaml'))
      .toThrow('Профиль my.yaml: ключ «kind» — одно из class_journal, final_marks, roster');
    expect(() => parseProfile('id: x\nkind: roster\ndetect: [a]\ncolumns: { student: "(" }', 'my.yaml'))
      .toThrow(/Профиль my.yaml: ключ «columns.student» — неверное регулярное выражение/);
    expect(() => parseProfile('id: x\nkind: class_journal\ndetect: [a]\ncolumns: { student: a }', 'my.yaml'))
      .toThrow('Профиль my.yaml: ключ «dateHeader» — нужна строка с регулярным выражением');
    expect(loadProfiles().map((p) => p.id)).toEqual(['finals-summary', 'journal-dnevnik', 'journal-eljur', 'journal-setevoy-gorod', 'roster-students']);
  });
});
