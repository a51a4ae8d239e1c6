select item_id, report_id, school_id, entity, entity_id, seqs, held_row::varchar as held_row, restored_row::varchar as restored_row, status
from app.quarantine where item_id = $item_id
