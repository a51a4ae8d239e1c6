-- marts.m_complete: one row per due lesson (M-COMPLETE, journal completeness) with when its topic, its
-- attendance and its homework section were entered (null = never entered) and whether homework is
-- expected: the class's grade (a stream: its members' lowest) is at least `homework_from_grade`
-- (config.rule_params M-COMPLETE, in effect on the lesson's day). A record with content but no entry
-- time counts from the lesson's day. The query counts lessons held by its as-of date.
with lessons as (
  select * from core.lessons where is_due
),
classes as (
  select * from staging.classes
),
group_spans as (
  select * from core.memberships_group
),
class_spans as (
  select * from core.memberships_class
),
params as (
  select * from core.rule_params where rule_id = 'M-COMPLETE' and param = 'homework_from_grade'
),
stream_grades as (
  select gs.school_id, gs.group_id, min(cs.grade) as grade
  from group_spans gs
  join class_spans cs on cs.school_id = gs.school_id and cs.student_id = gs.student_id
  where gs.class_id is null
  group by all
),
known as (
  select l.*,
    case when l.topic_id is not null or nullif(l.topic_text, '') is not null
         then coalesce(l.topic_entered_at, '-infinity'::timestamptz) end as topic_at,
    case when l.attendance_entered_at is not null
         then l.attendance_entered_at end as attendance_at,
    case when nullif(l.homework_text, '') is not null or l.homework_minutes is not null
         then coalesce(l.homework_entered_at, '-infinity'::timestamptz) end as homework_at
  from lessons l
),
final as (
  select k.school_id, k.lesson_id, k.group_id, k.class_id, k.subject_id, k.due_teacher_id as teacher_id, k.date,
         coalesce(c.grade, sg.grade) as grade,
         coalesce(coalesce(c.grade, sg.grade) >= p.value::integer, true) as homework_expected,
         k.topic_at, k.attendance_at, k.homework_at
  from known k
  left join classes c on c.school_id = k.school_id and c.class_id = k.class_id
  left join stream_grades sg on sg.school_id = k.school_id and sg.group_id = k.group_id
  left join params p on p.school_id = k.school_id and k.date >= p.valid_from and k.date < p.valid_to
)
select * from final
