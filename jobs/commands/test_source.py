"""`inspectwatch test-source NAME`: try one source now and show what each step found."""

from __future__ import annotations

import click

from core.cli_app import App, UsageError, WorkError, pass_app
from core.config import ConfigError


@click.command("test-source")
@click.argument("name")
@pass_app
def test_source(app: App, name: str) -> None:
    """Fetch a source's first list page and its first two articles, as a crawl would
    (same network guard, timeouts and robots.txt), and show what each step found:
    the article links and next page, then each article's title, date, body length
    and visits; when a step finds nothing, why. Nothing is stored. Run it after
    adding or changing a source; exit status 1 when a step failed.

    \b
    Example:
        inspectwatch test-source jinan-en
    """
    from crawler.probe import probe

    try:
        source = app.config.source(name)
    except ConfigError as exc:
        raise UsageError("\n".join(exc.problems)) from None
    click.echo(f"{source.name} ({source.cms}, {source.language}): {', '.join(source.start_urls)}")
    steps = probe(source, app.config.settings.crawl)
    for step in steps:
        mark = "" if step.ok else "FAILED: "
        click.echo(f"  {step.what:<11} {mark}{step.found}")
    failed = [s for s in steps if not s.ok]
    if failed or not steps:
        raise WorkError(f"{source.name}: {len(failed)} step(s) failed" if failed else
                        f"{source.name}: nothing could be fetched")
