// The cross-class stream: a grade-10 elective taught to about half of two parallels together
// (groups.class_id empty, members in group_members until they leave the school).
import { streamPlan } from './curriculum-plan';
import type { CurriculumRow, Enrollment, Group, GroupMember, SchoolClass } from './demo-model';
import type { Rng } from './prng';
import type { SchoolCalendar } from './school-calendar';
import type { StaffPool } from './school-staff';

export function addStream(rng: Rng, schoolId: string, cal: SchoolCalendar, classes: SchoolClass[], enrollments: Enrollment[],
  groups: Group[], members: GroupMember[], curriculum: CurriculumRow[], pool: StaffPool) {
  const tenth = classes.filter((c) => c.grade === 10).slice(0, 2);
  if (tenth.length < 2) return;
  const teacher = pool.teacherFor(streamPlan.specialty, 1, []);
  teacher.load += 1;
  const id = `${schoolId}-GS10-${streamPlan.code}`;
  groups.push({ id, plan: streamPlan, subjectId: `${schoolId}-${streamPlan.code}`, classId: null, grade: 10, name: `10${tenth.map((c) => c.letter).join('')} ${streamPlan.name} (поток)`, kind: 'stream', teacherId: teacher.id, hoursPerWeek: 1 });
  for (const c of tenth) {
    curriculum.push({ classId: c.id, subjectId: `${schoolId}-${streamPlan.code}`, hoursPerYear: 34, hoursPerWeek: 1, studentId: '' });
    for (const e of enrollments.filter((x) => x.classId === c.id && x.from === cal.startsOn && x.reasonIn === 'admitted'))
      if (rng.chance(0.45)) {
        const last = enrollments.filter((x) => x.studentId === e.studentId).sort((a, b) => b.from - a.from)[0] as Enrollment;
        members.push({ groupId: id, studentId: e.studentId, from: cal.startsOn, to: last.to });
      }
  }
}
