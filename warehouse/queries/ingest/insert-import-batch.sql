-- One row per import (applied, unchanged, rejected or dry run).
insert into raw.import_batch (batch_id, school_id, source, format, content_hash, file_hashes, counts, rejected, report, actor, status, started_at, finished_at)
values ($batch_id, $school_id, $source, $format, $content_hash, $file_hashes::json, $counts::json, $rejected, $report::json, $actor, $status,
        $started_at::timestamptz, $finished_at::timestamptz)
