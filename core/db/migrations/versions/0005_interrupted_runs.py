"""interrupted crawl runs: one status word

A run cut short because the process running it stopped is ``interrupted``
(:mod:`core.crawl_runs`). Before, a run closed when its source was crawled
again, or when the crawling process was stopped, was stored as ``failed`` with
a message starting "interrupted"; those rows become ``interrupted``.
Downgrading leaves them so: older code reads ``interrupted`` as well.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    runs = sa.table("crawl_runs", sa.column("status", sa.String), sa.column("message", sa.Text))
    op.execute(runs.update().where(runs.c.status == "failed", runs.c.message.like("interrupted%"))
               .values(status="interrupted"))


def downgrade() -> None:
    pass
