"""Live counts per source while a crawl runs, for the commands that crawl on a terminal
(``inspectwatch crawl``, ``inspectwatch demo``): the crawl itself only reports its figures
through ``on_progress`` (:func:`crawler.runner.crawl_sources`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console

Progress = Callable[[str, str, int], None]


@contextmanager
def live_display(names: list[str], forward: Progress | None) -> Iterator[Progress | None]:
    """Live counts per source on a terminal (rich); nothing when stderr is not a TTY."""
    from rich.progress import Progress as Bar
    from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if not console.is_terminal:
        yield forward
        return
    bar = Bar(SpinnerColumn(), TextColumn("{task.description}"),
              TextColumn("{task.fields[pages]} list pages"), TextColumn("{task.fields[articles]} articles"),
              TextColumn("{task.fields[failures]} failures"),
              TimeElapsedColumn(), console=console)
    tasks = {n: bar.add_task(n, total=None, pages=0, articles=0, failures=0) for n in names}
    totals: dict[str, Counter[str]] = {n: Counter() for n in names}

    def relay(source: str, field: str, n: int) -> None:
        if source in totals:
            totals[source][field] += n
            t = totals[source]
            articles = t["articles_new"] + t["articles_updated"]
            bar.update(tasks[source], pages=t["list_pages"], articles=articles,
                       failures=t["parse_failures"] + t["errors"])
        if forward is not None:
            forward(source, field, n)

    with bar:
        yield relay
