"""forms saved once: form_submission records the fingerprint of each send that created

A "new" form sent again (the browser's Back button, then Save; a double click) is answered with
what its first send created instead of a second record (iom_events/submissions.py).
Fingerprints are kept an hour.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 16:45:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "form_submission",
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("location", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("fingerprint", name=op.f("pk_form_submission")),
    )


def downgrade():
    op.drop_table("form_submission")
