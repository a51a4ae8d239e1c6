-- marts.m_missed: one row per missed lesson of a student (M-MISSED): attendance `absent`, `sick` or
-- `excused` (not `late`) of a due lesson, with the lesson's topic (its text, else the КТП title), the
-- student's class on that day, when the absence was recorded and when a `makeup` mark first
-- credited it (a makeup mark on that lesson, or on a lesson of the same group with the same topic).
with lessons as (
  select * from core.lessons
),
attendance as (
  select * from staging.attendance
),
marks as (
  select * from staging.marks
),
ktp as (
  select * from staging.ktp
),
class_spans as (
  select * from core.memberships_class
),
missed as (
  select a.school_id, a.student_id, l.lesson_id, l.date, l.subject_id, l.group_id, l.class_id as group_class_id,
         l.due_teacher_id as teacher_id, l.topic_id, coalesce(l.topic_text, k.title) as topic_text, a.status,
         a.entered_at as known_at
  from attendance a
  join lessons l on l.school_id = a.school_id and l.lesson_id = a.lesson_id
  left join ktp k on k.school_id = l.school_id and k.topic_id = l.topic_id
  where l.is_due and a.status in ('absent', 'sick', 'excused')
),
makeups as (
  select m.school_id, m.student_id, m.lesson_id, l.group_id, l.topic_id, m.entered_at as known_at
  from marks m
  join lessons l on l.school_id = m.school_id and l.lesson_id = m.lesson_id
  where coalesce(m.makeup, false)
),
made_up as (
  select x.school_id, x.student_id, x.lesson_id, min(mu.known_at) as made_up_at
  from missed x
  join makeups mu on mu.school_id = x.school_id and mu.student_id = x.student_id
   and (mu.lesson_id = x.lesson_id or (mu.group_id = x.group_id and mu.topic_id = x.topic_id))
  group by all
),
-- the student's class on the day (the later from_date where two cover it), once per student-day
class_on_day as (
  select d.school_id, d.student_id, d.date, arg_max(c.class_id, c.from_date) as class_id
  from (select distinct school_id, student_id, date from missed) d
  join class_spans c on c.school_id = d.school_id and c.student_id = d.student_id and d.date between c.from_date and c.until_date
  group by all
),
-- one row per absence: attendance is keyed by lesson and student, made_up is grouped by them
final as (
  select x.school_id, x.student_id, x.lesson_id, x.date, x.subject_id, x.topic_id, x.topic_text, x.status,
         c.class_id, x.group_id, x.teacher_id, x.known_at, mu.made_up_at
  from missed x
  left join made_up mu on mu.school_id = x.school_id and mu.student_id = x.student_id and mu.lesson_id = x.lesson_id
  left join class_on_day c on c.school_id = x.school_id and c.student_id = x.student_id and c.date = x.date
)
select * from final
