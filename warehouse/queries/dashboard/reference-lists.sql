-- Names behind the ids of one school, for pickers and labels: one row per period, class, subject,
-- teacher (staff) or group, tagged by `kind`.
select 'period' as kind, period_id as id, name, period_kind as extra1, strftime(starts_on, '%Y-%m-%d') as extra2,
  strftime(ends_on, '%Y-%m-%d') as extra3, null::integer as grade, null as extra4
from (select *, kind as period_kind from raw.periods where school_id = $school)
union all
select 'class', class_id, grade::varchar || letter, letter, class_teacher_id, profile, grade, null
from raw.classes where school_id = $school
union all
select 'subject', subject_id, name, component, null, null, null, null from raw.subjects where school_id = $school
union all
select 'teacher', staff_id, full_name, position, null, null, null, null from raw.staff where school_id = $school
union all
select 'group', group_id, name, subject_id, class_id, teacher_id, null, kind from raw.groups where school_id = $school
order by kind, grade nulls last, extra2, name, id
