-- M-SUBST per scheduled teacher × group as of $as_of: lessons of the timetable up to then, those conducted
-- by another teacher (held or past planned), cancelled and moved.
with as_of_by_school as (
  select school_id, as_of, local_midnight(as_of + 1, timezone) as as_of_end
  from (select school_id, timezone, coalesce($as_of::date, least(timezone(timezone, now())::date, year_ends_on)) as as_of
        from staging.schools)
),
scoped as (
  select m.*, s.as_of, s.as_of_end
  from marts.m_subst m
  join as_of_by_school s on s.school_id = m.school_id
  where ($school::varchar is null or m.school_id = $school)
    and ($class::varchar is null or m.class_id = $class)
    and ($group::varchar is null or m.group_id = $group)
    and ($subject::varchar is null or m.subject_id = $subject)
    and ($period::varchar is null or exists (
      select 1 from staging.periods p
      where p.school_id = m.school_id and p.period_id = $period and m.date between p.starts_on and p.ends_on))
    and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], m.school_id))
    and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], m.class_id))
    and ($allowed_groups::varchar[] is null or list_contains($allowed_groups::varchar[], m.group_id))
    and ($teacher::varchar is null or m.teacher_id = $teacher)
)
select
  school_id, teacher_id, group_id, any_value(class_id) as class_id, any_value(subject_id) as subject_id,
  sum(lessons)::integer as lessons,
  coalesce(sum(lessons) filter (where substitute_id is not null and status in ('held', 'planned')), 0)::integer as substituted,
  coalesce(sum(lessons) filter (where status = 'cancelled'), 0)::integer as cancelled,
  coalesce(sum(lessons) filter (where status = 'moved'), 0)::integer as moved
from scoped
where date <= as_of
group by school_id, teacher_id, group_id
order by school_id, teacher_id, group_id
