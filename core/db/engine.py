"""Opening the database: engine, SQLite pragmas, migrations applied on first use."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

if TYPE_CHECKING:  # the ORM is loaded by the first session: code that only reads may not need it
    from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")
_MIGRATING = threading.Lock()


SUPPORTED = ("sqlite", "postgresql")
EXAMPLES = "sqlite:///inspectwatch.db or postgresql+psycopg://user@host/db"


class DatabaseError(Exception):
    """The database URL is wrong or the database cannot be opened.

    ``str()`` is one line for the operator; ``detail`` holds the driver's full message.
    """

    def __init__(self, message: str, detail: str | None = None) -> None:
        super().__init__(message)
        self.detail = detail or message


class BadDatabaseURL(DatabaseError):
    """The database URL itself is wrong: bad usage, not a failure of the database."""


def first_line(exc: BaseException) -> str:
    """The first line of a driver error (the DBAPI's own message, not SQLAlchemy's wrapping)."""
    orig = getattr(exc, "orig", None) or exc
    return (str(orig).strip() or type(orig).__name__).splitlines()[0]


def utcnow() -> datetime:
    """Now, in UTC, naive: the form every timestamp is stored in."""
    return datetime.now(UTC).replace(tzinfo=None)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    # WAL with NORMAL: never corrupt; a power cut may roll back the latest commits (a digest sent
    # again, never lost). README, "What the daemon guarantees", says so; tests/test_store.py checks.
    cursor.execute("PRAGMA synchronous=NORMAL")
    # The log is copied into the database (two fsyncs) when it holds this many 4 KB pages; SQLite's
    # 1,000 meant a checkpoint every 25 digests of a run. Afterwards the file is cut back to 16 MB.
    cursor.execute("PRAGMA wal_autocheckpoint=16000")
    cursor.execute("PRAGMA journal_size_limit=16777216")
    cursor.close()


def create_db_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get WAL, foreign keys and a busy timeout."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise BadDatabaseURL(f"database URL {url!r}: expected a SQLAlchemy URL such as {EXAMPLES}") from None
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED:
        raise BadDatabaseURL(f"database URL {parsed.render_as_string()!r}: the {backend} backend is not "
                             f"supported; expected {EXAMPLES}")
    try:
        if backend == "sqlite":
            return _sqlite_engine(parsed)
        return create_engine(parsed, pool_pre_ping=True)
    except ImportError as exc:  # the URL names a driver that is not installed
        raise BadDatabaseURL(f"database URL {parsed.render_as_string()!r}: driver not installed ({exc})",
                             repr(exc)) from None
    except OSError as exc:
        raise DatabaseError(f"database {parsed.render_as_string()}: cannot create its directory: {exc}",
                            repr(exc)) from None


def _sqlite_engine(parsed: URL) -> Engine:
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, connect_args={"timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


_REVISION = re.compile(r'^(down_revision|revision) = (?:"([^"]+)"|None)', re.MULTILINE)


def head_revision() -> str | None:
    """The newest migration's id, read from the migration files (without importing Alembic)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for kind, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            if value:
                (revisions if kind == "revision" else parents).add(value)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    """The database's migration id, or None (no schema yet, or not readable)."""
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (each migration runs once). Alembic, slow to
    import, is loaded only when a migration is due."""
    head = head_revision()
    if head is not None and current_revision(engine) == head:
        return
    from alembic import command
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    with _MIGRATING, engine.begin() as connection:  # Alembic's machinery is not thread-safe
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Database:
    """An engine with its migrations applied, and a session factory (the ORM is imported when the
    first session is made: reads through :mod:`core.db.tables` need only the engine)."""

    def __init__(self, url: str, *, apply_migrations: bool = True) -> None:
        self.url = url
        self.engine = create_db_engine(url)
        try:
            if apply_migrations:
                migrate(self.engine)
        except Exception as exc:  # driver errors differ per backend
            self.engine.dispose()
            shown = make_url(url).render_as_string()
            raise DatabaseError(f"database {shown}: {first_line(exc)}", str(exc)) from exc

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()
