"""invitations and nominations: invitation, nomination_version, participant.nomination_key

Staff invite a delegation (invitation: focal point, language, deadline, the nonce of its
private link, the review's outcome); each list its focal point sends is a nomination_version
(never changed once written); accredited members become participants, marked with their
member's key (participant.nomination_key) so that the next accreditation finds them again.
The participant column is added in place (no table rebuild on SQLite: nothing cascades).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 21:20:16

"""

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('delegation_id', sa.Integer(), nullable=False),
    sa.Column('focal_point_name', sa.String(length=200), nullable=False),
    sa.Column('focal_point_email', sa.String(length=254), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('deadline', sa.DateTime(timezone=True), nullable=False),
    sa.Column('nonce', sa.String(length=32), nullable=False),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('declined_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('latest_number', sa.Integer(), server_default='0', nullable=False),
    sa.Column('reviewed_number', sa.Integer(), nullable=True),
    sa.Column('review_outcome', sa.Enum('accredited', 'returned', name='reviewoutcome', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('review_message', sa.Text(), nullable=True),
    sa.Column('accredited_number', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['delegation_id'], ['delegation.id'], name=op.f('fk_invitation_delegation_id_delegation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_invitation_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['invited_by_id'], ['user.id'], name=op.f('fk_invitation_invited_by_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitation')),
    sa.UniqueConstraint('event_id', 'delegation_id', name=op.f('uq_invitation_event_id'))
    )
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_delegation_id'), ['delegation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitation_event_id'), ['event_id'], unique=False)

    op.create_table('nomination_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invitation_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('based_on', sa.Integer(), nullable=False),
    sa.Column('members', sa.JSON(), nullable=False),
    sa.Column('credentials_sha256', sa.String(length=64), nullable=True),
    sa.Column('credentials_filename', sa.String(length=255), nullable=True),
    sa.Column('sent_by', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitation.id'], name=op.f('fk_nomination_version_invitation_id_invitation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nomination_version')),
    sa.UniqueConstraint('invitation_id', 'number', name=op.f('uq_nomination_version_invitation_id'))
    )
    with op.batch_alter_table('nomination_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nomination_version_credentials_sha256'), ['credentials_sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_nomination_version_invitation_id'), ['invitation_id'], unique=False)

    op.add_column('participant', sa.Column('nomination_key', sa.String(length=32), nullable=True))



def downgrade():
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_column('nomination_key')

    with op.batch_alter_table('nomination_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nomination_version_invitation_id'))
        batch_op.drop_index(batch_op.f('ix_nomination_version_credentials_sha256'))

    op.drop_table('nomination_version')
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitation_event_id'))
        batch_op.drop_index(batch_op.f('ix_invitation_delegation_id'))

    op.drop_table('invitation')
