-- core.lessons: one row per lesson, with its group, class, subject, the teacher due, local start/end as
-- instants in the school's zone, the end of its day, the end of its class's last lesson that day and the
-- control work it holds. Feeds R-MARK-DAY, R-HOMEWORK, R-ATTENDANCE, R-TOPIC, R-SUBSTITUTION,
-- R-CONTROL-WORK, R-WRITTEN-WORK and the lesson-based M-* metrics.
-- `is_due`: held or planned (a past planned lesson = held with nothing entered; whether it is past is
-- decided by the query's as-of date). `effective_status` resolves `planned` against the build's clock
-- for screens that have no as-of date.
with lessons as (
  select * from staging.lessons
),
schools as (
  select school_id, timezone from staging.schools
),
groups as (
  select * from staging.groups
),
control_works as (
  select * from staging.control_works
),
cw_by_lesson as (
  select school_id, lesson_id, min(control_work_id) as control_work_id
  from control_works where lesson_id is not null group by all
),
joined as not materialized (
  select
    l.school_id, l.lesson_id, l.group_id, g.class_id, g.subject_id, g.kind as group_kind,
    l.date, l.lesson_no, l.starts_at, l.ends_at, l.status,
    l.status in ('held', 'planned') as is_due,
    l.teacher_id, l.conducted_by, coalesce(l.conducted_by, l.teacher_id) as due_teacher_id,
    l.conducted_by is not null and l.conducted_by <> l.teacher_id as is_substituted,
    l.substitution_recorded_at, l.moved_to_date,
    l.topic_id, l.topic_text, l.topic_entered_at, l.homework_text, l.homework_minutes, l.homework_entered_at,
    l.attendance_entered_at,
    coalesce(l.control_work_id, cl.control_work_id) as control_work_id,
    s.timezone,
    l.date + l.starts_at as local_start, l.date + l.ends_at as local_end, (l.date + 1)::timestamp as local_day_end
  from lessons l
  join schools s on s.school_id = l.school_id
  left join groups g on g.school_id = l.school_id and g.group_id = l.group_id
  left join cw_by_lesson cl on cl.school_id = l.school_id and cl.lesson_id = l.lesson_id
),
-- a zone conversion is costly: each distinct local time of a zone is converted once
local_times as (
  select distinct timezone, unnest([local_start, local_end, local_day_end]) as local_ts from joined
),
instants as (
  select timezone, local_ts, timezone(timezone, local_ts) as instant from local_times where local_ts is not null
),
timed as (
  select j.* exclude (local_start, local_end, local_day_end),
         st.instant as start_at, en.instant as end_at, de.instant as day_end_at
  from joined j
  left join instants st on st.timezone = j.timezone and st.local_ts = j.local_start
  left join instants en on en.timezone = j.timezone and en.local_ts = j.local_end
  left join instants de on de.timezone = j.timezone and de.local_ts = j.local_day_end
),
with_cw as not materialized (
  select j.*, cw.kind as control_work_kind
  from timed j
  left join control_works cw on cw.school_id = j.school_id and cw.control_work_id = j.control_work_id
),
-- the class's (a stream: the group's) due lessons of that day; a lesson not due has none of its own
class_days as (
  select school_id, coalesce(class_id, '#' || group_id) as class_key, date, max(end_at) filter (where is_due) as class_last_end_at
  from with_cw group by all
),
final as (
  select
    w.*,
    case when w.status = 'planned' and w.day_end_at <= now() then 'held' else w.status end as effective_status,
    d.class_last_end_at
  from with_cw w
  join class_days d on d.school_id = w.school_id and d.class_key = coalesce(w.class_id, '#' || w.group_id) and d.date = w.date
)
select * from final
