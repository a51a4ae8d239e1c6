update app.users set disabled = $disabled where user_id = $user_id
