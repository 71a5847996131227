"""`blobs check --prune` on a store that others are writing to: nothing young, nothing
referenced is deleted; a blob a crash left in its temporary file is put back."""

from __future__ import annotations

import hashlib
import io
import os
import time
from pathlib import Path

import pytest

from iom_events.documents import service
from iom_events.documents.models import Document, DocumentCategory, DocumentFile
from iom_events.documents.storage import blob_store
from iom_events.documents.sweep import check_store, prune
from iom_events.extensions import db
from iom_events.translated import Translated

HOUR = 3600


def aged(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


@pytest.fixture
def document(app, make_event):
    event = make_event()
    with app.app_context():
        document = Document(
            event_id=event.id, category=DocumentCategory.REPORT, title=Translated(en="Report")
        )
        db.session.add(document)
        db.session.commit()
        yield document


def referenced(document, sha: str, size: int, name: str) -> None:
    """A committed version of `document` whose file is `sha` (whether the store has it or not)."""
    db.session.add(
        DocumentFile(
            document=document,
            language="en",
            sha256=sha,
            size=size,
            media_type="text/plain",
            original_filename=name,
        )
    )
    db.session.commit()


def stray(app, name: str, content: bytes = b"left behind") -> Path:
    path = Path(app.config["BLOB_DIR"]) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_a_young_orphan_is_left_alone_an_old_one_pruned(app, runner):
    young = stray(app, "ef/01/ef01" + "1" * 60)
    old = aged(stray(app, "ef/02/ef02" + "2" * 60), 2 * HOUR)
    result = runner.invoke(args=["blobs", "check", "--prune"])
    assert result.exit_code == 0, result.output
    assert f"recent: {young}" in result.output and f"pruned: {old}" in result.output
    assert young.exists() and not old.exists()
    young.unlink()


def test_stale_temporary_files_are_swept_after_the_grace_period(app, runner):
    cut_short = aged(stray(app, ".incoming.abc123"), 2 * HOUR)
    complete = aged(stray(app, ".incoming.def456." + "3" * 64), 2 * HOUR)
    in_progress = stray(app, ".incoming.ghi789")
    result = runner.invoke(args=["blobs", "check", "--prune"])
    assert result.exit_code == 0, result.output
    assert not cut_short.exists() and not complete.exists()
    assert in_progress.exists()
    in_progress.unlink()


def test_a_referenced_file_is_never_deleted_however_old(app, document, runner):
    content = b"a statement, referenced\n"
    version = service.add_version(
        document, "en", service.Upload(io.BytesIO(content), "s.txt"), blob_store(), None
    )
    aged(blob_store().path(version.sha256), 100 * HOUR)
    report = check_store(blob_store(), 0)
    assert blob_store().path(version.sha256) not in report.orphans
    prune(blob_store(), report, 0)
    assert blob_store().path(version.sha256).read_bytes() == content
    blob_store().delete(version.sha256)  # its row goes with the test's transaction


def test_an_orphan_uploaded_again_meanwhile_is_not_pruned(app, document):
    """The sweep saw it unreferenced; an upload of the same bytes committed before it got to
    delete it: the fresh placement (and the new reference) keep it."""
    content = b"the same bytes, twice\n"
    sha = hashlib.sha256(content).hexdigest()
    aged(stray(app, f"{sha[:2]}/{sha[2:4]}/{sha}", content), 2 * HOUR)
    report = check_store(blob_store(), HOUR)
    assert blob_store().path(sha) in report.orphans
    service.add_version(
        document, "en", service.Upload(io.BytesIO(content), "s.txt"), blob_store(), None
    )
    assert blob_store().path(sha) not in prune(blob_store(), report, HOUR)[1]
    assert blob_store().path(sha).read_bytes() == content


def test_a_blob_deleted_while_its_upload_committed_is_put_back(app, document):
    """Emptying the trash deletes a blob nothing referenced a moment ago; an upload of the same
    bytes places its own copy after its commit, whatever it found there."""
    content = b"restored by its upload\n"
    with blob_store().receive(io.BytesIO(content)) as incoming:
        blob_store().delete(incoming.sha256)  # as an emptied trash would, meanwhile
        incoming.publish()
    assert blob_store().path(incoming.sha256).read_bytes() == content
    blob_store().delete(incoming.sha256)


def test_a_crash_between_commit_and_placement_is_repaired(app, document, runner):
    """The row is committed, the worker died before renaming its complete temporary file:
    the version is missing until --prune puts the file in place."""
    content = b"committed, never placed\n"
    sha = hashlib.sha256(content).hexdigest()
    temporary = aged(stray(app, f".incoming.xyz.{sha}", content), 2 * HOUR)
    referenced(document, sha, len(content), "s.txt")
    result = runner.invoke(args=["blobs", "check"])
    assert result.exit_code == 1 and f"missing: {sha} (its upload is complete in" in result.output
    result = runner.invoke(args=["blobs", "check", "--prune"])
    assert result.exit_code == 0, result.output
    assert f"placed: {sha}" in result.output and "0 missing" in result.output
    assert blob_store().path(sha).read_bytes() == content and not temporary.exists()


def test_two_crashed_copies_of_one_upload_are_both_dealt_with(app, document, runner):
    """The same file uploaded twice, both workers killed after the commit: one copy is placed,
    the other is a leftover pruned in the same sweep."""
    content = b"uploaded twice, placed never\n"
    sha = hashlib.sha256(content).hexdigest()
    copies = [aged(stray(app, f".incoming.{n}.{sha}", content), 2 * HOUR) for n in ("a", "b")]
    referenced(document, sha, len(content), "twice.txt")
    result = runner.invoke(args=["blobs", "check", "--prune"])
    assert result.exit_code == 0, result.output
    assert f"placed: {sha}" in result.output
    assert blob_store().path(sha).read_bytes() == content
    assert not any(copy.exists() for copy in copies), result.output


def test_a_damaged_copy_never_wins_over_the_good_one(app, document, runner):
    """Two complete-looking copies of a crashed upload, the first by name damaged (a power
    loss): the good one is placed, whatever the order, and the damaged one goes."""
    content = b"the only good copy\n"
    sha = hashlib.sha256(content).hexdigest()
    damaged = aged(stray(app, f".incoming.aaa.{sha}", b"junk"), 2 * HOUR)
    good = aged(stray(app, f".incoming.zzz.{sha}", content), 2 * HOUR)
    referenced(document, sha, len(content), "good.txt")
    result = runner.invoke(args=["blobs", "check", "--prune"])
    assert result.exit_code == 0, result.output
    assert f"placed: {sha}" in result.output and "0 missing" in result.output
    assert blob_store().path(sha).read_bytes() == content
    assert not damaged.exists() and not good.exists()


def test_with_no_good_copy_nothing_is_said_placed_and_the_copy_is_kept(app, document, runner):
    sha = hashlib.sha256(b"never arrived whole\n").hexdigest()
    damaged = aged(stray(app, f".incoming.aaa.{sha}", b"junk"), 2 * HOUR)
    referenced(document, sha, 20, "lost.txt")
    result = runner.invoke(args=["blobs", "check", "--prune"])
    assert result.exit_code == 1
    assert "placed:" not in result.output and "1 missing" in result.output
    assert damaged.exists()
    damaged.unlink()
