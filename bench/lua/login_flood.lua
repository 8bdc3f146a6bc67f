-- POST /api/users/login for one user, as fast as the connections allow: the flood of section "Logins" in the
-- README. Answers 200 (signed in), 503 (hashing at capacity) and 429 (more attempts for the account from this
-- address at once than LOGIN_FAILURE_LIMIT: an attempt counts as a failure until it succeeds) are expected and
-- counted apart; anything else is an error. Prints BENCH_RESULT (non2xx = the unexpected answers only) and
-- BENCH_FLOOD.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local email = common.lines(common.env("BENCH_EMAILS"))[1]
wrk.method = "POST"
wrk.path = "/api/users/login"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"user":{"email":' .. common.json_string(email) .. ',"password":'
    .. common.json_string(common.env("BENCH_PASSWORD")) .. '}}'

local threads = {}
signed_in = 0
refused = 0
limited = 0
unexpected = 0

function setup(thread)
    table.insert(threads, thread)
end

function response(status, headers, body)
    if status == 200 then
        signed_in = signed_in + 1
    elseif status == 503 then
        refused = refused + 1
    elseif status == 429 then
        limited = limited + 1
    else
        unexpected = unexpected + 1
        if unexpected <= 3 then
            io.stderr:write(string.format("bench: unexpected login answer %d: %s\n", status, string.sub(body or "", 1, 300)))
        end
    end
end

function done(summary, latency, requests)
    local totals = { signed_in = 0, refused = 0, limited = 0, unexpected = 0 }
    for _, thread in ipairs(threads) do
        for name, _ in pairs(totals) do
            totals[name] = totals[name] + (thread:get(name) or 0)
        end
    end
    local e = summary.errors
    io.write(string.format(
        "BENCH_RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d socket_errors=%d non2xx=%d\n",
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
        e.connect + e.read + e.write + e.timeout, totals.unexpected))
    io.write(string.format("BENCH_FLOOD signed_in=%d refused=%d limited=%d\n", totals.signed_in, totals.refused,
        totals.limited))
end
