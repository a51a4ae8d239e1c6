-- M-COMPLETE per teacher × group as of $as_of: held lessons (date up to then) with a topic, with attendance taken,
-- with the homework section filled where homework is expected; each known by the end of the as-of day.
with as_of_by_school as (
  select school_id, as_of, local_midnight(as_of + 1, timezone) as as_of_end
  from (select school_id, timezone, coalesce($as_of::date, least(timezone(timezone, now())::date, year_ends_on)) as as_of
        from staging.schools)
),
scoped as (
  select m.*, s.as_of, s.as_of_end
  from marts.m_complete m
  join as_of_by_school s on s.school_id = m.school_id
  where ($school::varchar is null or m.school_id = $school)
    and ($class::varchar is null or m.class_id = $class)
    and ($group::varchar is null or m.group_id = $group)
    and ($teacher::varchar is null or m.teacher_id = $teacher)
    and ($subject::varchar is null or m.subject_id = $subject)
    and ($period::varchar is null or exists (
      select 1 from staging.periods p
      where p.school_id = m.school_id and p.period_id = $period and m.date between p.starts_on and p.ends_on))
    and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], m.school_id))
    and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], m.class_id))
    and ($allowed_groups::varchar[] is null or list_contains($allowed_groups::varchar[], m.group_id))
),
held as (
  select *,
    topic_at <= as_of_end as has_topic,
    attendance_at <= as_of_end as has_attendance,
    homework_at <= as_of_end as has_homework
  from scoped
  where date <= as_of
)
select
  school_id, teacher_id, group_id, any_value(class_id) as class_id, any_value(subject_id) as subject_id,
  count(*)::integer as held_lessons,
  count(*) filter (where has_topic)::integer as with_topic,
  100.0::double * count(*) filter (where has_topic) / count(*) as topic_rate,
  count(*) filter (where has_attendance)::integer as with_attendance,
  100.0::double * count(*) filter (where has_attendance) / count(*) as attendance_rate,
  count(*) filter (where homework_expected)::integer as homework_due,
  count(*) filter (where homework_expected and has_homework)::integer as with_homework,
  100.0::double * count(*) filter (where homework_expected and has_homework) / nullif(count(*) filter (where homework_expected), 0) as homework_rate,
  count(*) filter (where coalesce(has_topic, false) and coalesce(has_attendance, false)
                   and (not homework_expected or coalesce(has_homework, false)))::integer as complete_lessons,
  100.0::double * count(*) filter (where coalesce(has_topic, false) and coalesce(has_attendance, false)
                   and (not homework_expected or coalesce(has_homework, false))) / count(*) as complete_rate
from held
group by school_id, teacher_id, group_id
order by school_id, teacher_id, group_id
