-- M-COVERAGE per group as of $as_of: held lessons against the curriculum's hours per year prorated by
-- the school days elapsed (core.school_days); КТП topics planned by then against those a held lesson
-- covered by then, and the ids of the topics not covered (by КТП order).
with as_of_by_school as (
  select school_id, as_of, local_midnight(as_of + 1, timezone) as as_of_end
  from (select school_id, timezone, coalesce($as_of::date, least(timezone(timezone, now())::date, year_ends_on)) as as_of
        from staging.schools)
),
scoped as (
  select m.*, s.as_of, s.as_of_end
  from marts.m_coverage m
  join as_of_by_school s on s.school_id = m.school_id
  where ($school::varchar is null or m.school_id = $school)
    and ($class::varchar is null or m.class_id = $class)
    and ($group::varchar is null or m.group_id = $group)
    and ($teacher::varchar is null or m.teacher_id = $teacher)
    and ($subject::varchar is null or m.subject_id = $subject)
    and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], m.school_id))
    and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], m.class_id))
    and ($allowed_groups::varchar[] is null or list_contains($allowed_groups::varchar[], m.group_id))
),
days as (
  select d.school_id, a.as_of,
         count(*) filter (where d.is_school_day)::double as year_days,
         count(*) filter (where d.is_school_day and d.date <= a.as_of)::double as elapsed_days
  from core.school_days d
  join (select distinct school_id, as_of from scoped) a on a.school_id = d.school_id
  group by all
),
measured as (
  select x.*,
    x.hours_per_year * d.elapsed_days / nullif(d.year_days, 0) as planned_hours,
    len(list_filter(x.lesson_days, lambda l: l <= x.as_of))::integer as held_lessons,
    list_filter(coalesce(x.topics, []), lambda t: t.planned_date <= x.as_of) as due_topics
  from scoped x
  join days d on d.school_id = x.school_id and d.as_of = x.as_of
)
select
  school_id, class_id, group_id, subject_id, as_of::varchar as as_of, planned_hours, held_lessons,
  100.0::double * held_lessons / nullif(planned_hours, 0) as coverage,
  len(due_topics)::integer as topics_due,
  len(list_filter(due_topics, lambda t: t.covered_on <= as_of))::integer as topics_done,
  list_transform(list_filter(due_topics, lambda t: t.covered_on is null or t.covered_on > as_of), lambda t: t.topic_id) as missed_topic_ids,
  teacher_id, hours_per_year
from measured
order by school_id, class_id nulls last, group_id
