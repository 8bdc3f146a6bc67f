-- POST /api/articles as many users in turn, each with a new title (BENCH_NONCE tells wrk runs apart) and two
-- tags, so every request inserts an article and its tag links.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local json = {["Content-Type"] = "application/json"}

local nonce = common.env("BENCH_NONCE")
local sent = 0

function request()
    sent = sent + 1
    local body = string.format(
        '{"article":{"title":"Benchmark article %s %d %d","description":"What a benchmark writes",' ..
        '"body":"A body of a few sentences.\\nIt has two paragraphs, like a short post.",' ..
        '"tagList":["benchmark","tag%d"]}}',
        nonce, thread_id, sent, sent % 50)
    return wrk.format("POST", "/api/articles", common.as_writer(sent * 2 + thread_id, json), body)
end
