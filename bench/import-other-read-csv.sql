-- bench/import-other.ts' baseline: DuckDB reads every row of a CSV file as text and counts them
select count(*) from read_csv($path, header = true, all_varchar = true, auto_detect = true)
