-- Byte positions of the records the CSV reader dropped, per file.
select file, byte_pos from bundle_rejects where rid is null
