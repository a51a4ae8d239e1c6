// The school year's calendar: quarters, half-years and the year, holidays (autumn, winter, spring, the
// extra February week for grade 1, public holidays moved off weekends), and the school days per grade.
import { dayOf, weekday } from './local-time';

export interface Period { code: string; name: string; kind: 'quarter' | 'half_year' | 'year'; startsOn: number; endsOn: number }
export interface Holiday { code: string; name: string; startsOn: number; endsOn: number; gradeOneOnly?: boolean }
export interface SchoolCalendar {
  academicYear: string;
  startsOn: number;
  endsOn: number;
  periods: Period[];
  holidays: Holiday[];
  /** school days (Mon–Fri, not a holiday) for a grade, ascending */
  schoolDays(grade: number): number[];
  isSchoolDay(day: number, grade: number): boolean;
}

const fridayOnOrBefore = (day: number) => day - ((weekday(day) - 4 + 7) % 7);
const sundayOnOrAfter = (day: number) => day + ((6 - weekday(day) + 7) % 7);
const mondayOnOrAfter = (day: number) => day + ((7 - weekday(day)) % 7);

export function parseAcademicYear(text: string): number {
  const m = /^(\d{4})\/(\d{4})$/.exec(text);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new Error(`academic year must look like 2025/2026, got "${text}"`);
  return Number(m[1]);
}

export function buildCalendar(academicYear: string): SchoolCalendar {
  const y = parseAcademicYear(academicYear);
  const d = (year: number, md: string) => dayOf(`${year}-${md}`);
  const sep1 = d(y, '09-01');
  const startsOn = weekday(sep1) < 5 ? sep1 : mondayOnOrAfter(sep1);
  const q1End = fridayOnOrBefore(d(y, '10-24'));
  const q2Start = q1End + 10;
  const q2End = fridayOnOrBefore(d(y, '12-26'));
  const q3Start = mondayOnOrAfter(sundayOnOrAfter(d(y + 1, '01-08')) + 1);
  const q3End = fridayOnOrBefore(d(y + 1, '03-20'));
  const q4Start = q3End + 10;
  const endsOn = fridayOnOrBefore(d(y + 1, '05-31'));
  const febMonday = mondayOnOrAfter(d(y + 1, '02-15'));

  const periods: Period[] = [
    { code: 'Q1', name: '1 четверть', kind: 'quarter', startsOn, endsOn: q1End },
    { code: 'Q2', name: '2 четверть', kind: 'quarter', startsOn: q2Start, endsOn: q2End },
    { code: 'Q3', name: '3 четверть', kind: 'quarter', startsOn: q3Start, endsOn: q3End },
    { code: 'Q4', name: '4 четверть', kind: 'quarter', startsOn: q4Start, endsOn },
    { code: 'H1', name: '1 полугодие', kind: 'half_year', startsOn, endsOn: q2End },
    { code: 'H2', name: '2 полугодие', kind: 'half_year', startsOn: q3Start, endsOn },
    { code: 'Y', name: 'Год', kind: 'year', startsOn, endsOn },
  ];
  const publicDay = (code: string, name: string, day: number): Holiday => {
    const off = weekday(day) >= 5 ? mondayOnOrAfter(day) : day;
    return { code, name, startsOn: off, endsOn: off };
  };
  const holidays: Holiday[] = [
    { code: 'AUT', name: 'Осенние каникулы', startsOn: q1End + 1, endsOn: q2Start - 1 },
    { code: 'WIN', name: 'Зимние каникулы', startsOn: q2End + 1, endsOn: q3Start - 1 },
    { code: 'FEB1', name: 'Дополнительные каникулы для 1 классов', startsOn: febMonday - 2, endsOn: febMonday + 6, gradeOneOnly: true },
    { code: 'SPR', name: 'Весенние каникулы', startsOn: q3End + 1, endsOn: q4Start - 1 },
    publicDay('NOV4', 'День народного единства', d(y, '11-04')),
    publicDay('FEB23', 'День защитника Отечества', d(y + 1, '02-23')),
    publicDay('MAR8', 'Международный женский день', d(y + 1, '03-08')),
    publicDay('MAY1', 'Праздник Весны и Труда', d(y + 1, '05-01')),
    publicDay('MAY9', 'День Победы', d(y + 1, '05-09')),
  ];
  const isSchoolDay = (day: number, grade: number) =>
    day >= startsOn && day <= endsOn && weekday(day) < 5 &&
    !holidays.some((h) => day >= h.startsOn && day <= h.endsOn && (!h.gradeOneOnly || grade === 1));
  const cache = new Map<boolean, number[]>();
  const schoolDays = (grade: number) => {
    const key = grade === 1;
    let days = cache.get(key);
    if (!days) {
      days = [];
      for (let day = startsOn; day <= endsOn; day++) if (isSchoolDay(day, grade)) days.push(day);
      cache.set(key, days);
    }
    return days;
  };
  return { academicYear, startsOn, endsOn, periods, holidays, schoolDays, isSchoolDay };
}
