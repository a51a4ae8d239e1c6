-- marts.m_hw_load: one row per class × school day with due lessons (M-HW-LOAD, homework load): the
-- minutes of homework given that day against the hygiene norm for the class's grade (СанПиН 1.2.3685-21:
-- grade 1: 60, 2–3: 90, 4–5: 120, 6–8: 150, 9–11: 210). A stream's lessons count for every class its
-- members are in that day. Parallel groups of one subject (subgroups) are alternatives for a student:
-- per subject the largest of their minutes counts, then the subjects are summed.
with lessons as (
  select * from core.lessons where is_due
),
classes as (
  select * from staging.classes
),
group_spans as (
  select * from core.memberships_group
),
class_spans as (
  select * from core.memberships_class
),
stream_classes as (
  select distinct l.school_id, l.lesson_id, cs.class_id
  from lessons l
  join group_spans gs on gs.school_id = l.school_id and gs.group_id = l.group_id and l.date between gs.from_date and gs.until_date
  join class_spans cs on cs.school_id = gs.school_id and cs.student_id = gs.student_id and l.date between cs.from_date and cs.until_date
  where l.class_id is null
),
class_lessons as (
  select l.school_id, coalesce(l.class_id, sc.class_id) as class_id, l.date, l.subject_id, l.lesson_id, l.homework_minutes
  from lessons l
  left join stream_classes sc on sc.school_id = l.school_id and sc.lesson_id = l.lesson_id
  where coalesce(l.class_id, sc.class_id) is not null
),
per_subject as (
  select school_id, class_id, date, subject_id, count(*) as lessons, coalesce(max(homework_minutes), 0) as minutes
  from class_lessons
  group by all
),
final as (
  select p.school_id, p.class_id, c.grade, p.date,
         sum(p.lessons)::integer as lessons,
         sum(p.minutes)::integer as homework_minutes,
         case when c.grade = 1 then 60 when c.grade <= 3 then 90 when c.grade <= 5 then 120
              when c.grade <= 8 then 150 else 210 end as norm_minutes
  from per_subject p
  join classes c on c.school_id = p.school_id and c.class_id = p.class_id
  group by p.school_id, p.class_id, c.grade, p.date
)
select * from final
