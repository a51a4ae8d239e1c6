-- accounts an admin may manage: $all_schools = true for the global admin, else those of $schools (json list)
select login, role, school_id, staff_id, student_id, guardian_id, district_id, disabled,
  failed_attempts, locked_until, must_change_password, created_at
from app.users
where $all_schools or school_id in (select unnest(from_json($schools, '["VARCHAR"]')))
order by login
