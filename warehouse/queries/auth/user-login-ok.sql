update app.users set failed_attempts = 0, locked_until = null where user_id = $user_id
