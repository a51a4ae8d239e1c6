-- the last link of the audit chain. Not `order by seq desc limit 1`: that top-N, prepared while the log
-- was empty and run again after links were added, returned garbage (a seq like 140415365808178) in
-- DuckDB 1.5.6 (test/sql/audit-tail-reread.test.ts)
select seq, hash from raw.audit_log where seq = (select max(seq) from raw.audit_log)
