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
from iom_events.nominations.models import NominationVersion

EVERYTHING = {"include_removed": True}


@dataclass
class StoreReport:
    orphans: list[Path] = field(default_factory=list)
    """Unreferenced blobs and temporary files, older than the grace period: --prune deletes them."""
    young: list[Path] = field(default_factory=list)
    """Unreferenced files younger than the grace period (uploads in progress): left alone."""
    missing: list[str] = field(default_factory=list)
    """SHA-256s that versions reference but the store does not have."""
    recoverable: dict[str, list[Path]] = field(default_factory=dict)
    """Missing SHA-256s whose complete temporary files are in the store: --prune places the
    first whose content is that SHA-256, and deletes the others (damaged, or copies)."""


def check_store(store: BlobStore, grace_seconds: float) -> StoreReport:
    """Compare the files of `store` with the SHA-256s the database references."""
    referenced = set(
        db.session.scalars(select(DocumentFile.sha256).distinct(), execution_options=EVERYTHING)
    ) | set(db.session.scalars(select(NominationVersion.credentials_sha256).distinct()))
    referenced.discard(None)
    report = StoreReport()
    present: set[str] = set()
    pending: dict[str, list[Path]] = {}
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
            pending.setdefault(sha256, []).append(path)
        else:
            report.orphans.append(path)
    report.missing = sorted(referenced - present)
    report.recoverable = {sha: pending[sha] for sha in report.missing if sha in pending}
    # A complete copy of a blob the store already has is only a leftover.
    report.orphans += [
        path for sha, paths in pending.items() if sha not in report.recoverable for path in paths
    ]
    report.orphans.sort()
    return report


def prune(
    store: BlobStore, report: StoreReport, grace_seconds: float
) -> tuple[list[str], list[Path]]:
    """Place the recoverable blobs (the first complete copy whose content is its SHA-256: a
    damaged one never wins over a good one), then delete the orphans that are still orphans
    (old enough, unreferenced) and the copies not placed; returns (the SHA-256s placed, the
    paths deleted). A blob with no good copy stays missing, its copies kept for a look."""
    placed = []
    leftovers = []
    for sha256, paths in report.recoverable.items():
        good = next((path for path in paths if _sha256_of(path) == sha256), None)
        if good is None:
            continue
        store.path(sha256).parent.mkdir(parents=True, exist_ok=True)
        os.replace(good, store.path(sha256))
        placed.append(sha256)
        leftovers += [path for path in paths if path != good]
    deleted = []
    for path in [*report.orphans, *leftovers]:
        age = age_seconds(path)
        if age is None or age < grace_seconds:
            continue  # gone, or written again meanwhile (the same content uploaded anew)
        if not path.name.startswith(INCOMING) and _referenced(path.name):
            continue
        path.unlink(missing_ok=True)
        deleted.append(path)
    return placed, deleted


def _referenced(sha256: str) -> bool:
    """Referenced by a document's version, or by a nomination's credentials letter."""
    statement = select(func.count()).select_from(DocumentFile).where(DocumentFile.sha256 == sha256)
    letters = select(func.count()).where(NominationVersion.credentials_sha256 == sha256)
    return bool(
        db.session.scalar(statement, execution_options=EVERYTHING) or db.session.scalar(letters)
    )


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
