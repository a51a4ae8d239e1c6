-- One row per lesson of a group between $from and $to: the columns of the journal grid.
select l.lesson_id as id, strftime(l.date, '%Y-%m-%d') as date, l.lesson_no as "lessonNo",
  left(l.starts_at::varchar, 5) as "startsAt", left(l.ends_at::varchar, 5) as "endsAt", l.status,
  l.teacher_id as "teacherId", l.conducted_by as "conductedBy", l.topic_id as "topicId",
  coalesce(l.topic_text, k.title) as "topicText", l.homework_text as "homeworkText", l.homework_minutes as "homeworkMinutes",
  l.attendance_entered_at is not null as "attendanceTaken", l.control_work_id as "controlWorkId", cw.kind as "controlWorkKind"
from raw.lessons l
left join raw.ktp k on k.school_id = l.school_id and k.topic_id = l.topic_id
left join raw.control_works cw on cw.school_id = l.school_id and cw.control_work_id = l.control_work_id
where l.school_id = $school and l.group_id = $group and l.date between $from::date and $to::date
order by l.date, l.lesson_no, l.starts_at, l.lesson_id
