// One demo school: structure, timetable, the year's lessons and entries, finals, history, families.
import { buildAbsences } from './absence-model';
import { buildHistory, type SetupState } from './change-history';
import { streamPlan, subjectPlans } from './curriculum-plan';
import type { DemoSchool, Room } from './demo-model';
import type { DemoRates } from './demo-rates';
import { buildFamilies } from './family-records';
import { buildFinals } from './final-marks';
import { createGroupRoster } from './group-roster';
import { fillJournal } from './journal-entries';
import { buildSchedule } from './lesson-schedule';
import { offsetText, schoolZones } from './local-time';
import type { Rng } from './prng';
import { buildCalendar } from './school-calendar';
import { buildStructure } from './school-structure';
import { buildTimetable } from './weekly-timetable';
import { pushTo } from './group-by';

export interface SchoolOptions {
  index: number; academicYear: string; students: number; rates: DemoRates; districtId: string;
  /** called after each of the school's steps (schoolSteps of them) */
  onStep?: (step: string) => void;
}

export const schoolSteps = 6;

const setupItems: [string, string][] = [
  ['periods', 'period'], ['holidays', 'holiday'], ['subjects', 'subject'], ['rooms', 'room'], ['staff', 'staff'], ['classes', 'class'],
  ['groups', 'group'], ['curriculum', 'curriculum'], ['timetable', 'lesson'], ['control_works', 'control_work'],
];

export function generateSchool(rng: Rng, o: SchoolOptions): DemoSchool {
  const schoolId = `S${String(o.index).padStart(2, '0')}`;
  const { zone, offsetMinutes } = schoolZones[(o.index - 1) % schoolZones.length]!;
  const cal = buildCalendar(o.academicYear);
  const st = buildStructure(rng.fork('structure'), schoolId, o.students, cal);
  o.onStep?.('structure');
  const slots = buildTimetable(rng.fork('timetable'), st.classes, st.groups);
  const { lessons, topics, controlWorks } = buildSchedule(rng.fork('schedule'), schoolId, cal, st.groups, slots, o.rates);
  o.onStep?.('timetable');
  const roster = createGroupRoster(st.groups, st.enrollments, st.members);
  const topicsByGroup = new Map<string, string[]>();
  for (const t of topics) pushTo(topicsByGroup, t.groupId, t.id);
  const absences = buildAbsences(rng.fork('absences'), st.students, cal);
  const { attendance, marks } = fillJournal(rng.fork('journal'), schoolId, {
    cal, groups: st.groups, lessons, topicsByGroup, controlWorks, roster, absences, students: st.students, staff: st.staff, rates: o.rates,
  });
  o.onStep?.('journal');
  const periodIds = new Map(cal.periods.map((p) => [p.code, `${schoolId}-${p.code}`]));
  const periodId = (code: string) => periodIds.get(code) as string;
  const periodsForGrade = (grade: number) => (grade <= 9 ? ['Q1', 'Q2', 'Q3', 'Q4', 'Y'] : ['H1', 'H2', 'Y']);
  const finals = buildFinals(rng.fork('finals'), { periods: cal.periods, periodId, periodsForGrade, groups: st.groups, lessons, marks, classes: st.classes, students: st.students, roster, rates: o.rates });

  o.onStep?.('finals');
  const srng = rng.fork('setup');
  const rooms: Room[] = [...st.classes.map((_, i) => ({ id: `${schoolId}-ROOM${101 + i}`, name: `Кабинет ${101 + i}`, capacity: 30 })),
    { id: `${schoolId}-GYM`, name: 'Спортивный зал', capacity: 60 }, { id: `${schoolId}-HALL`, name: 'Актовый зал', capacity: 200 },
    { id: `${schoolId}-WORK`, name: 'Мастерская', capacity: 16 }, { id: `${schoolId}-IT1`, name: 'Кабинет информатики', capacity: 16 }];
  const sampleIds: Record<string, string[]> = {
    period: [...periodIds.values()].slice(0, 2), holiday: [`${schoolId}-H-AUT`], subject: subjectPlans.slice(0, 2).map((p) => `${schoolId}-${p.code}`),
    room: rooms.slice(0, 2).map((r) => r.id), staff: st.staff.slice(0, 2).map((t) => t.id), class: st.classes.slice(0, 2).map((c) => c.id),
    group: st.groups.slice(0, 2).map((g) => g.id), curriculum: st.curriculum.filter((c) => !c.studentId).slice(0, 2).map((c) => `${c.classId}:${c.subjectId}`),
    lesson: lessons.slice(0, 2).map((l) => l.id), control_work: controlWorks.slice(0, 2).map((w) => w.id),
  };
  const setup: { item: string; entity: string; state: SetupState; ids: string[] }[] = setupItems.map(([item, entity]) => {
    const r = srng.next();
    const state: SetupState = entity === 'room' && r < o.rates.setupMissing ? 'missing' : r < o.rates.setupMissing + o.rates.setupLate ? 'late' : 'ok';
    return { item, entity, state, ids: state === 'ok' && srng.chance(0.3) ? [] : sampleIds[entity] ?? [] };
  });
  let curriculum = st.curriculum;
  for (const s of st.students.filter((x) => x.iup)) {
    const r = srng.next();
    if (r < o.rates.setupMissing) curriculum = curriculum.filter((c) => c.studentId !== s.id);
    else if (r < o.rates.setupMissing + o.rates.setupLate)
      setup.push({ item: `iup:${s.id}`, entity: 'curriculum', state: 'late', ids: curriculum.filter((c) => c.studentId === s.id).slice(0, 3).map((c) => `${s.id}:${c.subjectId}`) });
  }
  const changes = buildHistory(rng.fork('history'), { cal, periods: cal.periods, periodId, staff: st.staff, groups: st.groups, lessons, marks, finals, rates: o.rates, setup });
  o.onStep?.('history');
  const classOf = (id: string) => st.classes.find((c) => c.id === roster.classOn(id, cal.startsOn) || c.id === st.enrollments.find((e) => e.studentId === id)?.classId);
  const families = buildFamilies(rng.fork('families'), schoolId, cal, st.students, classOf);
  o.onStep?.('families');
  const plans = st.groups.some((g) => g.kind === 'stream') ? [...subjectPlans, streamPlan] : subjectPlans;
  return {
    schoolId, schoolName: `МАОУ «Средняя общеобразовательная школа № ${10 + o.index * 7}»`, districtId: o.districtId,
    districtName: 'Демонстрационный муниципальный район', zone, offset: offsetText(offsetMinutes), calendar: cal, periodIds,
    subjects: plans.map((p) => ({ id: `${schoolId}-${p.code}`, name: p.name, component: p.component })),
    rooms: setup.find((x) => x.entity === 'room')!.state === 'missing' ? [] : rooms,
    staff: st.staff, classes: st.classes, students: st.students, enrollments: st.enrollments, groups: st.groups, members: st.members,
    curriculum, topics, lessons, attendance, marks, controlWorks, finals, changes, ...families, periodsForGrade,
  };
}
