-- wrk script: the search API with queries in several languages and scripts, some with filters.
-- Prints p50/p95/p99 latency and throughput at the end.
-- usage: wrk -t2 -c8 -d30s -s bench/search.lua http://127.0.0.1:8080
local queries = {
  "/api/search?q=S-300", "/api/search?q=%D0%9A%D0%B0%D0%B7%D0%B0%D1%85%D1%81%D1%82%D0%B0%D0%BD",
  "/api/search?q=%D9%83%D8%A7%D8%B2%D8%A7%D8%AE%D8%B3%D8%AA%D8%A7%D9%86", "/api/search?q=Bayraktar",
  "/api/search?q=Kazakistan&type=PRODUCTION", "/api/search?q=K2&country=PL", "/api/search?q=Su-30&lang=ru",
  "/api/search?q=%D0%9E%D0%BF%D0%BB%D0%BE%D1%82", "/api/search?q=tanks&modality=asserted", "/api/search?q=Patriot&from=2020"
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d in %.1f s: %.1f requests/s, errors %d (status %d)\n", summary.requests,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
  for _, p in ipairs({50, 90, 95, 99}) do
    io.write(string.format("p%d %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
