-- one more failed login; after $max failures in a row the account is locked until $locked_until
update app.users
set failed_attempts = failed_attempts + 1,
    locked_until = case when failed_attempts + 1 >= $max then $locked_until::timestamptz else locked_until end
where user_id = $user_id
