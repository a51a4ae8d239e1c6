-- What a member of staff teaches and leads in one school: the raw journal data, so that scope does
-- not wait for a model build. Students of a `class` group are the class's enrolment, others' members.
with taught as (
  select group_id, class_id from raw.groups where school_id = $school_id and teacher_id = $staff_id
),
own_classes as (
  select class_id from raw.classes where school_id = $school_id and class_teacher_id = $staff_id
),
own_class_groups as (
  select group_id from raw.groups where school_id = $school_id and class_id in (select class_id from own_classes)
),
taught_students as (
  select student_id from raw.group_members
  where school_id = $school_id and group_id in (select group_id from taught)
  union
  select e.student_id from raw.enrollments e
  join raw.groups g on g.school_id = e.school_id and g.class_id = e.class_id and g.kind = 'class'
  where e.school_id = $school_id and g.group_id in (select group_id from taught)
),
class_students as (
  select student_id from raw.enrollments where school_id = $school_id and class_id in (select class_id from own_classes)
)
select
  coalesce((select list(distinct group_id order by group_id) from taught), []::varchar[]) as taught_groups,
  coalesce((select list(distinct class_id order by class_id) from taught where class_id is not null), []::varchar[]) as taught_classes,
  coalesce((select list(distinct class_id order by class_id) from own_classes), []::varchar[]) as own_classes,
  coalesce((select list(distinct group_id order by group_id) from own_class_groups), []::varchar[]) as own_class_groups,
  coalesce((select list(distinct student_id order by student_id) from taught_students), []::varchar[]) as taught_students,
  coalesce((select list(distinct student_id order by student_id) from class_students), []::varchar[]) as class_students
