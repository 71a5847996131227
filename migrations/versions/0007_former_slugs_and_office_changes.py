"""former slugs and office changes: old addresses of meetings and offices answer 301; offices get
updated_at (feeds show an office's name as organizer, so its change is a change of those events)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 21:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "event_former_slug",
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_former_slug_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_event_former_slug")),
    )
    op.create_index(
        op.f("ix_event_former_slug_event_id"), "event_former_slug", ["event_id"], unique=False
    )
    op.create_table(
        "office_former_slug",
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["office.id"],
            name=op.f("fk_office_former_slug_office_id_office"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_office_former_slug")),
    )
    op.create_index(
        op.f("ix_office_former_slug_office_id"), "office_former_slug", ["office_id"], unique=False
    )
    with op.batch_alter_table("office", schema=None) as batch_op:
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE office SET updated_at = CURRENT_TIMESTAMP")
    with op.batch_alter_table("office", schema=None) as batch_op:
        batch_op.alter_column(
            "updated_at", existing_type=sa.DateTime(timezone=True), nullable=False
        )


def downgrade():
    with op.batch_alter_table("office", schema=None) as batch_op:
        batch_op.drop_column("updated_at")
    op.drop_index(op.f("ix_office_former_slug_office_id"), table_name="office_former_slug")
    op.drop_table("office_former_slug")
    op.drop_index(op.f("ix_event_former_slug_event_id"), table_name="event_former_slug")
    op.drop_table("event_former_slug")
