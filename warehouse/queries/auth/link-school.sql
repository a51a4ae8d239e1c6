-- the schools holding a staff member, student or guardian id ($kind: staff | student | guardian)
select distinct school_id from (
  select school_id, staff_id as id, 'staff' as kind from raw.staff
  union all select school_id, student_id, 'student' from raw.students
  union all select school_id, guardian_id, 'guardian' from raw.guardians
) where kind = $kind and id = $id
order by school_id
