// The journal bundle v1 (../shared/spec/journal-bundle.md) as data: one source of truth for the raw
// tables, the import validator, the exporter and the demo generator.

export type ColumnType =
  | { kind: 'id' }
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'time' }
  | { kind: 'timestamp' }
  | { kind: 'int'; min?: number; max?: number }
  | { kind: 'number'; min?: number }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[]; open?: boolean }
  | { kind: 'mark' }
  | { kind: 'final_mark' };

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required: boolean;
  /** `file.column` this id must resolve to inside the bundle */
  ref?: { file: BundleFileName; column: string };
}

export interface FileSpec {
  file: BundleFileName;
  required: boolean;
  /** columns whose values are unique within the file (the record's identity) */
  key: readonly string[];
  columns: readonly ColumnSpec[];
}

export const bundleFileNames = [
  'manifest', 'periods', 'holidays', 'subjects', 'rooms', 'staff', 'classes', 'students',
  'enrollments', 'groups', 'group_members', 'curriculum', 'ktp', 'lessons', 'attendance', 'marks',
  'control_works', 'final_marks', 'guardians', 'parent_acks', 'recommendations', 'changes',
] as const;
export type BundleFileName = (typeof bundleFileNames)[number];

export const markScales = ['five_point', 'ten_point', 'pass_fail'] as const;
export type MarkScale = (typeof markScales)[number];
export const specialFinalValues = ['осв', 'н/а', 'безотм'] as const;

const id = { kind: 'id' } as const;
const text = { kind: 'text' } as const;
const date = { kind: 'date' } as const;
const time = { kind: 'time' } as const;
const ts = { kind: 'timestamp' } as const;
const bool = { kind: 'bool' } as const;
const en = (values: readonly string[], open = false): ColumnType => ({ kind: 'enum', values, open });

const c = (name: string, type: ColumnType, required = false, ref?: ColumnSpec['ref']): ColumnSpec =>
  ref ? { name, type, required, ref } : { name, type, required };
const r = (file: BundleFileName, column: string) => ({ file, column });

export const manifestKeys: readonly ColumnSpec[] = [
  c('format', en(['journal-bundle']), true),
  c('version', en(['1']), true),
  c('school_id', id, true),
  c('school_name', text, true),
  c('district_id', id),
  c('district_name', text),
  c('timezone', { kind: 'text' }, true),
  c('academic_year', text, true),
  c('year_starts_on', date, true),
  c('year_ends_on', date, true),
  c('mark_scale', en(markScales)),
  c('source_system', text),
  c('exported_at', ts),
];

export const bundleSpec: readonly FileSpec[] = [
  { file: 'manifest', required: true, key: ['key'], columns: [c('key', text, true), c('value', text, true)] },
  { file: 'periods', required: true, key: ['period_id'], columns: [
    c('period_id', id, true), c('name', text, true),
    c('kind', en(['quarter', 'trimester', 'half_year', 'year', 'module']), true),
    c('starts_on', date, true), c('ends_on', date, true)] },
  { file: 'holidays', required: true, key: ['holiday_id'], columns: [
    c('holiday_id', id, true), c('name', text, true), c('starts_on', date, true), c('ends_on', date, true)] },
  { file: 'subjects', required: true, key: ['subject_id'], columns: [
    c('subject_id', id, true), c('name', text, true),
    c('component', en(['federal', 'school', 'extracurricular', 'additional']), true)] },
  { file: 'rooms', required: false, key: ['room_id'], columns: [
    c('room_id', id, true), c('name', text, true), c('capacity', { kind: 'int', min: 0 })] },
  { file: 'staff', required: true, key: ['staff_id'], columns: [
    c('staff_id', id, true), c('full_name', text, true),
    c('position', en(['director', 'deputy', 'teacher', 'admin', 'other']), true), c('email', text)] },
  { file: 'classes', required: true, key: ['class_id'], columns: [
    c('class_id', id, true), c('grade', { kind: 'int', min: 1, max: 11 }, true), c('letter', text, true),
    c('class_teacher_id', id, true, r('staff', 'staff_id')),
    c('profile', en(['universal', 'science', 'humanities', 'socio_economic', 'technological'], true))] },
  { file: 'students', required: true, key: ['student_id'], columns: [
    c('student_id', id, true), c('full_name', text, true), c('birth_date', date), c('iup', bool)] },
  { file: 'enrollments', required: true, key: ['student_id', 'class_id', 'from_date'], columns: [
    c('student_id', id, true, r('students', 'student_id')), c('class_id', id, true, r('classes', 'class_id')),
    c('from_date', date, true), c('to_date', date),
    c('reason_in', en(['admitted', 'moved_class', 'transferred', 'left', 'graduated'])),
    c('reason_out', en(['admitted', 'moved_class', 'transferred', 'left', 'graduated']))] },
  { file: 'groups', required: true, key: ['group_id'], columns: [
    c('group_id', id, true), c('subject_id', id, true, r('subjects', 'subject_id')),
    c('class_id', id, false, r('classes', 'class_id')), c('name', text, true),
    c('kind', en(['class', 'subgroup', 'stream', 'elective', 'club', 'iup']), true),
    c('teacher_id', id, true, r('staff', 'staff_id')), c('hours_per_week', { kind: 'number', min: 0 })] },
  { file: 'group_members', required: false, key: ['group_id', 'student_id', 'from_date'], columns: [
    c('group_id', id, true, r('groups', 'group_id')), c('student_id', id, true, r('students', 'student_id')),
    c('from_date', date, true), c('to_date', date)] },
  { file: 'curriculum', required: true, key: ['class_id', 'subject_id', 'student_id'], columns: [
    c('class_id', id, true, r('classes', 'class_id')), c('subject_id', id, true, r('subjects', 'subject_id')),
    c('hours_per_year', { kind: 'number', min: 0 }, true), c('hours_per_week', { kind: 'number', min: 0 }),
    c('student_id', id, false, r('students', 'student_id'))] },
  { file: 'ktp', required: true, key: ['topic_id'], columns: [
    c('topic_id', id, true), c('group_id', id, true, r('groups', 'group_id')), c('seq', { kind: 'int', min: 0 }, true),
    c('title', text, true), c('planned_date', date, true), c('hours', { kind: 'number', min: 0 })] },
  { file: 'lessons', required: true, key: ['lesson_id'], columns: [
    c('lesson_id', id, true), c('group_id', id, true, r('groups', 'group_id')), c('date', date, true),
    c('lesson_no', { kind: 'int', min: 0, max: 20 }), c('starts_at', time, true), c('ends_at', time, true),
    c('teacher_id', id, true, r('staff', 'staff_id')), c('conducted_by', id, false, r('staff', 'staff_id')),
    c('substitution_recorded_at', ts), c('status', en(['planned', 'held', 'cancelled', 'moved']), true),
    c('moved_to_date', date), c('topic_id', id, false, r('ktp', 'topic_id')), c('topic_text', text),
    c('topic_entered_at', ts), c('homework_text', text), c('homework_minutes', { kind: 'int', min: 0, max: 600 }),
    c('homework_entered_at', ts), c('attendance_entered_at', ts),
    c('control_work_id', id, false, r('control_works', 'control_work_id'))] },
  { file: 'attendance', required: true, key: ['lesson_id', 'student_id'], columns: [
    c('lesson_id', id, true, r('lessons', 'lesson_id')), c('student_id', id, true, r('students', 'student_id')),
    c('status', en(['absent', 'sick', 'excused', 'late']), true), c('entered_at', ts, true),
    c('entered_by', id, true, r('staff', 'staff_id'))] },
  { file: 'marks', required: true, key: ['mark_id'], columns: [
    c('mark_id', id, true), c('lesson_id', id, true, r('lessons', 'lesson_id')),
    c('student_id', id, true, r('students', 'student_id')), c('value', { kind: 'mark' }, true),
    c('work_type', en(['oral', 'written', 'homework', 'test', 'control', 'essay', 'practical', 'project'], true), true),
    c('weight', { kind: 'number', min: 0 }), c('entered_at', ts, true), c('entered_by', id, true, r('staff', 'staff_id')),
    c('makeup', bool), c('comment', text)] },
  { file: 'control_works', required: true, key: ['control_work_id'], columns: [
    c('control_work_id', id, true), c('group_id', id, true, r('groups', 'group_id')),
    c('kind', en(['vshk', 'written', 'essay', 'test']), true), c('title', text, true), c('planned_date', date, true),
    c('lesson_id', id, false, r('lessons', 'lesson_id'))] },
  { file: 'final_marks', required: true, key: ['student_id', 'subject_id', 'period_id'], columns: [
    c('student_id', id, true, r('students', 'student_id')), c('subject_id', id, true, r('subjects', 'subject_id')),
    c('period_id', id, true, r('periods', 'period_id')), c('value', { kind: 'final_mark' }), c('entered_at', ts),
    c('entered_by', id, false, r('staff', 'staff_id')), c('deferred_until', date), c('group_id', id, false, r('groups', 'group_id'))] },
  { file: 'guardians', required: false, key: ['guardian_id', 'student_id'], columns: [
    c('guardian_id', id, true), c('student_id', id, true, r('students', 'student_id')), c('full_name', text, true),
    c('relation', text), c('email', text), c('phone', text), c('consent', en(['given', 'refused'])),
    c('consent_recorded_at', ts), c('channel', en(['web', 'email', 'sms', 'paper']))] },
  { file: 'parent_acks', required: false, key: ['guardian_id', 'student_id', 'acknowledged_at'], columns: [
    c('guardian_id', id, true), c('student_id', id, true, r('students', 'student_id')),
    c('acknowledged_at', ts, true), c('covers_until', date, true)] },
  { file: 'recommendations', required: false, key: ['recommendation_id'], columns: [
    c('recommendation_id', id, true), c('student_id', id, true, r('students', 'student_id')),
    c('teacher_id', id, true, r('staff', 'staff_id')), c('text', text, true), c('created_at', ts, true)] },
  { file: 'changes', required: false, key: [], columns: [
    c('changed_at', ts, true), c('actor_id', id, true), c('action', en(['create', 'update', 'delete']), true),
    c('entity', en(['mark', 'final_mark', 'lesson', 'attendance'], true), true), c('entity_id', id, true),
    c('field', text), c('old_value', text), c('new_value', text)] },
];

export const fileSpec = (file: BundleFileName): FileSpec => {
  const spec = bundleSpec.find((f) => f.file === file);
  if (!spec) throw new Error(`unknown bundle file ${file}`);
  return spec;
};
