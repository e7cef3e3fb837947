-- wrk script of the drx load benchmark: one signed-in organizer, nine reads for every write.
-- Reads: the need catalogue (plain, searched in Chinese and in English), one need, the call,
-- its submission list and the dashboard. Writes: a new need through the real form with its
-- CSRF token (answered 303). Environment: DRX_COOKIE, DRX_CSRF, DRX_FIELD, DRX_HOSPITAL.
local cookie = os.getenv("DRX_COOKIE")
local csrf = os.getenv("DRX_CSRF")
local field = os.getenv("DRX_FIELD")
local hospital = os.getenv("DRX_HOSPITAL")
local reads = {
  "/needs",
  "/needs?q=%E5%BA%B7%E5%A4%8D",
  "/needs?q=rehabilitation",
  "/needs/1",
  "/calls/1",
  "/calls/1/submissions",
  "/dashboard",
  "/needs/7",
  "/",
}
local threads = {}
counter = 0
writes, acknowledged, failed = 0, 0, 0 -- globals: done() reads them per thread

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  wrk.headers["Cookie"] = cookie
end

function request()
  counter = counter + 1
  if counter % 10 == 0 then
    writes = writes + 1
    local body = "csrf=" .. csrf ..
      "&problem=load+test+need+" .. id .. "-" .. counter ..
      "&population=adults+after+stroke&outcome=walk+again+sooner" ..
      "&current_practice=&confidential_details=&urgency=medium" ..
      "&field=" .. field .. "&organization=" .. hospital
    return wrk.format("POST", "/needs/new",
      { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, body)
  end
  return wrk.format("GET", reads[(counter % #reads) + 1])
end

-- Reads answer 200 and a stored need answers 303 (to its page); anything else is a failure.
function response(status, headers, body)
  if status == 303 then
    acknowledged = acknowledged + 1
  elseif status ~= 200 then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local w, a, f = 0, 0, 0
  for _, t in ipairs(threads) do
    w = w + t:get("writes")
    a = a + t:get("acknowledged")
    f = f + t:get("failed")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "status_errors=%d socket_errors=%d writes=%d writes_acknowledged=%d unexpected=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, w, a, f))
end
