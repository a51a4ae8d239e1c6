import { addRow, type BundleDraft } from './bundle-draft';
import { splitList, type MapContext } from './map-context';
import type { People } from './map-oneroster-people';
import type { OneRosterRow } from './read-oneroster';

export interface SchoolClasses {
  classes: OneRosterRow[];
  enrollments: OneRosterRow[];
  /** users enrolled as student / teacher in this school's classes */
  studentIds: Set<string>;
  teacherIds: Set<string>;
  /** OneRoster class -> teacher (primary first) */
  teacherOf: Map<string, string>;
}

export function collectClasses(ctx: MapContext, people: People, schoolId: string): SchoolClasses {
  const classes = ctx.active('classes').filter((c) => c.v.schoolSourcedId === schoolId);
  const ids = new Set(classes.map((c) => c.v.sourcedId!));
  const allClasses = new Set((ctx.table('classes')?.rows ?? []).map((c) => c.v.sourcedId!));
  const enrollments: OneRosterRow[] = [];
  const studentIds = new Set<string>();
  const teacherIds = new Set<string>();
  const teacherOf = new Map<string, string>();
  const primary = new Set<string>();
  for (const e of ctx.active('enrollments')) {
    const cls = e.v.classSourcedId ?? '';
    if (!ids.has(cls)) {
      if (!allClasses.has(cls)) ctx.error('enrollments', e, 'classSourcedId', 'dangling_reference', `класс «${cls}» не найден в classes.csv`, `class ${cls} not found`);
      continue;
    }
    const user = e.v.userSourcedId ?? '';
    if (!people.users.has(user)) {
      const deleted = ctx.table('users')?.rows.some((u) => u.v.sourcedId === user);
      if (deleted) ctx.warn('enrollments', e, 'userSourcedId', 'user_deleted', `пользователь «${user}» удалён (tobedeleted); запись не перенесена`, `user ${user} is marked deleted`);
      else ctx.error('enrollments', e, 'userSourcedId', 'dangling_reference', `пользователь «${user}» не найден в users.csv`, `user ${user} not found`);
      continue;
    }
    const role = (e.v.role ?? '').toLowerCase();
    if (role === 'student') {
      studentIds.add(user);
      const own = people.roleOf(user, schoolId);
      if (own !== 'student') {
        ctx.warn('enrollments', e, 'role', 'role_conflict', `пользователь «${user}» записан в класс как ученик, хотя его роль — ${own}; он перенесён и как ученик`,
          `user ${user} enrolled as student but has role ${own}`);
      }
    } else if (role === 'teacher') {
      teacherIds.add(user);
      const isPrimary = (e.v.primary ?? '').toLowerCase() === 'true';
      if (!teacherOf.has(cls) || (isPrimary && !primary.has(cls))) teacherOf.set(cls, user);
      if (isPrimary) primary.add(cls);
    }
    enrollments.push(e);
  }
  return { classes, enrollments, studentIds, teacherIds, teacherOf };
}

const titleGradeLetter = /^\s*(\d{1,2})\s*[-–«"]?\s*([А-ЯЁA-Z])["»]?\s*(?:класс)?\s*$/i;

/** classes, groups, subjects, enrollments and group members of one school. */
export function mapClasses(ctx: MapContext, sc: SchoolClasses, draft: BundleDraft, yearStart: string,
  staff: Set<string>, students: Set<string>): Set<string> {
  const courses = new Map(ctx.active('courses').map((c) => [c.v.sourcedId!, c]));
  const homerooms = new Set<string>();
  const groups = new Set<string>();
  const homeroomOf = new Map<string, string>();
  const file = (f: 'classes' | 'enrollments') => ctx.table(f)!.name;
  for (const c of sc.classes) {
    const id = c.v.sourcedId!;
    const teacher = sc.teacherOf.get(id);
    if (!teacher || !staff.has(teacher)) {
      ctx.error('classes', c, 'sourcedId', 'no_teacher', 'у класса нет учителя (нет записи enrollments с ролью teacher) — в Сводке у класса и группы обязателен учитель',
        'class has no teacher enrollment');
      continue;
    }
    if ((c.v.classType ?? '').toLowerCase() === 'homeroom') {
      const grades = splitList(c.v.grades || c.v.grade).map(Number);
      const m = titleGradeLetter.exec(c.v.title ?? '');
      const grade = m ? Number(m[1]) : grades.length === 1 ? grades[0]! : NaN;
      if (!Number.isInteger(grade) || grade < 1 || grade > 11) {
        ctx.error('classes', c, 'grades', 'bad_grade', `не удалось определить параллель класса (1–11): grades=«${c.v.grades ?? ''}», title=«${c.v.title ?? ''}»`,
          'cannot determine the grade (1-11) of a homeroom class');
        continue;
      }
      addRow(draft, 'classes', { class_id: id, grade: String(grade), letter: m ? m[2]!.toUpperCase() : (c.v.title || id), class_teacher_id: teacher,
        profile: c.v.ext_svodka_profile ?? '' },
        { file: file('classes'), line: c.line, columns: { class_id: 'sourcedId', grade: 'grades', letter: 'title', class_teacher_id: 'sourcedId' } });
      homerooms.add(id);
    }
  }
  for (const e of sc.enrollments) {
    if ((e.v.role ?? '').toLowerCase() !== 'student' || !homerooms.has(e.v.classSourcedId!)) continue;
    const from = ctx.date('enrollments', e, 'beginDate');
    const to = ctx.date('enrollments', e, 'endDate');
    if (from === null || to === null || !students.has(e.v.userSourcedId!)) continue;
    homeroomOf.set(e.v.userSourcedId!, e.v.classSourcedId!);
    addRow(draft, 'enrollments', { student_id: e.v.userSourcedId!, class_id: e.v.classSourcedId!, from_date: from || yearStart, to_date: to },
      { file: file('enrollments'), line: e.line, columns: { student_id: 'userSourcedId', class_id: 'classSourcedId', from_date: 'beginDate', to_date: 'endDate' } });
  }
  const subjects = new Map<string, { name: string; row: OneRosterRow; file: 'courses' | 'classes' }>();
  for (const c of sc.classes) {
    const id = c.v.sourcedId!;
    if (homerooms.has(id) || !sc.teacherOf.has(id) || !staff.has(sc.teacherOf.get(id)!)) continue;
    const courseId = c.v.courseSourcedId || `class:${id}`;
    const course = courses.get(courseId);
    if (!subjects.has(courseId)) {
      if (!course) {
        ctx.warn('classes', c, 'courseSourcedId', 'course_missing', `курс «${courseId}» не найден в courses.csv; название предмета взято из класса`,
          'course not found; subject name taken from the class');
      }
      subjects.set(courseId, course ? { name: course.v.title || courseId, row: course, file: 'courses' }
        : { name: c.v.subjects || c.v.title || courseId, row: c, file: 'classes' });
    }
    const members = sc.enrollments.filter((e) => e.v.classSourcedId === id && (e.v.role ?? '').toLowerCase() === 'student');
    const homes = new Set(members.map((e) => homeroomOf.get(e.v.userSourcedId!) ?? ''));
    const classId = homes.size === 1 ? [...homes][0]! : '';
    const memberIds = new Set(members.map((e) => e.v.userSourcedId!).filter((s) => students.has(s)));
    const classIds = [...homeroomOf].filter(([, k]) => k === classId).map(([s]) => s);
    // the whole class learns it: a `class` group, whose members are the class's enrolment
    const inferred = classId !== '' && classIds.length === memberIds.size && classIds.every((s) => memberIds.has(s)) ? 'class' : classId ? 'subgroup' : 'stream';
    const extKind = c.v.ext_svodka_kind ?? '';
    const kind = ['class', 'subgroup', 'stream', 'elective', 'club', 'iup'].includes(extKind) ? extKind : inferred;
    const whole = kind === 'class';
    addRow(draft, 'groups', { group_id: id, subject_id: courseId, class_id: c.v.ext_svodka_classId !== undefined ? c.v.ext_svodka_classId : classId,
      name: c.v.title || id, kind, teacher_id: sc.teacherOf.get(id)! },
    { file: file('classes'), line: c.line, columns: { group_id: 'sourcedId', subject_id: 'courseSourcedId', name: 'title', teacher_id: 'sourcedId' } });
    groups.add(id);
    for (const e of whole ? [] : members) {
      const from = ctx.date('enrollments', e, 'beginDate');
      const to = ctx.date('enrollments', e, 'endDate');
      if (from === null || to === null || !students.has(e.v.userSourcedId!)) continue;
      addRow(draft, 'group_members', { group_id: id, student_id: e.v.userSourcedId!, from_date: from || yearStart, to_date: to },
        { file: file('enrollments'), line: e.line, columns: { group_id: 'classSourcedId', student_id: 'userSourcedId', from_date: 'beginDate', to_date: 'endDate' } });
    }
  }
  for (const [id, s] of subjects) {
    const ext = s.file === 'courses' ? s.row.v.ext_svodka_component ?? '' : '';
    addRow(draft, 'subjects', { subject_id: id, name: s.name, component: ['federal', 'school', 'extracurricular', 'additional'].includes(ext) ? ext : 'federal' },
      { file: ctx.table(s.file)!.name, line: s.row.line, columns: { subject_id: 'sourcedId', name: s.file === 'courses' ? 'title' : 'subjects' } });
  }
  return groups;
}
