-- marts.m_pass: one row per student × subject × period: the student's final as M-PASS, M-QUALITY, M-SOU
-- and M-AVG count it. The cells are R-PERIOD-FINAL's due finals (docs/rule-semantics.md): students in a
-- class AND in a group of the subject on the period's last day, the group having lessons in the period,
-- the period applying to the student's grade; `class_id` is the class the student is in on that day.
-- The as-of part (finals entered later, deferrals not yet passed) is applied by queries/metrics/m-pass*.sql.
with schools as (
  select * from staging.schools
),
periods as (
  select * from staging.periods
),
subjects as (
  select * from staging.subjects
),
class_spans as (
  select * from core.memberships_class
),
group_spans as (
  select * from core.memberships_group
),
finals as (
  select * from staging.final_marks
),
lessons as (
  select * from staging.lessons
),
rule_params as (
  select * from core.rule_params where rule_id = 'M-PASS'
),
-- parameters in effect on the period's last day; pass_from/quality_from are the ten_point thresholds
-- (five_point is fixed by the regulation: passed = 3 or more, quality = 4 or 5)
period_params as (
  select p.school_id, p.period_id, s.timezone, s.mark_scale,
         coalesce(max(r.value) filter (where r.param = 'denominator'), 'enrolled') as denominator,
         case when s.mark_scale = 'ten_point' then coalesce(max(r.value) filter (where r.param = 'pass_from')::integer, 4) else 3 end as pass_from,
         case when s.mark_scale = 'ten_point' then coalesce(max(r.value) filter (where r.param = 'quality_from')::integer, 7) else 4 end as quality_from
  from periods p
  join schools s on s.school_id = p.school_id
  left join rule_params r on r.school_id = p.school_id and p.ends_on >= r.valid_from and p.ends_on < r.valid_to
  group by p.school_id, p.period_id, s.timezone, s.mark_scale
),
class_at_end as (
  select p.school_id, p.period_id, p.ends_on, c.student_id, c.class_id, c.grade
  from periods p
  join class_spans c on c.school_id = p.school_id and p.ends_on between c.from_date and c.until_date
  qualify row_number() over (partition by p.school_id, p.period_id, c.student_id order by c.from_date desc, c.class_id) = 1
),
groups_taught as (
  select distinct p.school_id, p.period_id, l.group_id
  from periods p
  join lessons l on l.school_id = p.school_id and l.date between p.starts_on and p.ends_on
  where l.status in ('held', 'planned')
),
-- bundles hold quarters for some grades and half-years for others: a period applies to a grade when
-- some student of that grade has a final row (value or deferral) for it
grades_of_period as (
  select distinct c.school_id, c.period_id, c.grade
  from finals f
  join class_at_end c on c.school_id = f.school_id and c.period_id = f.period_id and c.student_id = f.student_id
),
learners as (
  select p.school_id, p.period_id, g.subject_id, g.student_id,
         list_sort(list_distinct(list(g.group_id))) as group_ids,
         list_sort(list_distinct(list(g.teacher_id))) as teacher_ids
  from periods p
  join group_spans g on g.school_id = p.school_id and p.ends_on between g.from_date and g.until_date
  join subjects sj on sj.school_id = g.school_id and sj.subject_id = g.subject_id
  join groups_taught t on t.school_id = p.school_id and t.period_id = p.period_id and t.group_id = g.group_id
  where g.group_kind <> 'club' and sj.component <> 'extracurricular'
  group by all
),
final_per_cell as (
  select school_id, student_id, subject_id, period_id,
         arg_max(value, coalesce(entered_at, '-infinity'::timestamptz)) filter (where value is not null) as value,
         max(entered_at) filter (where value is not null) as entered_at,
         max(deferred_until) as deferred_until
  from finals
  group by all
),
cells as (
  select c.school_id, c.class_id, c.grade, l.subject_id, c.period_id, c.ends_on as period_ends_on, c.student_id,
         l.group_ids, l.teacher_ids, sp.mark_scale, sp.denominator, sp.pass_from, sp.quality_from,
         f.value, f.entered_at,
         f.deferred_until,
         try_cast(f.value as integer) as numeric_value
  from class_at_end c
  join learners l on l.school_id = c.school_id and l.period_id = c.period_id and l.student_id = c.student_id
  join grades_of_period gp on gp.school_id = c.school_id and gp.period_id = c.period_id and gp.grade = c.grade
  join period_params sp on sp.school_id = c.school_id and sp.period_id = c.period_id
  left join final_per_cell f on f.school_id = c.school_id and f.student_id = c.student_id
                             and f.subject_id = l.subject_id and f.period_id = c.period_id
),
final as (
  select school_id, class_id, grade, subject_id, period_id, period_ends_on, student_id, group_ids, teacher_ids,
         mark_scale, denominator, value, entered_at, deferred_until,
         value in ('осв', 'безотм') as left_out,
         numeric_value,
         case when mark_scale = 'pass_fail' then coalesce(value = 'зач', false) else coalesce(numeric_value >= pass_from, false) end as passed,
         case when mark_scale = 'pass_fail' then null else coalesce(numeric_value >= quality_from, false) end as quality,
         case when mark_scale <> 'five_point' then null
              when value = 'н/а' then 7
              else coalesce([7, 16, 36, 64, 100][numeric_value], 0) end as sou_points
  from cells
)
select * from final
