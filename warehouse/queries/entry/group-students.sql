-- students of a group: on $on_date when given, else at any time between $from and $to
-- (a `class` group is its class's enrolment, other kinds their members)
with g as (select * from raw.groups where school_id = $school_id and group_id = $group_id),
spans as (
  select m.student_id, m.from_date, m.to_date from raw.group_members m, g
  where m.school_id = $school_id and m.group_id = g.group_id and g.kind <> 'class'
  union all
  select e.student_id, e.from_date, e.to_date from raw.enrollments e, g
  where e.school_id = $school_id and e.class_id = g.class_id and g.kind = 'class'
)
select distinct student_id from spans
where from_date <= coalesce($to::date, $on_date::date, '9999-12-31'::date)
  and (to_date is null or to_date >= coalesce($from::date, $on_date::date, '0001-01-01'::date))
order by student_id
