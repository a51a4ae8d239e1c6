-- changes whenever an import committed (every import writes its batch row in its own transaction)
select count(*)::bigint as n, max(started_at)::varchar as last from raw.import_batch
