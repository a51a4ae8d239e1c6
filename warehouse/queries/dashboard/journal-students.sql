-- Students of a group at any time between $from and $to (the rows of the journal grid): the class's
-- enrolment for a `class` group, the members otherwise.
with g as (
  select * from raw.groups where school_id = $school and group_id = $group
),
members as (
  select e.student_id, e.from_date, e.to_date from raw.enrollments e join g on e.school_id = g.school_id and e.class_id = g.class_id
  where g.kind = 'class'
  union all
  select m.student_id, m.from_date, m.to_date from raw.group_members m join g on m.school_id = g.school_id and m.group_id = g.group_id
  where g.kind <> 'class'
)
select s.student_id as id, s.full_name as name, strftime(min(m.from_date), '%Y-%m-%d') as "from",
  strftime(max(coalesce(m.to_date, date '9999-12-31')), '%Y-%m-%d') as "to"
from members m
join raw.students s on s.school_id = $school and s.student_id = m.student_id
where m.from_date <= $to::date and coalesce(m.to_date, date '9999-12-31') >= $from::date
group by s.student_id, s.full_name
order by s.full_name, s.student_id
