"""Publication-to-inbox latency on the fleet (for benchmarks/fleet.py), scaled down.

``inspectwatch run`` (the daemon) polls the first ``sources`` sites of the fleet every
2 minutes (``schedule = "2m"``), and one immediate subscriber watches the four officials
every story names. An aiosmtpd server on loopback is the inbox. While the daemon runs,
new stories dated today are published, one at a time, each on one site (its list
page and a new article page). Each story's latency runs from its publication to the
arrival of the first email whose text has the story's title. Stories that never arrive
within the window are counted as missing.
"""

from __future__ import annotations

import email
import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from sites import generic
from sites.content import Story, stories
from sites.server import free_port

POLL = "2m"
WATCH = "王建国 OR 李文华 OR 赵明远 OR 陈志刚"



@dataclass
class Inbox:
    """What the SMTP server received: (arrival time, text of every part) per message."""

    messages: list[tuple[float, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd)
        message = email.message_from_bytes(envelope.content, policy=default)
        assert isinstance(message, EmailMessage)
        text = "\n".join(str(part.get_content()) for part in message.walk()
                         if part.get_content_maintype() == "text")
        with self.lock:
            self.messages.append((time.monotonic(), text))
        return "250 OK"

    def arrival(self, title: str, after: float) -> float | None:
        with self.lock:
            return next((t for t, text in self.messages if t >= after and title in text), None)


def fresh_stories(count: int) -> list[Story]:
    """``count`` visit stories dated today, no two naming the same official and county (so no two
    are one event)."""
    picked: list[Story] = []
    seen: set[tuple[int, int]] = set()
    for story in stories(200, "zh", newest=date.today(), first=5000):
        key = (story.number % 4, story.number % 5)
        if story.number % 7 != 6 and key not in seen:
            seen.add(key)
            picked.append(story)
    return picked[:count]


def write_config(folder: Path, sources: str, smtp_port: int) -> Path:
    folder.mkdir(parents=True)
    (folder / "inspectwatch.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\n\n'
        "[crawl]\nallow_private_networks = true\ndelay = 0.0\n", encoding="utf-8")
    polled = sources.replace('cms = "generic"', f'cms = "generic"\nschedule = "{POLL}"')
    (folder / "sources.toml").write_text(polled, encoding="utf-8")
    (folder / "subscribers.toml").write_text(
        f'[[subscribers]]\nemail = "reader@example.org"\nfrequency = "immediate"\nwatches = ["{WATCH}"]\n',
        encoding="utf-8")
    return folder


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


@dataclass
class Latency:
    seconds: list[float]
    missing: int
    published: int


def measure(fleet: Any, folder: Path, sources_toml: str, inspectwatch: str, *, publish: int,
            spacing: float, settle: float) -> Latency:
    """Run the daemon; publish ``publish`` stories ``spacing`` seconds apart (the first after one
    poll), wait ``settle`` seconds after the last; each story's latency."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    config = write_config(folder / "config", sources_toml, controller.port)
    db = f"sqlite:///{folder / 'latency.db'}"
    base = [str(inspectwatch), "--config", str(config), "--db", db]
    subprocess.run([*base, "subscribers", "import", str(config / "subscribers.toml")], check=True,
                   capture_output=True)
    env = {**os.environ, "INSPECTWATCH_SECRET": "benchmark-only"}
    daemon = subprocess.Popen([*base, "run", "--port", "0", "--health-port", "0"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    published: list[tuple[Story, float]] = []
    try:
        time.sleep(120)  # the first crawl of every site (nothing new to mail) and one poll period
        hosts = fleet.addresses[: sources_toml.count("[[sources]]")]
        for n, story in enumerate(fresh_stories(publish)):
            fleet.publish(hosts[n * 7 % len(hosts)], story)
            published.append((story, time.monotonic()))
            time.sleep(spacing)
        time.sleep(settle)
    finally:
        daemon.send_signal(signal.SIGTERM)
        try:
            daemon.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(daemon.pid, signal.SIGKILL)
            daemon.wait()
        controller.stop()
    arrivals = [(inbox.arrival(s.title, at), at) for s, at in published]
    seconds = [got - at for got, at in arrivals if got is not None]
    return Latency(seconds, len(published) - len(seconds), len(published))


def pages_with(published: list[Story], items: list[Story]) -> dict[str, bytes]:
    """The pages of a site on which ``published`` came out (newest first) before ``items``."""
    pages = {"/news/list_1.html": generic.listing([*published, *items], 0, 1).encode("gbk")}
    pages.update({generic.article_path(s): generic.article(s).encode("gbk") for s in published})
    return pages
