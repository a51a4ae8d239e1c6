-- Every school in the warehouse.
select school_id from raw.schools order by school_id
