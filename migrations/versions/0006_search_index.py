"""search index: FTS5 on SQLite, a weighted tsvector with a GIN index on PostgreSQL

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 13:45:00

The index holds folded texts (accents and case removed in Python: iom_events/search/text.py),
so it is filled by the application's own code. A revision never imports the application (its
models are those of the newest revision, not this one): it asks migrations/env.py to fill the
index once every revision has run, when the schema and the models agree again.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.create_table(
            "search_index",
            sa.Column(
                "event_id",
                sa.Integer(),
                sa.ForeignKey("event.id", ondelete="CASCADE"),
                primary_key=True,
            ),
            sa.Column("title", sa.Text(), nullable=False),
            sa.Column("body", sa.Text(), nullable=False),
            sa.Column("parts", sa.Text(), nullable=False),
            sa.Column("document", sa.dialects.postgresql.TSVECTOR(), nullable=False),
        )
        op.create_index(
            "ix_search_index_document", "search_index", ["document"], postgresql_using="gin"
        )
    else:
        op.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5("
            "title, body, parts UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
    op.get_context().config.attributes["search_index_to_rebuild"] = True


def downgrade():
    op.execute("DROP TABLE search_index")
