"""Sample visits for tests and benchmarks: three articles shaped like the seed article's, their
topics, a Config that mails them to a loopback SMTP server, and a database holding them.
(The SMTP server itself is :mod:`jobs.demo.smtp`.)"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from core.config import Config, DigestSettings, Settings, SmtpSettings, SubscriberConfig, Topic
from core.db.engine import Database
from core.records import Article, Official, Stop, Visit
from core.store import save_article


def sample_articles() -> list[Article]:
    """Three articles (two English, one Chinese) shaped like the seed article's visits."""
    liu = Official("Liu Qiang", "Secretary of the Municipal Party Committee")
    li = Official("Li Guoqiang", "Secretary-General of the Municipal Party Committee")
    return [
        Article(
            url="https://www.jinan.gov.cn/art/2023/3/30/art_1_1.html", source="jinan-en", language="en",
            title="Liu Qiang conducts investigations in Pingyin County and Changqing District",
            text="", published="2023-03-30",
            visits=[Visit(date="2023-03-29", officials=[liu], accompanying=[li],
                          regions=["Pingyin County", "Changqing District"],
                          stops=[Stop("Pingyin Longshan Carbon Co., Ltd.", "enterprise", "Pingyin County"),
                                 Stop("Quanfu Xiaojiangnan project", "project", "Pingyin County"),
                                 Stop("Xiaolizhuang Village", "village", "Changqing District")],
                          topics=["carbon", "rural revitalization"],
                          emphasized=["He emphasized that the carbon industry must extend its chain and "
                                      "move to high-end graphite products.",
                                      "Rural revitalization needs industries that farmers share in."])]),
        Article(
            url="https://www.jinan.gov.cn/art/2023/3/28/art_1_2.html", source="jinan-en", language="en",
            title="Mayor Yu Haitian inspects steel and logistics projects in Laiwu District",
            text="", published="2023-03-28",
            visits=[Visit(date="2023-03-27", officials=[Official("Yu Haitian", "Mayor")],
                          regions=["Laiwu District"],
                          stops=[Stop("Laiwu Steel Group", "enterprise", "Laiwu District"),
                                 Stop("Jinan International Logistics Park", "project", "Laiwu District")],
                          topics=["steel"],
                          emphasized=["Steel makers must cut emissions and energy use."])]),
        Article(
            url="https://www.jinan.gov.cn/art/2023/3/30/art_2_3.html", source="jinan-zh", language="zh",
            title="刘强到平阴县、长清区调研", text="", published="2023-03-30",
            visits=[Visit(date="2023-03-29", officials=[Official("刘强", "市委书记")],
                          accompanying=[Official("李国强", "市委常委、秘书长")],
                          regions=["平阴县", "长清区"],
                          stops=[Stop("平阴龙山炭素有限公司", "enterprise", "平阴县"),
                                 Stop("泉福小江南项目", "project", "平阴县")],
                          topics=["carbon"],
                          emphasized=["他强调，要延伸炭素产业链条，推动高质量发展。"])]),
    ]


SAMPLE_TOPICS: dict[str, list[str]] = {
    "carbon": ["carbon", "graphite", "炭素", "石墨"],
    "steel": ["steel", "钢铁"],
}


def sample_config(directory: Path, *, smtp_port: int | None = None, base_url: str = "https://iw.example.org",
                  subscribers: Sequence[SubscriberConfig] = ()) -> Config:
    """A Config for tests: loopback SMTP on ``smtp_port``, the sample topics."""
    topics = {name: Topic(en=[w for w in words if w.isascii()], zh=[w for w in words if not w.isascii()])
              for name, words in SAMPLE_TOPICS.items()}
    smtp = SmtpSettings(host="127.0.0.1" if smtp_port else None, port=smtp_port or 25, security="none",
                        sender="inspectwatch <digest@iw.example.org>", timeout=5)
    settings = Settings(smtp=smtp, digest=DigestSettings(base_url=base_url))
    return Config(directory, settings, [], topics, list(subscribers))


def seeded_database(url: str, articles: Sequence[Article] | None = None) -> Database:
    """A migrated database holding ``articles`` (default: :func:`sample_articles`)."""
    db = Database(url)
    for article in sample_articles() if articles is None else articles:
        save_article(db, article)
    return db
