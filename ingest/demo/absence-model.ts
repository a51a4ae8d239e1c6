// Whole-day absences per student: illness episodes of several school days (more often during the
// February flu wave), single days off, excused days. Together with late arrivals ~8% of student-lessons.
import type { Student } from './demo-model';
import type { Rng } from './prng';
import type { SchoolCalendar } from './school-calendar';
import { dayOf } from './local-time';

export type DayAbsence = 'sick' | 'absent' | 'excused';

export function buildAbsences(rng: Rng, students: readonly Student[], cal: SchoolCalendar): Map<string, Map<number, DayAbsence>> {
  const year = Number(cal.academicYear.slice(5));
  const fluFrom = dayOf(`${year}-02-01`);
  const fluTo = dayOf(`${year}-02-28`);
  const days = cal.schoolDays(2);
  const out = new Map<string, Map<number, DayAbsence>>();
  for (const s of students) {
    const mine = new Map<number, DayAbsence>();
    let sickLeft = 0;
    for (const day of days) {
      if (sickLeft > 0) { mine.set(day, 'sick'); sickLeft--; continue; }
      const flu = day >= fluFrom && day <= fluTo ? 3.5 : 1;
      const r = rng.next();
      if (r < 0.011 * s.frailty * flu) { sickLeft = rng.int(2, 7); mine.set(day, 'sick'); }
      else if (r < 0.011 * s.frailty * flu + 0.007 * s.frailty) mine.set(day, 'absent');
      else if (r < 0.011 * s.frailty * flu + 0.012 * s.frailty) mine.set(day, 'excused');
    }
    out.set(s.id, mine);
  }
  return out;
}
