-- One row per class of a school with its class teacher (batch of class forms; same columns as
-- class-header). Params: $school.
select c.class_id, c.grade, c.letter, c.profile, c.class_teacher_id, t.full_name as class_teacher_name
from raw.classes c
left join raw.staff t on t.school_id = c.school_id and t.staff_id = c.class_teacher_id
where c.school_id = $school
order by c.class_id
