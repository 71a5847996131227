"""The blob store against the database: what `flask --app app blobs check [--prune]` reports
and removes.

Nothing younger than the grace period (`BLOB_GRACE_MINUTES`, an hour by default) is touched:
an upload in progress on any server sharing the store has its temporary file, or has just
placed its blob, within that time. Nothing the database references is deleted; a blob checked
as unreferenced is looked at again (its age, its references) right before it goes. A complete
temporary file whose blob the database references but the store lacks (a worker killed between
the commit and the rename) is put in place instead of deleted.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from iom_events.documents.models import DocumentFile
from iom_events.documents.storage import CHUNK, INCOMING, BlobStore, age_seconds, pending_sha256
from iom_events.extensions import db

EVERYTHING = {"include_removed": True}


@dataclass
class StoreReport:
    orphans: list[Path] = field(default_factory=list)
    """Unreferenced blobs and temporary files, older than the grace period: --prune deletes them."""
    young: list[Path] = field(default_factory=list)
    """Unreferenced files younger than the grace period (uploads in progress): left alone."""
    missing: list[str] = field(default_factory=list)
    """SHA-256s that versions reference but the store does not have."""
    recoverable: dict[str, Path] = field(default_factory=dict)
    """Missing SHA-256s whose complete temporary file is in the store: --prune places them."""


def check_store(store: BlobStore, grace_seconds: float) -> StoreReport:
    """Compare the files of `store` with the SHA-256s the database references."""
    referenced = set(
        db.session.scalars(select(DocumentFile.sha256).distinct(), execution_options=EVERYTHING)
    )
    report = StoreReport()
    present: set[str] = set()
    pending: dict[str, Path] = {}
    for name, path in sorted(store.contents()):
        temporary = name.startswith(INCOMING)
        if not temporary and name in referenced:
            present.add(name)
            continue
        age = age_seconds(path)
        if age is None:  # gone meanwhile
            continue
        if age < grace_seconds:
            report.young.append(path)
        elif temporary and (sha256 := pending_sha256(path)) in referenced:
            if sha256 in pending:  # the same upload completed twice: one copy is enough
                report.orphans.append(path)
            else:
                pending[sha256] = path
        else:
            report.orphans.append(path)
    report.missing = sorted(referenced - present)
    report.recoverable = {sha: pending[sha] for sha in report.missing if sha in pending}
    # A complete copy of a blob the store already has is only a leftover.
    report.orphans += [path for sha, path in pending.items() if sha not in report.recoverable]
    report.orphans.sort()
    return report


def prune(store: BlobStore, report: StoreReport, grace_seconds: float) -> list[Path]:
    """Place the recoverable blobs, then delete the orphans that are still orphans (old enough,
    unreferenced); returns the paths deleted."""
    for sha256, path in report.recoverable.items():
        if _sha256_of(path) == sha256:
            store.path(sha256).parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, store.path(sha256))
    deleted = []
    for path in report.orphans:
        age = age_seconds(path)
        if age is None or age < grace_seconds:
            continue  # gone, or written again meanwhile (the same content uploaded anew)
        if not path.name.startswith(INCOMING) and _referenced(path.name):
            continue
        path.unlink(missing_ok=True)
        deleted.append(path)
    return deleted


def _referenced(sha256: str) -> bool:
    statement = select(func.count()).select_from(DocumentFile).where(DocumentFile.sha256 == sha256)
    return bool(db.session.scalar(statement, execution_options=EVERYTHING))


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
