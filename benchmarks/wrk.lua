-- Loaded into every wrk run of the benchmark (benchmarks/load.py).
--
--   wrk ... -s wrk.lua URL [PATHS_FILE THREADS]
--
-- done() prints one line, "BENCHMARK-JSON {...}": requests, seconds, bytes, latency percentiles
-- (microseconds) and errors, so nothing depends on wrk's text layout.
-- With PATHS_FILE, each request takes the next path of that file (one per line), thread n
-- starting at line n and stepping by THREADS: distinct URLs across threads (the cache-busting
-- flood). Without it, wrk sends its one static request (no Lua call per request).

local count = 0

function setup(thread)
  count = count + 1
  thread:set("index", count)
end

function init(args)
  if args[1] == nil then
    return
  end
  local paths = {}
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  local step = tonumber(args[2])
  local next_path = index
  request = function()
    local path = paths[next_path]
    next_path = next_path + step
    if next_path > #paths then
      next_path = (next_path - 1) % #paths + 1
    end
    return wrk.format(nil, path)
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCHMARK-JSON {"requests": %d, "seconds": %.6f, "bytes": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, summary.duration / 1e6, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
