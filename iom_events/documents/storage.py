"""The blob store: files named by the SHA-256 of their content, written atomically.

A blob is written to a temporary file inside the store, flushed to disk, then renamed into place:
a reader never sees half a file, and the same content uploaded twice is stored once. Temporary
files start with ".incoming."; one left behind by a crash is an orphan that `blobs check` reports.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
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
    """A stream written to a temporary file in the store, not yet kept."""

    store: BlobStore
    path: Path
    sha256: str
    size: int
    kept: StoredBlob | None = None

    def keep(self) -> StoredBlob:
        """Move the file to its place (or drop it when the store already has this content)."""
        target = self.store.path(self.sha256)
        created = not target.is_file()
        if created:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.path, target)
        else:
            self.path.unlink(missing_ok=True)
        self.kept = StoredBlob(self.sha256, target, self.size, created)
        return self.kept


class BlobStore:
    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, data: bytes) -> StoredBlob:
        """Store `data` under its SHA-256 (hex)."""
        with self.receive(io.BytesIO(data)) as incoming:
            return incoming.keep()

    @contextmanager
    def receive(self, stream: BinaryIO, limit: int | None = None) -> Iterator[Incoming]:
        """Copy a stream into a temporary file of the store, hashing it on the way.

        Inside the block the caller checks the file (its type, say) and calls `keep()`; leaving
        the block without keeping it, or with an exception, deletes the temporary file.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=self.root, prefix=INCOMING)
        path = Path(name)
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
            incoming = Incoming(self, path, digest.hexdigest(), size)
            yield incoming
        finally:
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


def blob_store() -> BlobStore:
    return BlobStore(current_app.config["BLOB_DIR"])
