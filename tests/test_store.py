"""The article store on real SQLite files: upserts, stable visit ids, queries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from core.db.engine import Database
from core.db.models import ArticleRow, OfficialRow, StopRow, VisitRow
from core.records import Article, Official, Stop, Visit
from core.store import known_urls, save_article, save_articles
from core.stored_visits import load_visits


def sample(url: str = "http://News.Example.gov.cn:80/art/2024/5/14/art_1_2.html?utm_source=x#top") -> Article:
    visit = Visit(date="2024-05-13", officials=[Official("Zhao Ming", "Mayor")],
                  accompanying=[Official("Qian Li", "Vice Mayor")], regions=["Laiwu District"],
                  stops=[Stop("Hengtai Carbon Fibre Co., Ltd.", "enterprise", "Laiwu District")],
                  topics=["carbon"], emphasized=["It is necessary to grow the new materials industry."])
    return Article(url=url, title="Mayor inspects Laiwu", text="Body text.", language="en",
                   published="2024-05-14", source="demo-en", visits=[visit])


def count(db: Database, model: type) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_sqlite_file_uses_wal(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'a.db'}")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    db.close()



def test_the_readme_promises_what_the_synchronous_setting_in_force_keeps(tmp_path: Path) -> None:
    """NORMAL in WAL mode may roll back the latest commits after a power cut: the README must not
    promise more (a digest may go twice, never be lost); FULL would keep every commit."""
    db = Database(f"sqlite:///{tmp_path / 'a.db'}")
    with db.engine.connect() as conn:
        level = conn.execute(text("PRAGMA synchronous")).scalar()
    db.close()
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    guarantees = readme.split("### What the daemon guarantees", 1)[1].split("\n### ", 1)[0]
    paragraphs = [" ".join(p.split()) for p in guarantees.split("\n- ")]
    power = [p for p in paragraphs if "power cut" in p]
    assert power, "the guarantees say what a power cut does"
    if level == 1:  # NORMAL
        assert all("repeats at most one digest" not in p for p in power)
        assert any("synchronous=NORMAL" in p and "sent a second time" in p and "never lost" in p
                   for p in power)
    else:
        assert level == 2, f"synchronous={level}: neither NORMAL nor FULL"

def test_restoring_updates_never_duplicates(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'a.db'}")
    article = sample()
    assert save_article(db, article) == "new"
    assert save_article(db, sample("http://news.example.gov.cn/art/2024/5/14/art_1_2.html")) == "unchanged"
    (first,) = load_visits(db)
    article.visits[0].stops.append(Stop("Xiaoshan Village", "village"))
    assert save_article(db, article) == "updated"
    (second,) = load_visits(db)
    assert second.id == first.id, "visit ids stay stable across updates"
    assert [s.name for s in second.visit.stops][-1] == "Xiaoshan Village"
    assert count(db, ArticleRow) == 1 and count(db, VisitRow) == 1
    assert count(db, StopRow) == 2 and count(db, OfficialRow) == 2
    db.close()


def test_fewer_visits_on_update_remove_the_stale_ones(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'a.db'}")
    article = sample()
    article.visits.append(Visit(date="2024-05-12", officials=[Official("Sun Hua")]))
    save_article(db, article)
    assert count(db, VisitRow) == 2
    article.visits.pop()
    save_article(db, article)
    assert count(db, VisitRow) == 1 and count(db, OfficialRow) == 2
    db.close()


def test_round_trip_and_filters(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'a.db'}")
    save_article(db, sample())
    (stored,) = load_visits(db)
    assert stored.visit == sample().visits[0]
    assert stored.url == "http://news.example.gov.cn/art/2024/5/14/art_1_2.html"
    assert stored.source == "demo-en" and stored.published == "2024-05-14"
    data = stored.to_dict()
    assert {"url", "title", "published", "source", "officials", "stops", "date"} <= set(data)
    assert load_visits(db, since=date(2024, 6, 1)) == []
    assert len(load_visits(db, since=date(2024, 5, 1))) == 1
    assert known_urls(db, ["HTTP://news.example.gov.cn/art/2024/5/14/art_1_2.html#x"]) == {stored.url}
    db.close()


def test_migrations_apply_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    Database(url).close()
    db = Database(url)
    with db.engine.connect() as conn:
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    assert len(versions) == 1
    db.close()


def test_a_batch_is_stored_whole_or_not_at_all(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'a.db'}")
    good, bad = sample("http://x.example/good.html"), sample("http://x.example/bad.html")
    bad.title = None  # type: ignore[assignment]  # NOT NULL: the batch's transaction fails
    with pytest.raises(IntegrityError):
        save_articles(db, [(good, "generic"), (bad, "generic")])
    assert known_urls(db, [good.url, bad.url]) == set() and count(db, VisitRow) == 0
    bad.title = "fixed"
    assert save_articles(db, [(good, "generic"), (bad, "generic"), (good, "generic")]) == [
        "new", "new", "unchanged"]
    assert count(db, ArticleRow) == 2 and count(db, VisitRow) == 2 and count(db, OfficialRow) == 4
    db.close()


def test_update_keeps_visit_ids_and_creation_times_and_rewrites_children(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'a.db'}")
    article = sample()
    article.visits.append(Visit(date="2024-05-12", officials=[Official("Sun Hua")],
                                stops=[Stop("A", "village")]))
    save_article(db, article)
    before = {s.id: s.created_at for s in load_visits(db)}
    article.visits[1].officials = [Official("Zhou Lan", "Secretary")]
    article.visits[1].stops = []
    article.visits.append(Visit(date="2024-05-11"))
    assert save_article(db, article) == "updated"
    after = load_visits(db)
    assert {s.id: s.created_at for s in after if s.id in before} == before
    assert len(after) == 3 and [s.visit for s in after if s.id in before][1] == article.visits[1]
    assert count(db, OfficialRow) == 3 and count(db, StopRow) == 1
    db.close()
