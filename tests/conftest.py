"""Shared fixtures.

``db_url`` runs a test once on a SQLite file and once on a real PostgreSQL
database (a fresh database per test, on a server started for the session by
``tests/pg/ensure-postgres.sh``, or the server named by
``$INSPECTWATCH_TEST_PG_URL``). The PostgreSQL case is skipped, with the
reason, only when no server can be started; ``INSPECTWATCH_TEST_PG=off``
skips it on purpose.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_SCRIPT = Path(__file__).parent / "pg" / "ensure-postgres.sh"


class PgServer:
    """A PostgreSQL server for the session, or why there is none."""

    def __init__(self) -> None:
        self.url: str | None = os.environ.get("INSPECTWATCH_TEST_PG_URL") or None
        self.folder: str | None = None
        self.reason = ""

    def start(self) -> None:
        if self.url:
            return
        if os.environ.get("INSPECTWATCH_TEST_PG", "").lower() in ("off", "0", "no"):
            self.reason = "INSPECTWATCH_TEST_PG=off"
            return
        try:
            done = subprocess.run([str(PG_SCRIPT), "start"], capture_output=True, text=True, timeout=300)
        except (OSError, subprocess.TimeoutExpired) as exc:
            self.reason = f"{PG_SCRIPT.name} could not run: {exc}"
            return
        values = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
        self.url = values.get("INSPECTWATCH_TEST_PG_URL")
        self.folder = values.get("INSPECTWATCH_TEST_PG_DIR")
        if done.returncode or not self.url:
            self.url = None
            self.reason = f"{PG_SCRIPT.name} failed: {done.stderr.strip()[-500:]}"

    def stop(self) -> None:
        if self.folder:
            subprocess.run([str(PG_SCRIPT), "stop", self.folder], capture_output=True, timeout=120)

    def _admin(self) -> object:
        import psycopg

        assert self.url is not None
        return psycopg.connect(self.url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)

    def create_database(self) -> str:
        assert self.url is not None
        name = f"iw_{uuid.uuid4().hex[:12]}"
        with self._admin() as conn:  # type: ignore[attr-defined]
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url.rsplit("/", 1)[0] + f"/{name}"

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with self._admin() as conn:  # type: ignore[attr-defined]
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database (skipped when no server can be started)."""
    if pg_server.url is None:
        pytest.skip(f"PostgreSQL not available: {pg_server.reason}")
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
    else:
        yield request.getfixturevalue("postgres_url")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "first: a long test, run before the others (it then overlaps them)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``first`` go to the front: with pytest-xdist one worker takes them at once."""
    items.sort(key=lambda item: item.get_closest_marker("first") is None)
