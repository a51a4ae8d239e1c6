-- M-TIMELY per teacher × group × rule as of $as_of: due records judged by then (due by the end of that day) and the
-- share entered on time (docs/rule-semantics.md); rates 0–100.
with as_of_by_school as (
  select school_id, as_of, local_midnight(as_of + 1, timezone) as as_of_end
  from (select school_id, timezone, coalesce($as_of::date, least(timezone(timezone, now())::date, year_ends_on)) as as_of
        from staging.schools)
),
scoped as (
  select m.*, s.as_of, s.as_of_end
  from marts.m_timely m
  join as_of_by_school s on s.school_id = m.school_id
  where ($school::varchar is null or m.school_id = $school)
    and ($class::varchar is null or m.class_id = $class)
    and ($group::varchar is null or m.group_id = $group)
    and ($teacher::varchar is null or m.teacher_id = $teacher)
    and ($subject::varchar is null or m.subject_id = $subject)
    and ($period::varchar is null or m.period_id = $period or (m.period_id is null and exists (
      select 1 from staging.periods p
      where p.school_id = m.school_id and p.period_id = $period and m.ref_date between p.starts_on and p.ends_on)))
    and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], m.school_id))
    and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], m.class_id))
    and ($allowed_groups::varchar[] is null or list_contains($allowed_groups::varchar[], m.group_id))
),
judged as (
  select * from scoped where due_at <= as_of_end
)
select
  school_id, teacher_id, group_id, any_value(class_id) as class_id, any_value(subject_id) as subject_id, rule_id,
  sum(records)::integer as judged,
  coalesce(sum(records) filter (where on_time), 0)::integer as on_time,
  coalesce(sum(records) filter (where not on_time), 0)::integer as late_or_missing,
  100.0::double * coalesce(sum(records) filter (where on_time), 0) / sum(records) as timely_rate
from judged
group by school_id, teacher_id, group_id, rule_id
order by school_id, teacher_id, group_id, rule_id
