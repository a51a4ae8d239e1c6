-- M-PLAN per class (all subjects of its plan) as of $as_of; the profile is the class's.
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
select school_id, class_id, any_value(profile) as profile, any_value(grade) as grade,
       sum(planned_hours)::double as hours_planned,
       sum(held_hours) filter (where planned_hours is not null)::integer as hours_held,
       100.0::double * sum(held_hours) filter (where planned_hours is not null) / nullif(sum(planned_hours), 0) as execution_rate
from per_subject
group by school_id, class_id
order by school_id, class_id
