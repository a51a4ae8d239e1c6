-- marts.m_timely: one row per school × rule × teacher × group × record day × due day × known day ×
-- on-time flag, counting due records (M-TIMELY, timeliness). Built from the due-record marts of the
-- deadline rules (R-FINALS-LOCK lists only breaches, R-SETUP/R-ARCHIVE are school-wide: not here).
-- `due_on`: judged as of A iff due_on <= A; `known_on`: entered by the end of A iff known_on <= A;
-- `on_time`: entered within [opens_at, due_at]. The query applies the as-of date.
with due_records as (
  select * from marts.r_mark_day
  union all by name select * from marts.r_homework
  union all by name select * from marts.r_attendance
  union all by name select * from marts.r_topic
  union all by name select * from marts.r_substitution
  union all by name select * from marts.r_control_work
  union all by name select * from marts.r_written_work
  union all by name select * from marts.r_period_final
),
final as (
  select
    school_id, rule_id, teacher_id, group_id, class_id, subject_id, ref_date, period_id,
    ((due_at - interval 1 microsecond) at time zone timezone)::date as due_on,
    ((entered_at - interval 1 microsecond) at time zone timezone)::date as known_on,
    coalesce(entered_at <= due_at and (opens_at is null or entered_at >= opens_at), false) as on_time,
    count(*)::integer as records
  from due_records
  group by all
)
select * from final
