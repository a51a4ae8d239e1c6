-- marts.m_timely: the due records of the deadline rules (M-TIMELY, timeliness), counted per school × rule
-- × teacher × group × record day × due instant × on time (entered within [opens_at, due_at]), from the
-- rules' due-record marts (R-FINALS-LOCK lists only breaches, R-SETUP/R-ARCHIVE are school-wide: not
-- here). The query judges the records due by the end of its as-of day.
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
    school_id, rule_id, teacher_id, group_id, class_id, subject_id, ref_date, period_id, due_at,
    coalesce(entered_at <= due_at and (opens_at is null or entered_at >= opens_at), false) as on_time,
    count(*)::integer as records
  from due_records
  group by all
)
select * from final
