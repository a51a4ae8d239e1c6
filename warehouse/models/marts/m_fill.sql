-- marts.m_fill: one row per student × group × period (M-FILL, mark fill rate): the student's current
-- marks in the group's lessons of the period, each as the later of its entry and its lesson's start
-- (known as of A iff at or before the end of A), the group's due lesson days, and the minimum for the
-- period's kind (config.rule_params M-FILL min_<kind>, in effect on the period's last day). Cells as for
-- M-PASS: members of the group and of a class on the period's last day, the group taught in the period,
-- the period applying to the student's grade; `year` periods have no minimum and are left out, and so is a
-- student exempt (`осв`) or taught without marks (`безотм`, e.g. grade 1) in that subject and period.
with periods as (
  select * from staging.periods where kind <> 'year'
),
subjects as (
  select * from staging.subjects
),
lessons as (
  select * from core.lessons
),
marks as (
  select * from staging.marks
),
finals as (
  select * from staging.final_marks
),
class_spans as (
  select * from core.memberships_class
),
group_spans as (
  select * from core.memberships_group
),
rule_params as (
  select * from core.rule_params where rule_id = 'M-FILL'
),
class_at_end as (
  select p.school_id, p.period_id, c.student_id, c.class_id, c.grade
  from periods p
  join class_spans c on c.school_id = p.school_id and p.ends_on between c.from_date and c.until_date
  qualify row_number() over (partition by p.school_id, p.period_id, c.student_id order by c.from_date desc, c.class_id) = 1
),
grades_of_period as (
  select distinct c.school_id, c.period_id, c.grade
  from finals f
  join class_at_end c on c.school_id = f.school_id and c.period_id = f.period_id and c.student_id = f.student_id
),
group_lessons as (
  select l.school_id, p.period_id, l.group_id, list_sort(list(l.date)) as lesson_days
  from lessons l
  join periods p on p.school_id = l.school_id and l.date between p.starts_on and p.ends_on
  where l.is_due
  group by all
),
-- each student's marks in a group once (not once per period: periods overlap), cut per period below
student_marks as (
  select m.school_id, l.group_id, m.student_id,
         list({'date': l.date, 'known_at': greatest(m.entered_at, l.start_at)}) as marks
  from marks m
  join lessons l on l.school_id = m.school_id and l.lesson_id = m.lesson_id
  where l.is_due
  group by all
),
unmarked as (
  select distinct school_id, student_id, subject_id, period_id from finals where value in ('осв', 'безотм')
),
required as (
  select p.school_id, p.period_id, max(r.value)::integer as required
  from periods p
  join rule_params r on r.school_id = p.school_id and r.param = 'min_' || p.kind
   and p.ends_on >= r.valid_from and p.ends_on < r.valid_to
  group by all
),
members as (
  select p.school_id, p.period_id, p.kind as period_kind, p.starts_on, p.ends_on,
         g.group_id, g.subject_id, g.teacher_id, g.student_id
  from periods p
  join group_spans g on g.school_id = p.school_id and p.ends_on between g.from_date and g.until_date
  join subjects sj on sj.school_id = g.school_id and sj.subject_id = g.subject_id
  where g.group_kind <> 'club' and sj.component <> 'extracurricular'
),
final as (
  select m.school_id, m.student_id, m.group_id, m.subject_id, m.period_id, c.class_id, m.teacher_id,
         m.period_kind, m.starts_on as period_starts_on, m.ends_on as period_ends_on, r.required,
         coalesce(list_sort(list_transform(list_filter(sm.marks, e -> e.date between m.starts_on and m.ends_on), e -> e.known_at)), []) as mark_entries, gl.lesson_days
  from members m
  join class_at_end c on c.school_id = m.school_id and c.period_id = m.period_id and c.student_id = m.student_id
  join grades_of_period gp on gp.school_id = c.school_id and gp.period_id = c.period_id and gp.grade = c.grade
  join group_lessons gl on gl.school_id = m.school_id and gl.period_id = m.period_id and gl.group_id = m.group_id
  join required r on r.school_id = m.school_id and r.period_id = m.period_id
  left join student_marks sm on sm.school_id = m.school_id and sm.group_id = m.group_id and sm.student_id = m.student_id
  left join unmarked u on u.school_id = m.school_id and u.student_id = m.student_id
                      and u.subject_id = m.subject_id and u.period_id = m.period_id
  where u.student_id is null
)
select * from final
