-- Benchmark only: one more school day of entries for $school — the marks of its busiest day copied
-- to new ids, entered a day later (late ones, so the rule marts change).
insert into raw.marks
select m.school_id, m.mark_id || '-b', m.lesson_id, m.student_id, m.value, m.work_type, m.weight,
       m.entered_at + interval 1 day, m.entered_by, m.makeup, m.comment
from raw.marks m
join raw.lessons l on l.school_id = m.school_id and l.lesson_id = m.lesson_id
where m.school_id = $school
  and l.date = (select l2.date from raw.lessons l2 where l2.school_id = $school and l2.status = 'held'
                group by l2.date order by count(*) desc, l2.date limit 1)
