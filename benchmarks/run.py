"""Load the app under gunicorn and print what each kind of request costs.

    python -m benchmarks.run [--quick] [--json PATH]          (make bench / make bench-quick)

Against the generated database (benchmarks/data/bench.sqlite3, or DATABASE_URL when it is set:
PostgreSQL), made by benchmarks/generate.py on first use. Each endpoint gets a fixed number of
requests from a pool of concurrent clients; the table gives requests/s, p50 and p95 latency,
SQL queries per request (the app's X-Query-Count header), response size, and every figure's
ratio to the floor route (/health: no database, no template), measured in the same run, since
absolute times vary between machines. The 20 MB download reports MB/s and the workers' peak
memory, and is compared with nginx serving the same file when nginx is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from benchmarks.generate import DATA, DEFAULT_BLOBS, DEFAULT_DATABASE, LARGE

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    name: str
    path: str
    requests: int
    seconds: float
    latencies: list[float] = field(repr=False)
    statuses: dict[str, int]
    queries: float | None
    bytes: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) * 1000

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.latencies, n=20)[18] * 1000

    def summary(self, floor: Result | None) -> dict:
        out = {
            "name": self.name,
            "path": self.path,
            "requests": self.requests,
            "requests_per_second": round(self.rate, 1),
            "p50_ms": round(self.p50, 2),
            "p95_ms": round(self.p95, 2),
            "queries_per_request": self.queries,
            "response_bytes": self.bytes,
            "statuses": self.statuses,
        }
        if floor is not None:
            out["rate_vs_floor"] = round(self.rate / floor.rate, 3)
        return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer at {url}")


def hammer(
    bases: str | list[str], name: str, path_for, count: int, concurrency: int, headers=None
) -> Result:
    """`count` requests spread over `concurrency` keep-alive clients (and over the servers)."""
    bases = [bases] if isinstance(bases, str) else bases
    base = bases[0]
    per_client = [
        count // concurrency + (1 if i < count % concurrency else 0) for i in range(concurrency)
    ]

    def client_run(index: int, how_many: int):
        out = []
        with httpx.Client(base_url=bases[index % len(bases)], timeout=180) as client:
            for n in range(how_many):
                started = time.perf_counter()
                response = client.get(path_for(index * 100000 + n), headers=headers or {})
                size = len(response.content)
                out.append(
                    (
                        time.perf_counter() - started,
                        response.status_code,
                        size,
                        response.headers.get("X-Query-Count"),
                    )
                )
        return out

    with httpx.Client(base_url=base, timeout=180) as client:  # warm up: caches, connections
        for n in range(3):
            client.get(path_for(-1 - n), headers=headers or {})
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        runs = list(pool.map(client_run, range(concurrency), per_client))
    seconds = time.perf_counter() - started
    samples = [sample for run in runs for sample in run]
    statuses: dict[str, int] = {}
    for _, status, _, _ in samples:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    queries = [int(q) for *_, q in samples if q is not None]
    return Result(
        name,
        path_for(0),
        len(samples),
        seconds,
        [s[0] for s in samples],
        statuses,
        round(statistics.mean(queries), 2) if queries else None,
        samples[0][2],
    )


def worker_peak_memory_kib(master: int) -> int:
    """The largest peak resident size (VmHWM) among the gunicorn workers."""
    peak = 0
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]))
    return peak


def nginx_download(blob: Path, count: int, concurrency: int) -> Result | None:
    nginx = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if nginx is None:
        return None
    port = free_port()
    prefix = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    (prefix / "logs").mkdir()
    conf = prefix / "nginx.conf"
    conf.write_text(f"""
worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log;
events {{ worker_connections 256; }}
http {{
  access_log off;
  sendfile on;
  client_body_temp_path {prefix}/body; proxy_temp_path {prefix}/proxy;
  fastcgi_temp_path {prefix}/fastcgi; uwsgi_temp_path {prefix}/uwsgi; scgi_temp_path {prefix}/scgi;
  server {{
    listen 127.0.0.1:{port};
    location = /file {{ alias {blob}; default_type application/pdf; }}
  }}
}}
""")
    process = subprocess.Popen([nginx, "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"])
    try:
        wait_for(f"http://127.0.0.1:{port}/file")
        return hammer(
            f"http://127.0.0.1:{port}", "nginx_download_20mb", lambda n: "/file", count, concurrency
        )
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(prefix, ignore_errors=True)


def ensure_data(database_url: str, blob_dir: str, meetings: int) -> dict:
    """Generate the benchmark data unless the database already holds it; describe it."""
    from flask_migrate import upgrade
    from sqlalchemy import select

    from benchmarks.generate import generate
    from iom_events import create_app
    from iom_events.demo.load import load_demo
    from iom_events.documents.models import Document, DocumentFile
    from iom_events.documents.storage import BlobStore
    from iom_events.events.models import Event
    from iom_events.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "BLOB_DIR": blob_dir})
    with app.app_context():
        upgrade()
        large = db.session.scalar(select(Event).where(Event.slug == LARGE))
        if large is None:
            load_demo(BlobStore(blob_dir))
            generate(meetings, 1, BlobStore(blob_dir))
        big = db.session.execute(
            select(Document.id, DocumentFile.sha256)
            .join(DocumentFile.document)
            .join(Document.event)
            .where(Event.slug == LARGE, DocumentFile.size > 10_000_000)
        ).one()
        total = db.session.scalar(select(db.func.count(Event.id)))
        db.engine.dispose()
    return {"big_document": big[0], "big_blob": BlobStore(blob_dir).path(big[1]), "meetings": total}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark iom_events under gunicorn.")
    parser.add_argument("--quick", action="store_true", help="fewer requests (under 2 minutes)")
    parser.add_argument("--requests", type=int, help="requests per endpoint")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument(
        "--servers",
        type=int,
        default=1,
        help="several gunicorn servers on one database (PostgreSQL) sharing REDIS_URL's cache",
    )
    parser.add_argument("--json", type=Path, help="where to write the results")
    args = parser.parse_args(argv)

    database_url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE
    blob_dir = os.environ.get("BLOB_DIR") or DEFAULT_BLOBS
    backend = database_url.split(":", 1)[0].split("+", 1)[0]
    requests = args.requests or (60 if args.quick else 400)
    downloads = max(4, requests // 10)
    rare = max(20, requests // 8)  # the uncached runs: each one renders from scratch
    DATA.mkdir(exist_ok=True)
    print(f"data: {backend}, generating if needed...", flush=True)
    data = ensure_data(database_url, blob_dir, 1000 if args.quick else 5000)

    if args.servers > 1 and not os.environ.get("REDIS_URL"):
        raise SystemExit("--servers needs REDIS_URL: the servers share their cache through it")
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "BLOB_DIR": blob_dir,
        "QUERY_COUNT_HEADER": "1",
        "SECRET_KEY": "benchmark",
    }
    ports = [free_port() for _ in range(args.servers + 1)]
    gunicorn = [sys.executable, "-m", "gunicorn", "--workers", str(args.workers)]
    # The last server keeps nothing in its cache: the "uncached" and "cold" rows run there.
    servers = [
        subprocess.Popen(
            [*gunicorn, "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "app:app"],
            cwd=ROOT,
            env=env if n < args.servers else {**env, "CACHE_TYPE": "NullCache"},
        )
        for n, port in enumerate(ports)
    ]
    bases = [f"http://127.0.0.1:{port}" for port in ports[:-1]]
    uncached = [f"http://127.0.0.1:{ports[-1]}"]
    base = bases[0]
    try:
        for url in [*bases, *uncached]:
            wait_for(f"{url}/health")
        site_etag = httpx.get(f"{base}/en/events.ics", timeout=180).headers["ETag"]
        sizes = feed_sizes(base)
        big = f"/en/events/{LARGE}/documents/{data['big_document']}/en"
        plan = [
            ("floor", bases, lambda n: "/health", requests, None),
            ("home", bases, lambda n: "/en/", requests, None),
            (
                "list_filtered",
                bases,
                lambda n: "/en/events/?year=2016&kind=workshop",
                requests,
                None,
            ),
            ("large_meeting", bases, lambda n: f"/en/events/{LARGE}/", requests, None),
            ("large_meeting_uncached", uncached, lambda n: f"/en/events/{LARGE}/", rare, None),
            ("large_meeting_feed", bases, lambda n: f"/en/events/{LARGE}.ics", requests, None),
            ("site_feed_cold", uncached, lambda n: "/en/events.ics", max(8, rare // 4), None),
            ("site_feed_warm", bases, lambda n: "/en/events.ics", requests, None),
            (
                "site_feed_304",
                bases,
                lambda n: "/en/events.ics",
                requests,
                {"If-None-Match": site_etag},
            ),
            ("search", bases, lambda n: "/en/search?q=labour+migration", requests, None),
            ("download_20mb", bases, lambda n: big, downloads, None),
        ]
        results = []
        for name, targets, path_for, count, headers in plan:
            result = hammer(targets, name, path_for, count, args.concurrency, headers)
            results.append(result)
            print(f"  {name}: {result.rate:.1f} req/s", flush=True)
        peak = max(worker_peak_memory_kib(server.pid) for server in servers)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
    nginx = nginx_download(data["big_blob"], downloads, args.concurrency)

    floor = results[0]
    rows = [r.summary(floor) for r in results]
    download = results[-1]
    megabytes = download.requests * download.bytes / 1e6 / download.seconds
    rows[-1]["megabytes_per_second"] = round(megabytes, 1)
    rows[-1]["worker_peak_memory_mib"] = round(peak / 1024, 1)
    if nginx is not None:
        nginx_rate = nginx.requests * nginx.bytes / 1e6 / nginx.seconds
        rows.append({**nginx.summary(None), "megabytes_per_second": round(nginx_rate, 1)})
        rows[-2]["rate_vs_nginx"] = round(megabytes / nginx_rate, 3)
    report = {
        "backend": backend,
        "meetings": data["meetings"],
        "requests": requests,
        "concurrency": args.concurrency,
        "workers": args.workers,
        "servers": args.servers,
        "cache": "redis" if os.environ.get("REDIS_URL") else "in-process",
        "results": rows,
        "feed_sizes": sizes,
    }
    print_table(report)
    out = args.json or DATA / f"results-{backend}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"\nresults written to {out}")
    return 0


GOOGLE_FEED_LIMIT = 1_000_000
"""Google Calendar drops the events of a subscribed feed above about 1 MB, without a word."""


def feed_sizes(base: str) -> dict:
    """The size of the site feed, of every office's feed and of every year's archive (identity
    encoding: what a calendar stores), the largest of each kind, and whether all stay under
    Google's limit."""
    with httpx.Client(base_url=base, timeout=600, headers={"Accept-Encoding": "identity"}) as c:
        offices = [o["slug"] for o in c.get("/api/v1/offices").json()["items"]]
        years = sorted({m["starts_on"][:4] for m in _all_meetings(c)})
        measured = {"site": len(c.get("/en/events.ics").content)}
        measured.update(
            {f"office {s}": len(c.get(f"/en/offices/{s}.ics").content) for s in offices}
        )
        measured.update(
            {f"year {y}": len(c.get(f"/en/events.ics?year={y}").content) for y in years}
        )
    largest = {
        kind: max(((n, b) for n, b in measured.items() if n.startswith(kind)), key=lambda x: x[1])
        for kind in ("site", "office", "year")
        if any(n.startswith(kind) for n in measured)
    }
    return {
        "largest": {kind: {"feed": n, "bytes": b} for kind, (n, b) in largest.items()},
        "feeds_measured": len(measured),
        "all_under_1_mb": all(size < GOOGLE_FEED_LIMIT for size in measured.values()),
    }


def _all_meetings(client: httpx.Client) -> list[dict]:
    """Every public meeting's start day, from the API's pages."""
    meetings, page = [], 1
    while True:
        answer = client.get("/api/v1/meetings", params={"page": page, "per_page": 100}).json()
        meetings += answer["items"]
        if not answer["next"]:
            return meetings
        page += 1


def print_table(report: dict) -> None:
    print(
        f"\n{report['backend']}: {report['meetings']} meetings, {report['servers']} server(s) of "
        f"{report['workers']} workers, {report['cache']} cache, "
        f"{report['concurrency']} concurrent clients, {report['requests']} requests each"
    )
    columns = ("req/s", "p50 ms", "p95 ms", "SQL", "bytes", "vs floor")
    widths = (8, 8, 8, 5, 10, 9)
    header = f"{'endpoint':24} " + " ".join(
        f"{c:>{w}}" for c, w in zip(columns, widths, strict=True)
    )
    print(header)
    print("-" * len(header))
    for row in report["results"]:
        queries = "-" if row["queries_per_request"] is None else f"{row['queries_per_request']:g}"
        ratio = f"{row['rate_vs_floor']:.0%}" if "rate_vs_floor" in row else "-"
        print(
            f"{row['name']:24} {row['requests_per_second']:8.1f} {row['p50_ms']:8.1f} "
            f"{row['p95_ms']:8.1f} {queries:>5} {row['response_bytes']:10d} {ratio:>9}"
        )
        if "megabytes_per_second" in row:
            extra = f"    {row['megabytes_per_second']} MB/s"
            if "worker_peak_memory_mib" in row:
                extra += f", worker peak memory {row['worker_peak_memory_mib']} MiB"
            if "rate_vs_nginx" in row:
                extra += f", {row['rate_vs_nginx']:.0%} of nginx"
            print(extra)
    sizes = report["feed_sizes"]
    print(f"\nfeed sizes ({sizes['feeds_measured']} feeds, identity encoding):")
    for kind, largest in sizes["largest"].items():
        print(f"  largest {kind:6} feed: {largest['bytes']:>9,} bytes ({largest['feed']})")
    verdict = "yes" if sizes["all_under_1_mb"] else "NO"
    print(f"  every feed under 1 MB (Google Calendar's limit): {verdict}")


if __name__ == "__main__":
    sys.exit(main())
