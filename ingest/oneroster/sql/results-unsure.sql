-- one pass over the results that are not plain clean marks, in file order: skipped by status
-- (counted), another school's (dropped), clean marks valued from textScore (their provenance names
-- that column), and the `unsure` ones the JS mapper decides on
select rowid::integer as rid, kind, sourcedId, status, dateLastModified, lineItemSourcedId, studentSourcedId, scoreStatus, score, textScore,
  comment, ext_svodka_enteredBy
from (select rowid, or_kind(status_kind, row_ok, lineItemSourcedId, studentSourcedId) as kind, * from or_results)
where kind <> 'clean' or score = ''
order by rid
