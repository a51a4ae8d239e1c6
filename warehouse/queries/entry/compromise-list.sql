-- reports with their items, limited to the schools an admin manages ($all_schools or $schools)
select r.report_id, r.login, r.compromised_at, r.reported_by, r.reported_at, r.note,
  q.item_id, q.school_id, q.entity, q.entity_id, q.seqs, q.status, q.reviewed_by, q.reviewed_at,
  q.held_row::varchar as held_row, q.restored_row::varchar as restored_row
from app.compromise_reports r
left join app.quarantine q on q.report_id = r.report_id
where $all_schools or q.school_id in (select unnest(from_json($schools, '["VARCHAR"]')))
  or r.user_id in (select user_id from app.users where school_id in (select unnest(from_json($schools, '["VARCHAR"]'))))
order by r.reported_at, q.item_id
