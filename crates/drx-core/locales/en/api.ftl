# Personal API tokens (account page)
api-tokens = API tokens
api-tokens-help = A token lets a program use the drx API (/api/v1) as you, with your permissions. Send it as "Authorization: Bearer <token>". Revoke a token you no longer use.
api-token-name = Token name
api-token-create = Create token
api-token-created = Your new token is below. Copy it now: it is shown only once.
api-token-revoke = Revoke
api-token-revoked = Revoked
api-token-revoked-ok = The token was revoked; programs using it are refused from now on.
api-token-not-found = You have no such live token; nothing was changed.
api-token-none = You have no API tokens.
api-token-last-used = Last used
api-token-created-at = Created
api-token-never = never
api-token-too-many = You have too many live tokens (at most { $max }). Revoke one first.
api-docs = API description (OpenAPI)
