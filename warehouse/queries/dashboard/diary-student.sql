-- The diary's header: a student, the class they are in on $date and the school.
select s.school_id, s.student_id as id, s.full_name as name, e.class_id as "classId",
  c.grade::varchar || c.letter as "className", c.class_teacher_id as "classTeacherId", sc.school_name as "schoolName", sc.timezone
from raw.students s
join raw.schools sc using (school_id)
left join raw.enrollments e on e.school_id = s.school_id and e.student_id = s.student_id
  and e.from_date <= $date::date and coalesce(e.to_date, date '9999-12-31') >= $date::date
left join raw.classes c on c.school_id = s.school_id and c.class_id = e.class_id
where s.student_id = $student
  and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], s.school_id))
limit 1
