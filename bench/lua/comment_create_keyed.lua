-- POST /api/articles/{slug}/comments as comment_create.lua does, each request with an Idempotency-Key of its own,
-- so every one runs (a key is claimed, the comment and its stored response commit together): the cost of a key.
local walk = dofile(os.getenv("BENCH_LUA_DIR") .. "/slugs.lua")
local nonce = os.getenv("BENCH_NONCE")

local sent = 0

function request()
    local slug = walk.next()
    sent = sent + 1
    local body = string.format(
        '{"comment":{"body":"Benchmark comment %d from thread %d: a sentence of ordinary length for a comment."}}',
        sent, thread_id)
    local headers = {["Content-Type"] = "application/json",
                     ["Idempotency-Key"] = string.format("bench-%s-%d-%d", nonce, thread_id, sent)}
    return wrk.format("POST", "/api/articles/" .. slug .. "/comments", walk.common.as_writer(sent, headers), body)
end
