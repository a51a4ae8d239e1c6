// The third-party OneRoster samples of ../shared/fixtures/oneroster (defects included): each converts
// or fails with a precise message. Counts below were read off the files by hand.
import { describe, expect, it } from 'vitest';
import { convertOneRoster } from '../../ingest/oneroster/convert-oneroster';

const dir = '/work/shared/fixtures/oneroster';
const counts = (r: Awaited<ReturnType<typeof convertOneRoster>>) =>
  r.drafts.map((d) => Object.fromEntries(Object.entries(d.files).map(([k, v]) => [k, v!.rows.length])));
const errors = (r: Awaited<ReturnType<typeof convertOneRoster>>) => r.issues.filter((i) => i.severity === 'error').map((i) => i.message);
const codes = (r: Awaited<ReturnType<typeof convertOneRoster>>) => r.issues.map((i) => i.code);

describe('third-party OneRoster fixtures', () => {
  it('v1p1-oat-sa: no academic sessions -> fails naming the file; converts when the year is given', async () => {
    const r = await convertOneRoster(`${dir}/v1p1-oat-sa`);
    expect(errors(r)).toEqual([
      'academicSessions.csv: нет ни одного учебного периода — не определить учебный год; добавьте academicSessions или укажите даты года при импорте',
    ]);
    expect(r.drafts).toEqual([]);
    // users.csv has 20 headers but 22 cells in row 2 (metadata values without a header)
    expect(r.issues.filter((i) => i.code === 'value_without_header').map((i) => i.line)).toEqual([2, 2]);
    const withYear = await convertOneRoster(`${dir}/v1p1-oat-sa`, { yearStartsOn: '2017-09-01', yearEndsOn: '2018-05-31' });
    // two schools (12345, 54321); no teacher enrolments: every class fails with its line
    expect(withYear.drafts.map((d) => d.schoolId)).toEqual(['12345', '54321']);
    expect(errors(withYear)).toEqual([
      'classes.csv, строка 2, поле sourcedId: у класса нет учителя (нет записи enrollments с ролью teacher) — в Сводке у класса и группы обязателен учитель',
      'classes.csv, строка 3, поле sourcedId: у класса нет учителя (нет записи enrollments с ролью teacher) — в Сводке у класса и группы обязателен учитель',
      'classes.csv, строка 4, поле sourcedId: у класса нет учителя (нет записи enrollments с ролью teacher) — в Сводке у класса и группы обязателен учитель',
    ]);
    expect(counts(withYear)).toEqual([{ students: 1 }, { students: 1 }]);
    expect(withYear.drafts[0]!.manifest.academic_year).toBe('2017/2018');
  });

  it('Test_full_data_set: department named as school, tobedeleted/inactive skipped, imports', async () => {
    const r = await convertOneRoster(`${dir}/v1p2-catalyst/Test_full_data_set.zip`);
    expect(errors(r)).toEqual([]);
    expect(r.version).toBe('1.1');
    expect(r.drafts.map((d) => d.schoolId)).toEqual(['org-sch-222-456']);
    // periods: 5 sessions - 1 tobedeleted - 1 inactive; staff: john.doe, jim.smith; students: mary, mmichel,
    // anna + jim.smith (enrolled as a student in cls-222-123456); guardian thomas -> mary
    expect(counts(r)).toEqual([{ periods: 3, staff: 2, students: 4, guardians: 1, groups: 1, group_members: 2, subjects: 1 }]);
    expect(codes(r)).toEqual(expect.arrayContaining(['org_as_school', 'role_conflict', 'course_missing', 'status_tobedeleted', 'status_inactive', 'absent_in_source']));
    const d = r.drafts[0]!;
    expect(d.manifest).toMatchObject({ school_name: 'History Department', academic_year: '2022/2023', year_starts_on: '2022-09-01', year_ends_on: '2022-12-24' });
    expect(d.files.groups!.rows).toEqual([{ group_id: 'cls-222-123456', subject_id: 'crs-222-2023-456-12345', class_id: '',
      name: 'Introduction to Physics', kind: 'stream', teacher_id: 'usr-222-123456' }]);
    expect(d.files.group_members!.rows.map((m) => [m.student_id, m.from_date, m.to_date])).toEqual([
      ['usr-222-987654', '2022-03-15', '2022-06-15'], ['usr-222-1234561232', '2022-03-15', '2022-06-15']]);
    expect(d.files.guardians!.rows[0]).toMatchObject({ guardian_id: 'usr-222-1234561', student_id: 'usr-222-66778899', full_name: 'Jones Thomas Paul', relation: 'parent' });
  });

  it('Test_minimal_data_set: a homeroom class without grades fails with its line', async () => {
    const r = await convertOneRoster(`${dir}/v1p2-catalyst/Test_minimal_data_set.zip`);
    expect(errors(r)).toEqual([
      'classes.csv, строка 3, поле grades: не удалось определить параллель класса (1–11): grades=«», title=«History - 2»',
    ]);
  });

  it('oneroster_test_data: delta manifest, class without a teacher', async () => {
    const r = await convertOneRoster(`${dir}/v1p2-catalyst/oneroster_test_data.zip`);
    expect(r.delta).toBe(true);
    expect(r.version).toBe('1.2');
    expect(errors(r)).toEqual([
      'classes.csv, строка 2, поле sourcedId: у класса нет учителя (нет записи enrollments с ролью teacher) — в Сводке у класса и группы обязателен учитель',
    ]);
    expect(counts(r)).toEqual([{ periods: 1, students: 1 }]);
    expect(r.drafts[0]!.files.students!.rows[0]).toEqual({ student_id: 'USER_0', full_name: 'Wayne Bruce', birth_date: '2010-04-17' });
  });

  it('v1p2_full_dataset: misspelled headers and trailing empty header columns are read with warnings', async () => {
    const r = await convertOneRoster(`${dir}/v1p2-catalyst/v1p2_full_dataset.zip`);
    expect(errors(r)).toEqual([]);
    const misspelled = r.issues.filter((i) => i.code === 'header_misspelled').map((i) => i.message);
    expect(misspelled).toContain('users.csv, строка 1, поле prefferedGivenName: заголовок «prefferedGivenName» понят как «preferredGivenName»');
    expect(misspelled).toContain('roles.csv, строка 1, поле dataLastModified: заголовок «dataLastModified» понят как «dateLastModified»');
    // roles.csv makes usr-222-1234561 a siteAdministrator (staff: admin); users.csv dates like 1/05/2023 are not used
    expect(counts(r)).toEqual([{ periods: 3, staff: 3, students: 4, groups: 1, group_members: 2, subjects: 1 }]);
    expect(r.drafts[0]!.files.staff!.rows.map((s) => [s.staff_id, s.position])).toEqual([
      ['usr-222-123456', 'teacher'], ['usr-222-1234561', 'admin'], ['usr-222-987654', 'teacher']]);
  });
});
