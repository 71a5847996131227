"""nginx in front of gunicorn, with the shipped configuration (deploy/nginx.conf).

nginx runs as a subprocess on a free port, in a prefix of its own (pid, logs, temporary
files), in front of a gunicorn with two sync workers (tests/servers.py). Through it: pages
come from the app, static files from nginx alone, document downloads from the app's headers
and nginx's bytes (X-Accel-Redirect), and slow uploads do not hold the workers.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest
from servers import ROOT, Gunicorn, deployment, free_port

from iom_events.demo.pdf import title_page

pytestmark = pytest.mark.commits

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
SHIPPED = ROOT / "deploy" / "nginx.conf"
REPORT = title_page("Report", "A served meeting", "en", datetime(2026, 1, 1, tzinfo=UTC))

if NGINX is None and not os.environ.get("CI"):
    pytest.skip("nginx is not installed (make test installs it)", allow_module_level=True)


def site_configuration(nginx_port: int, app_port: int, blob_dir: Path) -> str:
    """The shipped server block, its production ports and paths replaced by the test's."""
    text = SHIPPED.read_text()
    replacements = {
        "listen 80;": f"listen 127.0.0.1:{nginx_port};",
        "listen [::]:80;": "",
        "127.0.0.1:8000": f"127.0.0.1:{app_port}",
        "/srv/iom_events/app/": f"{ROOT}/",
        "/srv/iom_events/blobs/": f"{blob_dir}/",
    }
    for production, test in replacements.items():
        assert production in text, f"deploy/nginx.conf no longer says {production!r}"
        text = text.replace(production, test)
    return text


def main_configuration(prefix: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf gives a site, with every path inside `prefix`."""
    user = "user root;" if os.geteuid() == 0 else ""  # workers must read the test's files
    mime_types = Path("/etc/nginx/mime.types")
    types = f"include {mime_types};" if mime_types.exists() else "types { text/css css; }"
    temporary = "\n".join(
        f"    {kind}_temp_path {prefix}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}
daemon off;
master_process on;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
    {types}
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    sendfile on;
{temporary}
    include {prefix}/site.conf;
}}
"""


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """gunicorn (2 sync workers, X_ACCEL_REDIRECT=/_blobs/) behind nginx; yields nginx's URL,
    the deployment and gunicorn's access log."""
    if NGINX is None:
        pytest.fail("nginx is not installed: CI must install it (.ci/run)")
    tmp_path = tmp_path_factory.mktemp("nginx")
    site = deployment(tmp_path, english_file=REPORT)
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    log = tmp_path / "gunicorn-access.log"
    environment = site.environment(X_ACCEL_REDIRECT="/_blobs/", PROXY_COUNT="1")
    with Gunicorn(environment, workers=2, log=log) as server:
        port = free_port()
        (prefix / "site.conf").write_text(site_configuration(port, server.port, site.blob_dir))
        (prefix / "nginx.conf").write_text(main_configuration(prefix))
        command = [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf")]
        command += ["-e", str(prefix / "error.log")]
        test = subprocess.run([*command, "-t"], capture_output=True, text=True)
        assert test.returncode == 0, test.stderr
        nginx = subprocess.Popen(command)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    httpx.get(f"{url}/health", timeout=1)
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline, (prefix / "error.log").read_text()
                    time.sleep(0.1)
            yield url, site, log, server.url
        finally:
            nginx.terminate()
            nginx.wait(timeout=10)


def served_by_gunicorn(log: Path) -> list[str]:
    time.sleep(0.2)  # gunicorn writes its access log line after the response
    return log.read_text().splitlines()


def test_a_page_comes_from_the_app(stack):
    url, _site, log, _app = stack
    response = httpx.get(f"{url}/fr/events/served-meeting/")
    assert response.status_code == 200
    assert "A served meeting" in response.text and 'lang="fr"' in response.text
    # Absolute links keep the address the browser used, port included (a staging port).
    assert f'hreflang="en" href="{url}/en/events/served-meeting/"' in response.text
    assert any("GET /fr/events/served-meeting/ HTTP" in line for line in served_by_gunicorn(log))


def test_static_files_are_served_by_nginx_alone(stack):
    url, _site, log, _app = stack
    response = httpx.get(f"{url}/static/css/site.css")
    assert response.status_code == 200
    assert response.content == (ROOT / "static" / "css" / "site.css").read_bytes()
    assert response.headers["Content-Type"].startswith("text/css")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    revalidated = httpx.get(
        f"{url}/static/css/site.css", headers={"If-None-Match": response.headers["ETag"]}
    )
    assert revalidated.status_code == 304
    swagger = httpx.get(f"{url}/api/v1/docs/assets/swagger-ui.css")
    assert swagger.status_code == 200 and swagger.headers["Content-Type"].startswith("text/css")
    assert not any(
        "/static/" in line or "/docs/assets/" in line for line in served_by_gunicorn(log)
    )


def download_url(site) -> str:
    return f"/en/events/{site.event_slug}/documents/{site.document_id}/en"


def test_a_download_has_the_apps_headers_and_nginxs_bytes(stack):
    url, site, log, app_url = stack
    response = httpx.get(url + download_url(site))
    assert response.status_code == 200
    assert response.content == REPORT
    sha = hashlib.sha256(REPORT).hexdigest()
    headers = response.headers
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Length"] == str(len(REPORT))
    disposition = headers["Content-Disposition"]
    assert disposition.startswith(
        "attachment; filename=served-meeting_report-of-the-soderkoping-process_en.pdf"
    )
    encoded = re.search(r"filename\*=UTF-8''(\S+)", disposition).group(1)
    assert unquote(encoded) == "served-meeting_report-of-the-söderköping-process_en.pdf"
    assert headers["ETag"] == f'"{sha}"'
    assert headers["Cache-Control"] == "public, no-cache"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Last-Modified" not in headers and "X-Accel-Redirect" not in headers
    names = [name.lower() for name, _value in headers.multi_items()]
    assert len(names) == len(set(names)), names  # nothing doubled
    # Every header the app wrote reaches the client as it wrote it; nginx adds only its own.
    written = httpx.get(app_url + download_url(site)).headers
    own = {"date", "server", "connection", "content-length", "accept-ranges", "expires"}
    for name, value in written.multi_items():
        if name.lower() not in own | {"x-accel-redirect"}:
            assert headers[name] == value, name
    assert set(names) - {name.lower() for name in written} <= own
    # gunicorn answered with headers and no body; nginx sent the file.
    (line,) = [line for line in served_by_gunicorn(log) if download_url(site) in line][-1:]
    assert line.endswith(f" 200 0 /_blobs/{sha[:2]}/{sha[2:4]}/{sha}"), line


def test_downloads_through_nginx_validate_by_content_never_by_date(stack):
    url, site, _log, _app = stack
    full = httpx.get(url + download_url(site))
    etag = full.headers["ETag"]
    assert httpx.get(url + download_url(site), headers={"If-None-Match": etag}).status_code == 304
    dated = httpx.get(
        url + download_url(site), headers={"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"}
    )
    assert dated.status_code == 200 and dated.content == REPORT
    partial = httpx.get(url + download_url(site), headers={"Range": "bytes=0-7"})
    assert partial.status_code == 206 and partial.content == REPORT[:8]
    assert partial.headers["Content-Range"] == f"bytes 0-7/{len(REPORT)}"
    assert partial.headers["ETag"] == etag
    resumed = httpx.get(url + download_url(site), headers={"Range": "bytes=8-", "If-Range": etag})
    assert resumed.status_code == 206 and REPORT[:8] + resumed.content == REPORT
    by_date = httpx.get(
        url + download_url(site),
        headers={"Range": "bytes=8-", "If-Range": "Fri, 01 Jan 2100 00:00:00 GMT"},
    )
    assert by_date.status_code == 200 and by_date.content == REPORT


def test_slow_uploads_do_not_hold_the_sync_workers(stack):
    """Four clients sending their uploads a few bytes at a time, two sync workers: nginx holds
    the bodies, and /health still answers at once."""
    url, site, _log, _app = stack
    host, port = url.removeprefix("http://").split(":")
    slow = []
    for _ in range(4):
        connection = socket.create_connection((host, int(port)))
        connection.sendall(
            f"POST /en/manage/events/{site.event_slug}/documents/{site.document_id}/upload "
            f"HTTP/1.1\r\nHost: {host}\r\nContent-Type: multipart/form-data; boundary=x\r\n"
            "Content-Length: 100000\r\n\r\n".encode()
        )
        slow.append(connection)
    try:
        for _ in range(5):
            for connection in slow:
                connection.sendall(b"x" * 10)
            started = time.monotonic()
            response = httpx.get(f"{url}/health", timeout=5)
            assert response.status_code == 200 and response.text.strip() == "ok"
            assert time.monotonic() - started < 1
            time.sleep(0.3)
    finally:
        for connection in slow:
            connection.close()


def test_a_body_over_nginxs_limit_is_refused_in_the_three_languages(stack):
    """nginx refuses it before the app sees it (Content-Length alone is enough), with the
    shipped page rather than its own English one."""
    url, _site, log, _app = stack
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(
            b"POST /en/manage/events/x/documents/new HTTP/1.1\r\n"
            b"Host: localhost\r\nContent-Type: application/octet-stream\r\n"
            b"Content-Length: 209715200\r\nConnection: close\r\n\r\n"
        )
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    page = body.decode()
    assert "This file is too large" in page
    assert "Ce fichier est trop volumineux" in page
    assert "Este archivo es demasiado grande" in page
    assert not any("/documents/new" in line for line in served_by_gunicorn(log))
