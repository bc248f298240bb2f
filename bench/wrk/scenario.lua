-- One benchmark scenario for wrk (https://github.com/wg/wrk), driven by bench/run.py.
--
-- BENCH_REQUESTS  a file of requests, one a line: METHOD <tab> PATH <tab> AUTHORIZATION (may be
--                 empty); each thread walks the list round-robin from its own starting point.
-- BENCH_RATE      total requests per second to pace at (0: as fast as the server answers).
-- BENCH_MAX       at most this many requests per thread (wrk's -d bounds the time).
--
-- done() prints one line "BENCH_RESULT {json}" with the request count, the duration, latency
-- percentiles (microseconds) and the errors: socket errors and answers other than 2xx/3xx,
-- 5xx counted apart.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock_id, bench_timespec *tp);
]]
local timespec = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(1, timespec) -- CLOCK_MONOTONIC
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_index", thread_count)
  table.insert(threads, thread)
end

local requests = {}
local position = 1
local interval_ms = 0
local next_send_ms = nil
local max_requests = 0
local answered = 0
server_errors = 0
client_errors = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_REQUESTS")) do
    local method, path, authorization = line:match("^([^\t]*)\t([^\t]*)\t?(.*)$")
    local headers = {}
    if authorization ~= nil and authorization ~= "" then
      headers["Authorization"] = authorization
    end
    table.insert(requests, wrk.format(method, path, headers, nil))
  end
  local rate = tonumber(os.getenv("BENCH_RATE") or "0")
  local threads_total = tonumber(os.getenv("BENCH_THREADS") or "1")
  if rate > 0 then
    interval_ms = 1000 * threads_total / rate
  end
  max_requests = tonumber(os.getenv("BENCH_MAX") or "0")
  -- Threads start at different places of the list, so they do not send the same request at once.
  position = 1 + ((thread_index - 1) * math.floor(#requests / threads_total)) % #requests
end

function request()
  local chosen = requests[position]
  position = position % #requests + 1
  return chosen
end

function delay()
  if interval_ms == 0 then
    return 0
  end
  -- A schedule per thread: each request takes the next slot, whichever connection sends it.
  local now = now_ms()
  if next_send_ms == nil or next_send_ms < now - 1000 then
    next_send_ms = now
  end
  local wait = next_send_ms - now
  next_send_ms = next_send_ms + interval_ms
  if wait < 0 then
    return 0
  end
  return wait
end

function response(status, headers, body)
  answered = answered + 1
  if status >= 500 then
    server_errors = server_errors + 1
  elseif status >= 400 then
    client_errors = client_errors + 1
  end
  if max_requests > 0 and answered >= max_requests then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests_stats)
  local server, client = 0, 0
  for _, thread in ipairs(threads) do
    server = server + thread:get("server_errors")
    client = client + thread:get("client_errors")
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "status_errors": %d, "server_errors": %d, "client_errors": %d, "connect_errors": %d, ' ..
    '"read_errors": %d, "write_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, errors.status, server, client, errors.connect, errors.read, errors.write, errors.timeout
  ))
end
