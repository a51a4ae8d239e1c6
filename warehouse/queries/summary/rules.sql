-- Director's summary of every R-* rule as of $as_of, per school (teacher_id null) and per teacher × school:
-- records judged, breaches, share on time (timeliness) and share entered at all by then (completeness).
-- Judging as in queries/metrics/r-*.sql (docs/rule-semantics.md). The as-of day and its end are worked
-- out once per school (rule rows carry their school's zone), the rows are counted per teacher × rule,
-- and names are joined to the counts, not to every row.
with as_of_by_school as (
  select school_id, school_name, as_of, local_midnight(as_of + 1, timezone) as as_of_end
  from (select school_id, school_name, timezone, coalesce($as_of::date, least(timezone(timezone, now())::date, year_ends_on)) as as_of
        from staging.schools
        where ($school::varchar is null or school_id = $school)
          and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], school_id)))
),
due as (
  select rule_id, school_id, teacher_id, class_id, group_id, due_at, entered_at, opens_at from marts.r_mark_day
  union all select rule_id, school_id, teacher_id, class_id, group_id, due_at, entered_at, opens_at from marts.r_homework
  union all select rule_id, school_id, teacher_id, class_id, group_id, due_at, entered_at, opens_at from marts.r_attendance
  union all select rule_id, school_id, teacher_id, class_id, group_id, due_at, entered_at, opens_at from marts.r_topic
  union all select rule_id, school_id, teacher_id, class_id, group_id, due_at, entered_at, opens_at from marts.r_substitution
  union all select rule_id, school_id, teacher_id, class_id, group_id, due_at, entered_at, opens_at from marts.r_control_work
  union all select rule_id, school_id, teacher_id, class_id, group_id, due_at, entered_at, opens_at from marts.r_written_work
  union all select rule_id, school_id, teacher_id, class_id, group_id, due_at, entered_at, opens_at from marts.r_period_final
  union all select rule_id, school_id, teacher_id, class_id, group_id, due_at, entered_at, opens_at from marts.r_finals_lock
  union all select rule_id, school_id, teacher_id, class_id, group_id, due_at, entered_at, opens_at from marts.r_setup
  union all select rule_id, school_id, teacher_id, class_id, group_id, due_at, entered_at, opens_at from marts.r_archive
),
judged as (
  select d.school_id, d.teacher_id, d.rule_id, d.due_at, d.opens_at,
    case when d.entered_at <= s.as_of_end then d.entered_at end as known_at
  from due d
  join as_of_by_school s on s.school_id = d.school_id
  where ($teacher::varchar is null or d.teacher_id = $teacher)
    and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], d.class_id)
         or (d.class_id is null and list_contains(coalesce($allowed_groups::varchar[], []), d.group_id)))
    and ($allowed_groups::varchar[] is null or list_contains($allowed_groups::varchar[], d.group_id))
    and ((d.rule_id = 'R-FINALS-LOCK' and d.entered_at <= s.as_of_end) or (d.rule_id <> 'R-FINALS-LOCK' and d.due_at <= s.as_of_end))
),
counts as (
  select school_id, teacher_id, rule_id,
    count(*)::integer as judged,
    count(*) filter (where rule_id = 'R-FINALS-LOCK' or known_at is null or known_at > due_at or (opens_at is not null and known_at < opens_at))::integer as breaches,
    count(known_at)::integer as known
  from judged
  group by grouping sets ((school_id, rule_id), (school_id, teacher_id, rule_id))
  having grouping(teacher_id) = 1 or teacher_id is not null
)
select
  c.school_id, c.teacher_id, c.rule_id, s.as_of::varchar as as_of,
  s.school_name, st.full_name as teacher_name,
  c.judged, c.breaches,
  case when c.rule_id = 'R-FINALS-LOCK' then null else 100.0::double * (c.judged - c.breaches) / c.judged end as timely_rate,
  case when c.rule_id = 'R-FINALS-LOCK' then null else 100.0::double * c.known / c.judged end as complete_rate
from counts c
join as_of_by_school s on s.school_id = c.school_id
left join staging.staff st on st.school_id = c.school_id and st.staff_id = c.teacher_id
order by c.school_id, c.teacher_id nulls first, c.rule_id
