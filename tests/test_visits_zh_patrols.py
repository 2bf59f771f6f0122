"""Chinese river patrols, school checks and new-year calls: a river gone to on a patrol, parts of a
school, kinds of projects after a short qualifier, a rural tourist area, a calling team's site, and a
report run on after a page stamp on the same line (fictional articles)."""

from __future__ import annotations

from crawler.visits import extract_visits


def _visit(text: str, **kwargs: str):  # type: ignore[no-untyped-def]
    [visit] = extract_visits(text, lang="zh", **kwargs)
    return visit


def _stops(text: str, **kwargs: str) -> list[str]:
    return [s.name for s in _visit(text, **kwargs).stops]


def test_a_river_gone_to_on_a_patrol_is_a_stop() -> None:
    text = ("9月13日，副市长林川到青石河开展巡河，查看沿岸水质和保洁情况。"
            "市水务局等单位参加。")
    assert _stops(text, published="2023-09-14") == ["青石河"]


def test_a_river_patrolled_along_named_sites_is_the_way_not_a_stop() -> None:
    text = ("8日，区委书记林川以区级河长身份巡查白沙河。林川一行沿白沙河巡查，先后来到青松镇段清淤现场、"
            "东湖污水处理厂，详细了解清淤进展。")
    assert "白沙河" not in _stops(text, published="2024-04-09")


def test_parts_of_a_school_and_unnamed_schools_of_a_town_are_no_stops() -> None:
    text = ("9月1日，乡党委委员林川带领乡派出所等部门深入青松乡各级各类学校检查开学工作。每到一所学校，"
            "检查组都查看了食堂。10月17日，副县长林川先后深入东山中学、西河二小检查校园安全，"
            "在学生餐厅了解饭菜价格。")
    assert _stops(text, published="2023-10-18") == ["东山中学", "西河二小"]


def test_key_projects_of_a_route_are_no_site_and_a_rural_tourist_area_is_one() -> None:
    text = ("3月23日，区长林川前往青峰镇、桃溪镇，督导北线重点项目建设进度。在白鹭村乡村旅游区，林川察看了"
            "观景台、村史馆等景点。随后来到桃溪牡丹园现场。")
    assert _stops(text, published="2023-03-24") == ["白鹭村乡村旅游区", "桃溪牡丹园"]


def test_a_site_where_a_calling_team_goes_round_is_a_stop() -> None:
    text = ("1月24日，市政协副主席林川一行到青松乡开展走访慰问。在青松乡敬老院，慰问组走进老人房间和"
            "食堂了解老人们的生活情况。")
    assert "青松乡敬老院" in _stops(text, published="2023-01-25")


def test_a_report_run_on_after_a_page_stamp_on_its_line_keeps_its_date() -> None:
    text = ("林川赴东湖巡河发布时间:2023-06-09 15:39 6月8日下午，市政协副主席林川"
            "到青松镇东湖巡河，查看了水体水质。")
    assert _visit(text).date == "2023-06-08"


def test_kinds_of_works_seen_in_the_places_listed_are_no_sites() -> None:
    text = ("近日，副市长林川带队赴外省考察招商。林川一行先后现场观摩了大同、朔州等地煤炭储运、"
            "智慧城市、尾矿库综合治理工程、煤化工产业项目，并与企业负责人交流。")
    assert _visit(text).stops == []
