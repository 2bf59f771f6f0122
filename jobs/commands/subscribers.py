"""`inspectwatch subscribers add/unwatch/list/remove/import`: manage subscribers and their watches."""

from __future__ import annotations

import click

from core.cli_app import App, UsageError, pass_app
from core.config import WEEKDAYS, ConfigError, load_subscribers_file
from notifier.subscribers import (
    SubscriberError,
    import_subscribers,
    list_subscribers,
    make_entry,
    merge_subscriber,
    remove_subscriber,
    remove_watch,
)


def _topics(app: App) -> dict[str, list[str]] | None:
    return app.config.topic_keywords() if app.config_dir.is_dir() else None


def _watches(n: int) -> str:
    return f"{n} watch" + ("" if n == 1 else "es")


@click.group("subscribers")
def subscribers() -> None:
    """Manage subscribers and their watches (the database is the source of truth).

    \b
    Example:
        inspectwatch subscribers add ana@example.org --watch 'topic:carbon place:Pingyin'
    """


@subscribers.command("add")
@click.argument("email")
@click.option("--watch", "watches", multiple=True, required=True, metavar="EXPR",
              help="A watch expression, added to the subscriber's watches; repeat for several (words, "
                   "\"phrases\", OR, -word, official:, place:, org:, topic:).")
@click.option("--frequency", type=click.Choice(["immediate", "daily", "weekly"]),
              help="When digests go out (new subscribers: daily).")
@click.option("--send-at", metavar="HH:MM", help="Local time of daily and weekly digests (new: 08:00).")
@click.option("--weekday", type=click.Choice(WEEKDAYS), help="Day of weekly digests (new: mon).")
@click.option("--timezone", metavar="ZONE", help="IANA time zone of --send-at (new: Asia/Shanghai).")
@click.option("--language", type=click.Choice(["en", "zh"]),
              help="Language of the digests (new: Chinese when the first watch is written in Chinese, "
                   "else English).")
@click.option("--resubscribe", is_flag=True,
              help="Subscribe an address that unsubscribed (without it, such an address is refused).")
@pass_app
def add(app: App, email: str, watches: tuple[str, ...], frequency: str | None, send_at: str | None,
        weekday: str | None, timezone: str | None, language: str | None, resubscribe: bool) -> None:
    """Add a subscriber, or add watches to an existing one. Options not given keep
    their values (a new subscriber gets the defaults); watches already there are
    kept. An address that unsubscribed is refused unless --resubscribe is given.

    \b
    Example:
        inspectwatch subscribers add ana@example.org --watch 'org:"Longshan Carbon" OR 炭素' \\
            --frequency weekly --weekday fri --send-at 17:00 --timezone Europe/Berlin --language zh
    """
    given = {"frequency": frequency, "send_at": send_at, "weekday": weekday, "timezone": timezone,
             "language": language}
    options = {name: value for name, value in given.items() if value is not None}
    try:
        outcome, entry = merge_subscriber(app.db, email, list(watches), options, topics=_topics(app),
                                          resubscribe=resubscribe)
    except SubscriberError as exc:
        raise UsageError(f"subscriber {email!r}:\n  " + "\n  ".join(exc.problems)) from None
    click.echo(f"{entry.email}: {outcome} ({entry.frequency}, {_watches(len(entry.watches))})")


@subscribers.command("unwatch")
@click.argument("email")
@click.argument("watch")
@pass_app
def unwatch(app: App, email: str, watch: str) -> None:
    """Remove one watch from a subscriber (the expression exactly as `subscribers list` shows it).

    \b
    Example:
        inspectwatch subscribers unwatch ana@example.org 'topic:carbon'
    """
    try:
        left = remove_watch(app.existing_db, email, watch)
    except SubscriberError as exc:
        raise UsageError("\n".join(exc.problems)) from None
    click.echo(f"{email.strip().lower()}: removed {watch!r}; {_watches(len(left))} left")


@subscribers.command("list")
@click.option("--status", type=click.Choice(["pending", "active", "unsubscribed", "bouncing", "invalid"]),
              help="Only subscribers with this status (pending: signed up on the web, not confirmed yet).")
@pass_app
def list_(app: App, status: str | None) -> None:
    """List subscribers: email, status, schedule, last digest and watches.

    \b
    Example:
        inspectwatch subscribers list --status active
    """
    rows = list_subscribers(app.existing_db, status=status)
    if not rows:
        click.echo("no subscribers")
        return
    for row in rows:
        when = {"immediate": "immediate", "daily": f"daily {row.send_at}",
                "weekly": f"weekly {row.weekday} {row.send_at}"}.get(row.frequency, row.frequency)
        last = f"{row.last_digest_at:%Y-%m-%d %H:%M}Z" if row.last_digest_at else "never"
        click.echo(f"{row.email}  [{row.status}]  {when} {row.timezone}  last digest: {last}")
        for watch in row.watches:
            click.echo(f"    {watch}")


@subscribers.command("remove")
@click.argument("email")
@pass_app
def remove(app: App, email: str) -> None:
    """Unsubscribe an address; later imports will not bring it back (only `add` does).

    \b
    Example:
        inspectwatch subscribers remove ana@example.org
    """
    if not remove_subscriber(app.db, email):
        raise UsageError(f"no subscriber {email!r} (see `inspectwatch subscribers list`)")
    click.echo(f"{email.strip().lower()}: unsubscribed")


@subscribers.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@pass_app
def import_(app: App, file: str) -> None:
    """Import a subscribers.toml-shaped file: add new, update changed, keep unsubscribes.

    \b
    Example:
        inspectwatch subscribers import config/subscribers.toml
    """
    try:
        entries = load_subscribers_file(file)
    except ConfigError as exc:
        raise UsageError("\n".join(exc.problems)) from None
    problems: list[str] = []
    for i, entry in enumerate(entries):
        try:
            make_entry(entry.email, entry.watches, _topics(app))
        except SubscriberError as exc:
            problems.extend(f"{file}: subscribers[{i}].watches: {p}" for p in exc.problems)
    if problems:
        raise UsageError("\n".join(problems))
    report = import_subscribers(app.db, entries)
    click.echo(f"{file}: {len(report.added)} added, {len(report.updated)} updated, "
               f"{len(report.unchanged)} unchanged, {len(report.skipped_unsubscribed)} skipped "
               "(unsubscribed; re-add them with `subscribers add`)")
