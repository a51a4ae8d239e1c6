-- Application state that is not journal data: accounts, sessions, compromise reports and their
-- quarantined rows, finals unlocks. Written by api/auth and ingest/entry only.
create schema if not exists app;

create table app.users (
  user_id varchar not null primary key,
  login varchar not null unique,
  role varchar not null check (role in ('director', 'deputy', 'class_teacher', 'teacher', 'admin', 'guardian', 'student', 'district')),
  -- the school the account belongs to; null for district staff and for the global admin
  school_id varchar,
  staff_id varchar, student_id varchar, guardian_id varchar, district_id varchar,
  password_hash varchar not null,
  disabled boolean not null default false,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  must_change_password boolean not null default false,
  created_at timestamptz not null,
  password_changed_at timestamptz not null
);

create table app.sessions (
  -- sha256 of the cookie value: a leaked table does not give usable sessions
  token_hash varchar not null primary key,
  user_id varchar not null,
  csrf_token varchar not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null
);

create table app.login_attempts (
  login varchar not null, ip varchar, attempted_at timestamptz not null, ok boolean not null
);

create table app.compromise_reports (
  report_id varchar not null primary key,
  user_id varchar not null,
  login varchar not null,
  compromised_at timestamptz not null,
  reported_by varchar not null,
  reported_at timestamptz not null,
  note varchar
);

-- One row per journal object changed by a compromised account after the reported time. `held_row`
-- is the row as the suspect operations left it (moved out of raw.*), `restored_row` what raw.* holds
-- meanwhile (the state before the first suspect operation; null = no row).
create table app.quarantine (
  item_id varchar not null primary key,
  report_id varchar not null,
  school_id varchar,
  entity varchar not null,
  entity_id varchar not null,
  seqs varchar not null,
  held_row json,
  restored_row json,
  status varchar not null check (status in ('pending', 'confirmed', 'reverted', 'conflict')),
  reviewed_by varchar,
  reviewed_at timestamptz
);

-- The admin lifts the finals lock of one group and period, with a reason, until `until`.
create table app.finals_unlocks (
  unlock_id varchar not null primary key,
  school_id varchar not null,
  group_id varchar not null,
  period_id varchar not null,
  reason varchar not null,
  unlocked_by varchar not null,
  unlocked_at timestamptz not null,
  until timestamptz not null
);
