"""alternates and advisers: participant.role may be "alternate" or "adviser"

A delegation's nomination names its members as UN lists of participants do (head of delegation,
alternate, delegate, adviser: nominations.NominationRole); an accredited member keeps that role
among the meeting's participants instead of becoming a "delegate".

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 22:55:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

ROLES = ("head_of_delegation", "co_chair", "speaker", "delegate", "observer", "secretariat")
NEW_ROLES = (*ROLES, "alternate", "adviser")
ROLE_CHECK = "ck_participant_participantrole"


def _roles(values) -> str:
    return "role IN (" + ", ".join(f"'{value}'" for value in values) + ")"


def upgrade():
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_constraint(op.f(ROLE_CHECK), type_="check")
        batch_op.create_check_constraint(op.f(ROLE_CHECK), _roles(NEW_ROLES))


def downgrade():
    found = op.get_bind().scalar(
        sa.text("SELECT count(*) FROM participant WHERE role IN ('alternate', 'adviser')")
    )
    if found:
        raise RuntimeError(
            f"{found} participant(s) are alternates or advisers, roles revision 0016 does not "
            "know: change their role before downgrading."
        )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_constraint(op.f(ROLE_CHECK), type_="check")
        batch_op.create_check_constraint(op.f(ROLE_CHECK), _roles(ROLES))
