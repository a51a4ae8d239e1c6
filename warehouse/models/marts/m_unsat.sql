-- marts.m_unsat: one row per unsatisfactory current mark (M-UNSAT): below the pass mark of the school's
-- scale — five_point 1–2, ten_point below `pass_from` (config.rule_params M-PASS, in effect on the
-- lesson's day), pass_fail `незач` — with the lesson's topic (its text, else the КТП title), the
-- student's class on that day and when the mark was entered.
with lessons as (
  select * from core.lessons
),
marks as (
  select * from staging.marks
),
schools as (
  select * from staging.schools
),
ktp as (
  select * from staging.ktp
),
class_spans as (
  select * from core.memberships_class
),
pass_from as (
  select * from core.rule_params where rule_id = 'M-PASS' and param = 'pass_from'
),
scored as (
  select m.school_id, m.student_id, l.lesson_id, l.date, l.subject_id, l.topic_id,
         coalesce(l.topic_text, k.title) as topic_text, m.value, m.mark_id, l.group_id, l.due_teacher_id as teacher_id,
         m.work_type,
         m.entered_at as known_at,
         case s.mark_scale
           when 'pass_fail' then m.value = 'незач'
           when 'ten_point' then try_cast(m.value as integer) < coalesce(pf.value::integer, 4)
           else try_cast(m.value as integer) <= 2
         end as unsatisfactory
  from marks m
  join lessons l on l.school_id = m.school_id and l.lesson_id = m.lesson_id
  join schools s on s.school_id = m.school_id
  left join ktp k on k.school_id = l.school_id and k.topic_id = l.topic_id
  left join pass_from pf on pf.school_id = l.school_id and l.date >= pf.valid_from and l.date < pf.valid_to
  where l.is_due
),
final as (
  select x.school_id, x.student_id, x.lesson_id, x.date, x.subject_id, x.topic_id, x.topic_text, x.value,
         x.mark_id, c.class_id, x.group_id, x.teacher_id, x.work_type, x.known_at
  from scored x
  left join class_spans c on c.school_id = x.school_id and c.student_id = x.student_id and x.date between c.from_date and c.until_date
  where x.unsatisfactory
  qualify row_number() over (partition by x.school_id, x.mark_id order by c.from_date desc nulls last) = 1
)
select * from final
