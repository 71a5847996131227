"""listings version: one number the database raises at every write to a meeting or an office

Lists of meetings (the home page, the meetings list, the feeds, the API's list) are fingerprinted
by aggregates over every listed meeting (iom_events/fingerprints.py), a scan that grows with the
site: 1.5 ms a request for 5,000 meetings on SQLite. The aggregates read the `event` and `office`
tables only, so they cannot have changed while this number has not: a page reads it (one row),
and adds the meetings up again only when it moved.

Triggers raise it, not the application, so that no write can miss it: a Core UPDATE, a bulk
load, a data migration, psql. Its values are random, never a count: a rolled-back transaction's
value must never come back as another state's. On PostgreSQL the triggers are deferred to the
commit, so that a transaction takes this row's lock after every other lock it needs (no
deadlock between two saves). On SQLite a table rebuilt by a batch migration loses its triggers:
such a migration must call `create_triggers()` again (tests/test_listings_version.py fails
otherwise).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 21:45:00

"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

TABLES = ("event", "office")
OPERATIONS = ("insert", "update", "delete")


def upgrade():
    op.create_table(
        "listings_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_listings_version")),
    )
    op.execute(f"INSERT INTO listings_version (id, value) VALUES (1, {secrets.randbits(62)})")
    create_triggers()


def create_triggers():
    """The triggers that raise `listings_version.value`, for the database at hand."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION raise_listings_version() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN UPDATE listings_version SET value = (random() * 4e18)::bigint; "
            "RETURN NULL; END $$"
        )
        for table in TABLES:
            op.execute(
                f"CREATE CONSTRAINT TRIGGER {table}_raises_listings_version "
                f"AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "DEFERRABLE INITIALLY DEFERRED "
                "FOR EACH ROW EXECUTE FUNCTION raise_listings_version()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_truncate_raises_listings_version "
                f"AFTER TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION raise_listings_version()"
            )
        return
    for table in TABLES:
        for operation in OPERATIONS:
            op.execute(
                f"CREATE TRIGGER IF NOT EXISTS {table}_{operation}_raises_listings_version "
                f"AFTER {operation.upper()} ON {table} "
                "BEGIN UPDATE listings_version SET value = random(); END"
            )


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_raises_listings_version ON {table}")
            op.execute(
                f"DROP TRIGGER IF EXISTS {table}_truncate_raises_listings_version ON {table}"
            )
        op.execute("DROP FUNCTION IF EXISTS raise_listings_version()")
    else:
        for table in TABLES:
            for operation in OPERATIONS:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{operation}_raises_listings_version")
    op.drop_table("listings_version")
