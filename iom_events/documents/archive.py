"""A zip written while it is sent: memory stays flat whatever the size of the documents.

The standard library's zipfile writes to any object with `write`; entries are stored, not
compressed (PDFs and office files are compressed already), and each file is read in chunks.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

CHUNK = 256 * 1024


class _Pipe:
    """A write-only file whose bytes are collected until the generator hands them on."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.offset = 0

    def write(self, data: bytes) -> int:
        self.chunks.append(bytes(data))
        self.offset += len(data)
        return len(data)

    def tell(self) -> int:
        return self.offset

    def flush(self) -> None:
        pass

    def drain(self) -> bytes:
        data = b"".join(self.chunks)
        self.chunks.clear()
        return data


def zip_stream(entries: Iterable[tuple[str, Path | bytes, datetime]]) -> Iterator[bytes]:
    """The bytes of a zip holding each (name, content, modified) entry, chunk by chunk; the
    content is a file's path (read in chunks), or bytes already in memory (a generated PDF)."""
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, mode="w", compression=zipfile.ZIP_STORED) as archive:
        for name, content, modified in entries:
            info = zipfile.ZipInfo(name, date_time=modified.timetuple()[:6])
            info.compress_type = zipfile.ZIP_STORED
            with _opened(content) as source, archive.open(info, "w", force_zip64=True) as out:
                while chunk := source.read(CHUNK):
                    out.write(chunk)
                    yield pipe.drain()
            yield pipe.drain()
    yield pipe.drain()


def _opened(content: Path | bytes) -> BinaryIO:
    return io.BytesIO(content) if isinstance(content, bytes) else content.open("rb")
