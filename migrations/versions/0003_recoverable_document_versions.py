"""recoverable document versions: document_file.removed_at

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 12:40:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CURRENT = "replaced_at IS NULL AND removed_at IS NULL"


def upgrade():
    with op.batch_alter_table("document_file", schema=None) as batch_op:
        batch_op.add_column(sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_document_file_removed_at"), ["removed_at"])
        batch_op.drop_index("uq_document_file_current_language")
        batch_op.create_index(
            "uq_document_file_current_language",
            ["document_id", "language"],
            unique=True,
            sqlite_where=sa.text(CURRENT),
            postgresql_where=sa.text(CURRENT),
        )


def downgrade():
    with op.batch_alter_table("document_file", schema=None) as batch_op:
        batch_op.drop_index("uq_document_file_current_language")
        batch_op.create_index(
            "uq_document_file_current_language",
            ["document_id", "language"],
            unique=True,
            sqlite_where=sa.text("replaced_at IS NULL"),
            postgresql_where=sa.text("replaced_at IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_document_file_removed_at"))
        batch_op.drop_column("removed_at")
