"""Benchmark: queueing matches for 10,000 subscribers x 3 watches and 500 new visits, then delivery.

    .venv/bin/python benchmarks/digest.py [--subscribers 10000] [--visits 500] [--deliver 200] [--pairs 3]
    .venv/bin/python benchmarks/digest.py --subscribers 100000 --match-only

1. Matching, the path tick and the daemon run: queue_new_matches through the SQLite database into
   the ledger, in a fresh process whose peak RSS is reported, --match-runs times (3), each from the
   same freshly set-up database; min / median / max. Goals: 10k subscribers < 5 s; 100k < 30 s
   with peak RSS < 1 GB. Wall time and CPU time are both printed: on a shared machine the wall
   time mostly measures the other load.
2. Delivery to a loopback aiosmtpd server in its own process: send_due_digests against a plain
   serial loop over the same digests (render with build_context + render_digest, build an
   EmailMessage, send_message on one connection, mark the rows sent), run in interleaved rounds
   on the same ledger. Goals: ratio >= 1.0; 10,000 digests within 10 minutes on one core
   (extrapolated from the measured rate and CPU per digest; --deliver sets the sample).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import smtplib
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from sqlalchemy import delete, insert, select, update

from core.config import Config, Topic
from core.db.engine import Database, utcnow
from core.db.models import Delivery, SubscriberRow
from core.records import Article, Official, Stop, Visit
from core.store import save_article
from core.stored_visits import load_visits_by_id
from notifier.compose import build_context, digest_items
from notifier.delivery import send_due_digests
from notifier.match_queue import queue_new_matches
from notifier.render import render_digest
from notifier.unsubscribe import make_token, unsubscribe_links

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from samples import sample_config  # noqa: E402  (tests/samples.py)
from sites.server import free_port  # noqa: E402

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
    started, cpu = time.perf_counter(), time.process_time()
    queued = queue_new_matches(db, TOPICS, utcnow())
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"{seconds} {queued} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} {cpu}")


def time_queue(path: Path) -> tuple[float, int, int, float]:
    """Run queue_new_matches on the database ``path`` in a fresh process (so that its peak RSS is
    the matching's own, not the set-up's); return seconds, rows queued, peak RSS in KB, CPU seconds."""
    output = subprocess.run([sys.executable, __file__, "--queue-in-child", str(path)], check=True,
                            capture_output=True, text=True).stdout.split()
    return float(output[0]), int(output[1]), int(output[2]), float(output[3])


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of the SQLite database ``source`` (WAL included), through SQLite's backup."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def bench_matching(path: Path, runs: int, goal_seconds: float) -> None:
    """Time queue_new_matches ``runs`` times, each on the database as set up (the last on ``path``
    itself, whose ledger the delivery part uses); print each run and min / median / max."""
    pristine = path.with_name("pristine.db")
    copy_database(path, pristine)
    results = []
    for run in range(runs):
        target = path if run == runs - 1 else path.with_name(f"run-{run}.db")
        if target != path:
            copy_database(pristine, target)
        seconds, queued, peak, cpu = time_queue(target)
        results.append((seconds, cpu, peak / 1024))
        print(f"  run {run + 1}: {queued} ledger rows queued in {seconds:.2f} s, {cpu:.2f} s of CPU, "
              f"peak RSS {peak / 1024:.0f} MB; load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        if target != path:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
    wall, cpu, rss = ([r[i] for r in results] for i in range(3))
    median, peak = statistics.median(wall), max(rss)
    print(f"  wall s: {spread(wall)} (goal < {goal_seconds:.0f} s on the median: {median / goal_seconds:.2f} "
          f"of it, {'ok' if median < goal_seconds else 'MISSED'}); CPU s: {spread(cpu)} "
          f"({statistics.median(cpu) / goal_seconds:.2f} of the goal: on a loaded machine the wall time "
          f"mostly measures the other load)")
    print(f"  peak RSS MB: {spread(rss)} (goal < 1024 MB: {peak / 1024:.2f} of it, "
          f"{'ok' if peak < 1024 else 'MISSED'})")



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


def plain_loop(db: Database, config: Config, port: int, now: datetime) -> int:
    """The baseline: a plain serial loop over the due digests. For each subscriber with pending rows:
    render (build_context + render_digest, the project's public rendering), build an EmailMessage,
    ``send_message`` on one SMTP connection, mark its rows sent in the ledger. Return digests sent."""
    settings, topics = config.settings, config.topic_keywords()
    with db.session() as session:
        pending = select(Delivery).where(Delivery.state == "pending").order_by(Delivery.id)
        rows = list(session.scalars(pending))
        due = list(session.scalars(select(SubscriberRow).where(SubscriberRow.frequency == "immediate")
                                   .where(SubscriberRow.id.in_({r.subscriber_id for r in rows}))
                                   .order_by(SubscriberRow.id)))
        session.expunge_all()
    per_subscriber: dict[int, list[Delivery]] = {}
    for row in rows:
        per_subscriber.setdefault(row.subscriber_id, []).append(row)
    visits = load_visits_by_id(db, {r.visit_id for r in rows})
    sent = 0
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp, db.engine.connect() as connection:
        for subscriber in due:
            mine = per_subscriber[subscriber.id]
            links = unsubscribe_links(settings.digest, settings.smtp,
                                      make_token("bench-secret", subscriber.id, subscriber.email))
            context = build_context(email=subscriber.email, frequency=subscriber.frequency,
                                    timezone=subscriber.timezone, watches=subscriber.watches,
                                    items=digest_items(subscriber, mine, visits, topics), now=now,
                                    unsubscribe_url=links.https, unsubscribe_mailto=links.mailto,
                                    max_visits=settings.digest.max_visits)
            rendered = render_digest(context)
            message = EmailMessage()
            message["Subject"], message["From"], message["To"] = rendered.subject, settings.smtp.sender, \
                subscriber.email
            message["Message-ID"] = make_msgid()
            message.set_content(rendered.text)
            message.add_alternative(rendered.html, subtype="html")
            smtp.send_message(message)
            connection.execute(update(Delivery).where(Delivery.id.in_([r.id for r in mine]))
                               .values(state="sent", message_id=message["Message-ID"], sent_at=now))
            connection.commit()
            sent += 1
    return sent


def reset_ledger(db: Database) -> None:
    """Every row pending again, so that each timed run sends the same digests."""
    with db.session() as session, session.begin():
        session.execute(update(Delivery).values(state="pending", claimed_by=None, claimed_at=None,
                                                message_id=None, sent_at=None))
        session.execute(update(SubscriberRow).values(last_digest_at=None))


def cpu_seconds() -> float:
    """CPU of this process and of its reaped children, user + system (the sink is reaped at the end)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(run: Callable[[], int]) -> tuple[int, float, float]:
    """Digests sent, wall seconds, CPU seconds."""
    started, cpu = time.perf_counter(), cpu_seconds()
    sent = run()
    return sent, time.perf_counter() - started, cpu_seconds() - cpu


def spread(values: list[float]) -> str:
    return f"min {min(values):.2f} / median {statistics.median(values):.2f} / max {max(values):.2f}"


def bench_delivery(db: Database, config: Config, port: int, pairs: int, variants: dict[str, Callable[[], int]]
                   ) -> dict[str, list[tuple[int, float, float]]]:
    """Run each variant ``pairs`` times, interleaved (the order turns each round), on the same ledger."""
    results: dict[str, list[tuple[int, float, float]]] = {name: [] for name in variants}
    names = list(variants)
    for round_ in range(pairs):
        for name in names[round_ % len(names):] + names[:round_ % len(names)]:
            reset_ledger(db)
            sent, wall, cpu = timed(variants[name])
            results[name].append((sent, wall, cpu))
            print(f"  round {round_ + 1}: {name}: {sent} digests in {wall:.2f} s = {sent / wall:.1f} msg/s, "
                  f"{1000 * cpu / max(sent, 1):.0f} ms CPU per digest")
    return results


def report_delivery(results: dict[str, list[tuple[int, float, float]]], baseline: str) -> None:
    base = results[baseline]
    for name, runs in results.items():
        rates = [sent / wall for sent, wall, _ in runs]
        cpu = [1000 * c / max(sent, 1) for sent, _, c in runs]
        print(f"  {name}: msg/s {spread(rates)}; ms CPU per digest {spread(cpu)}")
        if name == baseline:
            continue
        ratios = [(s / w) / (bs / bw) for (s, w, _), (bs, bw, _) in zip(runs, base, strict=True)]
        verdict = "ok" if statistics.median(ratios) >= 1.0 else "MISSED"
        print(f"    ratio to the plain loop (rounds paired): {spread(ratios)} (goal >= 1.0: {verdict})")
        seconds = 10_000 / statistics.median(rates)
        print(f"    10,000 digests extrapolated from the median rate: {seconds / 60:.1f} min "
              f"(goal <= 10 min: {seconds / 600:.2f} of it, {'ok' if seconds <= 600 else 'MISSED'}; "
              "not measured on 10,000)")
        cpu_minutes = 10_000 * statistics.median(cpu) / 1000 / 60
        print(f"    10,000 digests at the median CPU per digest: {cpu_minutes:.1f} min of one core "
              f"(goal <= 10 min: {cpu_minutes / 10:.2f} of it; the SMTP sink's own CPU not counted)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--visits", type=int, default=500)
    parser.add_argument("--deliver", type=int, default=200, help="subscribers sampled for delivery")
    parser.add_argument("--pairs", type=int, default=3, help="interleaved rounds of the delivery comparison")
    parser.add_argument("--match-only", action="store_true", help="time matching only, no delivery")
    parser.add_argument("--match-runs", type=int, default=3,
                        help="runs of the matching, each from the same freshly set-up database")
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
    bench_matching(workdir / "bench.db", args.match_runs, 5.0 if args.subscribers <= 10_000 else 30.0)
    if args.match_only:
        return
    sample = min(args.deliver, args.subscribers)
    with db.session() as session, session.begin():
        session.execute(update(SubscriberRow).where(SubscriberRow.id <= sample).values(frequency="immediate"))
        session.execute(delete(Delivery).where(Delivery.subscriber_id > sample))
    port = free_port()
    sink = start_sink(port)
    try:
        topics = {name: Topic(en=[w for w in words if w.isascii()], zh=[w for w in words if not w.isascii()])
                  for name, words in TOPICS.items()}
        config = replace(sample_config(workdir, smtp_port=port), topics=topics)
        print(f"2. delivery to aiosmtpd (separate process) on 127.0.0.1:{port}: the digests of the first "
              f"{sample} subscribers, {args.pairs} interleaved rounds; load: {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} CPUs")
        now = utcnow()
        variants = {
            "plain loop": lambda: plain_loop(db, config, port, now),
            "send_due_digests": lambda: send_due_digests(db, config, now, secret="bench-secret").digests_sent,
        }
        report_delivery(bench_delivery(db, config, port, args.pairs, variants), "plain loop")
    finally:
        sink.terminate()
        sink.wait()

if __name__ == "__main__":
    main()
