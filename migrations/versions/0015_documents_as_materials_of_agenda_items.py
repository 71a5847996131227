"""documents as materials of agenda items, and generated documents: document.agenda_item_id, document.generated

A document may belong to one agenda item of its meeting (the MIDWA presentation under
"Presentations of the RCPs"); the item deleted for good, the document stays, detached. A
document may be generated from the meeting's data (its provisional agenda, its list of
participants): its language versions are then the official PDFs, made when asked for.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 21:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agenda_item_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("generated", sa.String(length=32), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_document_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_document_agenda_item_id_agenda_item"),
            "agenda_item",
            ["agenda_item_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_document_agenda_item_id_agenda_item"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_document_agenda_item_id"))
        batch_op.drop_column("generated")
        batch_op.drop_column("agenda_item_id")
