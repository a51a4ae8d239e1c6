select user_id, login, role, school_id, staff_id, student_id, guardian_id, district_id, password_hash, disabled,
  failed_attempts, epoch_ms(locked_until) as locked_until_ms, must_change_password
from app.users where login = $login
