-- Backups made by this warehouse (svodka backup, the admin route, the schedule): one row per attempt.
create schema if not exists meta;
create table if not exists meta.backup_log (
  backup_id varchar not null primary key, started_at timestamptz not null, finished_at timestamptz,
  trigger varchar not null, path varchar, sha256 varchar, size_bytes bigint, tables integer,
  status varchar not null check (status in ('running', 'done', 'failed')), error varchar
);
