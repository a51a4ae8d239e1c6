insert into app.compromise_reports (report_id, user_id, login, compromised_at, reported_by, reported_at, note)
values ($report_id, $user_id, $login, $compromised_at::timestamptz, $reported_by, now(), $note)
