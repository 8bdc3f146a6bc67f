-- POST /api/articles/{slug}/comments over many articles, as many users in turn.
local walk = dofile(os.getenv("BENCH_LUA_DIR") .. "/slugs.lua")
local json = {["Content-Type"] = "application/json"}

local sent = 0

function request()
    local slug = walk.next()
    sent = sent + 1
    local body = string.format(
        '{"comment":{"body":"Benchmark comment %d from thread %d: a sentence of ordinary length for a comment."}}',
        sent, thread_id)
    return wrk.format("POST", "/api/articles/" .. slug .. "/comments", walk.common.as_writer(sent, json), body)
end
