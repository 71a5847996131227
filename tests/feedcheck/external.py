"""The two parsers that run outside Python: libical (C) and ical.js (Node.js).

Each is started once for a whole batch of feeds (files in a temporary folder) and runs while
the Python parsers work; its results come back as one Reading per feed, in the order of the
files. A parser that cannot run (no node, no libical, no compiler) gives every feed a Reading
that says so: the check then fails, it is never skipped.

The libical helper (libical_check.c beside this file) is compiled with `cc` and
`pkg-config --cflags --libs libical` into .cache/feedcheck/ at the project's root (gitignored),
under a name that holds the hash of its source, so an edit of the source builds it again. Builds
go to a temporary file renamed into place: several test processes may build at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .instants import Reading

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CACHE = ROOT / ".cache" / "feedcheck"
LIBICAL_SOURCE = HERE / "libical_check.c"
ICALJS_SCRIPT = HERE / "icaljs_check.mjs"
TIMEOUT = 300  # seconds for one batch


class CannotRun(Exception):
    """A parser that cannot run here; the message says what to install."""


@dataclass
class Run:
    """A parser started on a batch of files: parse turns its standard output and the number of
    files into one Reading per file."""

    parser: str
    process: subprocess.Popen | None
    output: IO[str] | None
    parse: Callable[[str, int], list[Reading]]
    failure: str = ""

    def readings(self, count: int) -> list[Reading]:
        """Waits for the parser; one Reading per file of the batch (count of them)."""
        if self.process is None or self.output is None:
            return [Reading.failed(f"cannot run: {self.failure}") for _ in range(count)]
        try:
            _, errors = self.process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            return [Reading.failed(f"gave no answer in {TIMEOUT} s") for _ in range(count)]
        self.output.seek(0)
        text = self.output.read()
        self.output.close()
        if self.process.returncode != 0:
            last = " ".join((errors or "").strip().splitlines()[-1:]) or "no message"
            why = f"exited with status {self.process.returncode}: {last}"
            return [Reading.failed(why) for _ in range(count)]
        return self.parse(text, count)


def start(parser: str, command: Callable[[], list[str]], paths: Sequence[Path], parse) -> Run:
    """Starts command() + paths with its output in a temporary file, or a Run that says why it
    cannot start."""
    try:
        argv = command()
    except CannotRun as err:
        return Run(parser, None, None, parse, failure=str(err))
    # A file, not a pipe: the parser never waits for a reader. Closed by Run.readings().
    output = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
    try:
        process = subprocess.Popen(
            [*argv, *map(str, paths)],
            stdout=output,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
    except OSError as err:
        output.close()
        return Run(parser, None, None, parse, failure=str(err))
    return Run(parser, process, output, parse)


# --- libical -----------------------------------------------------------------------------------


def start_libical(paths: Sequence[Path]) -> Run:
    return start("libical", lambda: [str(libical_binary())], paths, parse_libical)


def libical_binary() -> Path:
    """The compiled libical helper for the current source, built when missing."""
    digest = hashlib.sha256(LIBICAL_SOURCE.read_bytes()).hexdigest()[:16]
    target = CACHE / f"libical_check-{digest}"
    if os.access(target, os.X_OK):
        return target
    compiler = shutil.which("cc")
    if compiler is None:
        raise CannotRun("no C compiler (cc) to build the libical helper: apt-get install gcc")
    flags = libical_flags()
    CACHE.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=CACHE, prefix=f"{target.name}.", suffix=".tmp")
    os.close(handle)
    build = subprocess.run(
        [compiler, "-O2", "-o", temporary, str(LIBICAL_SOURCE), *flags],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:
        os.unlink(temporary)
        last = " ".join(build.stderr.strip().splitlines()[-3:])
        raise CannotRun(f"cc could not build {LIBICAL_SOURCE.name}: {last}")
    os.chmod(temporary, 0o755)
    os.replace(temporary, target)  # atomic: a concurrent build wrote the same program
    for stale in CACHE.glob("libical_check-*"):
        if stale.name != target.name and not stale.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
    return target


def libical_flags() -> list[str]:
    """cc flags for libical, from pkg-config."""
    advice = "apt-get install libical-dev pkg-config (`make test` does it when run as root)"
    pkg_config = shutil.which("pkg-config")
    if pkg_config is None:
        raise CannotRun(f"pkg-config is missing: {advice}")
    found = subprocess.run(
        [pkg_config, "--cflags", "--libs", "libical"], capture_output=True, text=True
    )
    if found.returncode != 0:
        raise CannotRun(f"libical is not installed: {advice}")
    return shlex.split(found.stdout)


def parse_libical(text: str, count: int) -> list[Reading]:
    """Readings from libical_check's lines (see its source for their format)."""
    readings = [Reading(events=None) for _ in range(count)]
    ended = [False] * count
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) < 3 or not fields[0].isdigit() or int(fields[0]) >= count:
            continue
        reading, kind = readings[int(fields[0])], fields[1]
        if kind == "end":
            ended[int(fields[0])] = True
            reading.events = int(fields[2]) if int(fields[2]) >= 0 else None
        elif kind == "instant" and len(fields) == 5:
            value = fields[4]
            reading.instants[(int(fields[2]), fields[3])] = (
                value if value.startswith("!") else int(value)
            )
        elif kind == "error" and len(fields) == 6:
            component, uid, summary, message = fields[2:]
            where = " ".join(filter(None, (component, uid, f'"{summary}"' if summary else "")))
            reading.errors.append(f"{where}: {message}" if where else message)
    for number, done in enumerate(ended):
        if not done:
            readings[number].errors.append("gave no result for this feed")
    return readings


# --- ical.js -----------------------------------------------------------------------------------


def start_icaljs(paths: Sequence[Path]) -> Run:
    return start("ical.js", icaljs_command, paths, parse_icaljs)


def icaljs_command() -> list[str]:
    node = shutil.which("node")
    if node is None:
        raise CannotRun("node is not installed (Node.js runs ical.js): apt-get install nodejs")
    if not (ROOT / "node_modules" / "ical.js" / "package.json").is_file():
        raise CannotRun("node_modules/ical.js is missing: run `make install` (npm ci)")
    return [node, str(ICALJS_SCRIPT)]


def parse_icaljs(text: str, count: int) -> list[Reading]:
    """Readings from icaljs_check.mjs's JSON lines (see its header for their format)."""
    readings = [Reading(events=None, errors=["gave no result for this feed"]) for _ in range(count)]
    for line in text.splitlines():
        report = json.loads(line)
        file = report["file"]
        if 0 <= file < count:
            readings[file] = Reading(
                events=report["events"] if report["events"] >= 0 else None,
                instants={(index, name): value for index, name, value in report["instants"]},
                errors=list(report["errors"]),
            )
    return readings
