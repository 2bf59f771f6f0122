"""visit events

``visits.event_id``: the id of the first visit of the event this visit reports (NULL: the visit
is its own event, or the first of one). A Chinese original, its English edition and republished
copies of one inspection are one event (see core.visit_events), shown once and mailed once.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("event_id", sa.Integer(), nullable=True))
        batch_op.create_index("ix_visits_event_id", ["event_id"])
        batch_op.create_index("ix_visits_date", ["date"])


def downgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index("ix_visits_date")
        batch_op.drop_index("ix_visits_event_id")
        batch_op.drop_column("event_id")
