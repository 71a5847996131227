"""The benchmark's table, as printed (benchmarks/run.py builds the figures)."""

from __future__ import annotations

COLUMNS = (
    ("req/s", 9),
    ("vs floor", 9),
    ("p50 ms", 9),
    ("p95 ms", 9),
    ("queries", 8),
    ("bytes", 12),
)
LABEL = 58


def print_run(run: dict) -> None:
    wrk, floor, client = run["wrk"], run["floor"], run["client"]
    machine = run["machine"]
    print(
        f"\nwrk -t{wrk['threads']} -c{wrk['connections']}, {wrk['seconds_per_row']:g} s a row, "
        f"Accept-Encoding: {wrk['accept_encoding'] or '(none)'}; gunicorn "
        f"{run['gunicorn']['workers']} sync workers a server; {machine['cpus']} CPUs, load "
        f"average {machine['load_average_start']:.1f} at the start, "
        f"{machine['load_average_end']:.1f} at the end"
    )
    drift = floor["drift_percent"]
    warning = "  (over 10 %: the machine changed under the run)" if abs(drift) > 10 else ""
    print(
        f"floor (bare Flask app): {floor['first']['requests_per_second']:,.0f} req/s first, "
        f"{floor['last']['requests_per_second']:,.0f} last: drift {drift:+.1f} %{warning}"
    )
    ceiling = run.get("ceiling")
    if ceiling is not None:
        print(
            f"wrk's ceiling (nginx answering 2 bytes, a connection a request): "
            f"{ceiling['requests_per_second']:,.0f} req/s; the floor is "
            f"{client['floor_share_of_ceiling']:.0%} of it"
        )
    if client["bottleneck"]:
        print(
            "THE CLIENT IS THE BOTTLENECK: the floor is understated, the ratios flatter the site."
        )
        for reason in client["reasons"]:
            print(f"  - {reason}")
    else:
        print(
            f"the client is not the bottleneck (wrk used at most {client['floor_client_cpu']:.0%} "
            f"of its threads' CPU on the floor)"
        )
    for backend in run["backends"]:
        _print_backend(backend)


def _print_backend(backend: dict) -> None:
    cache = "Redis" if backend["redis"] else "in-process"
    print(f"\n{backend['name']}, {backend['meetings']:,} meetings, {cache} cache")
    header = f"{'':{LABEL}}" + "".join(f"{name:>{width}}" for name, width in COLUMNS)
    print(header)
    print("-" * len(header))
    for row in backend["rows"]:
        print(f"{row['label']:{LABEL}}" + "".join(_cells(row)))
        for note in _row_notes(row):
            print(f"    {note}")
    notes = backend["notes"]
    print(
        f"workers' peak memory (VmHWM): {notes['worker_peak_memory_mib']} MiB cached server, "
        f"{notes['uncached_worker_peak_memory_mib']} MiB uncached server"
    )
    sizes = notes.get("feed_sizes")
    if sizes is not None:
        print(f"feed sizes ({sizes['feeds_measured']} feeds, identity encoding):")
        for kind, largest in sizes["largest"].items():
            print(f"  largest {kind:6} feed: {largest['bytes']:>9,} bytes ({largest['feed']})")
        verdict = "yes" if sizes["all_under_1_mb"] else "NO"
        print(f"  every feed under 1 MB (Google Calendar's limit): {verdict}")


def _cells(row: dict):
    def number(value, pattern):
        return "-" if value is None else format(value, pattern)

    values = (
        number(row.get("requests_per_second"), ",.1f"),
        number(row.get("ratio_to_floor"), ".3f"),
        number(row.get("p50_ms"), ".1f"),
        number(row.get("p95_ms"), ".1f"),
        number(row.get("queries_per_request"), "g"),
        number(row.get("bytes"), ",d"),
    )
    for value, (_, width) in zip(values, COLUMNS, strict=True):
        yield f"{value:>{width}}"


def _row_notes(row: dict) -> list[str]:
    notes = []
    expected = 304 if row["label"].startswith("304") else 200
    if row.get("status") != expected:
        notes.append(f"status {row.get('status')}, expected {expected}")
    if row.get("failed"):
        notes.append(f"{row['failed']} failed requests (wrk errors: {row['errors']})")
    if "first_build_ms" in row:
        notes.append(
            f"first build {row['first_build_ms']:,.0f} ms; {row['bytes_sent']:,} bytes sent "
            f"({row['content_encoding'] or 'identity'})"
        )
    elif row["label"].endswith("uncached"):
        notes.append(f"first request {row['probe_ms']:,.0f} ms; one connection: p50 is the build")
    if row["label"].startswith("download"):
        notes.append(f"{row['received_megabytes_per_second']:,.1f} MB/s")
    if row["label"].startswith(("download", "cache-busting")) and "worker_rss_peak_mib" in row:
        notes.append(
            f"worker RSS {row['worker_rss_start_mib']} MiB at the start, "
            f"{row['worker_rss_peak_mib']} MiB at the peak"
        )
    return notes
