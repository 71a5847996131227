"""The servers the benchmark loads: gunicorn (the site, the floor), nginx (the client's
ceiling, the download's reference), and the sampling of the gunicorn workers' memory."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server did not answer at {url}")


class Gunicorn:
    """`gunicorn --workers N --bind 127.0.0.1:PORT APP`: every target, the floor included, runs
    under these same settings (sync workers, gunicorn's defaults otherwise)."""

    def __init__(
        self, app: str, workers: int, env: dict[str, str], ready_path: str, uncached: bool = False
    ) -> None:
        self.uncached = uncached
        """True for the server that keeps nothing in its cache (CACHE_TYPE=NullCache)."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
                app,
            ],
            cwd=ROOT,
            env=env,
        )
        wait_for(self.url + ready_path)

    def workers(self) -> list[int]:
        master = self.process.pid
        try:
            return [
                int(p) for p in Path(f"/proc/{master}/task/{master}/children").read_text().split()
            ]
        except OSError:
            return []

    def peak_memory_kib(self) -> int:
        """The largest peak resident size (VmHWM) of the workers alive now."""
        return max((_status(pid, "VmHWM:") for pid in self.workers()), default=0)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _status(pid: int, field: str) -> int:
    """A /proc/PID/status figure, in KiB (0 when the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class MemorySampler:
    """The resident size (RSS) of a server's workers, sampled every 50 ms while a load runs:
    `start` is the largest worker at the start, `peak` the largest seen during the run (KiB)."""

    def __init__(self, server: Gunicorn, interval: float = 0.05) -> None:
        self.server = server
        self.interval = interval
        self.start = self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _largest(self) -> int:
        return max((_status(pid, "VmRSS:") for pid in self.server.workers()), default=0)

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak = max(self.peak, self._largest())

    def __enter__(self) -> MemorySampler:
        self.start = self.peak = self._largest()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._largest())


class Nginx:
    """Debian's nginx, two workers, answering `/ok` with two bytes and `/file` with a file.

    `/ok` is the client's ceiling: what wrk reaches when the server costs next to nothing. Each
    request on a new connection (no keep-alive), as gunicorn's sync workers answer, so the
    ceiling and the floor make wrk do the same work per request."""

    def __init__(self, file: Path) -> None:
        binary = shutil.which("nginx") or (
            "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
        )
        if binary is None:
            raise FileNotFoundError("nginx")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.prefix = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
        (self.prefix / "logs").mkdir()
        prefix = self.prefix
        conf = prefix / "nginx.conf"
        conf.write_text(f"""
worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  keepalive_timeout 0;
  client_body_temp_path {prefix}/body; proxy_temp_path {prefix}/proxy;
  fastcgi_temp_path {prefix}/fastcgi; uwsgi_temp_path {prefix}/uwsgi; scgi_temp_path {prefix}/scgi;
  server {{
    listen 127.0.0.1:{self.port};
    location = /ok {{ default_type text/plain; return 200 "ok"; }}
    location = /file {{ alias {file}; default_type application/pdf; }}
  }}
}}
""")
        self.process = subprocess.Popen(
            [binary, "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"]
        )
        wait_for(self.url + "/ok")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.prefix, ignore_errors=True)
