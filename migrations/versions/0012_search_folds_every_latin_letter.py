"""search folds every Latin letter: the index is written again with the new folding

Letters with no Unicode decomposition (œ, æ, ø, ł, đ, þ) are now indexed as their base
letters (iom_events/search/text.py), so "mise en oeuvre" finds "mise en œuvre". The schema does
not change: every meeting's row of the search index is rebuilt once the migrations are done
(migrations/env.py), with the folding of this release, on SQLite and PostgreSQL alike.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 16:00:00

"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    op.get_context().config.attributes["search_index_to_rebuild"] = True


def downgrade():
    # Nothing to undo in the schema; the older release's `flask search rebuild` folds the index
    # its own way again (this code would only write it with the new folding).
    pass
