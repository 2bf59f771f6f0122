"""Chinese visit extraction on small fictional articles (simplified and traditional)."""

from __future__ import annotations

from crawler.visits import extract_visits

VISIT = (
    "6日上午，市委书记赵明远到平阴县调研重点项目和乡村振兴工作。市委常委、秘书长孙浩参加调研。\n"
    "赵明远先后来到清河纸业有限公司、白云湖文旅项目、西山村，详细了解企业生产经营情况。"
    "在清河纸业有限公司，赵明远察看了制浆车间和成品仓库。\n"
    "赵明远强调，要抓项目、促发展，推动经济稳中向好。"
)


def _names(people: list) -> list[str]:
    return [p.name for p in people]


def test_lead_accompanying_stops_region_date() -> None:
    [visit] = extract_visits(VISIT, published="2024-03-07", lang="zh")
    assert visit.date == "2024-03-06"
    assert _names(visit.officials) == ["赵明远"]
    assert visit.officials[0].title == "市委书记"
    assert _names(visit.accompanying) == ["孙浩"]
    assert visit.regions == ["平阴县"]
    stops = {s.name: s.kind for s in visit.stops}
    assert stops.get("清河纸业有限公司") == "enterprise"
    assert stops.get("白云湖文旅项目") == "project"
    assert stops.get("西山村") == "village"
    assert not any("车间" in name for name in stops)
    assert visit.emphasized and "抓项目" in visit.emphasized[0]


def test_traditional_characters_come_out_as_written() -> None:
    text = "12月2日，縣委書記劉明到東山鎮調研，先後來到東山村、華興電子有限公司。縣委常委王強陪同調研。"
    [visit] = extract_visits(text, url="http://example.cn/news/20231203/1.html", lang="zh")
    assert visit.date == "2023-12-02"
    assert _names(visit.officials) == ["劉明"]
    assert _names(visit.accompanying) == ["王強"]
    assert "華興電子有限公司" in [s.name for s in visit.stops]


def test_reception_and_standing_committee_are_not_visits() -> None:
    reception = "5月8日，市长钱进会见了来访的某集团董事长一行，双方就深化合作进行了交流。"
    committee = "5月9日，市委书记赵明远主持召开市委常委会会议，研究部署近期重点工作。"
    assert extract_visits(reception, lang="zh") == []
    assert extract_visits(committee, lang="zh") == []


def test_meeting_with_on_site_inspection_is_a_visit() -> None:
    text = ("9月3日，市委书记赵明远主持召开全市项目建设推进会。会前，与会人员现场实地查看了"
            "蓝海新材料、金城物流园等重点项目建设情况。")
    [visit] = extract_visits(text, lang="zh")
    assert _names(visit.officials) == ["赵明远"]
    assert {s.name for s in visit.stops} >= {"蓝海新材料", "金城物流园"}


def test_recently_gives_no_date_and_our_county_is_not_named() -> None:
    text = "近日，副县长李红到我县水利局调研防汛工作。"
    [visit] = extract_visits(text, published="2024-01-10", lang="zh")
    assert visit.date is None
    assert visit.regions == []
    assert [s.name for s in visit.stops] == ["水利局"]


def test_person_named_like_a_city_is_not_a_region() -> None:
    text = "5月20日，省发改委副主任常德率调研组来我县，县长陈文陪同调研。常德一行察看了东方化工有限公司。"
    [visit] = extract_visits(text, lang="zh")
    assert "常德" not in visit.regions
    assert _names(visit.officials) == ["常德"]


def test_full_width_punctuation_and_three_character_names() -> None:
    text = ("3月15日，省委书记李明到济南市历城区调研。他先后来到山东重工集团、唐冶村和轨道交通6号线项目工地，"
            "详细了解企业生产和项目建设情况。省委常委、秘书长王国强参加调研。")
    [visit] = extract_visits(text, published="2024-03-16", lang="zh")
    assert [s.name for s in visit.stops] == ["山东重工集团", "唐冶村", "轨道交通6号线项目工地"]
    assert _names(visit.accompanying) == ["王国强"]
    assert visit.regions == ["济南市", "历城区"]  # a county named with its city gives both


def test_characteristic_town_is_a_site_and_digest_items_are_separate() -> None:
    text = ("◆3月15日，市委书记刘强到平阴县调研，先后来到玫瑰小镇、鲁西南建材有限公司。\n"
            "◆3月15日，市政府召开常务会议，研究部署安全生产工作。\n"
            "◆3月16日，副市长钱七带队到东湖小学检查校园安全工作。")
    visits = extract_visits(text, published="2024-03-17", lang="zh")
    assert [v.date for v in visits] == ["2024-03-15", "2024-03-16"]
    assert [s.name for s in visits[0].stops] == ["玫瑰小镇", "鲁西南建材有限公司"]
    assert _names(visits[1].officials) == ["钱七"]


def test_listed_leaders_and_visitor_from_above() -> None:
    text = ("5月7日，副省长王凯来济南调研，省政府副秘书长李立，济南市副市长孙建陪同。"
            "王凯先后到医学科学中心、齐鲁制药集团有限公司调研。市领导高杰、邱林参加。")
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert _names(visit.officials) == ["王凯"]
    assert _names(visit.accompanying) == ["李立", "孙建", "高杰", "邱林"]
    assert visit.regions == ["济南"]


def test_title_names_the_official_when_the_body_does_not() -> None:
    text = "3月29日，刘明到东山村调研，先后来到东山村党群服务中心和华兴电子有限公司。"
    [visit] = extract_visits(text, title="市委书记刘明到东山村调研", published="2024-03-30", lang="zh")
    assert _names(visit.officials) == ["刘明"]


def test_section_marks_inside_one_report_are_not_a_digest() -> None:
    text = ("3月15日，市委书记刘强到平阴县调研。\n■ 在鲁西南建材有限公司，刘强察看了生产线。\n"
            "■ 在东山村，刘强走进村党群服务中心。")
    [visit] = extract_visits(text, published="2024-03-16", lang="zh")
    assert [s.name for s in visit.stops] == ["鲁西南建材有限公司", "东山村"]


def test_company_with_he_and_traditional_towns() -> None:
    text = ("6月3日，縣長周明帶隊到南溪鎮調研，先後來到南溪鎮楓林村、江西四和五金有限公司，"
            "以及正在施工的白沙污水處理廠擴建工程。")
    [visit] = extract_visits(text, published="2024-06-04", lang="zh")
    assert [s.name for s in visit.stops] == ["南溪鎮楓林村", "江西四和五金有限公司", "白沙污水處理廠擴建工程"]


def test_instruction_to_inspect_on_site_is_not_a_visit() -> None:
    text = ("8月2日，全市防汛视频会议召开。市长陈立在主会场出席会议并讲话。"
            "会议要求，各级干部要到河道、水库实地察看，落实防汛责任。")
    assert extract_visits(text, published="2024-08-02", lang="zh") == []


def test_district_before_a_named_site_is_a_region() -> None:
    text = "4月9日，市委书记刘强暗访检查安全生产，先后来到历下区华山燃气门站、槐荫区泉城广场。"
    [visit] = extract_visits(text, published="2024-04-10", lang="zh")
    assert visit.regions == ["历下区", "槐荫区"]


def test_autonomous_county_with_plain_suffix_is_a_region() -> None:
    text = "5月6日，市长王平到长阳县调研，先后来到清江鱼业有限公司和龙舟坪村。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == ["长阳县"]
    assert [s.name for s in visit.stops] == ["清江鱼业有限公司", "龙舟坪村"]


def test_all_out_effort_is_not_a_journey() -> None:
    """全力以赴 holds 赴 (go to), but what follows is a slogan, not a list of sites."""
    text = ("3月2日，市长周立新到历城区调研。他强调，要全力以赴抓招商、促投资、稳增长。"
            "在济南华岳精密机械有限公司，周立新察看生产线。")
    [visit] = extract_visits(text, published="2024-03-03", lang="zh")
    assert [s.name for s in visit.stops] == ["济南华岳精密机械有限公司"]
