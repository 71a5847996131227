"""The migrations build the schema from empty, and they agree with the models."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from iom_events import create_app
from iom_events.extensions import db

from conftest import fresh_database

TABLES = {
    "search_index",
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


@pytest.mark.commits  # it compares the real schema
def test_models_and_migrations_agree(app):
    """Autogenerate finds nothing to do on a database built by the migrations: no drift."""
    with app.app_context(), db.engine.connect() as connection:
        hand_made = lambda obj, name, type_, *args: not name.startswith("search_index")  # noqa: E731
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": hand_made}
        )
        assert compare_metadata(context, db.metadata) == []


def test_upgrading_a_database_with_meetings_keeps_every_row(tmp_path_factory):
    """Rebuilding a table on SQLite must not cascade-delete what hangs from it."""
    with fresh_database(tmp_path_factory) as url:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
        with app.app_context():
            upgrade(revision="0001")
            with db.engine.begin() as connection:
                connection.execute(
                    text(
                        "INSERT INTO event (id, slug, kind, status, original_language, title,"
                        " starts_on, ends_on, timezone, created_at, updated_at)"
                        " VALUES (1, 'm', 'other',"
                        " 'published', 'en', '{\"en\": \"M\"}', '2030-01-01', '2030-01-02', 'UTC',"
                        " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
                    )
                )
                connection.execute(
                    text(
                        "INSERT INTO agenda_item (id, event_id, day, kind, title, position)"
                        " VALUES (1, 1, '2030-01-01', 'session', '{\"en\": \"S\"}', 0)"
                    )
                )
                connection.execute(
                    text(
                        "INSERT INTO delegation (id, event_id, kind, name, position)"
                        " VALUES (1, 1, 'rcp', '{\"en\": \"D\"}', 0)"
                    )
                )
            upgrade()
            with db.engine.connect() as connection:
                counts = [
                    connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                    for table in ("event", "agenda_item", "delegation")
                ]
                uids = connection.execute(text("SELECT uid FROM agenda_item")).scalars().all()
            assert counts == [1, 1, 1]
            assert len(uids[0]) == 36
            db.engine.dispose()


def test_revisions_never_import_the_application():
    """A revision runs against the schema of its time, the application's models are today's:
    an import of them breaks `db upgrade` on an empty database after a future rename."""
    import ast
    from pathlib import Path

    versions = Path(__file__).resolve().parent.parent / "migrations" / "versions"
    for revision in sorted(versions.glob("*.py")):
        for node in ast.walk(ast.parse(revision.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] == "iom_events" for n in names), revision.name


def test_meetings_already_there_are_found_by_the_search_after_upgrading(tmp_path_factory):
    with fresh_database(tmp_path_factory) as url:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
        with app.app_context():
            upgrade(revision="0005")
            with db.engine.begin() as connection:
                connection.execute(
                    text(
                        "INSERT INTO event (id, slug, kind, status, original_language, title,"
                        " starts_on, ends_on, timezone, created_at, updated_at, uid, sequence,"
                        " version) VALUES (1, 'mekong', 'other', 'published', 'en',"
                        " '{\"en\": \"Mekong consultation\"}', '2030-01-01', '2030-01-02', 'UTC',"
                        " '2026-01-01 00:00:00', '2026-01-01 00:00:00',"
                        " '0b7c0a52-3f7e-4d0e-9a44-5d6c7c1f0001', 0, 1)"
                    )
                )
            upgrade()
            page = app.test_client().get("/en/search?q=mekong").get_data(as_text=True)
            db.engine.dispose()
    assert "Mekong consultation" in page


def test_the_search_index_is_written_again_with_the_folding_of_every_latin_letter(
    tmp_path_factory,
):
    """Revision 0012: rows indexed by an earlier release were folded without œ -> oe; the
    upgrade writes the whole index again, so that "oeuvre" finds them."""
    with fresh_database(tmp_path_factory) as url:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
        with app.app_context():
            upgrade(revision="0011")
            with db.engine.begin() as connection:
                connection.execute(
                    text(
                        "INSERT INTO event (id, slug, kind, status, original_language, title,"
                        " starts_on, ends_on, timezone, created_at, updated_at, uid, sequence,"
                        " version) VALUES (1, 'oeuvre', 'other', 'published', 'fr',"
                        " '{\"fr\": \"Mise en œuvre à Łódź\"}', '2030-01-01', '2030-01-02',"
                        " 'UTC', '2026-01-01 00:00:00', '2026-01-01 00:00:00',"
                        " '0b7c0a52-3f7e-4d0e-9a44-5d6c7c1f0002', 0, 1)"
                    )
                )
            upgrade()
            page = app.test_client().get("/fr/search?q=mise+en+oeuvre+lodz").get_data(as_text=True)
            db.engine.dispose()
    assert "Mise en œuvre à Łódź" in page


def test_the_suite_runs_on_the_database_it_was_given(app):
    """CI's PostgreSQL leg must really be on PostgreSQL: a setting lost on the way would run
    the whole suite on SQLite again and pass."""
    import os

    wanted = "postgresql" if os.environ.get("TEST_DATABASE_URL") else "sqlite"
    with app.app_context():
        assert db.session.get_bind().dialect.name == wanted
        if wanted == "postgresql":
            assert "PostgreSQL" in db.session.execute(text("SELECT version()")).scalar()
