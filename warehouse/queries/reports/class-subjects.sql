-- One row per subject the class learns (its groups, its curriculum), in name order (F-SUMMARY). Params: $school, $class.
with ids as (
  select subject_id from raw.groups where school_id = $school and class_id = $class
  union
  select subject_id from raw.curriculum where school_id = $school and class_id = $class
)
select sub.subject_id, sub.name, sub.component
from ids
join raw.subjects sub on sub.school_id = $school and sub.subject_id = ids.subject_id
order by sub.component = 'federal' desc, sub.name, sub.subject_id
