"""`flask --app app blobs check [--prune]`: the blob store against the database."""

import click
from flask import current_app
from flask.cli import AppGroup

from iom_events.documents.storage import blob_store
from iom_events.documents.sweep import check_store, prune

blobs_cli = AppGroup("blobs", help="The store of document files.")


@blobs_cli.command("check")
@click.option(
    "--prune",
    "prune_orphans",
    is_flag=True,
    help="Delete the orphans older than the grace period (BLOB_GRACE_MINUTES), and put back "
    "blobs a crash left in a temporary file.",
)
def check(prune_orphans: bool) -> None:
    """Report orphan files and missing blobs; exit 1 when something is wrong.

    Files younger than the grace period are uploads in progress: reported, never deleted.
    """
    store = blob_store()
    grace = current_app.config["BLOB_GRACE_MINUTES"] * 60
    report = check_store(store, grace)
    for path in report.orphans:
        click.echo(f"orphan: {path}")
    for path in report.young:
        click.echo(f"recent: {path} (younger than the grace period, left alone)")
    for sha256 in report.missing:
        if sha256 in report.recoverable:
            copies = ", ".join(str(path) for path in report.recoverable[sha256])
            click.echo(f"missing: {sha256} (its upload is complete in {copies})")
        else:
            click.echo(f"missing: {sha256} (referenced, not in {store.root})")
    missing = len(report.missing)
    if prune_orphans:
        placed, deleted = prune(store, report, grace)
        for sha256 in placed:
            click.echo(f"placed: {sha256}")
        for path in deleted:
            click.echo(f"pruned: {path}")
        missing = sum(1 for sha256 in report.missing if not store.exists(sha256))
    click.echo(f"{len(report.orphans)} orphan(s), {missing} missing.")
    if missing or (report.orphans and not prune_orphans):
        raise SystemExit(1)
