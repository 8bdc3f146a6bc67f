-- A fixed GET (the URL given to wrk), anonymous, carrying the Consistency-Token of a write made before the run:
-- every read is routed to a replica that has replayed that write, which is the consistency check measured.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

wrk.headers["Consistency-Token"] = common.env("BENCH_CONSISTENCY_TOKEN")
