-- Shared by the scenarios that walk the runner's slug list: each thread takes every n-th slug from its own
-- start, so threads never touch the same article and every request reaches a different row than the last.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local walk = {}
local slugs = common.lines(common.env("BENCH_SLUGS"))
local threads = tonumber(common.env("BENCH_THREADS"))
local position = 0

function init(args)
    position = thread_id
end

-- The next slug of this thread, how many times this thread has gone round its share of the list, and the
-- slug's index in the list.
function walk.next()
    local index = position % #slugs
    local round = math.floor(position / #slugs)
    position = position + threads
    return slugs[index + 1], round, index
end

walk.common = common
return walk
