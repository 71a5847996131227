"""`flask --app app blobs check [--prune]`: the blob store against the database."""

import click
from flask.cli import AppGroup

from iom_events.documents.service import check_store
from iom_events.documents.storage import blob_store

blobs_cli = AppGroup("blobs", help="The store of document files.")


@blobs_cli.command("check")
@click.option("--prune", is_flag=True, help="Delete the orphans (files no version references).")
def check(prune: bool) -> None:
    """Report orphan files and missing blobs; exit 1 when something is wrong."""
    store = blob_store()
    report = check_store(store)
    for path in report.orphans:
        click.echo(f"orphan: {path}")
    for sha256 in report.missing:
        click.echo(f"missing: {sha256} (referenced, not in {store.root})")
    if prune:
        for path in report.orphans:
            click.echo(f"pruned: {path}")
            store.root.joinpath(path).unlink(missing_ok=True)
    click.echo(f"{len(report.orphans)} orphan(s), {len(report.missing)} missing.")
    if report.missing or (report.orphans and not prune):
        raise SystemExit(1)
