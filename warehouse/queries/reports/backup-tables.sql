-- Every base table of the attached database $catalog (schema, name), for backup checksums.
select schema_name, table_name
from duckdb_tables()
where database_name = $catalog and not temporary
order by schema_name, table_name
