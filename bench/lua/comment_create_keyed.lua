-- POST /api/articles/{slug}/comments as comment_create.lua does, each request with an Idempotency-Key of its own,
-- so every one runs (the comment and its response, stored on the key, commit together): the cost of a key.
KEYED = true
dofile(os.getenv("BENCH_LUA_DIR") .. "/comment_create.lua")
