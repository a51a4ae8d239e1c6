-- R-CONTROL-WORK breaches as of $as_of (docs/rule-semantics.md): a due record is judged once due_at is at or
-- before the end of the as-of day (school's zone); missing (or entered after that) or late is a breach.
with scoped as (
  select r.*, coalesce($as_of::date, least(timezone(r.timezone, now())::date, s.year_ends_on)) as as_of
  from marts.r_control_work r
  join staging.schools s on s.school_id = r.school_id
  where ($school::varchar is null or r.school_id = $school)
    and ($class::varchar is null or r.class_id = $class)
    and ($group::varchar is null or r.group_id = $group)
    and ($teacher::varchar is null or r.teacher_id = $teacher)
    and ($subject::varchar is null or r.subject_id = $subject)
    and ($student::varchar is null or r.student_id = $student)
    and ($period::varchar is null or r.period_id = $period or (r.period_id is null and exists (
      select 1 from staging.periods p
      where p.school_id = r.school_id and p.period_id = $period and r.ref_date between p.starts_on and p.ends_on)))
    and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], r.school_id))
    and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], r.class_id)
         or (r.class_id is null and list_contains(coalesce($allowed_groups::varchar[], []), r.group_id)))
    and ($allowed_groups::varchar[] is null or list_contains($allowed_groups::varchar[], r.group_id))
    and ($allowed_students::varchar[] is null or r.student_id is null or list_contains($allowed_students::varchar[], r.student_id))
),
judged as (
  select *, case when entered_at <= as_of_end then entered_at end as known_at
  from (select *, local_midnight(as_of + 1, timezone) as as_of_end from scoped)
  where due_at <= as_of_end
)
select
  rule_id, school_id, teacher_id, class_id, group_id, subject_id, record_kind, record_id, student_id,
  iso_local(due_at, timezone) as due_at,
  iso_local(known_at, timezone) as entered_at,
  (case
    when known_at is null then null
    when opens_at is not null and known_at < opens_at then -ceil_minutes(known_at, opens_at)
    else ceil_minutes(due_at, known_at)
  end)::integer as late_minutes
from judged
where known_at is null or known_at > due_at or (opens_at is not null and known_at < opens_at)
order by school_id, due_at, record_id, student_id
