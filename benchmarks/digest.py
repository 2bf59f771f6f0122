"""Benchmark: matching 10,000 subscribers x 3 watches against 500 new visits, then delivery.

    .venv/bin/python benchmarks/digest.py [--subscribers 10000] [--visits 500] [--deliver 400] [--workers N]

1. Matching (goal < 5 s): build the WatchIndex and match every visit, in memory; then the
   same through the database (queue_new_matches into the ledger).
2. Delivery (goal: ratio >= 0.5): send_due_digests (ledger, Jinja2, CSS inlining, EmailMessage,
   one SMTP connection; digests built by forked workers, one per CPU but one) to a loopback
   aiosmtpd server running in its own process, against bare smtplib sending the same number of
   pre-rendered messages over one connection.
   A sample of ``--deliver`` (default 400) subscribers gets its digest, to keep the run near two minutes.
"""

from __future__ import annotations

import argparse
import random
import resource
import smtplib
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, update

from core.config import Topic
from core.db.engine import Database, utcnow
from core.db.models import SubscriberRow
from core.records import Article, Official, Stop, Visit
from core.store import StoredVisit, save_article
from notifier.compose import DigestItem, build_context
from notifier.digests import load_visits_by_id, queue_new_matches, send_due_digests
from notifier.matching import WatchIndex
from notifier.message import build_message
from notifier.parallel import worker_count
from notifier.render import render_digest
from notifier.testing import sample_config
from notifier.unsubscribe import make_token, unsubscribe_links

TOPICS = {"carbon": ["carbon", "graphite", "炭素"], "steel": ["steel", "钢铁"],
          "ports": ["port", "logistics", "港口"],
          "energy": ["hydrogen", "solar", "新能源"], "rural": ["rural revitalization", "乡村振兴"],
          "digital": ["digital economy", "data centre", "数字经济"], "tourism": ["tourism", "文旅"],
          "health": ["hospital", "medical", "医疗"]}
SURNAMES = ["Liu", "Yu", "Zhang", "Wang", "Li", "Chen", "Zhao", "Sun", "Zhou", "Wu"]
GIVEN = ["Qiang", "Haitian", "Wei", "Min", "Jun", "Lei", "Hua", "Ping", "Gang", "Yong", "Jie", "Tao", "Bin",
         "Hong", "Xin", "Yan"]
REGIONS = [f"{a}{b} County" for a in ["Ping", "Chang", "Lai", "Li", "Zhang", "Ji", "Shang", "Tian", "Huai",
                                      "Shi", "Gang", "Ning"]
           for b in ["yin", "qing", "wu", "cheng", "qiu", "yang", "he", "qiao"]]
WORDS = ["Longshan", "Huaxin", "Qilu", "Taishan", "Yellow River", "Jinhai", "Mingshui", "Baotu", "Quancheng",
         "Hongda", "Shunyi", "Xinghua", "Dongyue", "Luneng", "Zhongtong", "Haier", "Inspur", "Sinotruk",
         "Aoxin", "Bohai", "Chengda", "Dahua", "Everbright", "Fuhai", "Guangming", "Hengtong", "Jianxin",
         "Kaiyuan", "Lianhe", "Minsheng", "Nanshan", "Oriental", "Puhua", "Ruifeng", "Shengli", "Tianrun",
         "Wanda", "Xiangyu", "Yongfeng", "Zhengda"]
TRADES = ["Carbon", "Steel", "Logistics", "Hydrogen", "Solar", "Medical", "Data", "Tourism", "Foods", "Glass"]
COMPANIES = [f"{w} {t}" for w in WORDS for t in TRADES]


def make_visits(count: int, rng: random.Random) -> list[Article]:
    articles = []
    for i in range(count):
        official = f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"
        regions = rng.sample(REGIONS, 2)
        stops = [Stop(f"{regions[0].split()[0]} {c} Co., Ltd.", "enterprise", regions[0])
                 for c in rng.sample(COMPANIES, 3)]
        topics = rng.sample(sorted(TOPICS), 2)
        words = [rng.choice(TOPICS[t]) for t in topics]
        title = f"{official} inspects {stops[0].name} in {regions[0]}"
        visit = Visit(date=f"2023-03-{1 + i % 28:02d}", officials=[Official(official, "Mayor")],
                      regions=regions,
                      stops=[*stops, Stop(f"{rng.choice(WORDS)} Village", "village", regions[1])],
                      topics=topics, emphasized=[f"He emphasized {words[0]} and {words[1]} development."])
        articles.append(Article(url=f"https://news.example.gov.cn/art/{i}.html", title=title, text="",
                                source="bench", language="en", published=visit.date, visits=[visit]))
    return articles


def make_watch(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return f'org:"{rng.choice(COMPANIES)}"'
    if kind == 1:
        return f"topic:{rng.choice(sorted(TOPICS))} place:{rng.choice(REGIONS).split()[0]}"
    if kind == 2:
        return f'official:"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"'
    if kind == 3:
        return f'"{rng.choice(COMPANIES)}" OR "{rng.choice(COMPANIES)}"'
    if kind == 4:
        trade, region = rng.choice(TRADES).lower()[:4], rng.choice(REGIONS).split()[0]
        return f"org:{trade}* place:{region} -{rng.choice(WORDS)}"
    return f"org:{rng.choice(WORDS)} topic:{rng.choice(sorted(TOPICS))} -official:Zhang"


@dataclass
class Sub:
    id: int
    watches: list[str]


def queue_in_child(path: str) -> None:
    """The child's side of :func:`time_queue`: queue, then print seconds, rows and peak RSS (KB)."""
    db = Database(f"sqlite:///{path}")
    started = time.perf_counter()
    queued = queue_new_matches(db, TOPICS, utcnow())
    seconds = time.perf_counter() - started
    print(f"{seconds} {queued} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")


def time_queue(path: Path) -> tuple[float, int, int]:
    """Run queue_new_matches on the database ``path`` in a fresh process (so that its peak RSS is
    the matching's own, not the set-up's); return seconds, rows queued, peak RSS in KB."""
    output = subprocess.run([sys.executable, __file__, "--queue-in-child", str(path)], check=True,
                            capture_output=True, text=True).stdout.split()
    return float(output[0]), int(output[1]), int(output[2])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_sink(port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}",
                                "-c", "aiosmtpd.handlers.Sink"])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("aiosmtpd did not start")


def setup_database(url: str, articles: list[Article], subscribers: list[Sub]) -> Database:
    db = Database(url)
    for article in articles:
        save_article(db, article)
    now = utcnow()
    with db.session() as session, session.begin():
        session.execute(insert(SubscriberRow), [
            {"id": s.id, "email": f"user{s.id}@bench.example", "frequency": "daily", "watches": s.watches,
             "status": "active", "created_at": now, "updated_at": now, "matched_visit_id": 0,
             "next_digest_at": datetime(2999, 1, 1), "timezone": "Asia/Shanghai", "send_at": "08:00",
             "weekday": "mon"} for s in subscribers])
    return db


def prerender(db: Database, subscribers: list[Sub], visits: dict[int, StoredVisit], sample: int,
              config: object) -> list[tuple[str, bytes]]:
    """The messages of the baseline: same kind of digests, rendered before the clock starts."""
    index = WatchIndex.build(subscribers[:sample], TOPICS)
    per_sub: dict[int, list[DigestItem]] = {}
    for visit in visits.values():
        for match in index.match(visit):
            per_sub.setdefault(match.subscriber_id, []).append(DigestItem(visit, [match]))
    settings = config.settings  # type: ignore[attr-defined]
    out = []
    for sid, items in per_sub.items():
        email = f"user{sid}@bench.example"
        links = unsubscribe_links(settings.digest, settings.smtp, make_token("bench", sid, email))
        context = build_context(email=email, frequency="daily", timezone="Asia/Shanghai", watches=[],
                                items=items, now=utcnow(), unsubscribe_url=links.https,
                                unsubscribe_mailto=links.mailto)
        message = build_message(render_digest(context), sender=settings.smtp.sender, to=email, links=links,
                                now=utcnow())
        out.append((email, message.as_bytes()))
    return out


def bare_smtplib(port: int, messages: list[tuple[str, bytes]]) -> float:
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
        for to, data in messages:
            smtp.sendmail("digest@iw.example.org", [to], data)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--visits", type=int, default=500)
    parser.add_argument("--deliver", type=int, default=400, help="subscribers sampled for delivery")
    parser.add_argument("--workers", type=int, default=None,
                        help="processes building digests (default: as send_due_digests picks; 0: none)")
    parser.add_argument("--match-only", action="store_true", help="time matching only, no delivery")
    parser.add_argument("--queue-in-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.queue_in_child:
        queue_in_child(args.queue_in_child)
        return
    rng = random.Random(20230330)
    articles = make_visits(args.visits, rng)
    subscribers = [Sub(i + 1, [make_watch(rng) for _ in range(3)]) for i in range(args.subscribers)]
    workdir = Path(tempfile.mkdtemp(prefix="iw-bench-"))
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    print(f"inspectwatch digest benchmark: {args.subscribers} subscribers x 3 watches, {args.visits} visits")
    print("1. matching through the database (queue_new_matches, as tick and the daemon run it)")
    db = setup_database(f"sqlite:///{workdir / 'bench.db'}", articles, subscribers)
    seconds, queued, peak = time_queue(workdir / "bench.db")
    goal_seconds = 5.0 if args.subscribers <= 10_000 else 30.0
    print(f"  {queued} ledger rows queued in {seconds:.2f} s (goal < {goal_seconds:.0f} s: "
          f"{seconds / goal_seconds:.2f} of it, {'ok' if seconds < goal_seconds else 'MISSED'}); "
          f"peak RSS of the process {peak / 1024:.0f} MB (goal < 1024 MB: {peak / 1024 / 1024:.2f} of it, "
          f"{'ok' if peak < 1024 * 1024 else 'MISSED'})")
    if args.match_only:
        return
    visits = load_visits_by_id(db, range(1, args.visits + 1))
    sample = min(args.deliver, args.subscribers)
    with db.session() as session, session.begin():
        session.execute(update(SubscriberRow).where(SubscriberRow.id <= sample).values(frequency="immediate"))
    port = free_port()
    sink = start_sink(port)
    try:
        topics = {name: Topic(en=[w for w in words if w.isascii()], zh=[w for w in words if not w.isascii()])
                  for name, words in TOPICS.items()}
        config = replace(sample_config(workdir, smtp_port=port), topics=topics)
        workers = worker_count(sample) if args.workers is None else args.workers
        print(f"2. delivery to aiosmtpd (separate process) on 127.0.0.1:{port}; "
              f"sample: the first {sample} of {args.subscribers} subscribers; {workers} build workers")
        started, cpu = time.perf_counter(), time.process_time()
        report = send_due_digests(db, config, utcnow(), secret="bench-secret", workers=args.workers)
        ours, ours_cpu = time.perf_counter() - started, time.process_time() - cpu
        messages = prerender(db, subscribers, visits, sample, config)
        baseline = bare_smtplib(port, messages[:report.digests_sent])
    finally:
        sink.terminate()
        sink.wait()
    sent = report.digests_sent
    ours_rate, base_rate = sent / ours, min(sent, len(messages)) / baseline
    print(f"  send_due_digests: {sent} digests ({report.visits_delivered} visits, "
          f"{report.failures} failures) "
          f"in {ours:.2f} s = {ours_rate:.0f} msg/s ({1000 * ours_cpu / max(sent, 1):.0f} ms CPU per digest "
          "in this process)")
    print(f"  bare smtplib, pre-rendered: {min(sent, len(messages))} messages in {baseline:.2f} s "
          f"= {base_rate:.0f} msg/s")
    ratio = ours_rate / base_rate
    print(f"  ratio {ratio:.2f} (goal >= 0.5): {'ok' if ratio >= 0.5 else 'MISSED'}")


if __name__ == "__main__":
    main()
