select school_id from raw.schools where district_id = $district_id order by school_id
