-- One row per final mark of a student (F-EXTRACT), with subject and period names. Params: $school, $student.
select sub.name as subject_name, p.period_id, p.name as period_name, f.value
from raw.final_marks f
join raw.subjects sub on sub.school_id = f.school_id and sub.subject_id = f.subject_id
join raw.periods p on p.school_id = f.school_id and p.period_id = f.period_id
where f.school_id = $school and f.student_id = $student and f.value is not null
order by p.kind = 'year', p.starts_on, sub.name
