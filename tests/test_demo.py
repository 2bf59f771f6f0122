"""`inspectwatch demo` end to end: real HTTP, real Scrapy, real SMTP, a fresh SQLite file."""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from core.db.engine import Database
from core.stored_visits import load_visits
from jobs.cli import cli
from jobs.demo.site import DemoSite

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("demo-out")
    result = CliRunner().invoke(cli, ["--config", str(ROOT / "config"), "demo", "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out, result.output


def read_eml(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_summary_counts_every_stage(demo_run: tuple[Path, str]) -> None:
    out, output = demo_run
    figures = dict(re.findall(r"│ (.+?)\s+│\s+([\d.]+) │", output))
    assert int(figures["articles crawled and stored"]) == DemoSite().article_count
    assert int(figures["visits extracted"]) >= 35
    assert int(figures["subscribers"]) == 5
    assert int(figures["digests sent (SMTP accepted)"]) >= 3
    assert len(list(out.glob("*.eml"))) == len(list(out.glob("*.html"))) == int(
        figures["digests sent (SMTP accepted)"])


def test_seed_visit_is_extracted_right(demo_run: tuple[Path, str]) -> None:
    out, _ = demo_run
    db = Database(f"sqlite:///{out / 'demo.db'}")
    seed = [v for v in load_visits(db) if v.published == "2023-03-30" and v.source == "demo-en"]
    db.close()
    (visit,) = [v.visit for v in seed]
    assert visit.date == "2023-03-29"
    assert [o.name for o in visit.officials] == ["Liu Qiang"]
    assert [o.name for o in visit.accompanying] == ["Li Guoqiang"]
    stops = " | ".join(s.name for s in visit.stops)
    for key in ("Xiaojiangnan", "Huangshan Community", "Longshan Carbon", "Xiaoli Street",
                "Shenxiu Valley", "Lurun Thermal", "Dafoshan"):
        assert key in stops
    assert len(visit.stops) == 7


def test_carbon_digest_holds_only_carbon_visits(demo_run: tuple[Path, str]) -> None:
    out, _ = demo_run
    (path,) = out.glob("*carbon.analyst@example.com.eml")
    message = read_eml(path)
    plain = message.get_body(("plain",))
    assert plain is not None
    text = plain.get_content()
    assert "Pingyin Longshan Carbon Co., Ltd." in text
    links = re.findall(r"http://127\.0\.0\.1:\d+(/art/\S+\.html)", text)
    assert links, "each visit links its source article"
    site = DemoSite()
    for link in links:
        article = site.by_path[link]
        assert re.search(r"carbon|碳", article.title + article.text, re.IGNORECASE), link
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.get_body(("html",)) is not None


def test_demo_runs_again_from_fresh(demo_run: tuple[Path, str]) -> None:
    """A second run into the same folder starts from a fresh database: same figures."""
    out, first = demo_run
    again = CliRunner().invoke(cli, ["--config", str(ROOT / "config"), "demo", "--out", str(out)],
                               catch_exceptions=False)
    assert again.exit_code == 0, again.output
    strip = re.compile(r"│ seconds.*")
    assert strip.sub("", again.output) == strip.sub("", first)


def _digest(out: Path, who: str) -> tuple[EmailMessage, str, str]:
    (path,) = out.glob(f"*{who}.eml")
    message = read_eml(path)
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")  # type: ignore[union-attr]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    return message, text, html


def test_digests_read_as_a_reader_wants(demo_run: tuple[Path, str]) -> None:
    """Issue 14's demo: the seed visit once with both sources; official:"Liu Qiang" finds a visit
    reported only in Chinese; each card shows highlighted matches; a zh reader reads Chinese;
    every digest's HTML is under 100 KB."""
    out, _ = demo_run
    _, text, _ = _digest(out, "rural.desk@example.com")
    assert text.count("* Pingyin County, Changqing District") == 1  # one card for the event...
    assert "刘强到平阴县、长清区调研 · demo-zh" in text  # ...with both sources
    assert "Changqing District ·\n    demo-en" in text
    _, text, _ = _digest(out, "mayor.watcher@example.com")
    assert "刘强到钢城区调研碳纤维产业发展" in text  # reported only in Chinese
    _, _, html = _digest(out, "carbon.analyst@example.com")
    cards = html.split('class="visit"')[1:]
    assert cards and all("<mark" in card for card in cards)
    message, text, html = _digest(out, "jinan.reporter@example.com")
    assert '<html lang="zh">' in html and "调研" in str(message["Subject"]) and "2023年3月29日 星期三" in text
    assert "陪同" in text and "Accompanied by" not in text
    for path in out.glob("*.eml"):
        part = read_eml(path).get_body(("html",))
        assert part is not None and len(part.get_content().encode()) < 100_000, path.name
