-- wrk script for scripts/bench_http.py: rotates over the paths in $BENCH_PATHS (separated by
-- spaces), sends the bearer token on /api/ paths and the session cookie on the pages, and
-- prints one machine-readable line at the end ("BENCH_JSON {...}"), with p95 (which wrk's own
-- --latency table leaves out).
-- $BENCH_COUNT_STATUS=1 also counts every answer outside 2xx (wrk itself counts only >= 400);
-- it costs a little client time per answer, so the throughput runs leave it off.

local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "/health", "%S+") do
    paths[#paths + 1] = path
end
local token = os.getenv("BENCH_TOKEN") or ""
local cookie = os.getenv("BENCH_COOKIE") or ""
local count_status = os.getenv("BENCH_COUNT_STATUS") == "1"

local threads = {}
local thread_count = 0

function setup(thread)
    thread_count = thread_count + 1
    thread:set("thread_index", thread_count)
    threads[#threads + 1] = thread
end

local requests = {}
local next_index = 1
non2xx = 0
statuses = ""

function init(args)
    for i, path in ipairs(paths) do
        local headers = {}
        if string.sub(path, 1, 5) == "/api/" then
            if token ~= "" then headers["Authorization"] = "Bearer " .. token end
        elseif cookie ~= "" and path ~= "/health" then
            -- Not on /health: the reference is the bare probe, and a session cookie makes the
            -- server read the session (one more statement), as any request carrying it does.
            headers["Cookie"] = cookie
        end
        requests[i] = wrk.format("GET", path, headers)
    end
    -- Threads start at different places in the rotation.
    next_index = ((thread_index or 1) - 1) % #requests + 1
end

function request()
    local r = requests[next_index]
    next_index = next_index % #requests + 1
    return r
end

if count_status then
    local seen = {}
    function response(status, headers, body)
        if status < 200 or status > 299 then
            non2xx = non2xx + 1
            if not seen[status] then
                seen[status] = true
                statuses = statuses .. tostring(status) .. " "
            end
        end
    end
end

function done(summary, latency, requests_)
    local extra = 0
    local codes = ""
    for _, thread in ipairs(threads) do
        extra = extra + (thread:get("non2xx") or 0)
        codes = codes .. (thread:get("statuses") or "")
    end
    local e = summary.errors
    local seconds = summary.duration / 1e6
    io.write(string.format(
        'BENCH_JSON {"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.3f, "p95_ms": %.3f, '
            .. '"p99_ms": %.3f, "max_ms": %.3f, "mean_ms": %.3f, "connect_errors": %d, "read_errors": %d, '
            .. '"write_errors": %d, "status_errors": %d, "timeouts": %d, "non2xx": %d, "non2xx_codes": "%s", '
            .. '"status_counted": %s}\n',
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, latency.mean / 1000, e.connect, e.read, e.write, e.status, e.timeout,
        extra, codes, tostring(count_status)))
end
