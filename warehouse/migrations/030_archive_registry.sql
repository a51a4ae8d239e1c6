-- Archive registry (issue 6): extends the R-ARCHIVE contract table raw.archive_entries (021) with what
-- the archive itself needs. Every signed form and every year-end bundle snapshot is one row; the file
-- lives under the archive folder; `sha256` is the file's hash, `content_sha256` the id shown in the
-- stamp's QR code (/verify/<content_sha256>). Rows are never deleted: deletion sets deleted_at, and is
-- refused before retain_until.
alter table raw.archive_entries add column if not exists entry_id varchar;
alter table raw.archive_entries add column if not exists kind varchar default 'form';
alter table raw.archive_entries add column if not exists period_id varchar;
alter table raw.archive_entries add column if not exists student_id varchar;
alter table raw.archive_entries add column if not exists content_sha256 varchar;
alter table raw.archive_entries add column if not exists size_bytes bigint;
alter table raw.archive_entries add column if not exists signer varchar;
alter table raw.archive_entries add column if not exists retain_until date;
alter table raw.archive_entries add column if not exists deleted_at timestamptz;
