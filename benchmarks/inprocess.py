"""What one request costs inside the app, without a server or a network: the Flask test client
on the benchmark's data, per page kind, cached (warm) and built every time (cold).

    python -m benchmarks.inprocess [--requests N] [--profile PATH] [--only LABEL]

wrk's figures (benchmarks/run.py) include gunicorn, the kernel and the client sharing the
cores; these do not, so they show what a change to the app itself saves. Times are CPU
milliseconds a request, on one thread: the mean over N warm requests (default 2,000), the median
of 10 cold ones. `--profile` writes a cProfile of the warm rows (all, or those of `--only`) for
`python -m pstats` or snakeviz. The app's startup objects are frozen as app.py does.
Expects the data `make bench-quick` generates (benchmarks/data/); generates it if missing.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import statistics
import time

from benchmarks.dataset import ensure_data
from benchmarks.generate import DATA, DEFAULT_BLOBS, DEFAULT_DATABASE, LARGE

RCP = "rcp-bangkok-2009"

PAGES = [
    ("health", "/health"),
    ("home", "/en/"),
    ("meetings list", "/en/events/"),
    ("meetings list, filtered", "/en/events/?year=2016&kind=workshop"),
    ("RCP meeting page", f"/en/events/{RCP}/"),
    ("RCP meeting page, fr", f"/fr/events/{RCP}/"),
    ("large meeting page", f"/en/events/{LARGE}/"),
    ("large meeting page, fr", f"/fr/events/{LARGE}/"),
    ("RCP meeting feed", f"/en/events/{RCP}.ics"),
    ("large meeting feed", f"/en/events/{LARGE}.ics"),
    ("site feed", "/en/events.ics"),
    ("API meeting", f"/api/v1/meetings/{RCP}"),
    ("API meetings", "/api/v1/meetings"),
]

HEADERS = {"Accept-Encoding": "gzip"}


def per_request_ms(client, path: str, requests: int) -> float:
    """Mean CPU milliseconds one GET of `path` takes, over `requests` requests. CPU time, not
    wall time: the app runs on this thread alone (SQLite too), and other work on shared cores
    then barely moves the figure."""
    started = time.process_time()
    for _ in range(requests):
        response = client.get(path, headers=HEADERS)
        assert response.status_code == 200, (path, response.status_code)
    return (time.process_time() - started) * 1000 / requests


def median_request_ms(client, path: str, requests: int) -> float:
    """The median CPU milliseconds of `requests` GETs of `path` (for the few, slow, cold ones:
    one disturbed request does not move it)."""
    return statistics.median(per_request_ms(client, path, 1) for _ in range(requests))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="warm requests a row")
    parser.add_argument("--cold-requests", type=int, default=10, help="cold requests a row")
    parser.add_argument("--only", action="append", help="only rows with this label")
    parser.add_argument("--profile", help="write a cProfile of the warm rows here")
    parser.add_argument("--no-cold", action="store_true")
    parser.add_argument("--no-freeze", action="store_true", help="leave the collector as it is")
    args = parser.parse_args(argv)
    DATA.mkdir(exist_ok=True)
    ensure_data(DEFAULT_DATABASE, DEFAULT_BLOBS, 1000)

    from iom_events import create_app

    pages = [(label, path) for label, path in PAGES if not args.only or label in args.only]
    base = {"SQLALCHEMY_DATABASE_URI": DEFAULT_DATABASE, "BLOB_DIR": DEFAULT_BLOBS}
    warm_app = create_app(base)
    cold_app = create_app({**base, "CACHE_TYPE": "NullCache"})
    if not args.no_freeze:
        gc.freeze()  # as app.py does for gunicorn's workers
    print(f"{'page':28} {'warm ms':>9} {'cold ms':>9}")
    profile = cProfile.Profile() if args.profile else None
    for label, path in pages:
        client = warm_app.test_client()
        per_request_ms(client, path, 3)  # fills the cache
        if profile:
            profile.enable()
        warm = per_request_ms(client, path, args.requests)
        if profile:
            profile.disable()
        cold = (
            float("nan")
            if args.no_cold
            else median_request_ms(cold_app.test_client(), path, args.cold_requests)
        )
        print(f"{label:28} {warm:9.3f} {cold:9.1f}", flush=True)
    if profile:
        profile.dump_stats(args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
