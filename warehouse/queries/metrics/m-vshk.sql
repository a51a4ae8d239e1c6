-- M-VSHK per held `vshk` control work as of $as_of: marks known by then, their distribution (n5…n1 on the
-- five_point scale, `distribution` as a JSON object value → count on every scale), pass and quality rates,
-- the average, and the class's current-mark average in the subject before the work.
with as_of_by_school as (
  select school_id, as_of, local_midnight(as_of + 1, timezone) as as_of_end
  from (select school_id, timezone, coalesce($as_of::date, least(timezone(timezone, now())::date, year_ends_on)) as as_of
        from staging.schools)
),
scoped as (
  select m.*, s.as_of, s.as_of_end
  from marts.m_vshk m
  join as_of_by_school s on s.school_id = m.school_id
  where ($school::varchar is null or m.school_id = $school)
    and ($class::varchar is null or m.class_id = $class)
    and ($group::varchar is null or m.group_id = $group)
    and ($teacher::varchar is null or m.teacher_id = $teacher)
    and ($subject::varchar is null or m.subject_id = $subject)
    and ($period::varchar is null or exists (
      select 1 from staging.periods p
      where p.school_id = m.school_id and p.period_id = $period and m.date between p.starts_on and p.ends_on))
    and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], m.school_id))
    and ($allowed_classes::varchar[] is null or list_contains($allowed_classes::varchar[], m.class_id))
    and ($allowed_groups::varchar[] is null or list_contains($allowed_groups::varchar[], m.group_id))
),
works as (
  select * exclude (marks), list_filter(marks, lambda k: k.at <= as_of_end) as marks
  from scoped where date <= as_of
),
flat as (
  select w.*, k.student_id, k.value, k.num,
         case when w.mark_scale = 'pass_fail' then k.value = 'зач' else k.num >= w.pass_from end as passed,
         case when w.mark_scale <> 'pass_fail' then k.num >= w.quality_from end as quality
  from works w
  left join (select school_id, control_work_id, unnest(marks) as k from works) u
    on u.school_id = w.school_id and u.control_work_id = w.control_work_id
)
select
  school_id, control_work_id, group_id, class_id, subject_id, teacher_id, any_value(title) as title, any_value(lesson_id) as lesson_id,
  any_value(date)::varchar as date,
  count(value)::integer as marks,
  count(distinct student_id) filter (where value is not null)::integer as students,
  case when any_value(mark_scale) = 'five_point' then count(*) filter (where num = 5)::integer end as n5,
  case when any_value(mark_scale) = 'five_point' then count(*) filter (where num = 4)::integer end as n4,
  case when any_value(mark_scale) = 'five_point' then count(*) filter (where num = 3)::integer end as n3,
  case when any_value(mark_scale) = 'five_point' then count(*) filter (where num = 2)::integer end as n2,
  case when any_value(mark_scale) = 'five_point' then count(*) filter (where num = 1)::integer end as n1,
  coalesce(to_json(histogram(value) filter (where value is not null)), '{}')::varchar as distribution,
  count(*) filter (where passed)::integer as passed,
  100.0::double * count(*) filter (where passed) / nullif(count(value), 0) as pass_rate,
  case when any_value(mark_scale) <> 'pass_fail' then 100.0::double * count(*) filter (where quality) / nullif(count(value), 0) end as quality_rate,
  avg(num)::double as avg_mark,
  any_value(class_avg_mark)::double as class_avg_mark,
  (avg(num) - any_value(class_avg_mark))::double as avg_vs_class
from flat
group by school_id, control_work_id, group_id, class_id, subject_id, teacher_id
order by school_id, any_value(date), control_work_id
