"""agenda items past midnight: agenda_item.ends_next_day says that an item's end time is on the
day after its day (a reception 19:00–00:30, a night drafting session 22:00–02:00)

An item's end stays a wall-clock time of the venue; with the flag it is on the next day, and
then it is earlier on the clock than the start (so an item lasts less than 24 hours). Without
it, the end is on the item's day, not before the start, as before this revision. Every item
already there ends on its own day.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 13:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SAME_DAY = "ends_at IS NULL OR ends_at >= starts_at"
EITHER_DAY = (
    "ends_at IS NULL OR (ends_next_day AND ends_at < starts_at)"
    " OR (NOT ends_next_day AND ends_at >= starts_at)"
)


def upgrade():
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("ends_next_day", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.drop_constraint(op.f("ck_agenda_item_ends_after_start"), type_="check")
        batch_op.create_check_constraint(op.f("ck_agenda_item_ends_after_start"), EITHER_DAY)
        batch_op.create_check_constraint(
            op.f("ck_agenda_item_next_day_needs_end"), "ends_at IS NOT NULL OR NOT ends_next_day"
        )


def downgrade():
    op.execute(
        "UPDATE agenda_item SET ends_at = NULL, ends_next_day = false WHERE ends_next_day"
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_agenda_item_next_day_needs_end"), type_="check")
        batch_op.drop_constraint(op.f("ck_agenda_item_ends_after_start"), type_="check")
        batch_op.create_check_constraint(op.f("ck_agenda_item_ends_after_start"), SAME_DAY)
        batch_op.drop_column("ends_next_day")
