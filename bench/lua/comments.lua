-- GET /api/articles/{slug}/comments over many articles, anonymous.
local walk = dofile(os.getenv("BENCH_LUA_DIR") .. "/slugs.lua")

function request()
    local slug = walk.next()
    return wrk.format("GET", "/api/articles/" .. slug .. "/comments")
end
