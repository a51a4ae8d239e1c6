-- Does an object named by a request exist inside the caller's scope? Ids are unique within a school,
-- so the object is looked up in the schools the caller may see ($all_schools or $schools) and then,
-- when the caller's list for that kind is restricted ($restricted), in that list.
with schools as (
  select school_id from raw.schools
  where $all_schools or school_id in (select unnest(from_json($schools, '["VARCHAR"]')))
),
objects as (
  select school_id, school_id as id from raw.schools where $kind = 'school'
  union all select school_id, class_id from raw.classes where $kind = 'class'
  union all select school_id, group_id from raw.groups where $kind = 'group'
  union all select school_id, student_id from raw.students where $kind = 'student'
  union all select school_id, district_id from raw.schools where $kind = 'district'
)
select count(*)::integer as n from objects
where id = $id and school_id in (select school_id from schools)
  and (not $restricted or id in (select unnest(from_json($allowed, '["VARCHAR"]'))))
