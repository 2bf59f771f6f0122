"""The fleet's crawl cycle on two local Scrapyd nodes (for benchmarks/fleet.py).

Two Scrapyd servers on 127.0.0.1, each in its own temporary folder with its own
scrapyd.conf (``max_proc`` = ``--slots``), and the config's ``[crawl] backend = "scrapyd"``:
``inspectwatch crawl`` then deploys the egg and runs one Scrapyd job per source. The same
sources are crawled with the local backend in the same run, so the two cycles compare
like with like. Both store into one SQLite file per cycle (the nodes run on this machine).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sites.server import free_port  # tests/ is on the path (benchmarks/fleet.py)

from crawler.scrapyd_api import Node, NodeError

NODES = 2


def start_node(folder: Path, slots: int) -> tuple[str, subprocess.Popen[bytes]]:
    folder.mkdir(parents=True)
    port = free_port()
    (folder / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\nmax_proc = {slots}\npoll_interval = 0.2\n"
        f"eggs_dir = {folder / 'eggs'}\nlogs_dir = {folder / 'logs'}\ndbs_dir = {folder / 'dbs'}\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTWATCH_")}
    with open(folder / "scrapyd.out", "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=folder, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            Node(url, timeout=2).status()
            return url, process
        except NodeError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"Scrapyd did not start on {url}: see {folder / 'scrapyd.out'}") from None
            time.sleep(0.2)


@contextmanager
def scrapyd_nodes(folder: Path, slots: int) -> Iterator[list[str]]:
    """Two Scrapyd nodes on loopback; their URLs. Stopped (with their jobs) on exit."""
    started: list[subprocess.Popen[bytes]] = []
    try:
        urls = []
        for n in range(NODES):
            url, process = start_node(folder / f"node-{n}", slots)
            started.append(process)
            urls.append(url)
        yield urls
    finally:
        for process in started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


def scrapyd_settings(urls: list[str], slots: int) -> str:
    """The ``[crawl]`` lines that send the crawl to the nodes."""
    listed = ", ".join(f'"{u}"' for u in urls)
    return f'backend = "scrapyd"\nscrapyd_urls = [{listed}]\nscrapyd_slots = {slots}\n'
