delete from app.sessions where user_id = $user_id
