insert into app.quarantine (item_id, report_id, school_id, entity, entity_id, seqs, held_row, restored_row, status)
values ($item_id, $report_id, $school_id, $entity, $entity_id, $seqs, $held_row::json, $restored_row::json, $status)
