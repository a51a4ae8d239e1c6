delete from app.sessions where token_hash = $token_hash
