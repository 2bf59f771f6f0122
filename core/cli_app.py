"""What every command works on: the config directory and the database, opened lazily.

Commands get an :class:`App` from click's context object. Errors a person can
act on are :class:`UsageError` (exit 2: bad usage or bad config) and
:class:`WorkError` (exit 1: the work failed); both print ``Error: ...``.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # the config (pydantic) and SQLAlchemy are imported when a command first uses them
    from core.config import Config
    from core.db.engine import Database


class UsageError(click.ClickException):
    """Bad usage or bad configuration: exit status 2."""

    exit_code = 2


class WorkError(click.ClickException):
    """The work itself failed: exit status 1."""

    exit_code = 1


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases, in-memory SQLite and unparsable URLs)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


class App:
    """The config directory and database URL given on the command line or the environment."""

    def __init__(self, config_dir: str | Path | None = None, db_url: str | None = None) -> None:
        self.config_dir = Path(config_dir or os.environ.get("INSPECTWATCH_CONFIG") or "config")
        self.db_url_override = db_url or os.environ.get("INSPECTWATCH_DB") or None

    @cached_property
    def config(self) -> Config:
        from core.config import ConfigError, load_config

        try:
            return load_config(self.config_dir)
        except ConfigError as exc:
            raise UsageError("bad configuration:\n" + "\n".join(exc.problems)) from None

    @property
    def db_url(self) -> str:
        return self.db_url_override or self.config.settings.database

    @cached_property
    def db(self) -> Database:
        from core.db.engine import BadDatabaseURL, Database, DatabaseError

        try:
            return Database(self.db_url)
        except BadDatabaseURL as exc:
            raise UsageError(str(exc)) from None
        except DatabaseError as exc:
            import logging

            logging.getLogger("inspectwatch").info("database error in full: %s", exc.detail)  # shown with -v
            raise WorkError(str(exc)) from None

    @cached_property
    def existing_db(self) -> Database:
        """The database for commands that only read: it must exist already; nothing is created."""
        path = sqlite_file(self.db_url)
        if path is not None and not path.is_file():
            raise WorkError(f"no database at {path}: nothing has been stored yet (run `inspectwatch crawl` "
                            "first, or point --db at an existing database)")
        return self.db

    def close(self) -> None:
        if "db" in self.__dict__:
            self.db.close()


pass_app = click.make_pass_decorator(App)
