"""A worker killed in the middle of an upload leaves no blob: `kill -9` on a real gunicorn.

The server runs in a subprocess on a SQLite database and a blob store of its own (tests/
servers.py). Two moments are killed: while the body is still arriving, and once the file is
received and checked but its row not yet committed (the test holds SQLite's write lock, so the
worker waits at its commit). Either way nothing is placed in the store, `blobs check` leaves the
young temporary file alone, and `--prune` with no grace period removes it, keeping the file a
committed version references.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest
from servers import ROOT, Deployment, Gunicorn, deployment, multipart, signed_in, upload_form

from iom_events.demo.pdf import title_page
from iom_events.documents.storage import BlobStore

pytestmark = pytest.mark.commits

SIZE = 30 * 1024 * 1024


def big_text(seed: str) -> bytes:
    """30 MB of plain text, different for each seed (libmagic reads it as text/plain)."""
    line = f"Statement of the delegation, draft {seed}: migration and development.\n".encode()
    return (line * (SIZE // len(line) + 1))[:SIZE]


def send_upload(url: str, path: str, cookie: str, token: str, content: bytes, sent: int):
    """Open an upload of `content` and send the form's head and `sent` bytes of the file; the
    connection, left open."""
    head, tail, content_type = multipart(token, "en", "statement.txt", len(content))
    connection = http.client.HTTPConnection(url.removeprefix("http://"), timeout=30)
    connection.putrequest("POST", path)
    connection.putheader("Content-Type", content_type)
    connection.putheader("Content-Length", str(len(head) + len(content) + len(tail)))
    connection.putheader("Cookie", cookie)
    connection.endheaders()
    connection.send(head)
    for start in range(0, sent, 1024 * 1024):
        connection.send(content[start : min(start + 1024 * 1024, sent)])
    if sent == len(content):
        connection.send(tail)
    return connection


def blobs_check(site: Deployment, *args: str, grace_minutes: str = "60"):
    environment = site.environment(BLOB_GRACE_MINUTES=grace_minutes)
    command = [sys.executable, "-m", "flask", "--app", "app", "blobs", "check", *args]
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)


def files_in(store: BlobStore) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for _name, path in store.contents()}


def kill_worker(server: Gunicorn) -> None:
    (worker,) = server.workers()
    os.kill(worker, signal.SIGKILL)


def held_at_commit(server, site, path, cookie, token, content) -> bool:
    """Send a whole upload; once the worker starts writing it into the store, take SQLite's
    write lock so that its commit waits; kill it there. False when the upload was committed
    before the lock was taken (the machine was busy): nothing was tested."""
    store, sha = BlobStore(site.blob_dir), hashlib.sha256(content).hexdigest()
    before = {name for name, _ in store.contents()}
    lock = sqlite3.connect(site.database, isolation_level=None)
    connection = send_upload(server.url, path, cookie, token, content, len(content))
    try:
        until(lambda: any(name not in before for name, _ in store.contents()))
        lock.execute("BEGIN IMMEDIATE")  # the worker's commit waits for this
        query = "SELECT count(*) FROM document_file WHERE sha256 = ?"
        if lock.execute(query, (sha,)).fetchone()[0]:
            return False
        # Received in full, checked, and waiting at the commit: the moment to kill.
        until(lambda: any(name.endswith(sha) for name, _ in store.contents()))
        assert not store.exists(sha), "a blob was placed before its version was committed"
        time.sleep(0.5)
        kill_worker(server)
        return True
    finally:
        if lock.in_transaction:
            lock.execute("ROLLBACK")
        lock.close()
        connection.close()


def until(condition, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)


def test_a_worker_killed_mid_upload_leaves_no_orphan_after_the_sweep(tmp_path):
    site = deployment(tmp_path)
    store = BlobStore(site.blob_dir)
    kept = title_page("Report", "A served meeting", "en", datetime(2026, 1, 1, tzinfo=UTC))
    with Gunicorn(site.environment(), workers=1) as server:
        client = signed_in(server.url)
        path, token = upload_form(client, site)
        response = client.post(
            path, data={"csrf_token": token, "language": "en"}, files={"file": ("r.pdf", kept)}
        )
        assert response.status_code == 303, response.text
        kept_sha = hashlib.sha256(kept).hexdigest()
        assert store.path(kept_sha).read_bytes() == kept
        cookie = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
        committed = {kept_sha: kept}

        # 1. Killed while the body is still arriving.
        content = big_text("one")
        connection = send_upload(server.url, path, cookie, token, content, SIZE // 3)
        time.sleep(0.3)
        kill_worker(server)
        connection.close()

        # 2. Killed once the file is received and checked, its commit held by SQLite's lock.
        for attempt in range(3):
            content = big_text(f"two-{attempt}")
            sha = hashlib.sha256(content).hexdigest()
            if held_at_commit(server, site, path, cookie, token, content):
                break
            committed[sha] = content  # done before the lock was taken: try again
        else:
            pytest.fail("the upload was never caught before its commit")

    # Nothing placed for an upload that was never committed; a temporary file at most.
    assert not store.exists(sha)
    leftovers = [name for name in files_in(store) if name not in committed]
    assert leftovers and all(name.startswith(".incoming.") for name in leftovers)

    # Young temporary files are an upload in progress on some server: left alone.
    result = blobs_check(site, "--prune")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pruned:" not in result.stdout and "recent: " in result.stdout
    assert [name for name in files_in(store) if name not in committed] == leftovers

    # Past the grace period they go; the committed version's file stays, byte for byte.
    result = blobs_check(site, "--prune", grace_minutes="0")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 missing" in result.stdout
    assert files_in(store) == committed
