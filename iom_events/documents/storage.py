"""The blob store: files named by the SHA-256 of their content, placed only once they are owed.

An upload is written to a temporary file inside the store (same file system, so placing it is
a rename), flushed to disk, and placed under its SHA-256 only after the database committed the
row that references it (`Incoming.publish`). A worker killed at any point before that leaves
at most a temporary file, never a blob that looks kept; `blobs check --prune` removes
temporary files once they are older than the grace period (`BLOB_GRACE_MINUTES`).

Temporary files live at the store's root: ".incoming.<random>" while the stream is copied,
then ".incoming.<random>.<sha256>" once it is complete, so that a crash between the commit and
the rename can be repaired (documents/sweep.py).
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from flask import current_app

CHUNK = 1024 * 1024
INCOMING = ".incoming."


class TooLarge(ValueError):
    """The stream is longer than the limit; nothing was kept."""


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    path: Path
    size: int
    created: bool
    """False when the store already held this content."""


@dataclass
class Incoming:
    """A complete stream in a temporary file of the store, not yet placed under its SHA-256."""

    store: BlobStore
    path: Path
    sha256: str
    size: int
    published: bool = False

    def publish(self) -> StoredBlob:
        """Place the file under its SHA-256: call it once the database references it.

        The file always replaces what is there (the same bytes), so that a copy deleted
        meanwhile by someone who saw it unreferenced (an emptied trash, a prune) is put back,
        and its modification time is now: the prune's grace period counts from here.
        """
        target = self.store.path(self.sha256)
        created = not target.is_file()
        self.published = True  # from here on, a failure leaves the file for check_store
        target.parent.mkdir(parents=True, exist_ok=True)
        os.utime(self.path)
        os.replace(self.path, target)
        return StoredBlob(self.sha256, target, self.size, created)


def pending_sha256(path: Path) -> str | None:
    """The SHA-256 a complete temporary file carries in its name; None for one cut short."""
    name = path.name
    if not name.startswith(INCOMING):
        return None
    tail = name.rpartition(".")[2]
    return tail if len(tail) == 64 and all(c in "0123456789abcdef" for c in tail) else None


class BlobStore:
    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def relative_path(self, sha256: str) -> str:
        """ "ab/cd/abcd…": where a blob is below the store's root (nginx's X-Accel-Redirect)."""
        return f"{sha256[:2]}/{sha256[2:4]}/{sha256}"

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, data: bytes) -> StoredBlob:
        """Store `data` under its SHA-256 (hex) at once: for callers that clean up themselves
        when their commit fails (demo load, the benchmark's generator)."""
        with self.receive(io.BytesIO(data)) as incoming:
            return incoming.publish()

    @contextmanager
    def receive(self, stream: BinaryIO, limit: int | None = None) -> Iterator[Incoming]:
        """Copy a stream into a temporary file of the store, hashing it on the way.

        Inside the block the caller checks the file, commits what references it, then calls
        `publish()`; leaving the block without publishing, or with an exception, deletes the
        temporary file. Raises TooLarge past `limit` bytes.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=self.root, prefix=INCOMING)
        path = Path(name)
        incoming = None
        try:
            digest, size = hashlib.sha256(), 0
            with os.fdopen(fd, "wb") as f:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if limit is not None and size > limit:
                        raise TooLarge(size)
                    digest.update(chunk)
                    f.write(chunk)
                f.flush()
                os.fsync(f.fileno())
            # mkstemp makes the file private (0600); a published document is readable by the
            # web server's other processes (nginx serving the store, a worker under another user).
            path.chmod(0o644)
            complete = path.with_name(f"{path.name}.{digest.hexdigest()}")
            os.replace(path, complete)
            path = complete
            incoming = Incoming(self, path, digest.hexdigest(), size)
            yield incoming
        finally:
            if incoming is None or not incoming.published:
                path.unlink(missing_ok=True)

    def delete(self, sha256: str) -> None:
        self.path(sha256).unlink(missing_ok=True)

    def contents(self) -> Iterator[tuple[str, Path]]:
        """Every file in the store: (its name, its path); temporary files included."""
        if not self.root.is_dir():
            return
        for path in self.root.rglob("*"):
            if path.is_file():
                yield path.name, path


def age_seconds(path: Path) -> float | None:
    """Seconds since the file was last written; None when it is gone."""
    try:
        return time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return None


def blob_store() -> BlobStore:
    return BlobStore(current_app.config["BLOB_DIR"])
