-- Favorite then unfavorite many articles as the logged-in user: a thread favorites every article of its share
-- of the slug list in turn, then unfavorites them in turn, and so on. The same connection never has both
-- calls for one article in flight, and the favorites_count updates spread over many rows.
local walk = dofile(os.getenv("BENCH_LUA_DIR") .. "/slugs.lua")
walk.common.authenticate()

function request()
    local slug, round = walk.next()
    local method = (round % 2 == 0) and "POST" or "DELETE"
    return wrk.format(method, "/api/articles/" .. slug .. "/favorite")
end
