-- A fixed GET (the URL given to wrk) as the runner's logged-in user: lists as a reader who follows authors
-- and has favorites, and the feed.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

common.authenticate()
