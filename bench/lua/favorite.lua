-- Favorite then unfavorite many articles as many users: a thread favorites every article of its share of the
-- slug list in turn, then unfavorites them in turn, and so on; each article is always (un)favorited by the same
-- one of the writers, so every unfavorite removes a favorite. The same connection never has both calls for one
-- article in flight, and the favorites_count updates spread over many rows.
local walk = dofile(os.getenv("BENCH_LUA_DIR") .. "/slugs.lua")

function request()
    local slug, round, index = walk.next()
    local method = (round % 2 == 0) and "POST" or "DELETE"
    return wrk.format(method, "/api/articles/" .. slug .. "/favorite", walk.common.as_writer(index))
end
