"""Sign-ups from the web: a subscriber waits as ``pending`` until the address confirms (double opt-in).

:func:`register` records what the form asked for and says which mail the
address should get: a confirmation link for a new, pending or unsubscribed
address (an unsubscribed row keeps its status until it confirms, so an
import still leaves it alone), or a reminder with the manage link for one
that is already subscribed. Nothing else is ever sent to a pending address.
:func:`confirm` makes it active; :func:`remove_stale` deletes sign-ups left
unconfirmed for :data:`notifier.tokens.CONFIRM_MAX_AGE`. :func:`find` and
:func:`update_settings` serve the manage page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import delete, select

from core.config import SubscriberConfig
from core.db.engine import Database, utcnow
from core.db.models import SubscriberRow
from notifier.schedule import schedule_next
from notifier.tokens import CONFIRM_MAX_AGE

SETTINGS = ("frequency", "timezone", "send_at", "weekday", "watches", "language")


@dataclass(frozen=True)
class Signup:
    subscriber_id: int
    email: str
    mail: Literal["confirm", "manage"]


def apply_settings(row: SubscriberRow, entry: SubscriberConfig, now: datetime) -> None:
    """Copy the settings of ``entry`` onto ``row`` and reschedule its next digest."""
    for name in SETTINGS:
        value = getattr(entry, name)
        setattr(row, name, list(value) if name == "watches" else value)
    row.updated_at = now
    schedule_next(row, now)


def register(db: Database, entry: SubscriberConfig, *, now: datetime | None = None) -> Signup:
    """Record a sign-up for ``entry.email``; which mail to send is in the answer."""
    now = now or utcnow()
    with db.session() as session, session.begin():
        row = session.scalar(select(SubscriberRow).where(SubscriberRow.email == entry.email))
        if row is None:
            row = SubscriberRow(email=entry.email, status="pending", created_at=now, matched_visit_id=0)
            session.add(row)
        elif row.status in ("active", "bouncing"):
            return Signup(row.id, row.email, "manage")
        apply_settings(row, entry, now)
        session.flush()
        return Signup(row.id, row.email, "confirm")


def confirm(db: Database, subscriber_id: int, email: str, *, now: datetime | None = None) -> bool:
    """Make the subscriber active; False when id and email do not name one."""
    now = now or utcnow()
    with db.session() as session, session.begin():
        row = session.get(SubscriberRow, subscriber_id)
        if row is None or row.email != email:
            return False
        if row.status in ("pending", "unsubscribed"):
            row.status, row.updated_at = "active", now
            schedule_next(row, now)
        return True


def remove_stale(db: Database, *, now: datetime | None = None) -> int:
    """Delete sign-ups still pending after the confirmation window; how many were deleted."""
    cutoff = (now or utcnow()) - CONFIRM_MAX_AGE
    with db.session() as session, session.begin():
        result = session.execute(delete(SubscriberRow).where(SubscriberRow.status == "pending",
                                                             SubscriberRow.updated_at < cutoff))
        return int(getattr(result, "rowcount", 0) or 0)


def find(db: Database, subscriber_id: int, email: str) -> SubscriberRow | None:
    """The subscriber a link names, when id and email still agree."""
    with db.session() as session:
        row = session.get(SubscriberRow, subscriber_id)
        return row if row is not None and row.email == email else None


def update_settings(db: Database, subscriber_id: int, entry: SubscriberConfig, *,
                    now: datetime | None = None) -> bool:
    """The manage page's save: the subscriber's settings become ``entry``'s; its status stays."""
    with db.session() as session, session.begin():
        row = session.get(SubscriberRow, subscriber_id)
        if row is None or row.email != entry.email:
            return False
        apply_settings(row, entry, now or utcnow())
        return True
