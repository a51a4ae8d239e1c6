-- marts.m_cw_load: one row per finding of M-CW-LOAD (control-work load, joint letter of Минпросвещения
-- and Рособрнадзор of 06.08.2021 СК-228/03, 01-169/08-01), over the year's schedule of control works
-- (held ones on their lesson's day, the others on their planned day), `condition`:
--   several_per_day      a class with more than one control work on a day;
--   over_10_percent      a class × subject with more control works in the year than 10% of its hours;
--   first_or_last_lesson a work held on the class's first or last lesson of the day, unless the subject
--                        has at most one lesson a week;
--   too_frequent         a subject in one grade (parallel) again less than 2.5 weeks (17.5 days) after
--                        the previous work; works on the same day in a grade are one procedure.
-- A stream's work counts for every class its members are in that day.
with control_works as (
  select * from staging.control_works
),
lessons as (
  select * from core.lessons
),
groups as (
  select * from staging.groups
),
classes as (
  select * from staging.classes
),
curriculum as (
  select * from staging.curriculum where student_id is null
),
group_spans as (
  select * from core.memberships_group
),
class_spans as (
  select * from core.memberships_class
),
held_in as (
  select school_id, control_work_id, min(lesson_id) as lesson_id
  from lessons where control_work_id is not null and is_due group by all
),
works as (
  select cw.school_id, cw.control_work_id, cw.group_id, g.subject_id, g.class_id as group_class_id, g.hours_per_week,
         coalesce(l.lesson_id, h.lesson_id) as lesson_id,
         coalesce(l.date, hl.date, cw.planned_date) as date
  from control_works cw
  join groups g on g.school_id = cw.school_id and g.group_id = cw.group_id
  left join held_in h on h.school_id = cw.school_id and h.control_work_id = cw.control_work_id
  left join lessons l on l.school_id = cw.school_id and l.lesson_id = cw.lesson_id
  left join lessons hl on hl.school_id = h.school_id and hl.lesson_id = h.lesson_id
),
work_classes as (
  select w.*, w.group_class_id as class_id from works w where w.group_class_id is not null
  union all by name
  select distinct w.*, cs.class_id
  from works w
  join group_spans gs on gs.school_id = w.school_id and gs.group_id = w.group_id and w.date between gs.from_date and gs.until_date
  join class_spans cs on cs.school_id = gs.school_id and cs.student_id = gs.student_id and w.date between cs.from_date and cs.until_date
  where w.group_class_id is null
),
with_class as (
  select wc.*, c.grade, cu.hours_per_year, coalesce(cu.hours_per_week, wc.hours_per_week) as subject_hours_per_week
  from work_classes wc
  join classes c on c.school_id = wc.school_id and c.class_id = wc.class_id
  left join curriculum cu on cu.school_id = wc.school_id and cu.class_id = wc.class_id and cu.subject_id = wc.subject_id
),
several_per_day as (
  select school_id, class_id, any_value(grade) as grade, 'several_per_day' as condition, null::varchar as subject_id, date,
         list_sort(list(distinct control_work_id)) as control_work_ids, count(distinct control_work_id) as works,
         1::double as limit_value
  from with_class group by school_id, class_id, date
  having count(distinct control_work_id) > 1
),
over_10_percent as (
  select school_id, class_id, any_value(grade) as grade, 'over_10_percent' as condition, subject_id, null::date as date,
         list_sort(list(distinct control_work_id)) as control_work_ids, count(distinct control_work_id) as works,
         0.1 * any_value(hours_per_year) as limit_value
  from with_class group by school_id, class_id, subject_id
  having count(distinct control_work_id) > 0.1 * any_value(hours_per_year)
),
class_day_edges as (
  select school_id, class_id, date, min(start_at) as first_start, max(end_at) as last_end
  from lessons where is_due and class_id is not null group by all
),
first_or_last as (
  select wc.school_id, wc.class_id, wc.grade, 'first_or_last_lesson' as condition, wc.subject_id, wc.date,
         [wc.control_work_id] as control_work_ids, 1 as works, null::double as limit_value
  from with_class wc
  join lessons l on l.school_id = wc.school_id and l.lesson_id = wc.lesson_id
  join class_day_edges e on e.school_id = wc.school_id and e.class_id = wc.class_id and e.date = wc.date
  where (l.start_at = e.first_start or l.end_at = e.last_end) and coalesce(wc.subject_hours_per_week, 2) > 1
),
grade_days as (
  select school_id, grade, subject_id, date, list_sort(list(distinct control_work_id)) as ids
  from with_class group by all
),
grade_gaps as (
  select *, lag(date) over (partition by school_id, grade, subject_id order by date) as prev_date,
            lag(ids) over (partition by school_id, grade, subject_id order by date) as prev_ids
  from grade_days
),
too_frequent as (
  select school_id, null::varchar as class_id, grade, 'too_frequent' as condition, subject_id, date,
         list_distinct(list_concat(prev_ids, ids)) as control_work_ids, len(list_distinct(list_concat(prev_ids, ids))) as works,
         17.5::double as limit_value
  from grade_gaps where prev_date is not null and date - prev_date < 17.5
),
final as (
  select * from several_per_day
  union all by name select * from over_10_percent
  union all by name select * from first_or_last
  union all by name select * from too_frequent
)
select school_id, class_id, grade, condition, subject_id, date, list_sort(control_work_ids) as control_work_ids,
       works::integer as works, limit_value
from final
