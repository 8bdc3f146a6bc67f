-- Shared by every scenario script (loaded with dofile). Counts non-2xx responses per thread, reads the
-- runner's inputs from the environment, and prints one machine-readable result line at the end, because wrk's
-- own summary counts only statuses above 399 and has no percentile the runner can parse reliably.
--
-- Environment (set by bench/run): BENCH_TOKEN  a JWT for authenticated scenarios
--                                 BENCH_WRITER_TOKENS a file with one JWT per line, of different users (writes)
--                                 BENCH_SLUGS  a file with one article slug per line
--                                 BENCH_EMAILS a file with one e-mail address per line (login)
--                                 BENCH_PASSWORD the seeded users' password (login)

local common = {}
local threads = {}
local next_thread_id = 0

non2xx = 0

-- Each thread gets an id so that scenarios walking a list start at different places and do not collide.
function setup(thread)
    thread:set("thread_id", next_thread_id)
    next_thread_id = next_thread_id + 1
    table.insert(threads, thread)
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        non2xx = non2xx + 1
        if non2xx <= 3 then
            io.stderr:write(string.format("bench: non-2xx response %d: %s\n", status, string.sub(body or "", 1, 300)))
        end
    end
end

-- The sum over every thread of the counter NAME (a global each thread keeps, such as non2xx).
function common.total(name)
    local sum = 0
    for _, thread in ipairs(threads) do
        sum = sum + (thread:get(name) or 0)
    end
    return sum
end

function done(summary, latency, requests)
    local bad = common.total("non2xx")
    local e = summary.errors
    local socket = e.connect + e.read + e.write + e.timeout
    io.write(string.format(
        "BENCH_RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d socket_errors=%d non2xx=%d\n",
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), socket, bad))
end

function common.env(name)
    local value = os.getenv(name)
    if value == nil or value == "" then
        error("bench: environment variable " .. name .. " is not set")
    end
    return value
end

function common.lines(path)
    local list = {}
    for line in io.lines(path) do
        if line ~= "" then
            table.insert(list, line)
        end
    end
    if #list == 0 then
        error("bench: " .. path .. " is empty")
    end
    return list
end

function common.authenticate()
    wrk.headers["Authorization"] = "Token " .. common.env("BENCH_TOKEN")
end

-- Headers for a request as the n-th of the writers (BENCH_WRITER_TOKENS), on top of the common headers.
-- Writes come from many users, as they do in use: one user's own writes all move that user's counters
-- (articles written, articles favorited), and those serialize on the counter's row by design.
local writer_tokens = nil
function common.as_writer(n, extra)
    if writer_tokens == nil then
        writer_tokens = common.lines(common.env("BENCH_WRITER_TOKENS"))
    end
    local headers = {}
    for name, value in pairs(wrk.headers) do
        headers[name] = value
    end
    for name, value in pairs(extra or {}) do
        headers[name] = value
    end
    headers["Authorization"] = "Token " .. writer_tokens[n % #writer_tokens + 1]
    return headers
end

-- The value for a JSON string; bench inputs are slugs and e-mail addresses, so quoting is enough.
function common.json_string(text)
    return '"' .. string.gsub(text, '(["\\])', '\\%1') .. '"'
end

wrk.headers["Accept"] = "application/json"

return common
