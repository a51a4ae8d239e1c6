// ground-truth.ts on a hand-made school (class 7Б: physics and geography, four students), every count
// worked out by hand from docs/rule-semantics.md: local deadlines, as-of cut-off, makeup and control-work
// marks, the class's last lesson, substitutions, finals (early, late, missing, deferred), locks, setup.
import { describe, expect, it } from 'vitest';
import { streamPlan, subjectPlans } from '../../ingest/demo/curriculum-plan';
import type { DemoSchool, Group, Lesson, Mark } from '../../ingest/demo/demo-model';
import { countViolations } from '../../ingest/demo/ground-truth';
import { at, dayOf } from '../../ingest/demo/local-time';
import { buildCalendar } from '../../ingest/demo/school-calendar';

const cal = buildCalendar('2025/2026');
const t = (iso: string) => at(dayOf(iso.slice(0, 10)), Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16)));
const plan = (code: string) => subjectPlans.find((p) => p.code === code) ?? streamPlan;
const group = (id: string, code: string, teacherId: string): Group =>
  ({ id, plan: plan(code), subjectId: code, classId: 'C7B', grade: 7, name: id, kind: 'class', teacherId, hoursPerWeek: 2 });
const lesson = (id: string, groupId: string, date: string, starts: string, ends: string, extra: Partial<Lesson> = {}): Lesson => {
  const day = dayOf(date);
  const [s, e] = [starts, ends].map((x) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3))) as [number, number];
  return { id, groupId, day, lessonNo: 1, starts: s, ends: e, teacherId: groupId === 'GPHY' ? 'T1' : 'T2', conductedBy: '', substitutionAt: null,
    status: 'held', movedTo: null, topicId: 'K1', topicText: '', topicAt: at(day, s + 10), homeworkText: '', homeworkMinutes: null,
    homeworkAt: null, attendanceAt: at(day, s + 5), controlWorkId: '', ...extra };
};
const mark = (id: string, lessonId: string, studentId: string, when: string, makeup = false): Mark =>
  ({ id, lessonId, studentId, value: '4', workType: 'oral', weight: 1, at: t(when), by: 'T1', makeup, comment: '' });

function school(): DemoSchool {
  const periodIds = new Map(cal.periods.map((p) => [p.code, p.code]));
  return {
    schoolId: 'E', schoolName: 'Школа', districtId: 'D', districtName: 'Район', zone: 'Asia/Yekaterinburg', offset: '+05:00', calendar: cal, periodIds,
    subjects: [{ id: 'PHY', name: 'Физика', component: 'federal' }, { id: 'GEO', name: 'География', component: 'federal' }],
    rooms: [], // R-SETUP: rooms missing
    staff: [{ id: 'T1', name: 'Т1', position: 'teacher', email: '', load: 0 }, { id: 'T2', name: 'Т2', position: 'teacher', email: '', load: 0 },
      { id: 'T3', name: 'Т3', position: 'teacher', email: '', load: 0 }, { id: 'A', name: 'Админ', position: 'admin', email: '', load: 0 }],
    classes: [{ id: 'C7B', grade: 7, letter: 'Б', teacherId: 'T1', profile: '' }],
    students: ['e1', 'e2', 'e3', 'e4'].map((id) => ({ id, name: { surname: id, first: id, patronymic: id, gender: 'f' as const }, birthDay: 0,
      iup: id === 'e1', ability: 0, frailty: 1, father: ['', '', ''] as [string, string, string], familyStem: '' })),
    enrollments: ['e1', 'e2', 'e3', 'e4'].map((s) => ({ studentId: s, classId: 'C7B', from: cal.startsOn,
      to: s === 'e3' ? dayOf('2025-10-10') : null, reasonIn: 'admitted', reasonOut: s === 'e3' ? 'transferred' : '' })),
    groups: [group('GPHY', 'PHY', 'T1'), group('GGEO', 'GEO', 'T2')],
    members: [], curriculum: [{ classId: 'C7B', subjectId: 'PHY', hoursPerYear: 68, hoursPerWeek: 2, studentId: '' }], topics: [],
    lessons: [
      // Tuesday 9 Sept: 7Б's last lesson ends 14:10, so homework is due 15:40 for both lessons
      lesson('L1', 'GPHY', '2025-09-09', '09:25', '10:10', { homeworkText: '§1', homeworkMinutes: 20, homeworkAt: t('2025-09-09T15:40') }),
      lesson('L2', 'GGEO', '2025-09-09', '13:25', '14:10', { homeworkText: '§2', homeworkMinutes: 15, homeworkAt: t('2025-09-09T15:45') }),
      // 10 Sept: no attendance, no topic
      lesson('L3', 'GPHY', '2025-09-10', '10:30', '11:15', { attendanceAt: null, topicId: '', topicAt: null }),
      // substitutions: not recorded / recorded before the lesson record
      lesson('L6', 'GPHY', '2025-09-11', '08:30', '09:15', { conductedBy: 'T3' }),
      lesson('L7', 'GPHY', '2025-09-12', '08:30', '09:15', { conductedBy: 'T3', substitutionAt: t('2025-09-12T08:00') }),
      lesson('L8', 'GPHY', '2025-09-15', '08:30', '09:15', { status: 'cancelled', attendanceAt: null, topicId: '', topicAt: null }),
      // never recorded: counts as held with nothing entered
      lesson('L9', 'GPHY', '2025-09-16', '08:30', '09:15', { status: 'planned', attendanceAt: null, topicId: '', topicAt: null }),
      lesson('L4', 'GPHY', '2025-10-17', '10:30', '11:15', { controlWorkId: 'W1' }),
      lesson('L5', 'GGEO', '2025-10-17', '11:35', '12:20', { controlWorkId: 'W2' }),
      // a ВШК work held on 27 May: due at the end of 30 May, after the year's end (29 May)
      lesson('L10', 'GGEO', '2026-05-27', '08:30', '09:15', { controlWorkId: 'W3' }),
    ],
    attendance: [],
    marks: [
      mark('M1', 'L3', 'e1', '2025-09-10T23:59'), mark('M2', 'L3', 'e2', '2025-09-11T00:01'), mark('M3', 'L3', 'e4', '2025-09-22T15:00', true),
      mark('M4', 'L4', 'e1', '2025-10-20T23:00'), mark('M5', 'L4', 'e2', '2025-10-21T08:00'), mark('M6', 'L5', 'e1', '2025-10-25T10:00'),
      mark('M7', 'L10', 'e1', '2026-06-02T10:00'),
    ],
    controlWorks: [{ id: 'W1', groupId: 'GPHY', kind: 'vshk', title: 'ВШК', plannedDay: dayOf('2025-10-17'), lessonId: 'L4' },
      { id: 'W2', groupId: 'GGEO', kind: 'written', title: 'Письменная', plannedDay: dayOf('2025-10-17'), lessonId: 'L5' },
      { id: 'W3', groupId: 'GGEO', kind: 'vshk', title: 'ВШК', plannedDay: dayOf('2026-05-27'), lessonId: 'L10' }],
    finals: [ // Q1 ends Friday 24 Oct: the window opens 00:00 on the 18th
      { studentId: 'e1', subjectId: 'PHY', periodId: 'Q1', value: '5', at: t('2025-10-22T12:00'), by: 'T1', deferredUntil: null, groupId: 'GPHY' },
      { studentId: 'e2', subjectId: 'PHY', periodId: 'Q1', value: '4', at: t('2025-10-15T12:00'), by: 'T1', deferredUntil: null, groupId: 'GPHY' },
      { studentId: 'e2', subjectId: 'GEO', periodId: 'Q1', value: '4', at: t('2025-11-05T12:00'), by: 'T2', deferredUntil: dayOf('2025-11-10'), groupId: 'GGEO' },
      { studentId: 'e4', subjectId: 'PHY', periodId: 'Q1', value: '', at: null, by: '', deferredUntil: dayOf('2025-11-10'), groupId: 'GPHY' },
      { studentId: 'e4', subjectId: 'GEO', periodId: 'Q1', value: '3', at: t('2025-10-27T09:00'), by: 'T2', deferredUntil: null, groupId: 'GGEO' },
    ],
    guardians: [], acks: [], recommendations: [],
    changes: [
      { at: t('2025-08-25T10:00'), actorId: 'A', action: 'create', entity: 'period', entityId: 'Q1', field: '', oldValue: '', newValue: '' },
      { at: t('2025-09-08T10:00'), actorId: 'A', action: 'create', entity: 'class', entityId: 'C7B', field: '', oldValue: '', newValue: '' },
      { at: t('2025-10-01T10:00'), actorId: 'T1', action: 'update', entity: 'mark', entityId: 'M1', field: 'value', oldValue: '3', newValue: '4' },
      { at: t('2025-10-23T10:00'), actorId: 'T1', action: 'update', entity: 'mark', entityId: 'M1', field: 'value', oldValue: '4', newValue: '5' },
      { at: t('2025-10-23T11:00'), actorId: 'A', action: 'update', entity: 'mark', entityId: 'M1', field: 'value', oldValue: '5', newValue: '4' },
      { at: t('2025-10-28T10:00'), actorId: 'T2', action: 'update', entity: 'final_mark', entityId: 'e4:GEO:Q1', field: 'value', oldValue: '3', newValue: '4' },
      { at: t('2025-10-28T10:00'), actorId: 'T2', action: 'update', entity: 'mark', entityId: 'GONE', field: 'value', oldValue: '3', newValue: '4' },
    ],
    periodsForGrade: () => ['Q1', 'Q2', 'Q3', 'Q4', 'Y'],
  };
}

describe('ground truth on a hand-made school', () => {
  it('counts each rule as worked out by hand, as of the year end', () => {
    expect(countViolations(school())).toEqual({
      'R-MARK-DAY': 1, // M2 at 00:01; M1 at 23:59 on time; M3 makeup and control-work marks not counted
      'R-HOMEWORK': 1, // L2 at 15:45 after 15:40; L1 exactly at 15:40 is on time
      'R-ATTENDANCE': 2, // L3 none, L9 never recorded; L8 cancelled is not due
      'R-TOPIC': 2, // L3, L9
      'R-SUBSTITUTION': 1, // L6 never recorded; L7 before its topic
      'R-CONTROL-WORK': 1, // M5 on the 21st (due end of the 20th); M7 of 27 May not judged by the 29th
      'R-WRITTEN-WORK': 1, // M6 on the 25th (due end of the 24th)
      'R-PERIOD-FINAL': 4, // e2 PHY early, e1 GEO missing, e4 PHY deferral expired, e4 GEO late; e3 left; e2 GEO deferred and entered
      'R-FINALS-LOCK': 2, // T1 on M1 after e1's final, T2 on e4's final; the admin's and the earlier edit are allowed; GONE unknown
      'R-SETUP': 3, // rooms missing, class created 8 Sept, e1's individual plan missing
      'R-ARCHIVE': 0, // due 30 June
    });
  });

  it('moves with the as-of date: on 1 July the archive and the May ВШК work are due', () => {
    const later = countViolations(school(), dayOf('2026-07-01'));
    expect([later['R-ARCHIVE'], later['R-CONTROL-WORK']]).toEqual([2, 2]);
  });

  it('on 10 September only what was due by then counts', () => {
    const early = countViolations(school(), dayOf('2025-09-10'));
    expect([early['R-HOMEWORK'], early['R-MARK-DAY'], early['R-ATTENDANCE'], early['R-SETUP']]).toEqual([1, 1, 1, 3]);
  });
});
