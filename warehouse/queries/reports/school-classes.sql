-- One row per class of a school, in grade/letter order (archive of a year, batch of summaries). Params: $school.
select class_id, grade, letter
from raw.classes
where school_id = $school
order by grade, letter, class_id
