-- M-FILL per student × group × period as of $as_of: current marks known by then in lessons up to then,
-- against the period kind's minimum; periods not started by the as-of date are left out.
with as_of_by_school as (
  select school_id, as_of, local_midnight(as_of + 1, timezone) as as_of_end
  from (select school_id, timezone, coalesce($as_of::date, least(timezone(timezone, now())::date, year_ends_on)) as as_of
        from staging.schools)
),
cells as (
  select m.*, s.as_of, s.as_of_end
  from marts.m_fill m
  join as_of_by_school s on s.school_id = m.school_id
  where ($school::varchar is null or m.school_id = $school)
    and ($class::varchar is null or m.class_id = $class)
    and ($group::varchar is null or m.group_id = $group)
    and ($teacher::varchar is null or m.teacher_id = $teacher)
    and ($subject::varchar is null or m.subject_id = $subject)
    and ($period::varchar is null or m.period_id = $period)
    and ($student::varchar is null or m.student_id = $student)
    and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], m.school_id))
    and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], m.class_id))
    and ($allowed_groups::varchar[] is null or list_contains($allowed_groups::varchar[], m.group_id))
    and ($allowed_students::varchar[] is null or list_contains($allowed_students::varchar[], m.student_id))
),
counted as (
  select *,
    len(list_filter(mark_entries, lambda k: k <= as_of_end))::integer as marks,
    len(list_filter(lesson_days, lambda d: d <= as_of))::integer as lessons
  from cells
  where period_starts_on <= as_of
)
select
  school_id, student_id, group_id, subject_id, period_id, marks, required, marks >= required as reached,
  class_id, teacher_id, lessons, marks::double / nullif(lessons, 0) as marks_per_lesson
from counted
order by school_id, group_id, period_id, student_id
