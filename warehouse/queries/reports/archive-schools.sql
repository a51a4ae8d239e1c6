-- Every school of the warehouse (svodka archive year without --school).
select school_id from raw.schools order by school_id
