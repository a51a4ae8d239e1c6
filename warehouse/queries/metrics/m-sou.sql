-- M-PASS / M-QUALITY / M-SOU / M-AVG per class × subject × period (spec "Query output"); as of $as_of.
with as_of_by_school as (
  select school_id, as_of, local_midnight(as_of + 1, timezone) as as_of_end
  from (select school_id, timezone, coalesce($as_of::date, least(timezone(timezone, now())::date, year_ends_on)) as as_of
        from staging.schools)
),
cells as (
  select m.*, s.as_of, s.as_of_end
  from marts.m_pass m
  join as_of_by_school s on s.school_id = m.school_id
  where ($school::varchar is null or m.school_id = $school)
    and ($class::varchar is null or m.class_id = $class)
    and ($subject::varchar is null or m.subject_id = $subject)
    and ($period::varchar is null or m.period_id = $period)
    and ($student::varchar is null or m.student_id = $student)
    and ($group::varchar is null or list_contains(m.group_ids, $group))
    and ($teacher::varchar is null or list_contains(m.teacher_ids, $teacher))
    and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], m.school_id))
    and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], m.class_id))
    and ($allowed_groups::varchar[] is null or list_has_any($allowed_groups::varchar[], m.group_ids))
    and ($allowed_students::varchar[] is null or list_contains($allowed_students::varchar[], m.student_id))
),
-- a final entered after the as-of date is not there yet; a period not ended by then has no finals due
statuses as (
  select *,
    case when value is not null and (entered_at is null or entered_at <= as_of_end) then (case when left_out then 'left_out' else 'final' end)
         when deferred_until > as_of then 'deferred'
         else 'missing' end as status
  from cells
  where period_ends_on <= as_of
),
counted as (
  select * from statuses where status = 'final' or (status = 'missing' and denominator = 'enrolled')
)
select
  school_id, class_id, subject_id, period_id,
  count(*)::integer as students,
  count(*) filter (where passed)::integer as passed,
  100.0::double * count(*) filter (where passed) / count(*) as pass_rate,
  case when any_value(mark_scale) = 'pass_fail' then null else 100.0::double * count(*) filter (where quality) / count(*) end as quality_rate,
  case when any_value(mark_scale) = 'five_point' then sum(sou_points)::double / count(*) end as sou,
  avg(numeric_value) filter (where status = 'final')::double as avg_mark
from counted
group by school_id, class_id, subject_id, period_id
order by school_id, class_id, subject_id, period_id
