-- marts.m_subst: one row per school × scheduled teacher × group × day × status × teacher who conducted
-- (M-SUBST, substituted and missed lessons): lessons of the timetable counted by what happened to them —
-- conducted by another teacher, cancelled, moved. The query sums them up to its as-of date.
with lessons as (
  select * from core.lessons
),
final as (
  select school_id, teacher_id, group_id, class_id, subject_id, date, status,
         case when is_substituted then conducted_by end as substitute_id,
         count(*)::integer as lessons
  from lessons
  group by all
)
select * from final
