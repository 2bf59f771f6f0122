"""Chinese lists of sites: schools toured as exam sites, sites counted after their list."""

from __future__ import annotations

from crawler.visits import extract_visits


def _stops(text: str) -> list[str]:
    [visit] = extract_visits(text, lang="zh")
    return [s.name for s in visit.stops]


def test_schools_toured_as_exam_sites_joined_by_and_are_each_a_stop() -> None:
    text = "6月8日高考期间，县长刘伟先后到第三中学考点和青松高中考点巡查考务工作。"
    assert _stops(text) == ["第三中学", "青松高中"]


def test_a_school_without_a_site_word_listed_before_an_exam_site_is_a_stop() -> None:
    text = "6月7日上午，县委书记刘伟一行来到青石一中、柳河中学考点，检查考场布置。"
    assert _stops(text) == ["青石一中", "柳河中学"]


def test_sites_counted_after_their_list_are_each_a_stop() -> None:
    text = ("6月6日，副县长刘伟带队检查高考准备情况。在县职高、县二中两个高考考点，"
            "刘伟查看了监控室。")
    assert _stops(text) == ["县职高", "县二中"]


def test_units_whose_heads_take_part_name_no_site() -> None:
    text = ("3月5日，区委书记刘伟到华兴电子、青松食品等企业调研。区督查局、区发改委、区工信局等单位主要负责"
            "同志一同调研。")
    assert _stops(text) == ["华兴电子", "青松食品"]


def test_some_projects_of_our_district_name_no_site() -> None:
    text = "4月8日，区长刘伟深入到我区部分重点项目检查进度，先后到华兴产业园、青松物流园察看。"
    assert _stops(text) == ["华兴产业园", "青松物流园"]


def test_a_demonstration_zone_or_an_industrial_zone_gone_to_is_a_region() -> None:
    text = "5月6日，市长刘伟先后前往东山高效农业示范区、华兴智能装备基地等项目现场，检查建设进度。"
    [visit] = extract_visits(text, lang="zh")
    assert visit.regions == ["东山高效农业示范区"]
    assert [s.name for s in visit.stops] == ["华兴智能装备基地"]
    text = "6月3日，副县长刘伟一行来到金山工业区，先后察看了青松钢构厂、华兴木业有限公司。"
    [visit] = extract_visits(text, lang="zh")
    assert visit.regions == ["金山工业区"]
    assert [s.name for s in visit.stops] == ["青松钢构厂", "华兴木业有限公司"]


def test_a_zone_before_a_generic_word_is_the_area_gone_to() -> None:
    text = "3月2日，市委常委刘伟带队调研开发区重点项目推进情况，先后来到青松能源研究中心、华兴孵化中心。"
    [visit] = extract_visits(text, lang="zh")
    assert visit.regions == ["开发区"]
    assert [s.name for s in visit.stops] == ["青松能源研究中心", "华兴孵化中心"]


def test_a_city_whose_short_name_ends_in_zhou_inside_a_schools_name_is_no_region() -> None:
    text = "6月7日上午，副市长刘伟巡视高考考点，先后到郑州一中、郑州技师学院检查考务。"
    [visit] = extract_visits(text, lang="zh")
    assert visit.regions == []
    text = "6月7日，副省长刘伟一行先后来到黔东南州雷山县青松小学、华兴村调研。"
    [visit] = extract_visits(text, lang="zh")
    assert visit.regions == ["黔东南州", "雷山县"]


def test_homes_of_people_listed_before_their_kind_name_no_site() -> None:
    text = "近日，区政协主席刘伟深入青松镇走访困难群众，先后来到老党员王强、退伍军人赵敏等困难户家中。"
    assert _stops(text) == ["青松镇"]


def test_a_store_and_a_square_joined_by_and_are_two_sites() -> None:
    text = "8月12日下午，市长刘伟一行先后到市应急物资仓库和平安公园，检查防汛准备工作。"
    assert _stops(text) == ["应急物资仓库", "平安公园"]


def test_a_school_named_by_its_place_and_rank_is_a_site() -> None:
    text = "11月3日上午，区委书记刘伟开展教育调研。走进青州五中，刘伟察看了新建教学楼。"
    assert _stops(text) == ["青州五中"]


def test_a_hospitals_new_campus_is_a_site() -> None:
    text = "8月19日，区人大常委会副主任刘伟带队对青松医院、市妇幼保健中心东区院区建设情况开展视察。"
    assert _stops(text) == ["青松医院", "妇幼保健中心东区院区"]


def test_works_and_trades_declared_as_projects_name_no_site() -> None:
    text = ("5月6日，县长刘伟先后来到华兴村和青松社区两个便民服务站；察看了东山镇河道治理、茶叶产业、"
            "生态渔业等乡村振兴项目。")
    assert _stops(text) == ["华兴村", "青松社区"]


def test_building_sites_in_general_after_a_list_name_no_site() -> None:
    text = "9月28日节前，县长刘伟带队检查安全生产，先后来到青松饲料、华兴影城等经营单位和在建工地。"
    assert _stops(text) == ["青松饲料", "华兴影城"]


def test_owners_joined_before_a_dash_that_names_their_project_are_one_site() -> None:
    text = ("4月17日，区委书记孙立平来到青禾集团和远航物流集团——东岭冷链仓储项目、"
            "海宁精工有限公司调研。")
    [visit] = extract_visits(text, published="2024-04-18", lang="zh")
    assert [s.name for s in visit.stops] == ["青禾集团和远航物流集团——东岭冷链仓储项目", "海宁精工有限公司"]


def test_a_quoted_slogan_that_lists_things_is_no_list_of_sites() -> None:
    text = ("7月9日，副区长林晓红带领考察团来我县调研“百企帮百村、同走小康路”工作。"
            "考察团先后前往东河镇稻米产业园、南湖村等地实地调研。")
    [visit] = extract_visits(text, published="2024-07-10", lang="zh")
    assert not any("百企" in s.name or "同走" in s.name for s in visit.stops)


def test_products_joined_by_ji_inside_one_projects_name_are_one_site() -> None:
    text = ("12月2日，市长王立新先后察看了青禾日产50万只电池及配套储能设备项目、东岭光伏项目。")
    [visit] = extract_visits(text, published="2024-12-03", lang="zh")
    assert [s.name for s in visit.stops] == ["青禾日产50万只电池及配套储能设备项目", "东岭光伏项目"]


def test_a_workshop_after_the_last_of_several_firms_gone_into_is_each_ones() -> None:
    text = "5月6日，市长刘伟走进青禾食品包装、远帆精密机械、东岭新材料生产车间，查看生产经营情况。"
    assert _stops(text) == ["青禾食品包装", "远帆精密机械", "东岭新材料"]


def test_a_project_looked_at_after_several_firms_is_a_site_of_its_own() -> None:
    text = ("5月6日，县长刘伟到青石镇调研。刘伟一行先后走访了远帆机械、东岭电子等企业，"
            "实地察看了青禾物流基地与东岭装备产业园项目施工现场。")
    assert _stops(text) == ["远帆机械", "东岭电子", "青禾物流基地", "东岭装备产业园项目"]


def test_the_last_towns_group_of_a_nested_list_runs_on_to_its_verb() -> None:
    text = ("4月2日，副区长刘伟到青石镇、东岭镇调研帮扶工作。刘伟先后到青石镇柳树村、杨家村，"
            "东岭镇王庄、李庄等实地调研，了解种植情况。")
    assert _stops(text) == ["青石镇柳树村", "杨家村", "东岭镇王庄", "李庄"]


def test_a_place_gone_to_for_a_meeting_and_a_named_renovation_point() -> None:
    text = ("4月2日，县委书记刘伟到青石镇调研。在青石村柳湾人居环境整治点，刘伟察看了改造情况。"
            "调研结束后，刘伟到镇便民服务中心召开座谈会。")
    assert _stops(text) == ["青石村柳湾人居环境整治点"]


def test_works_described_after_and_are_more_of_the_sites_works_not_a_site_of_their_own() -> None:
    text = ("4月2日，县长刘伟先后来到青禾建材有限公司、远帆汽车配件和工业机器人项目基地、"
            "东岭研发中心及智能制造产业基地建设项目调研。")
    assert _stops(text) == ["青禾建材有限公司", "远帆汽车配件和工业机器人项目基地",
                            "东岭研发中心及智能制造产业基地建设项目"]


def test_firms_named_by_trade_seen_beside_plan_models_are_stops() -> None:
    text = ("2月14日，副市长刘伟来我县调研。刘伟一行实地参观了纺织产业园规划沙盘、远帆机械、东岭仪表、"
            "青禾科技和开发区规划沙盘。")
    assert _stops(text) == ["远帆机械", "东岭仪表", "青禾科技"]


def test_numbered_sections_of_a_road_are_one_site_and_works_of_some_years_are_none() -> None:
    text = ("近日，区住建局局长刘伟督导重点项目。先后前往青禾路一、二、三标段、东岭路拓宽改造、"
            "2022-2025年老旧小区改造等项目施工现场。")
    assert _stops(text) == ["青禾路一、二、三标段", "东岭路拓宽改造"]
