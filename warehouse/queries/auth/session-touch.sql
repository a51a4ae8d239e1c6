update app.sessions set last_seen_at = now() where token_hash = $token_hash
