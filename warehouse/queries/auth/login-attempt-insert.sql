insert into app.login_attempts (login, ip, attempted_at, ok) values ($login, $ip, now(), $ok)
