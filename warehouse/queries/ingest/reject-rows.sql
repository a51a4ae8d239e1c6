-- The issues in file order ($order: the bundle's files), then row, capped at $max.
select file, rid, col, code, val, ref_rid, byte_pos, detail
from bundle_rejects
order by list_position($order, file), coalesce(rid, -1), byte_pos, col, code
limit $max
