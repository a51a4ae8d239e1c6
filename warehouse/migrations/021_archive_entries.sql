-- Archive registry contract read by R-ARCHIVE (docs/rule-semantics.md): one row per archived signed form.
-- The forms engineer writes it (svodka archive year); class_id is null for a school-wide form.
create table raw.archive_entries (
  school_id varchar not null, academic_year varchar not null, form_id varchar not null, class_id varchar,
  sha256 varchar not null, archived_at timestamptz not null, signed boolean not null default true,
  retention_years integer, file_path varchar
);
