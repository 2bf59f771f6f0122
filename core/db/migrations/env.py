"""Alembic environment: runs on the connection handed over by core.db.engine."""

from __future__ import annotations

from alembic import context

from core.db.models import Base

# Tables owned by others (APScheduler's job store) are not part of our schema.
FOREIGN_TABLES = {"apscheduler_jobs"}


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    return not (type_ == "table" and name in FOREIGN_TABLES)


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through core.db.engine.migrate(), not the alembic CLI")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
