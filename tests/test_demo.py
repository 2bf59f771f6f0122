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
from core.store import load_visits
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
    assert int(figures["subscribers"]) == 4
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
