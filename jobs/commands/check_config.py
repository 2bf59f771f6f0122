"""`inspectwatch check-config`: validate every config file, watches included."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from core.cli_app import App, UsageError, pass_app

if TYPE_CHECKING:
    from core.config import Config


def _watch_problems(config: Config) -> list[str]:
    from notifier.watches import validate_watches

    path = config.directory / "subscribers.toml"
    topics = config.topic_keywords()
    problems: list[str] = []
    for i, subscriber in enumerate(config.subscribers):
        for j, watch in enumerate(subscriber.watches):
            problems.extend(f"{path}: subscribers[{i}].watches[{j}]: {problem}"
                            for problem in validate_watches([watch], topics))
    return problems


@click.command("check-config")
@pass_app
def check_config(app: App) -> None:
    """Validate the config directory; name file, key and what was expected.

    \b
    Example:
        inspectwatch --config ./config check-config
    """
    config = app.config
    problems = _watch_problems(config)
    if problems:
        raise UsageError("bad configuration:\n" + "\n".join(problems))
    smtp = config.settings.smtp.host or "not set (mail cannot be sent)"
    click.echo(f"{config.directory}: configuration is valid")
    click.echo(f"  sources:     {len(config.sources)}")
    click.echo(f"  topics:      {len(config.topics)}")
    click.echo(f"  subscribers: {len(config.subscribers)}")
    click.echo(f"  database:    {app.db_url}")
    click.echo(f"  smtp host:   {smtp}")
