update app.users
set password_hash = $password_hash, must_change_password = $must_change_password, password_changed_at = now(),
    failed_attempts = 0, locked_until = null
where user_id = $user_id
