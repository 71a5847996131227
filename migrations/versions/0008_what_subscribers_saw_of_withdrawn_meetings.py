"""what subscribers saw of withdrawn meetings: event.withdrawal keeps a meeting's events as its
feed showed them when it stopped being public, so that its feed can say it was withdrawn without
showing what staff write in the draft afterwards

Meetings already withdrawn have none: their feed answers 404, as before this revision.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 23:40:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("withdrawal", sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("withdrawal")
