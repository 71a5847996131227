"""The app under a real gunicorn, on a database and a blob store of its own, for tests that
need processes: a worker killed mid-upload, nginx in front.

`deployment(tmp_path)` builds the database (the migrations, an editor, a published meeting
with one document) with the app factory in this process; `Gunicorn` serves it from a
subprocess on a free port.
"""

from __future__ import annotations

import io
import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from factories import new_event
from flask_migrate import upgrade

from iom_events import create_app
from iom_events.accounts.auth import hash_password
from iom_events.accounts.models import User, UserRole
from iom_events.documents import service
from iom_events.documents.models import Document, DocumentCategory
from iom_events.documents.storage import BlobStore
from iom_events.extensions import db
from iom_events.translated import Translated

from staff import PASSWORD

ROOT = Path(__file__).resolve().parent.parent
EDITOR = "editor@iom.test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Deployment:
    """What a server needs (its environment) and what the database holds."""

    database: Path
    blob_dir: Path
    event_slug: str
    document_id: int

    def environment(self, **extra: str) -> dict[str, str]:
        return {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{self.database}",
            "BLOB_DIR": str(self.blob_dir),
            "SECRET_KEY": "servers-test",
            **extra,
        }


def deployment(tmp_path: Path, english_file: bytes | None = None) -> Deployment:
    """A fresh SQLite database (migrated, an editor, a published meeting with one document)
    and a blob store under `tmp_path`; the document has `english_file` as its English version
    when given, else no file yet."""
    database, blob_dir = tmp_path / "site.sqlite3", tmp_path / "blobs"
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}", "BLOB_DIR": str(blob_dir)}
    )
    with app.app_context():
        upgrade()
        db.session.add(
            User(email=EDITOR, password_hash=hash_password(PASSWORD), role=UserRole.EDITOR)
        )
        db.session.commit()
    event = new_event(app, slug="served-meeting", title=Translated(en="A served meeting"))
    with app.app_context():
        document = Document(
            event_id=event.id,
            category=DocumentCategory.REPORT,
            title=Translated(en="Report of the Söderköping Process"),
        )
        db.session.add(document)
        db.session.commit()
        if english_file is not None:
            upload = service.Upload(io.BytesIO(english_file), "report.pdf")
            service.add_version(document, "en", upload, BlobStore(blob_dir), None)
        result = Deployment(database, blob_dir, event.slug, document.id)
        db.session.remove()
        db.engine.dispose()
    return result


class Gunicorn:
    """`gunicorn app:app` with sync workers on a free port, stopped on leaving the block."""

    def __init__(self, environment: dict[str, str], workers: int = 1, log: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(workers),
            "--timeout",
            "60",
            "--bind",
            f"127.0.0.1:{self.port}",
            "app:app",
        ]
        if log is not None:  # what gunicorn served: request, status, body bytes, X-Accel-Redirect
            log_format = "%(r)s %(s)s %(B)s %({x-accel-redirect}o)s"
            command[3:3] = ["--access-logfile", str(log), "--access-logformat", log_format]
        self.process = subprocess.Popen(command, cwd=ROOT, env=environment)

    def __enter__(self) -> Gunicorn:
        deadline = time.monotonic() + 90  # a loaded CI machine imports slowly
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("gunicorn did not answer /health")

    def __exit__(self, *exc) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def workers(self) -> list[int]:
        """The worker processes' ids (children of the master)."""
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [int(child) for child in children]


def signed_in(url: str) -> httpx.Client:
    """An HTTP client signed in as the deployment's editor."""
    client = httpx.Client(base_url=url, timeout=30)
    html = client.get("/en/sign-in").text
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    response = client.post(
        "/en/sign-in", data={"email": EDITOR, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302, response.status_code
    return client


def upload_form(client: httpx.Client, deployment: Deployment) -> tuple[str, str]:
    """The upload page's address and its CSRF token."""
    path = f"/en/manage/events/{deployment.event_slug}/documents/{deployment.document_id}/upload"
    html = client.get(path).text
    return path, re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def multipart(token: str, language: str, filename: str, size: int) -> tuple[bytes, bytes, str]:
    """The bytes before and after a file of `size` bytes in an upload form's body, and its
    content type."""
    boundary = "----iom-events-test-boundary"
    head = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="language"\r\n\r\n{language}\r\n'
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    return head, tail, f"multipart/form-data; boundary={boundary}"
