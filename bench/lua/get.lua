-- A fixed GET (the URL given to wrk), anonymous. Used for lists with or without filters, and for tags.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
