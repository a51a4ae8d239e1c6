select seq, hash from raw.audit_log order by seq desc limit 1
