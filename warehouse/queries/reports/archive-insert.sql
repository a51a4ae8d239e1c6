-- Registers one archived file (a signed form or a bundle snapshot). Params: every column below.
insert into raw.archive_entries (entry_id, school_id, academic_year, form_id, class_id, period_id, student_id, kind,
  sha256, content_sha256, size_bytes, signer, signed, archived_at, retention_years, retain_until, file_path)
values ($entry_id, $school_id, $academic_year, $form_id, $class_id, $period_id, $student_id, $kind,
  $sha256, $content_sha256, $size_bytes, $signer, $signed, $archived_at::timestamptz, $retention_years, $retain_until::date, $file_path)
