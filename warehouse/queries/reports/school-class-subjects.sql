-- class-subjects for every class of a school in one pass: one row per class and subject it learns
-- (its groups, its curriculum), in the order of class-subjects within a class. Params: $school.
with ids as (
  select class_id, subject_id from raw.groups where school_id = $school
  union
  select class_id, subject_id from raw.curriculum where school_id = $school
)
select ids.class_id, sub.subject_id, sub.name, sub.component
from ids
join raw.subjects sub on sub.school_id = $school and sub.subject_id = ids.subject_id
order by ids.class_id, sub.component = 'federal' desc, sub.name, sub.subject_id
