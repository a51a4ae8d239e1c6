-- Per file: rejected records, issues, and records the CSV reader dropped.
select file,
  count(distinct coalesce(rid, -1 - byte_pos))::integer as n,
  count(*)::integer as issues,
  count(distinct byte_pos) filter (where rid is null)::integer as malformed
from bundle_rejects
group by file
