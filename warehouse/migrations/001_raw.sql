-- Raw layer: one table per file of the journal bundle v1 (../shared/spec/journal-bundle.md),
-- typed, with school_id on every row. Only ingest/ writes here.
create schema if not exists raw;

create table raw.schools (
  school_id varchar not null, school_name varchar not null, district_id varchar, district_name varchar,
  timezone varchar not null, academic_year varchar not null, year_starts_on date not null, year_ends_on date not null,
  mark_scale varchar not null default 'five_point' check (mark_scale in ('five_point', 'ten_point', 'pass_fail')),
  source_system varchar, exported_at timestamptz
);
create table raw.periods (
  school_id varchar not null, period_id varchar not null, name varchar not null,
  kind varchar not null check (kind in ('quarter', 'trimester', 'half_year', 'year', 'module')),
  starts_on date not null, ends_on date not null
);
create table raw.holidays (
  school_id varchar not null, holiday_id varchar not null, name varchar not null, starts_on date not null, ends_on date not null
);
create table raw.subjects (
  school_id varchar not null, subject_id varchar not null, name varchar not null,
  component varchar not null check (component in ('federal', 'school', 'extracurricular', 'additional'))
);
create table raw.rooms (school_id varchar not null, room_id varchar not null, name varchar not null, capacity integer);
create table raw.staff (
  school_id varchar not null, staff_id varchar not null, full_name varchar not null,
  position varchar not null check (position in ('director', 'deputy', 'teacher', 'admin', 'other')), email varchar
);
create table raw.classes (
  school_id varchar not null, class_id varchar not null, grade integer not null check (grade between 1 and 11),
  letter varchar not null, class_teacher_id varchar not null, profile varchar
);
create table raw.students (
  school_id varchar not null, student_id varchar not null, full_name varchar not null, birth_date date, iup boolean
);
create table raw.enrollments (
  school_id varchar not null, student_id varchar not null, class_id varchar not null, from_date date not null, to_date date,
  reason_in varchar, reason_out varchar
);
create table raw.groups (
  school_id varchar not null, group_id varchar not null, subject_id varchar not null, class_id varchar, name varchar not null,
  kind varchar not null check (kind in ('class', 'subgroup', 'stream', 'elective', 'club', 'iup')),
  teacher_id varchar not null, hours_per_week double
);
create table raw.group_members (
  school_id varchar not null, group_id varchar not null, student_id varchar not null, from_date date not null, to_date date
);
create table raw.curriculum (
  school_id varchar not null, class_id varchar not null, subject_id varchar not null, hours_per_year double not null,
  hours_per_week double, student_id varchar
);
create table raw.ktp (
  school_id varchar not null, topic_id varchar not null, group_id varchar not null, seq integer not null,
  title varchar not null, planned_date date not null, hours double
);
create table raw.lessons (
  school_id varchar not null, lesson_id varchar not null, group_id varchar not null, date date not null, lesson_no integer,
  starts_at time not null, ends_at time not null, teacher_id varchar not null, conducted_by varchar,
  substitution_recorded_at timestamptz,
  status varchar not null check (status in ('planned', 'held', 'cancelled', 'moved')), moved_to_date date,
  topic_id varchar, topic_text varchar, topic_entered_at timestamptz, homework_text varchar, homework_minutes integer,
  homework_entered_at timestamptz, attendance_entered_at timestamptz, control_work_id varchar
);
create table raw.attendance (
  school_id varchar not null, lesson_id varchar not null, student_id varchar not null,
  status varchar not null check (status in ('absent', 'sick', 'excused', 'late')),
  entered_at timestamptz not null, entered_by varchar not null
);
create table raw.marks (
  school_id varchar not null, mark_id varchar not null, lesson_id varchar not null, student_id varchar not null,
  value varchar not null, work_type varchar not null, weight double, entered_at timestamptz not null,
  entered_by varchar not null, makeup boolean, comment varchar
);
create table raw.control_works (
  school_id varchar not null, control_work_id varchar not null, group_id varchar not null,
  kind varchar not null check (kind in ('vshk', 'written', 'essay', 'test')), title varchar not null,
  planned_date date not null, lesson_id varchar
);
create table raw.final_marks (
  school_id varchar not null, student_id varchar not null, subject_id varchar not null, period_id varchar not null,
  value varchar, entered_at timestamptz, entered_by varchar, deferred_until date, group_id varchar
);
create table raw.guardians (
  school_id varchar not null, guardian_id varchar not null, student_id varchar not null, full_name varchar not null,
  relation varchar, email varchar, phone varchar, consent varchar check (consent in ('given', 'refused')),
  consent_recorded_at timestamptz, channel varchar check (channel in ('web', 'email', 'sms', 'paper'))
);
create table raw.parent_acks (
  school_id varchar not null, guardian_id varchar not null, student_id varchar not null,
  acknowledged_at timestamptz not null, covers_until date not null
);
create table raw.recommendations (
  school_id varchar not null, recommendation_id varchar not null, student_id varchar not null, teacher_id varchar not null,
  text varchar not null, created_at timestamptz not null
);
create table raw.changes (
  school_id varchar not null, changed_at timestamptz not null, actor_id varchar not null,
  action varchar not null check (action in ('create', 'update', 'delete')), entity varchar not null,
  entity_id varchar not null, field varchar, old_value varchar, new_value varchar
);

-- Every import (bundle, OneRoster, XLSX, native entry) is one batch.
create table raw.import_batch (
  batch_id varchar not null primary key, school_id varchar, source varchar not null, format varchar not null,
  content_hash varchar, file_hashes json, counts json, rejected integer not null default 0, report json,
  actor varchar, status varchar not null check (status in ('applied', 'unchanged', 'rejected', 'dry_run')),
  started_at timestamptz not null, finished_at timestamptz
);

-- Hash-chained audit log: every write appends here in the same transaction (DESIGN.md "Audit").
create table raw.audit_log (
  seq bigint not null primary key, occurred_at timestamptz not null, actor varchar not null, action varchar not null,
  entity varchar not null, entity_id varchar not null, school_id varchar, before json, after json,
  prev_hash varchar not null, hash varchar not null
);
