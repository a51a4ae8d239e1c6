-- M-SUBST per teacher as of $as_of: his timetable's lessons conducted by others, cancelled and moved,
-- and the lessons he conducted for other teachers.
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
),
dated as (
  select * from scoped where date <= as_of
),
per_teacher as (
  select school_id, teacher_id, lessons, substitute_id is not null and status in ('held', 'planned') as substituted,
         status, 0 as for_others
  from dated
  union all
  select school_id, substitute_id as teacher_id, 0, false, null, lessons
  from dated where substitute_id is not null and status in ('held', 'planned')
)
select
  school_id, teacher_id,
  sum(lessons)::integer as lessons,
  coalesce(sum(lessons) filter (where substituted), 0)::integer as substituted,
  coalesce(sum(lessons) filter (where status = 'cancelled'), 0)::integer as cancelled,
  coalesce(sum(lessons) filter (where status = 'moved'), 0)::integer as moved,
  sum(for_others)::integer as conducted_for_others
from per_teacher
where $teacher::varchar is null or teacher_id = $teacher
group by school_id, teacher_id
order by school_id, teacher_id
