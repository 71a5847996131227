"""side events of unknown day, a role "in collaboration with", and demonstration reproductions:
event.day_unknown says that a meeting took place during its parent meeting on a day the sources
do not give (its dates are the parent's; no calendar places it on a day); event_organizer.role
may be "collaborator" (seed 002: "Organisée par le Gouvernement royal thaïlandais en
collaboration avec l'OIM"); event.reproduction_of names the public page a demonstration meeting
reproduces (its documents are then marked as reproductions).

Every row already there is kept as it is and reads as before: a meeting's day is known, it
reproduces nothing, and every organizer keeps its role. Downgrading refuses while an organizer
is "in collaboration with": no older role says that, and changing it would lose what staff saved.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 16:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


ROLES = ("host", "organizer", "co_chair", "supporter", "participant")
NEW_ROLES = (*ROLES, "collaborator")
ROLE_CHECK = "ck_event_organizer_organizerrole"


def _roles(values) -> str:
    return "role IN (" + ", ".join(f"'{value}'" for value in values) + ")"


def upgrade():
    with op.batch_alter_table("event_organizer", schema=None) as batch_op:
        batch_op.drop_constraint(op.f(ROLE_CHECK), type_="check")
        batch_op.create_check_constraint(op.f(ROLE_CHECK), _roles(NEW_ROLES))
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("day_unknown", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("reproduction_of", sa.String(length=500), nullable=True))


def downgrade():
    collaborators = op.get_bind().scalar(
        sa.text("SELECT count(*) FROM event_organizer WHERE role = 'collaborator'")
    )
    if collaborators:
        raise RuntimeError(
            f"{collaborators} organizer(s) are 'in collaboration with', a role revision 0010 "
            "does not know: change their role before downgrading."
        )
    with op.batch_alter_table("event_organizer", schema=None) as batch_op:
        batch_op.drop_constraint(op.f(ROLE_CHECK), type_="check")
        batch_op.create_check_constraint(op.f(ROLE_CHECK), _roles(ROLES))
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("reproduction_of")
        batch_op.drop_column("day_unknown")
