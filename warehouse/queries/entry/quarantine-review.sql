update app.quarantine set status = $status, reviewed_by = $reviewed_by, reviewed_at = now() where item_id = $item_id
