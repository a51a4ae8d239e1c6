-- The school whose first chart the warm-up reads (any school: the mart's rows of every school share its blocks).
select min(school_id) as school_id from staging.schools
