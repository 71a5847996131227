"""`flask --app app search rebuild`: index every meeting again."""

import click
from flask.cli import AppGroup

from iom_events.extensions import db
from iom_events.search.index import rebuild

search_cli = AppGroup("search", help="The site search index.")


@search_cli.command("rebuild")
def rebuild_command() -> None:
    """Rewrite the search index from the database (after a bulk import, say)."""
    count = rebuild(db.session)
    db.session.commit()
    click.echo(f"Indexed {count} meetings.")
