// Classes, students, their movements over the year, groups (class, subgroups, the stream), members,
// the curriculum and the teachers who take the load.
import { hoursFor, isSplit, primarySpecialists, subjectPlans, type SubjectPlan } from './curriculum-plan';
import { addStream } from './class-stream';
import type { CurriculumRow, Enrollment, Group, GroupMember, SchoolClass, StaffMember, Student } from './demo-model';
import type { Rng } from './prng';
import { childName, fatherName, pickSurnameStem } from './russian-names';
import { parseAcademicYear, type SchoolCalendar } from './school-calendar';
import { createStaffPool, type StaffPool } from './school-staff';
import { dayOf } from './local-time';

export interface Structure {
  staff: StaffMember[]; classes: SchoolClass[]; students: Student[]; enrollments: Enrollment[];
  groups: Group[]; members: GroupMember[]; curriculum: CurriculumRow[];
}

const letters = ['А', 'Б', 'В', 'Г'];
const latin: Record<string, string> = { А: 'A', Б: 'B', В: 'V', Г: 'G' };

/** parallels per grade 1..11: every grade 2–4 parallels for a full school; a small school keeps the grades that show most */
export function parallelsPerGrade(classCount: number): number[] {
  const per = new Array<number>(11).fill(0);
  if (classCount >= 22) {
    per.fill(2);
    let extra = Math.min(classCount, 44) - 22;
    for (let round = 0; extra > 0 && round < 2; round++)
      for (let g = 0; g < 9 && extra > 0; g++, extra--) per[g] = (per[g] as number) + 1;
    for (const g of [9, 10]) if (extra-- > 0) per[g] = 3;
    for (const g of [9, 10]) if (extra-- > 0) per[g] = 4;
    return per;
  }
  const priority = [10, 10, 5, 1, 7, 9, 3, 8, 11, 2, 6, 4, 5, 1, 7, 9, 3, 8, 11, 2, 6, 4];
  for (const grade of priority.slice(0, Math.max(4, classCount))) per[grade - 1] = (per[grade - 1] as number) + 1;
  return per;
}

export function buildStructure(rng: Rng, schoolId: string, studentCount: number, cal: SchoolCalendar): Structure {
  const pool = createStaffPool(rng.fork('staff'), schoolId);
  const classes: SchoolClass[] = [];
  const parallels = parallelsPerGrade(Math.round(studentCount / 25));
  for (let g = 1; g <= 11; g++)
    for (let p = 0; p < (parallels[g - 1] as number); p++) {
      const letter = letters[p] as string;
      const profile = g < 10 ? '' : (['science', 'humanities', 'socio_economic', 'technological'][p] as string);
      classes.push({ id: `${schoolId}-C${String(g).padStart(2, '0')}${latin[letter]}`, grade: g, letter, teacherId: '', profile });
    }

  const nrng = rng.fork('students');
  const students: Student[] = [];
  const enrollments: Enrollment[] = [];
  const newStudent = (grade: number): Student => {
    const gender = nrng.chance(0.5) ? 'm' : 'f';
    const father = fatherName(nrng);
    const stem = pickSurnameStem(nrng);
    const born = dayOf(`${parseAcademicYear(cal.academicYear) - grade - 6}-03-01`) + nrng.int(0, 364);
    const s: Student = {
      id: `${schoolId}-P${String(students.length + 1).padStart(5, '0')}`, name: childName(nrng, gender, stem, father),
      birthDay: born, iup: false, ability: nrng.normal() * 0.8, frailty: Math.exp(nrng.normal() * 0.6), father, familyStem: stem,
    };
    students.push(s);
    return s;
  };
  const sizes = classes.map(() => Math.floor(studentCount / classes.length));
  const remainder = studentCount - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; i < remainder; i++) sizes[i % sizes.length]! += 1;
  classes.forEach((c, i) => {
    for (let k = 0; k < (sizes[i] as number); k++)
      enrollments.push({ studentId: newStudent(c.grade).id, classId: c.id, from: cal.startsOn, to: null, reasonIn: 'admitted', reasonOut: '' });
  });
  applyMovements(nrng, cal, classes, enrollments, newStudent);
  for (let i = 0; i < Math.max(1, Math.round(studentCount / 350)); i++) {
    const e = nrng.pick(enrollments.filter((x) => x.to === null && x.from === cal.startsOn));
    const s = students.find((x) => x.id === e.studentId) as Student;
    if (classes.find((c) => c.id === e.classId)!.grade > 1) s.iup = true;
  }
  return { ...buildGroups(rng.fork('groups'), schoolId, cal, classes, enrollments, students, pool), classes, students, enrollments };
}

function applyMovements(rng: Rng, cal: SchoolCalendar, classes: SchoolClass[], enrollments: Enrollment[], newStudent: (g: number) => Student) {
  const days = cal.schoolDays(2).filter((d) => d > cal.startsOn + 20 && d < cal.endsOn - 20);
  const initial = [...enrollments];
  for (const e of initial) {
    const grade = classes.find((c) => c.id === e.classId)!.grade;
    const parallels = classes.filter((c) => c.grade === grade && c.id !== e.classId);
    const r = rng.next();
    if (r < 0.015 && parallels.length > 0) {
      const day = rng.pick(days);
      e.to = day - 1; e.reasonOut = 'moved_class';
      enrollments.push({ studentId: e.studentId, classId: rng.pick(parallels).id, from: day, to: null, reasonIn: 'moved_class', reasonOut: '' });
    } else if (r < 0.035) {
      e.to = rng.pick(days); e.reasonOut = rng.chance(0.8) ? 'transferred' : 'left';
    }
  }
  const arrivals = Math.round(initial.length * 0.02);
  for (let i = 0; i < arrivals; i++) {
    const c = rng.pick(classes);
    enrollments.push({ studentId: newStudent(c.grade).id, classId: c.id, from: rng.pick(days), to: null, reasonIn: 'admitted', reasonOut: '' });
  }
}

function buildGroups(rng: Rng, schoolId: string, cal: SchoolCalendar, classes: SchoolClass[], enrollments: Enrollment[],
  students: Student[], pool: StaffPool) {
  const groups: Group[] = [];
  const members: GroupMember[] = [];
  const curriculum: CurriculumRow[] = [];
  const weeks = (grade: number) => (grade === 1 ? 33 : 34);
  const byId = new Map(students.map((s) => [s.id, s]));
  for (const c of classes) {
    const code = c.id.slice(schoolId.length + 2);
    const title = `${c.grade}${c.letter}`;
    const teachesClass: string[] = [];
    if (c.grade <= 4) { const t = pool.newTeacher('primary'); c.teacherId = t.id; teachesClass.push(t.id); }
    const roll = enrollments.filter((e) => e.classId === c.id)
      .sort((a, b) => (byId.get(a.studentId)!.name.surname).localeCompare(byId.get(b.studentId)!.name.surname, 'ru'));
    const plans: SubjectPlan[] = subjectPlans.filter((p) => hoursFor(p, c.grade) > 0);
    for (const plan of plans) {
      const hours = hoursFor(plan, c.grade);
      const subjectId = `${schoolId}-${plan.code}`;
      curriculum.push({ classId: c.id, subjectId, hoursPerYear: hours * weeks(c.grade), hoursPerWeek: hours, studentId: '' });
      const byClassTeacher = c.grade <= 4 && !primarySpecialists.has(plan.specialty);
      if (!isSplit(plan, c.grade)) {
        const t = byClassTeacher ? pool.staff.find((s) => s.id === c.teacherId)! : pool.teacherFor(plan.specialty, hours, teachesClass);
        t.load += hours; teachesClass.push(t.id);
        groups.push({ id: `${schoolId}-G${code}-${plan.code}`, plan, subjectId, classId: c.id, grade: c.grade, name: `${title} ${plan.name}`, kind: 'class', teacherId: t.id, hoursPerWeek: hours });
        continue;
      }
      const byBoysGirls = plan.code === 'TECH';
      const half = roll.filter((e) => e.from === cal.startsOn);
      const first = new Set(byBoysGirls
        ? half.filter((e) => byId.get(e.studentId)!.name.gender === 'm').map((e) => e.studentId)
        : half.slice(0, Math.ceil(half.length / 2)).map((e) => e.studentId));
      const used: string[] = [];
      for (const part of [1, 2]) {
        const t = pool.teacherFor(plan.specialty, hours, teachesClass, used);
        t.load += hours; used.push(t.id); teachesClass.push(t.id);
        const id = `${schoolId}-G${code}-${plan.code}-${part}`;
        groups.push({ id, plan, subjectId, classId: c.id, grade: c.grade, name: `${title} ${plan.name}, ${part} группа`, kind: 'subgroup', teacherId: t.id, hoursPerWeek: hours });
        let count = 0;
        for (const e of roll) {
          const joined = byBoysGirls ? byId.get(e.studentId)!.name.gender === 'm' : count++ % 2 === 0;
          const inFirst = e.from === cal.startsOn ? first.has(e.studentId) : joined;
          if (inFirst === (part === 1)) members.push({ groupId: id, studentId: e.studentId, from: e.from, to: e.to });
        }
      }
    }
    if (c.grade > 4) c.teacherId = pool.staff.find((s) => teachesClass.includes(s.id) && !classes.some((o) => o.teacherId === s.id))?.id ?? pool.newTeacher('rus').id;
    for (const e of roll) {
      const s = byId.get(e.studentId)!;
      if (s.iup && e.from === cal.startsOn)
        for (const plan of plans) curriculum.push({ classId: c.id, subjectId: `${schoolId}-${plan.code}`, hoursPerYear: (plan.code === 'PE' ? 1 : hoursFor(plan, c.grade)) * weeks(c.grade), hoursPerWeek: plan.code === 'PE' ? 1 : hoursFor(plan, c.grade), studentId: s.id });
    }
  }
  addStream(rng, schoolId, cal, classes, enrollments, groups, members, curriculum, pool);
  return { staff: pool.staff, groups, members, curriculum };
}
