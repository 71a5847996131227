"""calendar uids and sequences: event and agenda_item get uid and sequence; items get updated_at

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 13:00:00

"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _fill_uids(table: str) -> None:
    """Existing rows get their UID once; it never changes afterwards."""
    connection = op.get_bind()
    rows = connection.execute(sa.text(f"SELECT id FROM {table}")).scalars().all()
    for row_id in rows:
        connection.execute(
            sa.text(f"UPDATE {table} SET uid = :uid WHERE id = :id"),
            {"uid": str(uuid.uuid4()), "id": row_id},
        )


def upgrade():
    for table in ("event", "agenda_item"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("uid", sa.String(length=36), nullable=True))
            batch_op.add_column(
                sa.Column("sequence", sa.Integer(), server_default="0", nullable=False)
            )
        _fill_uids(table)
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("uid", existing_type=sa.String(length=36), nullable=False)
            batch_op.create_unique_constraint(batch_op.f(f"uq_{table}_uid"), ["uid"])

    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    # An item's last change is at most its meeting's.
    op.execute(
        "UPDATE agenda_item SET updated_at = "
        "(SELECT event.updated_at FROM event WHERE event.id = agenda_item.event_id)"
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.alter_column(
            "updated_at", existing_type=sa.DateTime(timezone=True), nullable=False
        )


def downgrade():
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_column("updated_at")
    for table in ("event", "agenda_item"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f"uq_{table}_uid"), type_="unique")
            batch_op.drop_column("sequence")
            batch_op.drop_column("uid")
