-- The diary's side lists for a student, tagged by `kind`: upcoming control works (4 weeks from
-- $from), recommendations, teachers of the class, holidays of the year, the last acknowledgement.
with my_groups as (
  select g.group_id, g.subject_id, g.teacher_id from raw.groups g
  join raw.enrollments e on e.school_id = g.school_id and e.class_id = g.class_id and e.student_id = $student
  where g.school_id = $school and g.kind = 'class'
    and e.from_date <= $to::date and coalesce(e.to_date, date '9999-12-31') >= $from::date
  union
  select g.group_id, g.subject_id, g.teacher_id from raw.group_members m join raw.groups g using (school_id, group_id)
  where m.school_id = $school and m.student_id = $student
    and m.from_date <= $to::date and coalesce(m.to_date, date '9999-12-31') >= $from::date
)
select 'control_work' as kind, strftime(cw.planned_date, '%Y-%m-%d') as date, s.name as title, cw.title as text
from raw.control_works cw join my_groups g using (group_id) join raw.subjects s on s.school_id = cw.school_id and s.subject_id = g.subject_id
where cw.school_id = $school and cw.planned_date between $from::date and $from::date + interval 28 day
union all
select 'recommendation', strftime(r.created_at, '%Y-%m-%d'), t.full_name, r.text
from raw.recommendations r left join raw.staff t on t.school_id = r.school_id and t.staff_id = r.teacher_id
where r.school_id = $school and r.student_id = $student
union all
select distinct 'teacher', null, s.name, t.full_name
from my_groups g join raw.staff t on t.school_id = $school and t.staff_id = g.teacher_id
join raw.subjects s on s.school_id = $school and s.subject_id = g.subject_id
union all
select 'holiday', strftime(h.starts_on, '%Y-%m-%d'), h.name, strftime(h.ends_on, '%Y-%m-%d')
from raw.holidays h where h.school_id = $school
union all
select 'ack', strftime(max(a.covers_until), '%Y-%m-%d'), null, strftime(max(a.acknowledged_at), '%Y-%m-%dT%H:%M:%SZ')
from raw.parent_acks a where a.school_id = $school and a.student_id = $student
  and ($guardian::varchar is null or a.guardian_id = $guardian)
having count(*) > 0
order by 1, 2, 3
