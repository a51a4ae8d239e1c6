-- Director's summary of every R-* rule as of $as_of, per school (teacher_id null) and per teacher × school:
-- records judged, breaches, share on time (timeliness) and share entered at all by then (completeness).
-- Judging as in queries/metrics/r-*.sql (docs/rule-semantics.md).
with due as (
  select * from marts.r_mark_day
  union all by name select * from marts.r_homework
  union all by name select * from marts.r_attendance
  union all by name select * from marts.r_topic
  union all by name select * from marts.r_substitution
  union all by name select * from marts.r_control_work
  union all by name select * from marts.r_written_work
  union all by name select * from marts.r_period_final
  union all by name select * from marts.r_finals_lock
  union all by name select * from marts.r_setup
  union all by name select * from marts.r_archive
),
scoped as (
  select d.*, coalesce($as_of::date, least(timezone(d.timezone, now())::date, s.year_ends_on)) as as_of
  from due d
  join staging.schools s on s.school_id = d.school_id
  where ($school::varchar is null or d.school_id = $school)
    and ($teacher::varchar is null or d.teacher_id = $teacher)
    and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], d.school_id))
    and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], d.class_id)
         or (d.class_id is null and list_contains(coalesce($allowed_groups::varchar[], []), d.group_id)))
    and ($allowed_groups::varchar[] is null or list_contains($allowed_groups::varchar[], d.group_id))
),
judged as (
  select *, case when entered_at <= as_of_end then entered_at end as known_at
  from (select *, local_midnight(as_of + 1, timezone) as as_of_end from scoped)
  where (rule_id = 'R-FINALS-LOCK' and entered_at <= as_of_end) or (rule_id <> 'R-FINALS-LOCK' and due_at <= as_of_end)
),
flagged as (
  select *,
    rule_id = 'R-FINALS-LOCK' or known_at is null or known_at > due_at or (opens_at is not null and known_at < opens_at) as is_breach
  from judged
)
select
  f.school_id, f.teacher_id, f.rule_id, any_value(f.as_of)::varchar as as_of,
  any_value(sc.school_name) as school_name, any_value(st.full_name) as teacher_name,
  count(*)::integer as judged,
  count(*) filter (where f.is_breach)::integer as breaches,
  case when f.rule_id = 'R-FINALS-LOCK' then null
       else 100.0::double * count(*) filter (where not f.is_breach) / count(*) end as timely_rate,
  case when f.rule_id = 'R-FINALS-LOCK' then null
       else 100.0::double * count(f.known_at) / count(*) end as complete_rate
from flagged f
join staging.schools sc on sc.school_id = f.school_id
left join staging.staff st on st.school_id = f.school_id and st.staff_id = f.teacher_id
group by grouping sets ((f.school_id, f.rule_id), (f.school_id, f.teacher_id, f.rule_id))
having grouping(f.teacher_id) = 1 or f.teacher_id is not null
order by f.school_id, f.teacher_id nulls first, f.rule_id
