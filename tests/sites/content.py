"""Fictional municipal news, generated from small templates.

Every fixture site renders the same kind of article: a city leader's
inspection visit to an enterprise, a project and a village, or now and then
a meeting. Names, companies and places are invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

ZH_LEADERS = [("王建国", "市委书记"), ("李文华", "市长"), ("赵明远", "市委副书记"), ("陈志刚", "副市长")]
ZH_PLACES = ["青河县", "松山区", "北湖新区", "东林县", "白石区"]
ZH_FIRMS = ["青河智能装备有限公司", "松山新材料科技公司", "北湖生物医药产业园", "东林绿色食品集团",
            "白石储能电池项目", "云岭精密机械厂"]
ZH_VILLAGES = ["柳树湾村", "杏花村", "石门社区", "桃源村", "南塘村"]
ZH_THEMES = ["推动高质量发展", "加快乡村振兴", "抓好安全生产", "优化营商环境", "强化科技创新"]

EN_LEADERS = [("Wang Jianguo", "Secretary of the Municipal Party Committee"), ("Li Wenhua", "Mayor"),
              ("Zhao Mingyuan", "Deputy Secretary"), ("Chen Zhigang", "Vice Mayor")]
EN_PLACES = ["Qinghe County", "Songshan District", "Beihu New Area", "Donglin County", "Baishi District"]
EN_FIRMS = ["Qinghe Intelligent Equipment Co., Ltd.", "Songshan New Materials Technology",
            "Beihu Biomedicine Industrial Park", "Donglin Green Food Group", "Baishi Energy Storage Project",
            "Yunling Precision Machinery Plant"]
EN_VILLAGES = ["Liushuwan Village", "Xinghua Village", "Shimen Community", "Taoyuan Village"]
EN_THEMES = ["promote high-quality development", "advance rural revitalization",
             "keep production safe", "improve the business environment", "strengthen innovation"]


@dataclass(frozen=True)
class Story:
    """One generated article: the data a fixture site renders into its own markup."""

    number: int
    language: str
    published: date
    title: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def _zh(n: int, day: date) -> tuple[str, tuple[str, ...]]:
    name, title = ZH_LEADERS[n % len(ZH_LEADERS)]
    place, firm, village = ZH_PLACES[n % 5], ZH_FIRMS[n % 6], ZH_VILLAGES[n % 5]
    theme = ZH_THEMES[n % 5]
    when = f"{day.month}月{day.day}日"
    if n % 7 == 6:
        return (f"市政府召开第{n}次常务会议",
                (f"{when}，{title}{name}主持召开市政府常务会议，研究部署{theme}等工作。",
                 f"会议强调，要坚持问题导向，{theme}，确保各项任务落到实处。（编号{n}）"))
    return (f"{name}到{place}调研{theme}工作（{n}）",
            (f"{when}，{title}{name}到{place}调研，先后来到{firm}、{village}，实地察看项目建设和生产经营情况。",
             f"{name}强调，要认真贯彻落实市委部署，{theme}，为建设现代化强市作出更大贡献。",
             f"市领导{ZH_LEADERS[(n + 1) % 4][0]}参加调研。（编号{n}）"))


def _en(n: int, day: date) -> tuple[str, tuple[str, ...]]:
    name, title = EN_LEADERS[n % len(EN_LEADERS)]
    place, firm, village = EN_PLACES[n % 5], EN_FIRMS[n % 6], EN_VILLAGES[n % 4]
    theme = EN_THEMES[n % 5]
    when = day.strftime("%B %d").replace(" 0", " ")
    if n % 7 == 6:
        return (f"Municipal government holds executive meeting No. {n}",
                (f"On {when}, {title} {name} chaired an executive meeting of the municipal government "
                 f"to plan how to {theme}.",
                 f"The meeting stressed that every task must be carried out in earnest. (Story {n})"))
    return (f"{name} inspects {place} to {theme} ({n})",
            (f"On {when}, {name}, {title}, went to {place} to conduct investigations, "
             f"visiting {firm} and {village} to learn about project construction and production.",
             f"{name} emphasized that it is necessary to {theme} and make greater contributions "
             "to building a modern city.",
             f"City leader {EN_LEADERS[(n + 1) % 4][0]} took part in the visit. (Story {n})"))


def stories(count: int, language: str, *, newest: date = date(2023, 3, 30), first: int = 1) -> list[Story]:
    """``count`` stories, newest first, one a day going back from ``newest``."""
    out: list[Story] = []
    for i in range(count):
        n = first + i
        day = newest - timedelta(days=i)
        title, paragraphs = (_zh if language == "zh" else _en)(n, day)
        out.append(Story(n, language, day, title, paragraphs))
    return out


def pages_of(items: list[Story], per_page: int) -> list[list[Story]]:
    return [items[i:i + per_page] for i in range(0, len(items), per_page)]
