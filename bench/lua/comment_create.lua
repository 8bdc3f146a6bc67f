-- POST /api/articles/{slug}/comments over many articles, as many users in turn; with KEYED set (by
-- comment_create_keyed.lua) each request also carries an Idempotency-Key of its own.
local walk = dofile(os.getenv("BENCH_LUA_DIR") .. "/slugs.lua")
local nonce = os.getenv("BENCH_NONCE")

local sent = 0

function request()
    local slug = walk.next()
    sent = sent + 1
    local body = string.format(
        '{"comment":{"body":"Benchmark comment %d from thread %d: a sentence of ordinary length for a comment."}}',
        sent, thread_id)
    local headers = {["Content-Type"] = "application/json"}
    if KEYED then
        headers["Idempotency-Key"] = string.format("bench-%s-%d-%d", nonce, thread_id, sent)
    end
    return wrk.format("POST", "/api/articles/" .. slug .. "/comments", walk.common.as_writer(sent, headers), body)
end
