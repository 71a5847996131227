"""The migrations build the schema from empty, and they agree with the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from iom_events import create_app
from iom_events.extensions import db

from conftest import fresh_database

TABLES = {
    "office",
    "event",
    "event_organizer",
    "agenda_item",
    "agenda_speaker",
    "delegation",
    "participant",
    "document",
    "document_file",
    "press_contact",
    "user",
    "audit_entry",
}


def test_upgrade_from_empty_then_downgrade_to_empty(tmp_path_factory):
    with fresh_database(tmp_path_factory) as url:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
        with app.app_context():
            upgrade()
            assert set(inspect(db.engine).get_table_names()) >= TABLES
            downgrade(revision="base")
            assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
            db.engine.dispose()


def test_models_and_migrations_agree(app):
    """Autogenerate finds nothing to do on a database built by the migrations: no drift."""
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []
