-- The header of one group's journal: subject, class, teacher, scale; null row when it does not exist.
select g.school_id, g.group_id as id, g.name, g.kind, g.subject_id as "subjectId", s.name as "subjectName",
  g.class_id as "classId", g.teacher_id as "teacherId", t.full_name as "teacherName", sc.mark_scale as "markScale",
  sc.timezone
from raw.groups g
join raw.schools sc using (school_id)
left join raw.subjects s on s.school_id = g.school_id and s.subject_id = g.subject_id
left join raw.staff t on t.school_id = g.school_id and t.staff_id = g.teacher_id
where g.group_id = $group
  and ($allowed_schools::varchar[] is null or list_contains($allowed_schools::varchar[], g.school_id))
