-- a session with its account; expired when past its absolute end or idle for longer than $idle_seconds
select s.user_id, s.csrf_token, epoch_ms(s.last_seen_at) as last_seen_ms, epoch_ms(s.expires_at) as expires_ms,
  (s.expires_at <= now() or s.last_seen_at + to_seconds($idle_seconds::bigint) <= now()) as expired,
  u.disabled, u.must_change_password
from app.sessions s join app.users u using (user_id)
where s.token_hash = $token_hash
