-- M-PLAN per class × subject as of $as_of: hours held (lessons) against the year's curriculum hours.
with as_of_by_school as (
  select school_id, as_of, local_midnight(as_of + 1, timezone) as as_of_end
  from (select school_id, timezone, coalesce($as_of::date, least(timezone(timezone, now())::date, year_ends_on)) as as_of
        from staging.schools)
),
scoped as (
  select m.*, s.as_of, s.as_of_end
  from marts.m_plan m
  join as_of_by_school s on s.school_id = m.school_id
  where ($school::varchar is null or m.school_id = $school)
    and ($class::varchar is null or m.class_id = $class)
    and ($subject::varchar is null or m.subject_id = $subject)
    and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], m.school_id))
    and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], m.class_id))
),
per_subject as (
  select school_id, class_id, any_value(grade) as grade, any_value(profile) as profile, subject_id,
         any_value(planned_hours) as planned_hours,
         coalesce(max(len(list_filter(lesson_days, lambda d: d <= as_of))), 0)::integer as held_hours
  from scoped
  group by school_id, class_id, subject_id
)
select school_id, class_id, profile, grade, subject_id, planned_hours as hours_planned, held_hours as hours_held,
       100.0::double * held_hours / nullif(planned_hours, 0) as execution_rate
from per_subject
order by school_id, class_id, subject_id
