-- Periods locked for a group: finals of the group's subject are set for the period (for the group,
-- or, without a group, for one of its students) and no admin unlock is in force. Limited to the
-- period $period_id or to the periods holding $on_date.
with g as (select * from raw.groups where school_id = $school_id and group_id = $group_id),
members as (
  select student_id from raw.group_members where school_id = $school_id and group_id = $group_id
  union
  select e.student_id from raw.enrollments e, g where e.school_id = $school_id and e.class_id = g.class_id and g.kind = 'class'
),
p as (
  select period_id, name from raw.periods
  where school_id = $school_id
    and ($period_id::varchar is null or period_id = $period_id)
    and ($on_date::date is null or $on_date::date between starts_on and ends_on)
)
select p.period_id, p.name from p
where exists (
    select 1 from raw.final_marks f, g
    where f.school_id = $school_id and f.period_id = p.period_id and f.subject_id = g.subject_id and f.value is not null
      and (f.group_id = g.group_id or (f.group_id is null and f.student_id in (select student_id from members)))
  )
  and not exists (
    select 1 from app.finals_unlocks u
    where u.school_id = $school_id and u.group_id = $group_id and u.period_id = p.period_id and u.until > now()
  )
order by p.period_id
