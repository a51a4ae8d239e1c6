-- One row: a student with the class they are in on $on (DATE) or their latest class (F-EXTRACT). Params: $school, $student, $on.
select s.student_id, s.full_name, e.class_id, c.grade, c.letter, c.class_teacher_id, t.full_name as class_teacher_name
from raw.students s
left join raw.enrollments e on e.school_id = s.school_id and e.student_id = s.student_id
left join raw.classes c on c.school_id = e.school_id and c.class_id = e.class_id
left join raw.staff t on t.school_id = c.school_id and t.staff_id = c.class_teacher_id
where s.school_id = $school and s.student_id = $student
order by (e.from_date <= $on::date and coalesce(e.to_date, date '9999-12-31') >= $on::date) desc, e.from_date desc
limit 1
