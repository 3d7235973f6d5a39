-- wrk script of bench/run.sh: POSTs one GraphQL body, counts answers carrying GraphQL errors,
-- and prints the figures as one JSON line (prefixed BENCH_JSON) when done.
-- Environment: BENCH_BODY (file holding the JSON body), BENCH_TOKEN (bearer token, optional).
local body_file = assert(os.getenv("BENCH_BODY"), "BENCH_BODY is not set")
local f = assert(io.open(body_file, "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

local gql_errors = 0
-- A 200 carrying {"errors": …} is a failure too: a benchmark of an error is worthless.
function response(status, headers, body)
  if status == 200 and string.find(body, '"errors"', 1, true) then
    gql_errors = gql_errors + 1
  end
end

function done(summary, latency, requests)
  local errs = 0
  for _, t in ipairs(threads) do
    errs = errs + (t:get("gql_errors") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"rps":%.2f,' ..
    '"p50_us":%d,"p95_us":%d,"p99_us":%d,"mean_us":%.1f,"max_us":%d,' ..
    '"non2xx":%d,"socket_errors":%d,"timeouts":%d,"graphql_errors":%d}\n',
    summary.requests, summary.duration, summary.bytes,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max,
    e.status, e.connect + e.read + e.write, e.timeout, errs))
end
