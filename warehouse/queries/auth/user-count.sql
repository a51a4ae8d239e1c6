select count(*)::integer as n from app.users
