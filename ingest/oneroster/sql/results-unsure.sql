-- the results that are not clean marks, in file order: skipped by status (counted), another
-- school's (dropped), and the `unsure` ones the JS mapper decides on
select rid::integer as rid, kind, sourcedId, status, dateLastModified, lineItemSourcedId, studentSourcedId, scoreStatus, score, textScore,
  comment, ext_svodka_enteredBy
from (select *, or_kind(status_kind, row_ok, lineItemSourcedId, studentSourcedId) as kind from or_source)
where kind <> 'clean'
order by rid
