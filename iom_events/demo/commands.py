"""`flask --app app demo load`: the reference offices and meetings."""

import click
from flask.cli import AppGroup
from sqlalchemy import select

from iom_events.documents.storage import blob_store
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.offices.models import Office

demo_cli = AppGroup("demo", help="The reference meetings (Bangkok 2009, BAPA+40 2019).")


@demo_cli.command("load")
@click.option(
    "--if-empty", is_flag=True, help="Load only into a database that has no office and no meeting."
)
def load_command(if_empty: bool) -> None:
    """Create the reference offices and meetings that are missing; never change existing ones."""
    if if_empty and (
        db.session.scalar(select(Event.id).limit(1))
        or db.session.scalar(select(Office.id).limit(1))
    ):
        click.echo("The database already has data: reference data not loaded.")
        return
    from iom_events.demo.load import load_demo  # the data modules are big: load them on demand

    report = load_demo(blob_store())
    click.echo(f"Created {len(report.created)}, kept {len(report.kept)} existing.")
