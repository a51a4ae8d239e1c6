insert into app.sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
values ($token_hash, $user_id, $csrf_token, now(), now(), $expires_at::timestamptz)
