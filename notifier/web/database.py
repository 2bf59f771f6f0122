"""The web endpoint's own database engine: it waits briefly for a lock, then gives up.

The jobs wait up to 30 s for a busy SQLite file; a web request should not
hold a client that long. The web opens its own engine on the same URL with a
short busy timeout (SQLite) or lock timeout (PostgreSQL); what still finds the
database locked raises ``OperationalError``, which the app answers with 503
and ``Retry-After`` (:mod:`notifier.web.app`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from core.db.engine import Database


def open_web_database(url: str, busy_ms: int) -> Database:
    """A :class:`Database` on ``url`` whose connections wait at most ``busy_ms`` for a lock."""
    db = Database(url, apply_migrations=False)
    backend = db.engine.dialect.name

    def short_wait(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        if backend == "sqlite":
            cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        elif backend == "postgresql":
            cursor.execute(f"SET lock_timeout = {int(busy_ms)}")
        cursor.close()
        if backend == "postgresql":
            dbapi_connection.commit()

    event.listen(db.engine, "connect", short_wait)  # after the engine's own pragmas: this one wins
    return db
