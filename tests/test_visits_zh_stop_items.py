"""Chinese stop items cut to what names a site: one site named twice, towns sharing unnamed sites,
words that only start like a place, kinds of places and times of the visit (fictional articles)."""

from __future__ import annotations

from crawler.visits import extract_visits


def _stops(text: str) -> list[str]:
    [visit] = extract_visits(text, lang="zh")
    return [s.name for s in visit.stops]


def test_a_firm_named_again_with_a_shorter_place_or_a_part_of_it_is_one_stop() -> None:
    text = ("5月8日至10日，旗人大常委会主任刘伟带队赴河南省开展招商考察，"
            "先后考察了河南省洛阳市青松机械制造有限公司、郑州市华兴药业集团等企业。在洛阳，考察组参观了河南青松机械制造有限公司装配车间。"
            "5月10日，考察组前往河南华兴药业集团总部座谈。")
    assert _stops(text) == ["河南省洛阳市青松机械制造有限公司", "郑州市华兴药业集团"]


def test_towns_sharing_unnamed_project_sites_are_each_a_stop() -> None:
    text = ("6月2日，市委副书记、市长刘伟带队调研项目建设，先后来到青松街道、华兴镇、东湖镇部分项目施工现场，"
            "详细询问工程进展。")
    assert _stops(text) == ["青松街道", "华兴镇", "东湖镇"]


def test_a_name_that_starts_with_the_word_for_county_town_or_area_keeps_it() -> None:
    text = ("3月5日，县委书记刘伟来到县城青松花园小区，随后参观了华兴农业公司种苗车间、"
            "区域检测中心等。")
    stops = _stops(text)
    assert "城青松花园小区" not in stops and "域检测中心" not in stops
    assert any(s.endswith("青松花园小区") for s in stops)


def test_kinds_of_places_homes_and_the_time_of_the_check_are_no_stops() -> None:
    text = ("9月4日，县委书记刘伟深入部分城中村实地督查人居环境整治。刘伟来到青松小区和华兴村，"
            "又到低保户家中走访。在暗访督查中，刘伟要求立行立改。")
    assert _stops(text) == ["青松小区", "华兴村"]


def test_a_firms_site_under_construction_is_the_firm_and_its_area_no_region() -> None:
    text = ("1月30日，街道党工委副书记刘伟带队检查了工业区华兴电子在建工地、青松物流中心，"
            "了解企业安全生产情况。")
    [visit] = extract_visits(text, lang="zh")
    assert [s.name for s in visit.stops] == ["工业区华兴电子", "青松物流中心"]
    assert visit.regions == []


def test_a_kind_of_village_and_an_unnamed_household_are_no_stops() -> None:
    text = ("9月4日，县委书记刘伟深入部分老旧小区、城中村督查创建工作。当天，刘伟来到青松小区，"
            "又来到困难户家中，拉起了家常。")
    assert _stops(text) == ["青松小区"]


def test_a_site_introduced_by_when_it_was_built_then_gone_to_is_a_stop() -> None:
    text = ("4月7日，副省长刘伟来我市检查防汛工作。建于1972年的青松水库，是一座以灌溉为主的中型水库。"
            "刘伟走上大坝，仔细察看水情。")
    assert "青松水库" in _stops(text)


def test_sites_spelled_out_after_the_kinds_of_places_checked_are_stops() -> None:
    text = ("1月20日，街道党工委书记刘伟带队开展节前安全检查，重点巡查了建筑工地、商场等重要点位，"
            "具体包括青松花园二期工地、华兴农贸市场、东湖路沿线门店等。")
    stops = _stops(text)
    assert any("青松花园" in s for s in stops) and any("华兴农贸市场" in s for s in stops)


def test_the_publishing_firm_and_its_departments_name_no_stop() -> None:
    text = ("3月28日下午，青松镇镇长刘伟一行来我公司调研。总经理王强陪同参观了公司。"
            "参观完车间，刘伟又来到品管部，察看了检验设备。")
    assert _stops(text) == []


def test_the_countys_own_unnamed_industrial_park_is_no_site() -> None:
    text = "近日，副县长李志明到县工业园调研。副县长王海参加调研。李志明一行实地走访，听取了有关情况汇报。"
    assert _stops(text) == []


def test_the_site_the_lead_was_seeing_when_he_spoke_is_a_stop() -> None:
    text = ("5月3日，副县长李志明到县工业园调研。在考察红星食品厂房时，李志明指出，要注重质量。"
            "在考察青山机械加工厂房时，他要求保质保量。")
    assert _stops(text) == ["红星食品厂房", "青山机械加工厂房"]
