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

signed_in = 0
refused = 0
limited = 0

-- non2xx (common.lua's count of errors) counts only the unexpected answers here.
function response(status, headers, body)
    if status == 200 then
        signed_in = signed_in + 1
    elseif status == 503 then
        refused = refused + 1
    elseif status == 429 then
        limited = limited + 1
    else
        non2xx = non2xx + 1
        if non2xx <= 3 then
            io.stderr:write(string.format("bench: unexpected login answer %d: %s\n", status, string.sub(body or "", 1, 300)))
        end
    end
end

local result = done
function done(summary, latency, requests)
    result(summary, latency, requests)
    io.write(string.format("BENCH_FLOOD signed_in=%d refused=%d limited=%d\n", common.total("signed_in"),
        common.total("refused"), common.total("limited")))
end
