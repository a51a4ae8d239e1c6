-- marts.r_period_final: one row per due final, student × subject × period (R-PERIOD-FINAL; detail in
-- docs/rule-semantics.md): the student is in a group of the subject on the period's last day, the group
-- has due lessons in the period, and the period applies to the student's grade (some final of that
-- period exists for that grade). Window: the last `window_days` (7) days of the period; due at the end
-- of its last day, or of `deferred_until` when later.
with periods as (
  select p.*, s.timezone from staging.periods p join staging.schools s on s.school_id = p.school_id
),
groups as (
  select g.* from staging.groups g
  join staging.subjects s on s.school_id = g.school_id and s.subject_id = g.subject_id
  where g.kind <> 'club' and s.component <> 'extracurricular'
),
members as (
  select * from core.memberships_group
),
class_spans as (
  select * from core.memberships_class
),
finals as (
  select * from staging.final_marks
  qualify row_number() over (partition by school_id, student_id, subject_id, period_id
                             order by (value is null), entered_at desc nulls last) = 1
),
lesson_days as (
  select school_id, group_id, date from core.lessons where is_due group by all
),
params as (
  select * from core.rule_params where rule_id = 'R-PERIOD-FINAL' and param = 'window_days'
),
class_at_end as (
  select p.school_id, p.period_id, c.student_id, c.class_id, c.grade
  from periods p
  join class_spans c on c.school_id = p.school_id and p.ends_on between c.from_date and c.until_date
  qualify row_number() over (partition by p.school_id, p.period_id, c.student_id order by c.from_date desc, c.class_id) = 1
),
period_grades as (
  select distinct f.school_id, f.period_id, ce.grade
  from finals f
  join class_at_end ce on ce.school_id = f.school_id and ce.period_id = f.period_id and ce.student_id = f.student_id
),
taught as (
  select distinct p.school_id, p.period_id, p.starts_on, p.ends_on, p.timezone, g.group_id, g.subject_id, g.teacher_id
  from periods p
  join groups g on g.school_id = p.school_id
  join lesson_days d on d.school_id = g.school_id and d.group_id = g.group_id and d.date between p.starts_on and p.ends_on
),
-- materialized: joined first on the group, else the planner may pair every member of a period with
-- every group taught in it (millions of rows) before narrowing by student
taught_members as materialized (
  select t.*, m.student_id
  from taught t
  join members m on m.school_id = t.school_id and m.group_id = t.group_id and t.ends_on between m.from_date and m.until_date
),
due as (
  select t.*, ce.class_id
  from taught_members t
  join class_at_end ce on ce.school_id = t.school_id and ce.period_id = t.period_id and ce.student_id = t.student_id
  join period_grades pg on pg.school_id = t.school_id and pg.period_id = t.period_id and pg.grade = ce.grade
  qualify row_number() over (partition by t.school_id, t.student_id, t.subject_id, t.period_id order by t.group_id) = 1
),
days as (
  select d.*, f.value, f.entered_at,
         greatest(d.ends_on, coalesce(f.deferred_until, d.ends_on)) + 1 as due_day,
         d.ends_on - p.value::integer + 1 as opens_day
  from due d
  join params p on p.school_id = d.school_id and d.ends_on >= p.valid_from and d.ends_on < p.valid_to
  left join finals f on f.school_id = d.school_id and f.student_id = d.student_id
   and f.subject_id = d.subject_id and f.period_id = d.period_id
),
-- each distinct day of a zone converted once (a zone conversion is costly)
instants as (
  select timezone, day, local_midnight(day, timezone) as at
  from (select distinct timezone, unnest([due_day, opens_day]) as day from days)
),
final as (
  select
    'R-PERIOD-FINAL' as rule_id, d.school_id, d.teacher_id, d.class_id, d.group_id, d.subject_id,
    'final_mark' as record_kind, d.student_id || ':' || d.subject_id || ':' || d.period_id as record_id, d.student_id,
    du.at as due_at,
    case when d.value is not null then d.entered_at end as entered_at,
    op.at as opens_at,
    d.ends_on as ref_date, d.timezone, d.period_id
  from days d
  left join instants du on du.timezone = d.timezone and du.day = d.due_day
  left join instants op on op.timezone = d.timezone and op.day = d.opens_day
)
select * from final
