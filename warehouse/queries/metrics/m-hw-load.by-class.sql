-- M-HW-LOAD per class up to $as_of: school days, days over the grade's norm (listed), largest and mean load.
with as_of_by_school as (
  select school_id, as_of, local_midnight(as_of + 1, timezone) as as_of_end
  from (select school_id, timezone, coalesce($as_of::date, least(timezone(timezone, now())::date, year_ends_on)) as as_of
        from staging.schools)
),
scoped as (
  select m.*, s.as_of, s.as_of_end
  from marts.m_hw_load m
  join as_of_by_school s on s.school_id = m.school_id
  where ($school::varchar is null or m.school_id = $school)
    and ($class::varchar is null or m.class_id = $class)
    and ($period::varchar is null or exists (
      select 1 from staging.periods p
      where p.school_id = m.school_id and p.period_id = $period and m.date between p.starts_on and p.ends_on))
    and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], m.school_id))
    and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], m.class_id))
),
dated as (
  select * from scoped where date <= as_of
)
select
  school_id, class_id, any_value(grade) as grade, any_value(norm_minutes) as norm_minutes,
  count(*)::integer as days,
  count(*) filter (where homework_minutes > norm_minutes)::integer as days_over_norm,
  max(homework_minutes)::integer as max_minutes,
  avg(homework_minutes)::double as avg_minutes,
  coalesce(list(date::varchar order by date) filter (where homework_minutes > norm_minutes), []) as over_norm_dates
from dated
group by school_id, class_id
order by school_id, class_id
