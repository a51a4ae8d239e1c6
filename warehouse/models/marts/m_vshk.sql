-- marts.m_vshk: one row per held `vshk` control work (M-VSHK, internal control results): its marks (value,
-- numeric value, entry instant), the scale's pass and quality thresholds (as M-PASS; ten_point from
-- config.rule_params on the work's day) and, to compare against, the class's current-mark average in the
-- subject before that day (weighted by `weight`; lessons holding vshk/written/essay works left out;
-- a stream: its own lessons). The query applies the as-of date to the marks.
with control_works as (
  select * from staging.control_works where kind = 'vshk'
),
lessons as (
  select * from core.lessons
),
marks as (
  select * from staging.marks
),
schools as (
  select * from staging.schools
),
rule_params as (
  select * from core.rule_params where rule_id = 'M-PASS'
),
held_in as (
  select school_id, control_work_id, min(lesson_id) as lesson_id
  from lessons where control_work_id is not null and is_due group by all
),
held as (
  select cw.school_id, cw.control_work_id, cw.title, l.lesson_id, l.group_id, l.class_id, l.subject_id,
         l.due_teacher_id as teacher_id, l.date, l.timezone
  from control_works cw
  left join held_in h on h.school_id = cw.school_id and h.control_work_id = cw.control_work_id
  join lessons l on l.school_id = cw.school_id and l.lesson_id = coalesce(cw.lesson_id, h.lesson_id) and l.is_due
),
work_marks as (
  select h.school_id, h.control_work_id,
         list_sort(list({'student_id': m.student_id, 'value': m.value, 'num': try_cast(m.value as integer),
               'at': m.entered_at}
              )) as marks
  from held h
  join marks m on m.school_id = h.school_id and m.lesson_id = h.lesson_id
  group by all
),
class_avg as (
  select h.school_id, h.control_work_id,
         sum(try_cast(m.value as double) * coalesce(m.weight, 1)) / nullif(sum(coalesce(m.weight, 1)) filter (where try_cast(m.value as double) is not null), 0) as class_avg_mark
  from held h
  join lessons l on l.school_id = h.school_id and l.subject_id = h.subject_id and l.date < h.date and l.is_due
   and (l.class_id = h.class_id or (h.class_id is null and l.group_id = h.group_id))
   and coalesce(l.control_work_kind, '') not in ('vshk', 'written', 'essay')
  join marks m on m.school_id = l.school_id and m.lesson_id = l.lesson_id
  group by all
),
params as (
  select h.school_id, h.control_work_id, s.mark_scale,
         case when s.mark_scale = 'ten_point' then coalesce(max(r.value) filter (where r.param = 'pass_from')::integer, 4) else 3 end as pass_from,
         case when s.mark_scale = 'ten_point' then coalesce(max(r.value) filter (where r.param = 'quality_from')::integer, 7) else 4 end as quality_from
  from held h
  join schools s on s.school_id = h.school_id
  left join rule_params r on r.school_id = h.school_id and h.date >= r.valid_from and h.date < r.valid_to
  group by h.school_id, h.control_work_id, s.mark_scale
),
final as (
  select h.school_id, h.control_work_id, h.group_id, h.class_id, h.subject_id, h.teacher_id, h.title, h.lesson_id, h.date,
         p.mark_scale, p.pass_from, p.quality_from, coalesce(wm.marks, []) as marks, ca.class_avg_mark
  from held h
  join params p on p.school_id = h.school_id and p.control_work_id = h.control_work_id
  left join work_marks wm on wm.school_id = h.school_id and wm.control_work_id = h.control_work_id
  left join class_avg ca on ca.school_id = h.school_id and ca.control_work_id = h.control_work_id
)
select * from final
