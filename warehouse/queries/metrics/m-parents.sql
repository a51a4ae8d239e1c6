-- M-PARENTS per class on $as_of: its students then, their guardians, consent given / refused / not recorded
-- by then, guardians who acknowledged the diary within the last 7 days (as-of day included), paper-extract
-- recipients; ack_rate = share of guardians who acknowledged.
with as_of_by_school as (
  select school_id, as_of, local_midnight(as_of + 1, timezone) as as_of_end
  from (select school_id, timezone, coalesce($as_of::date, least(timezone(timezone, now())::date, year_ends_on)) as as_of
        from staging.schools)
),
scoped as (
  select m.*, s.as_of, s.as_of_end
  from marts.m_parents m
  join as_of_by_school s on s.school_id = m.school_id
  where ($school::varchar is null or m.school_id = $school)
    and ($class::varchar is null or m.class_id = $class)
    and ($student::varchar is null or m.student_id = $student)
    and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], m.school_id))
    and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], m.class_id))
    and ($allowed_students::varchar[] is null or list_contains($allowed_students::varchar[], m.student_id))
),
current as (
  select *,
    case when consent is not null and (consent_on is null or consent_on <= as_of) then consent end as consent_known,
    len(list_filter(ack_days, lambda d: d between as_of - 6 and as_of)) > 0 as acknowledged
  from scoped
  where as_of between from_date and until_date
)
select
  school_id, class_id,
  count(distinct student_id)::integer as students,
  count(guardian_id)::integer as guardians,
  count(guardian_id) filter (where consent_known = 'given')::integer as consent_given,
  count(guardian_id) filter (where consent_known = 'refused')::integer as consent_refused,
  count(guardian_id) filter (where consent_known is null)::integer as consent_missing,
  count(guardian_id) filter (where acknowledged)::integer as acknowledged_7d,
  100.0::double * count(guardian_id) filter (where acknowledged) / nullif(count(guardian_id), 0) as ack_rate,
  count(guardian_id) filter (where channel = 'paper')::integer as paper_recipients,
  count(distinct student_id) filter (where guardian_id is null)::integer as students_without_guardian
from current
group by school_id, class_id
order by school_id, class_id
