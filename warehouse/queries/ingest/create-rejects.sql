-- The import's rejected rows, one per issue (connection-local). rid: the row in the staged table
-- (null for a record the CSV reader dropped, located by byte_pos); ref_rid: the first duplicate or the
-- rejected target row.
create or replace temp table bundle_rejects (
  file varchar not null, rid bigint, col varchar, code varchar not null, val varchar, ref_rid bigint, byte_pos bigint, detail varchar
)
