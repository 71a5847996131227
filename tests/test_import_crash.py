"""A worker killed in the middle of a confirmed import leaves nothing half-imported: `kill -9`
on a real gunicorn (issue 16: "a confirmed import is one transaction (kill the worker in the
middle: nothing half-imported)").

The server runs in a subprocess on a SQLite database of its own (tests/servers.py): SQLite's
rollback journal exists exactly while a transaction is writing, which says when to kill. On
PostgreSQL a connection that dies rolls its transaction back in the same way; the rest of the
import's tests run on both databases.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import sqlite3
import time
from urllib.parse import urlencode

import pytest
from servers import Gunicorn, deployment, signed_in

pytestmark = pytest.mark.commits

ROWS = 2_000
PATH = "/en/manage/events/{slug}/delegations/import"


def the_list(prefix: str) -> str:
    """2,000 participants named "<prefix> <n>" in 20 delegations."""
    lines = ["Name\tDelegation\tCountry"]
    countries = ["SN", "GH", "ML", "NE", "CI", "BF", "GN", "TG", "BJ", "NG"] * 2
    for number in range(ROWS):
        delegation = number % 20
        lines.append(f"{prefix} {number}\tDelegation {delegation}\t{countries[delegation]}")
    return "\n".join(lines)


def counts(database) -> tuple[int, int]:
    connection = sqlite3.connect(database)
    try:
        return (
            connection.execute("SELECT count(*) FROM delegation").fetchone()[0],
            connection.execute("SELECT count(*) FROM participant").fetchone()[0],
        )
    finally:
        connection.close()


def token_of(html: str, form_id: str) -> str:
    return re.search(rf'id="{form_id}"[^>]*value="([^"]+)"', html)[1]


def send_confirmed(server, client, path: str, text: str) -> http.client.HTTPConnection:
    """Preview `text`, then send its "Import" form; the connection, its answer unread."""
    page = client.get(path).text
    preview = client.post(path, data={"csrf_token": token_of(page, "csrf_token"), "pasted": text})
    assert preview.status_code == 200, preview.text
    rows = re.search(r'name="rows" type="hidden" value="([^"]+)"', preview.text)[1]
    body = urlencode({"csrf_token": token_of(preview.text, "confirm-csrf-token"), "rows": rows})
    cookie = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
    connection = http.client.HTTPConnection(server.url.removeprefix("http://"), timeout=120)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    connection.request("POST", f"{path}/confirm", body, headers)
    return connection


def until(condition, seconds: float = 60) -> float:
    """Wait for `condition`; the monotonic time it became true."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)
    return time.monotonic()


def test_a_worker_killed_mid_import_leaves_nothing_half_imported(tmp_path):
    """A first list is imported whole, timing how long its writing takes (from the rollback
    journal's creation to the answer); a second is killed a third of the way through its
    writing: none of it stays. Imported again, it is all there."""
    site = deployment(tmp_path)
    journal = site.database.with_name(site.database.name + "-journal")
    path = PATH.format(slug=site.event_slug)
    with Gunicorn(site.environment(), workers=1) as server:
        client = signed_in(server.url)
        connection = send_confirmed(server, client, path, the_list("First"))
        began = until(journal.exists)
        assert connection.getresponse().status == 303
        writing = time.monotonic() - began
        connection.close()
        assert counts(site.database) == (20, ROWS)

        connection = send_confirmed(server, client, path, the_list("Second"))
        until(journal.exists)
        time.sleep(writing / 3)
        assert journal.exists(), "the import ended before the kill"
        (worker,) = server.workers()
        os.kill(worker, signal.SIGKILL)
        with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
            connection.getresponse()
        connection.close()
        # Nothing of the second list: SQLite rolls the hot journal back at the next connection.
        assert counts(site.database) == (20, ROWS)

        client = signed_in(server.url)
        connection = send_confirmed(server, client, path, the_list("Second"))
        assert connection.getresponse().status == 303
        connection.close()
    assert counts(site.database) == (20, 2 * ROWS)
