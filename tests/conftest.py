"""Fixtures: one app per test session on a database of its own, built by the migrations.

SQLite by default (a file in a temporary directory). With TEST_DATABASE_URL pointing at a
PostgreSQL server (any database on it, e.g. .../postgres), the session creates a database of its own
there, named iom_events_test_<random>, and drops it at the end.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import os
import secrets
import socket
import threading
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller
from factories import new_event
from flask_migrate import upgrade
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url
from werkzeug.serving import make_server

from iom_events import create_app
from iom_events.demo.load import load_demo
from iom_events.documents.storage import blob_store
from iom_events.events.models import Event
from iom_events.extensions import cache, db

from staff import PASSWORD, csrf_token, post_form, sign_in  # noqa: F401  (re-exported)

pytest_plugins = ["feedcheck.plugin"]

SERVER_URL = os.environ.get("TEST_DATABASE_URL")


@contextlib.contextmanager
def fresh_database(tmp_path_factory) -> Iterator[str]:
    """The URL of a new, empty database, removed afterwards."""
    if not SERVER_URL:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
        return
    name = f"iom_events_test_{secrets.token_hex(4)}"
    server = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


def pytest_report_header(config) -> str:
    """Which database this run is on, in the first lines of the output (CI's PostgreSQL leg)."""
    return f"database: {make_url(SERVER_URL).get_backend_name() if SERVER_URL else 'sqlite'}"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> Iterator[str]:
    with fresh_database(tmp_path_factory) as url:
        yield url


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "BLOB_DIR": str(tmp_path_factory.mktemp("blobs")),
            "SECRET_KEY": "test",
        }
    )
    with app.app_context():
        upgrade()
        load_demo(blob_store())
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers",
        "commits: the test's data must really be committed (another thread, process or "
        "connection reads it); it cleans up after itself",
    )


def pytest_terminal_summary(terminalreporter) -> None:
    """What browser tests measure (`record_property("page_loads", n)`), said in the run's
    summary, CI's output, not only with `-s`."""
    for outcome in ("passed", "failed"):
        for report in terminalreporter.stats.get(outcome, []):
            for name, value in getattr(report, "user_properties", []):
                if name == "page_loads" and report.when == "call":
                    test = report.nodeid.rpartition("::")[2]
                    terminalreporter.write_line(f"{test}: {value} page loads ({outcome})")


def pytest_collection_modifyitems(items) -> None:
    """A test served by `live_server` commits: the server answers the browser from its own
    threads, which cannot share the test's connection."""
    for item in items:
        if "live_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.commits)


@pytest.fixture(autouse=True)
def isolated(request, app) -> Iterator[None]:
    """Each test runs in one transaction rolled back at its end; the reference data (the demo,
    the staff accounts) is loaded once for the session, before.

    Every session the app opens during the test is bound to one connection that already holds
    a transaction, and joins it with a savepoint (SQLAlchemy's "joining a session into an
    external transaction"): the app's commits release savepoints, its rollbacks go back to
    them, and nothing reaches the database for the next test. Tests marked `commits` (other
    threads or processes must see their data) run on the database as the app does.
    """
    if request.node.get_closest_marker("commits"):
        yield
        return
    with app.app_context():
        engine = db.engine
    connection = engine.connect()
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:  # pysqlite would let the first SAVEPOINT start (and RELEASE commit) a transaction
        connection.connection.driver_connection.isolation_level = None
    outer = connection.begin()
    if sqlite:
        connection.exec_driver_sql("BEGIN")
    else:  # deferred triggers fire at a commit, and this transaction never commits: at once
        connection.exec_driver_sql("SET CONSTRAINTS ALL IMMEDIATE")
    engines = db._app_engines[app]
    engines[None] = connection
    factory = db.session.session_factory
    factory.configure(join_transaction_mode="create_savepoint")
    try:
        yield
    finally:
        engines[None] = engine
        factory.kw.pop("join_transaction_mode", None)
        outer.rollback()
        # The rollback brings versions back to earlier values, which the next test reaches
        # again with other content: what this test cached under them is forgotten (a committed
        # version never comes back, so the site itself never needs this).
        with app.app_context():
            cache.clear()
        if sqlite:
            connection.connection.driver_connection.isolation_level = ""
        connection.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def session(app):
    """The database session inside an application context, cleaned up after the test."""
    with app.app_context():
        yield db.session
        db.session.rollback()
        db.session.remove()


@pytest.fixture
def make_event(app):
    """Meetings for one test (`factories.new_event`); deleted when the test ends (a test
    marked `commits` really wrote them)."""
    created: list[int] = []

    def make(**fields) -> Event:
        event = new_event(app, **fields)
        created.append(event.id)
        return event

    yield make
    with app.app_context():
        for event_id in created:
            event = db.session.get(Event, event_id)
            if event is not None:
                db.session.delete(event)
        db.session.commit()
        db.session.remove()


HARNESS = ("SAVEPOINT ", "RELEASE SAVEPOINT ", "ROLLBACK TO SAVEPOINT ")


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany) -> None:
        if not statement.startswith(HARNESS):  # the savepoints of `isolated`, not the app's
            self.statements.append(statement)

    def __len__(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries(app):
    """Counts the SQL statements run inside a `with count_queries() as counter:` block."""

    @contextlib.contextmanager
    def counting() -> Iterator[QueryCounter]:
        counter = QueryCounter()
        with app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", counter)
        try:
            yield counter
        finally:
            event.remove(engine, "before_cursor_execute", counter)

    return counting


# --- e-mail --------------------------------------------------------------------------------------


class Received:
    """What the test SMTP server received: every message, parsed (RFC 5322, UTF-8 headers)."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [m for m in self.messages if address in m["To"]]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def smtp_server():
    """A real SMTP server (aiosmtpd) on a free local port, for the whole session."""
    received = Received()
    controller = Controller(received, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller, received
    controller.stop()


@pytest.fixture
def mailbox(app, smtp_server) -> Iterator[Received]:
    """The app sends through the test SMTP server; the messages this test sent, received."""
    controller, received = smtp_server
    before = {name: app.config[name] for name in ("MAIL_HOST", "MAIL_PORT")}
    app.config.update(MAIL_HOST=controller.hostname, MAIL_PORT=controller.port)
    received.messages.clear()
    received.envelopes.clear()
    try:
        yield received
    finally:
        app.config.update(before)


# --- staff -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def staff_accounts(app):
    """An editor and an admin, created once; their e-mails."""
    from iom_events.accounts.auth import hash_password
    from iom_events.accounts.models import User, UserRole

    with app.app_context():
        hashed = hash_password(PASSWORD)
        for email, role in (
            ("editor@iom.test", UserRole.EDITOR),
            ("admin@iom.test", UserRole.ADMIN),
        ):
            db.session.add(User(email=email, password_hash=hashed, role=role))
        db.session.commit()
        db.session.remove()
    return {"editor": "editor@iom.test", "admin": "admin@iom.test"}


@pytest.fixture
def editor(app, staff_accounts):
    """A test client signed in as an editor."""
    client = app.test_client()
    assert sign_in(client, staff_accounts["editor"]).status_code == 302
    return client


@pytest.fixture
def admin(app, staff_accounts):
    """A test client signed in as an administrator."""
    client = app.test_client()
    assert sign_in(client, staff_accounts["admin"]).status_code == 302
    return client


# --- browser tests ---------------------------------------------------------------------------
# Playwright drives Debian's Chromium against the app served on a free port. Never
# `playwright install`: the browser is the system's (CHROMIUM, default /usr/bin/chromium), started
# with the flags that keep it off the network.

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": FLAGS}


@pytest.fixture(scope="session")
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server
