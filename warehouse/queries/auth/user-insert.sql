insert into app.users (user_id, login, role, school_id, staff_id, student_id, guardian_id, district_id, password_hash,
  must_change_password, created_at, password_changed_at)
values ($user_id, $login, $role, $school_id, $staff_id, $student_id, $guardian_id, $district_id, $password_hash,
  $must_change_password, now(), now())
