-- The archive entries whose file hash or content id (the QR code's) is $sha256, newest first.
select entry_id, school_id, academic_year, form_id, class_id, period_id, student_id, kind, sha256, content_sha256,
       size_bytes::integer as size_bytes, signer, signed, strftime(archived_at, '%Y-%m-%dT%H:%M:%SZ') as archived_at,
       retention_years, strftime(retain_until, '%Y-%m-%d') as retain_until, file_path,
       strftime(deleted_at, '%Y-%m-%dT%H:%M:%SZ') as deleted_at
from raw.archive_entries
where sha256 = $sha256 or content_sha256 = $sha256
order by archived_at desc
