-- core.memberships_group: one row per student × group membership span (M-PASS, M-FILL, R-PERIOD-FINAL).
-- A `class` group's members are its class's enrolment spans; every other kind (subgroup, stream,
-- elective, club, iup) takes its members from group_members. `to_date` inclusive, null = open;
-- `until_date` is the open end as 9999-12-31. `class_id` is the group's class (null for a stream).
with groups as (
  select * from staging.groups
),
class_spans as (
  select * from core.memberships_class
),
group_members as (
  select * from staging.group_members
),
whole_class as (
  select g.school_id, g.group_id, g.subject_id, g.class_id, g.kind as group_kind, g.teacher_id,
         m.student_id, m.from_date, m.to_date, m.until_date
  from groups g
  join class_spans m on m.school_id = g.school_id and m.class_id = g.class_id
  where g.kind = 'class'
),
listed as (
  select g.school_id, g.group_id, g.subject_id, g.class_id, g.kind as group_kind, g.teacher_id,
         gm.student_id, gm.from_date, gm.to_date, coalesce(gm.to_date, date '9999-12-31') as until_date
  from groups g
  join group_members gm on gm.school_id = g.school_id and gm.group_id = g.group_id
  where g.kind <> 'class'
),
final as (
  select * from whole_class
  union all
  select * from listed
)
select * from final
