"""Chinese extraction on fictional articles written in the registers of municipal portals, one
test per class of error about the places of a visit (lists of cities, districts and zones as
regions, sites without a site word, frames that are no sites)."""

from __future__ import annotations

import pytest

from crawler.visits import extract_visits


def _names(people: list) -> list[str]:
    return [p.name for p in people]


@pytest.mark.parametrize(("text", "regions"), [
    ("5月6日，县委书记陈刚来到许昌、漯河两市调研。", ["许昌", "漯河"]),
    ("5月6日，省委书记陈刚赴丽水、衢州、金华三市调研。", ["丽水", "衢州", "金华"]),
])
def test_the_last_of_a_list_of_cities_counted_by_number_is_a_region(text: str, regions: list[str]) -> None:
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == regions


def test_a_verb_of_looking_round_ends_a_site() -> None:
    text = "5月6日，省考察团先后来到华宇电子有限公司、东湖村参观考察。市委副书记陈刚陪同。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert [s.name for s in visit.stops] == ["华宇电子有限公司", "东湖村"]


def test_a_county_level_city_listed_before_a_site_is_a_region_and_a_police_station_is_a_site() -> None:
    text = ("5月6日，省委书记尹力在南平市调研。他先后来到建阳区华宇电子有限公司、武夷山市东湖村、"
            "武夷山市星村派出所。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == ["南平市", "建阳区", "武夷山市"]
    assert [s.name for s in visit.stops][-1] == "武夷山市星村派出所"


def test_a_site_of_a_visit_recalled_from_years_before_is_no_stop() -> None:
    text = ("5月6日，县委书记陈刚在东湖村察看人居环境整治。这一幕让人想起2013年11月3日，"
            "时任县长的陈刚在西山村考察时同村民交流的情景。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert [s.name for s in visit.stops] == ["东湖村"]


def test_a_district_inspected_for_some_work_is_the_region() -> None:
    text = "5月6日，副市长张伟带队督导检查武侯区节前安全生产工作。市应急管理局负责同志参加督导。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == ["武侯区"]


@pytest.mark.parametrize(("text", "regions"), [
    ("5月6日，市委书记陈刚来到位于温江区的华宇电子有限公司，察看企业生产线。", ["温江区"]),
    ("5月6日，市委书记陈刚深入温江区、郫都区的项目工地、企业车间调研。", ["温江区", "郫都区"]),
])
def test_a_region_whose_sites_are_gone_to_is_a_region(text: str, regions: list[str]) -> None:
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == regions


def test_zones_right_before_a_verb_of_visiting_are_regions() -> None:
    text = "5月6日，市委书记陈刚在江北新区、临港经济开发区调研，了解企业发展情况。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == ["江北新区", "临港经济开发区"]


def test_a_district_gone_to_for_on_site_work_is_the_region() -> None:
    text = "5月6日，市委书记王芳带领市直部门负责同志，到温江区现场办公，协调解决项目建设中的困难。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == ["温江区"]


@pytest.mark.parametrize(("text", "stops"), [
    ("5月6日，市委书记王芳在温江区调研时，来到华宇电子生产车间，了解企业订单情况。", ["华宇电子"]),
    ("5月6日，市委书记王芳到温江区调研。华宇电子是一家专业从事芯片封装的高新技术企业。"
     "王芳走进展厅，了解企业发展历程。", ["华宇电子"]),
    ("5月6日，市委书记王芳到温江区检查节日安全生产工作，先后检查了人流密集场所、燃气站点和建筑工地，"
     "来到东湖商场。", ["东湖商场"]),
])
def test_firms_behind_their_workshops_and_kinds_of_places(text: str, stops: list[str]) -> None:
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert [s.name for s in visit.stops] == stops


def test_regions_whose_departments_the_visitors_meet_are_regions() -> None:
    text = ("4月10日，省政协副主席陈刚带队到温州市调研，先后来到华宇电子有限公司、东湖村，"
            "分别与泰顺县、文成县、苍南县有关部门负责人座谈。")
    [visit] = extract_visits(text, published="2024-04-26", lang="zh")
    assert visit.regions == ["温州市", "泰顺县", "文成县", "苍南县"]


def test_a_district_before_a_site_seen_is_a_region() -> None:
    text = ("9月28日，市委书记王海，市长张伟带领全市项目观摩活动参会人员，先后观摩了温江区华宇电子有限公司、"
            "郫都区东湖村等10个项目。")
    [visit] = extract_visits(text, published="2024-09-30", lang="zh")
    assert visit.regions == ["温江区", "郫都区"]


@pytest.mark.parametrize(("text", "regions"), [
    ("5月6日，省委书记王海到济南市中区调研，先后来到东湖村、华宇电子有限公司。", ["济南", "市中区"]),
    ("5月6日，市长王海赴京拜访国家部委并考察北京华宇电子有限公司。", ["北京"]),
])
def test_a_shared_district_name_after_its_city_and_a_short_name_before_calling_on(
        text: str, regions: list[str]) -> None:
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == regions


@pytest.mark.parametrize(("text", "stops"), [
    ("5月6日，市委书记王海一行先后调研了华宇电子有限公司，新源科技有限公司，东湖村。",
     ["华宇电子有限公司", "新源科技有限公司", "东湖村"]),
    ("5月6日，市委书记王海深入华宇电子有限公司等企业，以及东湖村、西湖村等村，详细了解情况。",
     ["华宇电子有限公司", "东湖村", "西湖村"]),
])
def test_sites_listed_with_commas_and_after_yiji(text: str, stops: list[str]) -> None:
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert [s.name for s in visit.stops] == stops


def test_a_river_chief_patrolling_a_river_reach_visits_it() -> None:
    text = "5月6日，市总河长、市委书记王海巡查金马河温江段。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["王海"] and [s.name for s in visit.stops] == ["金马河温江段"]


def test_a_checkpoint_is_a_site_homes_are_not_and_cadres_are_no_name() -> None:
    text = ("编者按：本网开设专栏，展示各级领导干部深入基层一线调研的情况。\n"
            "4月2日，县长孙国栋带队督导检查森林防火工作，先后来到青龙山林场、白马镇护林检查站、"
            "老党员李奶奶家。")
    [visit] = extract_visits(text, published="2024-04-03", lang="zh")
    assert _names(visit.officials) == ["孙国栋"]
    assert [s.name for s in visit.stops] == ["青龙山林场", "白马镇护林检查站"]


def test_a_site_named_before_a_generic_word_and_a_province_by_its_one_character_name() -> None:
    text = ("8月1日，区委书记赵刚调研重点项目建设，先后到滨河公园二期工程、区人民医院新院区建设现场。"
            "8月2日，甘肃省委书记胡昌升率甘肃省党政代表团来川考察，考察了四川华西集团有限公司。")
    first, second = extract_visits(text, published="2024-08-03", lang="zh")
    assert [s.name for s in first.stops] == ["滨河公园二期工程", "人民医院新院区建设现场"]
    assert second.regions == ["四川"]


def test_a_city_arrived_in_is_a_region_and_the_countryside_is_no_site() -> None:
    text = "5月6日，省长王海一行抵达淮南，随即来到华宇电子有限公司调研，并深入企业、乡村了解情况。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == ["淮南"] and [s.name for s in visit.stops] == ["华宇电子有限公司"]


def test_a_countys_own_hospital_is_named_by_its_county() -> None:
    text = "5月6日，縣委常委、常務副縣長蕭建國到縣醫院、縣第一中學檢查疫情防控工作。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert [s.name for s in visit.stops] == ["縣醫院", "第一中學"]


def test_a_short_name_that_is_an_everyday_word_gone_to_for_a_visit_and_the_county_town() -> None:
    text = "5月6日，省委书记王海在大同调研，先后来到县城、华宇煤业有限公司、云冈石窟。要延长产业链。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == ["大同"] and [s.name for s in visit.stops] == ["华宇煤业有限公司", "云冈石窟"]


def test_a_clause_of_another_lead_going_is_no_site_and_zhuanti_ends_a_name() -> None:
    text = ("5月6日，市委书记王海、市长张伟分别带队，专题调研生态环境保护工作。王海来到东湖村，"
            "张伟来到华宇电子有限公司。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert [s.name for s in visit.stops] == ["东湖村", "华宇电子有限公司"]
    text = "5月6日，市委书记王海专题调研生态环境保护工作，先后来到东湖湿地公园、华宇污水处理厂。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["王海"]


@pytest.mark.parametrize("frame", ["在听取汇报后", "在乡村振兴方面", "在疫情防控常态化背景下", "在此期间"])
def test_times_aspects_and_backgrounds_after_zai_are_no_sites(frame: str) -> None:
    text = f"5月6日，市委书记王海到温江区东湖村调研。{frame}，王海强调要发展特色产业。"
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert [s.name for s in visit.stops] == ["温江区东湖村"]


def test_a_long_list_of_sites_is_read_to_its_end() -> None:
    sites = ["鑫隆建材有限公司", "青山石料加工骨料项目基地", "东湖综合能源有限公司", "北岭风电项目",
             "红旗坡产业园", "清溪小米加工厂", "瑞康药业有限公司", "华联汽车配件有限公司",
             "智能装备项目基地"]
    text = f"5月6日，市委书记王海一行先后来到{'、'.join(sites)}，详细了解项目进展情况。"
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert [s.name for s in visit.stops] == sites


@pytest.mark.parametrize("earlier", ["2023年8月，王海曾到郫都区西湖村调研。",
                                     "去年，王海到郫都区西湖村调研。"])
def test_an_earlier_visit_told_as_background_gives_no_stop_or_region(earlier: str) -> None:
    text = f"6月6日，省委书记王海到温江区调研，先后来到东湖村、华宇电子有限公司。{earlier}"
    [visit] = extract_visits(text, published="2024-06-08", lang="zh")
    assert visit.regions == ["温江区"] and [s.name for s in visit.stops] == ["东湖村", "华宇电子有限公司"]


def test_sites_an_inspection_team_examines_are_stops() -> None:
    text = ("9月11日，中央第五生态环境保护督察组副组长王海带队到温江区，"
            "下沉督察华宇化工有限公司、东湖污水处理厂。")
    [visit] = extract_visits(text, published="2024-09-12", lang="zh")
    assert [s.name for s in visit.stops] == ["华宇化工有限公司", "东湖污水处理厂"]


def test_a_verb_of_inspecting_before_de_describes_what_was_inspected_elsewhere() -> None:
    text = ("10月9日，副市长王海深入蒲城县督查项目建设，先后查看了蒲城县中医院、白水县第二中学。"
            "王海指出，这次督查的项目大多是民生工程。")
    [visit] = extract_visits(text, published="2024-10-12", lang="zh")
    assert [s.name for s in visit.stops] == ["蒲城县中医院", "白水县第二中学"]


@pytest.mark.parametrize("then", ["详细了解企业研发情况", "与企业负责人亲切交流", "听取项目进展汇报"])
def test_a_site_right_before_learning_or_talking_there_is_a_stop(then: str) -> None:
    text = f"9月11日，市委书记王海到温江区调研。他在华宇电子有限公司{then}。"
    [visit] = extract_visits(text, published="2024-09-12", lang="zh")
    assert [s.name for s in visit.stops] == ["华宇电子有限公司"]


def test_a_contact_point_named_before_its_place_and_site() -> None:
    text = "9月11日，市委书记王海到基层联系点温江区东湖村调研，走访慰问困难群众。"
    [visit] = extract_visits(text, published="2024-09-12", lang="zh")
    assert visit.regions == ["温江区"] and [s.name for s in visit.stops] == ["温江区东湖村"]
