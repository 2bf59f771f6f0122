"""A fleet of loopback news sites: crawl cycle times, re-crawl cost and memory for many sources.

    .venv/bin/python benchmarks/fleet.py [--sources 1000] [--batch 16]

Each source is a generic news site of one list page and 5 articles on its own
loopback address (127.1.x.y; Linux routes all of 127.0.0.0/8 to ``lo``), all served
in this process by one asyncio server that listens on each of those addresses and
nowhere else (never 0.0.0.0). List pages carry an ETag and answer conditional GETs
with 304. The config allows private networks (it is all loopback).

Both cycles run as ``inspectwatch crawl`` (every source, in crawl processes of
``--batch`` sources each, one after another), timed from start to exit:

1. first crawl: every site new (goal <= 5 min for 1,000 sources);
2. re-crawl: nothing changed (goal <= 60 s for 1,000 sources), with the requests
   per source it made (robots.txt and a conditional GET of the list page: 2).

Also printed: the peak RSS of one process of the crawl (goal < 600 MB).

Then the first ``--scrapyd-sources`` sources (40) are crawled both ways in the same run
(benchmarks/fleet_scrapyd.py): with the local backend, and on two local Scrapyd nodes of
``--slots`` (2) slots each, one job per source. This is fewer sources because each job is
a process of its own, and the per-source cost is what the comparison shows; the re-crawl
cycle is extrapolated to 1,000 sources.

Last, publication-to-inbox latency, scaled down (benchmarks/fleet_latency.py): the daemon
polls the first ``--latency-sources`` (20) sites every 2 minutes, ``--publish`` (6) new
stories come out 20 s apart, each on one site, and an immediate subscriber's digests
arrive at a loopback SMTP server; p50 and p95 of publication to arrival (goal: p95 <= the
poll interval + 60 s). That part takes about 7 minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import sys
import tempfile
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from crawl import INSPECTWATCH, timed  # noqa: E402
from fleet_latency import measure, pages_with, percentile  # noqa: E402
from fleet_scrapyd import scrapyd_nodes, scrapyd_settings  # noqa: E402
from sites import generic  # noqa: E402
from sites.content import Story, stories  # noqa: E402

GOAL_FIRST_S, GOAL_RECRAWL_S, GOAL_RECRAWL_REQUESTS, GOAL_RSS_MB = 300.0, 60.0, 2.0, 600.0
GOAL_LATENCY_S = 120.0 + 60.0  # the poll interval + 60 s
ARTICLES = 5
SETTINGS = """[crawl]
allow_private_networks = true
delay = 0.0
max_parallel_sources = {batch}
{extra}"""


def address(n: int) -> str:
    """The loopback address of site ``n``: 127.1.0.1, 127.1.0.2, ... (never 127.0.0.1)."""
    return f"127.1.{n // 250}.{n % 250 + 1}"


def site_pages() -> dict[str, bytes]:
    """One site's pages by path: a list page of 5 articles, the articles, robots.txt."""
    items = stories(ARTICLES, "zh")
    pages = {"/news/list_1.html": generic.listing(items, 0, 1).encode("gbk"),
             "/robots.txt": b"User-agent: *\nAllow: /\n"}
    pages.update({generic.article_path(s): generic.article(s).encode("gbk") for s in items})
    return pages


class Fleet:
    """Every site's pages, the requests each address got, served by one asyncio server."""

    def __init__(self, count: int) -> None:
        self.addresses = [address(n) for n in range(count)]
        self.pages = site_pages()  # the same pages on every site: the crawler keys articles by URL
        self.published: dict[str, list[Story]] = {}  # stories that came out on one site during a run
        self.extra: dict[str, dict[str, bytes]] = {}  # that site's pages which differ from the rest
        self.hits: Counter[str] = Counter()
        self.loop = asyncio.new_event_loop()
        self.port = 0
        self.ready = threading.Event()

    async def answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host = writer.get_extra_info("sockname")[0]
        try:
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            writer.close()
            return
        path = head.split(" ", 2)[1]
        self.hits[host] += 1
        body = self.extra.get(host, {}).get(path) or self.pages.get(path)
        etag = f'"{hashlib.md5(body).hexdigest()}"' if body is not None else ""
        if body is None:
            status, body, extra = "404 Not Found", b"not found", ""
        elif f"if-none-match: {etag}".lower() in head.lower():
            status, body, extra = "304 Not Modified", b"", f"ETag: {etag}\r\n"
        else:
            status, extra = "200 OK", f"ETag: {etag}\r\n"
        kind = "text/plain" if path == "/robots.txt" else "text/html"
        writer.write(f"HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n{extra}"
                     "Connection: close\r\n\r\n".encode("latin-1") + body)
        with contextlib.suppress(ConnectionError):
            await writer.drain()
        writer.close()

    def serve(self) -> None:
        """In a thread: listen on every site's address (one port), until the loop stops."""
        asyncio.set_event_loop(self.loop)
        self.port = self.free_port()  # one port on every address (port 0 would give each its own)
        server = self.loop.run_until_complete(asyncio.start_server(
            self.answer, host=self.addresses, port=self.port, backlog=256))
        self.ready.set()
        self.loop.run_forever()
        server.close()

    def free_port(self) -> int:
        import socket

        with socket.socket() as probe:
            probe.bind((self.addresses[0], 0))
            return int(probe.getsockname()[1])

    def publish(self, host: str, story: Story) -> None:
        """``story`` comes out on the site at ``host``: first on its list page, and its own page."""
        self.published.setdefault(host, []).insert(0, story)
        self.extra[host] = pages_with(self.published[host], stories(ARTICLES, "zh"))

    def start(self) -> None:
        threading.Thread(target=self.serve, daemon=True).start()
        self.ready.wait()

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)


def write_config(directory: Path, fleet: Fleet, batch: int, count: int | None = None,
                 extra: str = "") -> Path:
    """A config of the first ``count`` sites (default all); ``extra`` lines go under [crawl]."""
    selectors = "\n".join(f'{key} = "{value}"' for key, value in
                          generic.SELECTORS.model_dump(exclude_none=True).items())
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "inspectwatch.toml").write_text(SETTINGS.format(batch=batch, extra=extra))
    sources = "".join(f'[[sources]]\nname = "site{n}"\ncms = "generic"\nlanguage = "zh"\n'
                      f'start_urls = ["http://{host}:{fleet.port}/news/list_1.html"]\n'
                      f"[sources.selectors]\n{selectors}\n\n"
                      for n, host in enumerate(fleet.addresses[:count]))
    (directory / "sources.toml").write_text(sources)
    return directory


def verdict(name: str, value: float, goal: float, unit: str) -> str:
    if value <= goal:
        return f"{name}: {value:.1f}{unit} (goal <= {goal:g}{unit}: met)"
    return f"{name}: {value:.1f}{unit} (goal <= {goal:g}{unit}: MISSED by {value - goal:.1f}{unit})"


@dataclass
class Cycles:
    """A first crawl and an unchanged re-crawl of the same sources, each timed to its exit."""

    first_s: float
    again_s: float
    first_requests: int
    per_source: float  # requests per source on re-crawl
    rss_mb: float
    out: str


def cycles(fleet: Fleet, folder: Path, batch: int, count: int, extra: str = "") -> Cycles:
    config = write_config(folder / "config", fleet, batch, count, extra)
    db_url = f"sqlite:///{folder / 'fleet.db'}"
    command = [str(INSPECTWATCH), "--config", str(config), "--db", db_url, "crawl"]
    fleet.hits.clear()
    out, first_s, first_rss = timed(command)
    first_requests = sum(fleet.hits.values())
    fleet.hits.clear()
    _, again_s, again_rss = timed(command)
    return Cycles(first_s, again_s, first_requests, sum(fleet.hits.values()) / count,
                  max(first_rss, again_rss), out)


def scrapyd_comparison(fleet: Fleet, folder: Path, batch: int, count: int, slots: int) -> None:
    """The same ``count`` sources crawled locally and on two local Scrapyd nodes, in this run."""
    local = cycles(fleet, folder / "local", batch, count)
    with scrapyd_nodes(folder / "nodes", slots) as urls:
        nodes = cycles(fleet, folder / "scrapyd", batch, count, scrapyd_settings(urls, slots))
    print(f"\n{count} of the sources, local backend vs 2 local Scrapyd nodes ({slots} slots each, "
          "one job per source), one after the other in this run:")
    for name, c in (("local", local), ("scrapyd", nodes)):
        print(f"  {name:8} first crawl {c.first_s:6.1f} s, re-crawl {c.again_s:6.1f} s "
              f"({c.again_s / count:.2f} s per source), {c.per_source:.1f} requests per source on re-crawl")
    extrapolated = nodes.again_s / count * 1000
    print(verdict("  scrapyd re-crawl cycle, extrapolated to 1,000 sources", extrapolated, GOAL_RECRAWL_S,
                  " s"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--verbose", action="store_true", help="print the first crawl's figures")
    parser.add_argument("--batch", type=int, default=16, help="crawl.max_parallel_sources")
    parser.add_argument("--scrapyd-sources", type=int, default=40,
                        help="sources for the local-vs-Scrapyd comparison (0: skip it)")
    parser.add_argument("--slots", type=int, default=2, help="max_proc of each Scrapyd node")
    parser.add_argument("--latency-sources", type=int, default=20,
                        help="sources polled by the daemon for the latency measure (0: skip it)")
    parser.add_argument("--publish", type=int, default=6, help="stories published during that run")
    parser.add_argument("--skip-fleet", action="store_true", help="only the Scrapyd comparison and latency")
    args = parser.parse_args()
    scale = args.sources / 1000  # the goals are for 1,000 sources
    fleet = Fleet(args.sources)
    fleet.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            if not args.skip_fleet:
                report(cycles(fleet, Path(tmp) / "fleet", args.batch, args.sources), args, scale)
            if args.scrapyd_sources:
                scrapyd_comparison(fleet, Path(tmp), args.batch, min(args.scrapyd_sources, args.sources),
                                   args.slots)
            if args.latency_sources:
                latency(fleet, Path(tmp) / "latency", min(args.latency_sources, args.sources), args.publish)
    finally:
        fleet.stop()
    return 0


def latency(fleet: Fleet, folder: Path, count: int, publish: int) -> None:
    sources = (write_config(folder / "sources", fleet, 1, count) / "sources.toml").read_text()
    result = measure(fleet, folder, sources, str(INSPECTWATCH), publish=publish, spacing=20.0, settle=180.0)
    print(f"\npublication-to-inbox latency: the daemon polling {count} sources every 2 minutes, "
          f"{result.published} stories published 20 s apart, one immediate subscriber (scaled down "
          "from 1,000 sources):")
    if not result.seconds:
        print(f"  no story reached the inbox within 3 minutes of the last ({result.missing} missing)")
        return
    p50, p95 = percentile(result.seconds, 0.5), percentile(result.seconds, 0.95)
    print(f"  p50 {p50:.0f} s, max {max(result.seconds):.0f} s, {result.missing} missing")
    print(verdict("  latency p95", p95, GOAL_LATENCY_S, " s"))


def report(fleet: Cycles, args: argparse.Namespace, scale: float) -> None:
    if args.verbose:
        print(fleet.out)
    print(f"{args.sources} sources x {ARTICLES} articles, crawl processes of {args.batch} sources")
    print(f"first crawl: {fleet.first_requests} requests")
    print(verdict("first-crawl cycle", fleet.first_s, GOAL_FIRST_S * scale, " s"))
    print(verdict("re-crawl cycle (unchanged)", fleet.again_s, GOAL_RECRAWL_S * scale, " s"))
    print(verdict("requests per source on re-crawl", fleet.per_source, GOAL_RECRAWL_REQUESTS, ""))
    print(verdict("peak RSS of one process", fleet.rss_mb, GOAL_RSS_MB, " MB"))
    if scale != 1:
        print(f"(goals for time scaled by {scale:g} from those for 1,000 sources)")


if __name__ == "__main__":
    raise SystemExit(main())
