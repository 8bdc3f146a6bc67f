-- POST /api/users/login, walking the seeded users' e-mail addresses (all share the seed's password).
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
wrk.headers["Content-Type"] = "application/json"

local emails = common.lines(common.env("BENCH_EMAILS"))
local password = common.json_string(common.env("BENCH_PASSWORD"))
local threads = tonumber(common.env("BENCH_THREADS"))
local position = 0

function init(args)
    position = thread_id
end

function request()
    local email = emails[position % #emails + 1]
    position = position + threads
    local body = '{"user":{"email":' .. common.json_string(email) .. ',"password":' .. password .. '}}'
    return wrk.format("POST", "/api/users/login", nil, body)
end
