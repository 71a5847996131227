"""Load the site under gunicorn with wrk and read every figure against a bare Flask app.

    python -m benchmarks.run [--quick] [--seconds S] [--json PATH]   (make bench / bench-quick)

The client is wrk (benchmarks/load.py), not Python: a Python client tops out near 400
requests/s and would measure itself. Every target runs under the same gunicorn settings (sync
workers, `--workers 2`, bound to 127.0.0.1): the floor, a bare Flask "hello world"
(benchmarks/floor.py), measured first and last in the run (their difference is the drift: how
much the machine changed under the run); the site on the generated data
(benchmarks/generate.py); and the site with `CACHE_TYPE=NullCache`, where every request builds
its answer from scratch (the "uncached" and "cold" rows).

Each row is loaded for a fixed time by `wrk -t2 -c8` (15 s, 4 s with --quick) sending
`Accept-Encoding: gzip` as browsers and calendar clients do, and reports requests/s, its ratio
to the floor's (the mean of the two floor runs), p50 and p95 latency, SQL queries per request
(the app's X-Query-Count header, read on separate requests before the load) and the body's
size without compression. The workers' memory is sampled during every row. SQLite always;
with DATABASE_URL and/or REDIS_URL, the same rows on that database and cache, side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import httpx

from benchmarks import load, report
from benchmarks.dataset import ensure_data, feed_sizes
from benchmarks.generate import COUNTRIES, DATA, DEFAULT_BLOBS, DEFAULT_DATABASE, KINDS, LARGE
from benchmarks.servers import Gunicorn, MemorySampler, Nginx

RCP = "rcp-bangkok-2009"
"""A reference meeting (iom_events/demo): a regional consultative process, real-sized."""

CLIENT_CPU_LIMIT = 0.9
"""wrk busy for 90 % of its threads' time: it was producing requests as fast as it could, so the
server may have had more to give."""

CEILING_SHARE = 0.7
"""The floor at 70 % or more of what wrk reaches on nginx answering two bytes (each request on
a new connection, as with gunicorn): most of what a floor request costs the machine is then the
client's and the kernel's work, not the server's; the floor is understated, and every ratio to it
flatters the site."""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark iom_events under gunicorn with wrk.")
    parser.add_argument("--quick", action="store_true", help="4 s per row: checks that it works")
    parser.add_argument("--seconds", type=float, help="load per row (default 15, quick 4)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--accept-encoding", default="gzip", help="sent by wrk ('' for none)")
    parser.add_argument("--json", type=Path, help="where to write the results")
    args = parser.parse_args(argv)
    seconds = args.seconds or (4 if args.quick else 15)
    load.find_wrk()
    DATA.mkdir(exist_ok=True)

    backends = []
    for name, database_url, redis_url in configured_backends():
        print(f"data: {name}, generating if needed...", flush=True)
        data = ensure_data(database_url, DEFAULT_BLOBS, 1000 if args.quick else 5000)
        backends.append({"name": name, "database": database_url, "redis": redis_url, **data})

    bench = Bench(args, seconds)
    run = {
        "machine": {"cpus": os.cpu_count(), "load_average_start": os.getloadavg()[0]},
        "wrk": {
            "threads": args.threads,
            "connections": args.connections,
            "seconds_per_row": seconds,
            "accept_encoding": args.accept_encoding or None,
        },
        "gunicorn": {"workers": args.workers, "worker_class": "sync"},
    }
    floor = Gunicorn("benchmarks.floor:app", args.workers, dict(os.environ), "/")
    nginx = _nginx(backends[0]["big_blob"])
    try:
        if nginx is not None:
            run["ceiling"] = bench.row("wrk's ceiling: nginx, 2 bytes", nginx.url, "/ok")
        first = bench.row("floor: bare Flask app (first)", floor.url, "/")
        for backend in backends:
            backend["rows"], backend["notes"] = bench.site(backend, nginx)
        last = bench.row("floor: bare Flask app (last)", floor.url, "/")
    finally:
        floor.stop()
        if nginx is not None:
            nginx.stop()

    rate = (first["requests_per_second"] + last["requests_per_second"]) / 2
    run["floor"] = {
        "first": first,
        "last": last,
        "requests_per_second": round(rate, 1),
        "drift_percent": round(
            100
            * (last["requests_per_second"] - first["requests_per_second"])
            / first["requests_per_second"],
            1,
        ),
    }
    for backend in backends:
        for row in backend["rows"]:
            if row.get("requests_per_second") is not None:
                row["ratio_to_floor"] = round(row["requests_per_second"] / rate, 3)
    run["client"] = client_verdict(run, backends)
    run["machine"]["load_average_end"] = os.getloadavg()[0]
    run["backends"] = backends
    report.print_run(run)
    out = args.json or DATA / "results.json"
    out.write_text(json.dumps(run, indent=2, default=str))
    print(f"\nresults written to {out}")
    return 0


def configured_backends() -> list[tuple[str, str, str | None]]:
    """SQLite with the in-process cache always; DATABASE_URL and REDIS_URL, when given, as a
    second backend beside it."""
    database_url = os.environ.get("DATABASE_URL")
    redis_url = os.environ.get("REDIS_URL")
    backends = [("SQLite", DEFAULT_DATABASE, None)]
    if database_url or redis_url:
        name = database_url.split(":", 1)[0].split("+", 1)[0] if database_url else "SQLite"
        name = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}.get(name, name)
        backends.append(
            (name + (" + Redis" if redis_url else ""), database_url or DEFAULT_DATABASE, redis_url)
        )
    return backends


def _nginx(blob: Path) -> Nginx | None:
    try:
        return Nginx(blob)
    except FileNotFoundError:
        print("nginx is not installed: no client ceiling, no download reference", flush=True)
        return None


class Bench:
    def __init__(self, args, seconds: float) -> None:
        self.args = args
        self.seconds = seconds
        self.headers = {"Accept-Encoding": args.accept_encoding} if args.accept_encoding else {}

    def row(
        self,
        label: str,
        base: str,
        path: str,
        headers: dict | None = None,
        server: Gunicorn | None = None,
        connections: int | None = None,
        paths: list[str] | None = None,
    ) -> dict:
        """Probe `path` (status, size, queries), then load it with wrk, sampling the workers'
        memory when `server` is given."""
        headers = {**self.headers, **(headers or {})}
        warm = 0 if server is not None and server.uncached else WARM_REQUESTS
        row = {"label": label, "path": path, **probe(base + path, headers, warm)}
        threads = min(self.args.threads, connections or self.args.threads)
        memory = MemorySampler(server) if server is not None else None
        if memory is not None:
            memory.__enter__()
        try:
            result = load.run(
                base + path,
                self.seconds,
                threads=threads,
                connections=connections or self.args.connections,
                headers=headers,
                paths=paths,
            )
        finally:
            if memory is not None:
                memory.__exit__(None, None, None)
        row.update(
            requests=result.requests,
            requests_per_second=round(result.rate, 1),
            p50_ms=round(result.p50_ms, 2),
            p95_ms=round(result.p95_ms, 2),
            received_megabytes_per_second=round(result.bytes / result.seconds / 1e6, 1),
            failed=result.failed,
            errors=result.errors,
            client_cpu=round(result.client_cpu, 2),
        )
        if memory is not None:
            row["worker_rss_start_mib"] = round(memory.start / 1024, 1)
            row["worker_rss_peak_mib"] = round(memory.peak / 1024, 1)
        print(f"  {label}: {result.rate:.1f} req/s, p50 {result.p50_ms:.1f} ms", flush=True)
        return row

    def site(self, backend: dict, nginx: Nginx | None) -> tuple[list[dict], dict]:
        """Every row of one backend: a server with its cache, and one with none."""
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("DATABASE_URL", "REDIS_URL")
        }
        env.update(
            DATABASE_URL=backend["database"],
            BLOB_DIR=DEFAULT_BLOBS,
            QUERY_COUNT_HEADER="1",
            SECRET_KEY="benchmark",
        )
        if backend["redis"]:
            env["REDIS_URL"] = backend["redis"]
            _flush_redis(backend["redis"])
        print(f"\n{backend['name']}:", flush=True)
        cached = Gunicorn("app:app", self.args.workers, env, "/health")
        # Flask-Caching warns that NullCache caches nothing: the point here.
        quiet = {"PYTHONWARNINGS": "ignore::UserWarning:iom_events.caching"}
        uncached = Gunicorn(
            "app:app",
            self.args.workers,
            {**env, "CACHE_TYPE": "NullCache", **quiet},
            "/health",
            uncached=True,
        )
        try:
            return self._rows(backend, cached, uncached, nginx)
        finally:
            cached.stop()
            uncached.stop()

    def _rows(self, backend, cached, uncached, nginx) -> tuple[list[dict], dict]:
        large = "large meeting page (400 items, 2,000 participants)"
        site_feed = f"site feed ({backend['meetings']:,} meetings)"
        pages = [
            ("home", "/en/"),
            ("meetings list", "/en/events/"),
            ("meetings list, filtered", "/en/events/?year=2016&kind=workshop"),
            ("RCP meeting page", f"/en/events/{RCP}/"),
            (large, f"/en/events/{LARGE}/"),
            ("RCP meeting feed", f"/en/events/{RCP}.ics"),
            ("large meeting feed", f"/en/events/{LARGE}.ics"),
            (site_feed, "/en/events.ics"),
            ("API meeting", f"/api/v1/meetings/{RCP}"),
            ("API large meeting", f"/api/v1/meetings/{LARGE}"),
        ]
        rows, notes = [], {}
        for label, path in pages:
            rows.append(self.row(label, cached.url, path, server=cached))
        rows.append(self.row("search", cached.url, "/en/search?q=labour+migration", server=cached))
        rows.append(self.row("/health", cached.url, "/health", server=cached))
        # One revalidation per kind of answer (the filtered list and the large API answer are
        # the same kinds as the list and the API meeting).
        for (label, path), row in zip(pages, rows, strict=False):
            if row.get("etag") and label not in ("meetings list, filtered", "API large meeting"):
                rows.append(
                    self.row(
                        f"304: {label}",
                        cached.url,
                        path,
                        {"If-None-Match": row["etag"]},
                        server=cached,
                    )
                )
        # Cold: on the server without a cache every request builds its answer; one connection,
        # so that the latency is the build's time, not a queue's.
        _warm(uncached.url, self.args.workers)
        rows.append(
            self.row(
                f"{large}, uncached",
                uncached.url,
                f"/en/events/{LARGE}/",
                server=uncached,
                connections=1,
            )
        )
        rows.append(self.cold_site_feed(f"{site_feed}, cold", uncached.url, uncached))

        download = f"/en/events/{LARGE}/documents/{backend['big_document']}/en"
        rows.append(self.row("download 20 MB", cached.url, download, server=cached))
        if nginx is not None:
            rows.append(self.row("download 20 MB from nginx (reference)", nginx.url, "/file"))
        flood = flood_paths()
        rows.append(
            self.row(
                f"cache-busting flood ({len(flood):,} distinct URLs)",
                cached.url,
                flood[0],
                server=cached,
                paths=flood,
            )
        )
        notes["worker_peak_memory_mib"] = round(cached.peak_memory_kib() / 1024, 1)
        notes["uncached_worker_peak_memory_mib"] = round(uncached.peak_memory_kib() / 1024, 1)
        if not self.args.quick:
            notes["feed_sizes"] = feed_sizes(cached.url)
        return rows, notes

    def cold_site_feed(self, label: str, base: str, server: Gunicorn) -> dict:
        """The site feed built from scratch, one request at a time (a few seconds each: too
        slow for wrk to gather a distribution in a short run): the first build and the median."""
        builds = 2 if self.args.quick else 5
        row = {
            "label": label,
            "path": "/en/events.ics",
            **probe(base + "/en/events.ics", self.headers),
        }
        times = []
        with MemorySampler(server) as memory, httpx.Client(timeout=600) as client:
            for _ in range(builds):
                started = time.perf_counter()
                client.get(base + "/en/events.ics", headers=self.headers).raise_for_status()
                times.append((time.perf_counter() - started) * 1000)
        row.update(
            requests=builds + 1,
            requests_per_second=None,
            first_build_ms=round(row.pop("probe_ms"), 1),
            p50_ms=round(statistics.median(times), 2),
            p95_ms=None,
            worker_rss_start_mib=round(memory.start / 1024, 1),
            worker_rss_peak_mib=round(memory.peak / 1024, 1),
        )
        print(f"  {label}: first build {row['first_build_ms']:.0f} ms", flush=True)
        return row


WARM_REQUESTS = 10
"""Requests before a cached row is probed: each worker keeps its own in-process cache, and which
worker takes a new connection is the kernel's choice."""


def probe(url: str, headers: dict, warm: int = 0) -> dict:
    """One request as the load will send it, timed (on a cold server: the first build), `warm`
    more, then five for the queries a request runs (their median), and one without compression
    for the body's size."""
    with httpx.Client(timeout=600) as client:
        started = time.perf_counter()
        first = _fetch(client, url, headers)
        elapsed = (time.perf_counter() - started) * 1000
        for _ in range(warm):
            _fetch(client, url, headers)
        repeats = [_fetch(client, url, headers) for _ in range(5)]
        identity = _fetch(client, url, {**headers, "Accept-Encoding": "identity"})
    queries = [r["queries"] for r in repeats if r["queries"] is not None]
    return {
        "probe_ms": elapsed,
        "status": repeats[-1]["status"],
        # The median: a worker the warm-up requests missed builds its own copy once.
        "queries_per_request": statistics.median(queries) if queries else None,
        "bytes": identity["bytes"] if repeats[-1]["status"] != 304 else 0,
        "bytes_sent": repeats[-1]["bytes"],
        "content_encoding": repeats[-1]["encoding"],
        "etag": first["etag"],
    }


def _fetch(client: httpx.Client, url: str, headers: dict) -> dict:
    with client.stream("GET", url, headers=headers) as response:
        size = sum(len(chunk) for chunk in response.iter_raw())
    count = response.headers.get("X-Query-Count")
    return {
        "status": response.status_code,
        "bytes": size,
        "encoding": response.headers.get("Content-Encoding"),
        "etag": response.headers.get("ETag"),
        "queries": int(count) if count is not None else None,
    }


def _warm(base: str, workers: int) -> None:
    """Imports, templates and connections ready in every worker: a cold row measures building
    the answer, not starting the process."""
    with httpx.Client(timeout=600) as client:
        for _ in range(2 * workers):
            client.get(base + f"/en/events/{RCP}/")
            client.get(base + f"/en/events/{RCP}.ics")


def _flush_redis(url: str) -> None:
    """The Redis cache starts empty, as the in-process one does."""
    import redis

    redis.Redis.from_url(url).flushdb()


def flood_paths() -> list[str]:
    """Distinct addresses that each make a page or feed of their own in the cache (the filters
    shape the answer, so they are part of its key): every year, kind and country, as list pages
    and as feeds, interleaved."""
    paths = []
    for year in range(2006, 2026):
        for kind in KINDS:
            for country in COUNTRIES:
                query = f"?year={year}&kind={kind}&country={country}"
                paths += [f"/en/events/{query}", f"/en/events.ics{query}"]
    return paths


def client_verdict(run: dict, backends: list[dict]) -> dict:
    """Was wrk the limit? Yes when it was busy for CLIENT_CPU_LIMIT of its threads' time on any
    row, or when the floor reached CEILING_SHARE of wrk's ceiling (nginx answering two bytes)."""
    floor = run["floor"]
    reasons = []
    busy = [
        row
        for row in [floor["first"], floor["last"], *(r for b in backends for r in b["rows"])]
        if row.get("client_cpu", 0) >= CLIENT_CPU_LIMIT
    ]
    for row in busy:
        reasons.append(f"wrk used {row['client_cpu']:.0%} of its threads' CPU on {row['label']!r}")
    ceiling = run.get("ceiling")
    share = None
    if ceiling is not None:
        share = floor["requests_per_second"] / ceiling["requests_per_second"]
        if share >= CEILING_SHARE:
            reasons.append(
                f"the floor reached {share:.0%} of wrk's ceiling "
                f"({ceiling['requests_per_second']:,.0f} req/s on nginx)"
            )
    return {
        "bottleneck": bool(reasons),
        "reasons": reasons,
        "floor_share_of_ceiling": round(share, 3) if share is not None else None,
        "floor_client_cpu": max(floor["first"]["client_cpu"], floor["last"]["client_cpu"]),
    }


if __name__ == "__main__":
    sys.exit(main())
