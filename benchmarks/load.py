"""wrk, the native load generator the benchmark drives every server with.

Python clients top out near 400 requests/s on two cores: they measure themselves, not the site.
wrk (C, one event loop per thread) reaches tens of thousands on the same machine. Each run
reports the wrk process's own CPU time, so the benchmark can tell when the client, and not the
server, was the limit (benchmarks/run.py, `client_verdict`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "wrk.lua"
MARKER = "BENCHMARK-JSON "


@dataclass
class Load:
    """What one wrk run measured."""

    requests: int
    seconds: float
    bytes: int
    p50_ms: float
    p95_ms: float
    errors: dict
    client_cpu: float
    """wrk's CPU time over the run's wall time, per wrk thread: 1.0 is every thread busy."""

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def failed(self) -> int:
        """Requests that got no answer, or a 4xx/5xx (wrk counts 3xx, so 304s, as answers)."""
        return sum(self.errors.values())


def find_wrk() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise SystemExit(
            "The benchmark needs wrk (a native HTTP load generator): sudo apt-get install wrk\n"
            "(`make bench` installs it when run as root)."
        )
    return found


def run(
    url: str,
    seconds: float,
    threads: int = 2,
    connections: int = 8,
    headers: dict[str, str] | None = None,
    paths: list[str] | None = None,
) -> Load:
    """Load `url` for `seconds` with `connections` connections over `threads` threads; with
    `paths`, each request takes the next of them (distinct URLs) on `url`'s host."""
    command = [
        find_wrk(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "120s",  # a cold site feed takes seconds: a slow answer is a figure, not an error
        "-s",
        str(SCRIPT),
    ]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    command.append(url)
    with tempfile.TemporaryDirectory(prefix="bench-wrk-") as scratch:
        if paths:
            listing = Path(scratch) / "paths"
            listing.write_text("\n".join(paths) + "\n")
            command += [str(listing), str(threads)]
        output = Path(scratch) / "out"
        with output.open("w") as out:
            started = time.monotonic()
            process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
            # wait4, not wait: the child's CPU time comes with its exit status.
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            wall = time.monotonic() - started
        text = output.read_text()
    lines = [line for line in text.splitlines() if line.startswith(MARKER)]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"wrk failed on {url}:\n{text}")
    figures = json.loads(lines[-1][len(MARKER) :])
    return Load(
        requests=figures["requests"],
        seconds=figures["seconds"],
        bytes=figures["bytes"],
        p50_ms=figures["p50_us"] / 1000,
        p95_ms=figures["p95_us"] / 1000,
        errors=figures["errors"],
        client_cpu=(usage.ru_utime + usage.ru_stime) / wall / threads,
    )
