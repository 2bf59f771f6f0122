"""Chinese regions on forms seen in wider reading (fictional articles of each kind)."""

from __future__ import annotations

from crawler.visits import extract_visits


def _regions(text: str) -> list[str]:
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    return visit.regions


def test_a_place_named_by_its_first_character_after_coming_is_the_place_the_article_names() -> None:
    text = ("5月6日，省农业厅副厅长刘伟一行莅腾调研，先后来到青松社区、华兴食品有限公司。"
            "刘伟对腾冲农业工作给予了充分肯定。")
    assert _regions(text) == ["腾冲"]
    text = "5月6日，市农委巡视员刘伟一行来奉调研，实地察看了渔墩村、小荡村。刘伟肯定了奉贤的农业工作。"
    assert _regions(text) == ["奉贤"]


def test_a_citys_own_district_named_after_the_city_is_gone_to() -> None:
    text = "5月6日，区政协主席刘伟带领委员前往阳泉城区和盂县，先后来到青松生态园、藏山风景区。"
    assert _regions(text) == ["阳泉城区", "盂县"]


def test_a_region_right_after_a_verb_of_surveying_is_the_area_surveyed() -> None:
    text = ("5月6日，来邳州市参加农业产业推介会的省农委副主任刘伟，专题调研邳州市现代农业工作。"
            "市长王强陪同活动。刘伟一行来到锦绣大地生态农业观光园。")
    assert _regions(text) == ["邳州市"]


def test_a_place_named_in_what_the_lead_said_is_not_a_region_of_the_visit() -> None:
    text = ("3月20日，市委书记刘伟带队到青石乡、官庄镇督导乡村振兴工作，先后调研了幸福茶场、德铭机械。"
            "刘伟强调，要深入学习贯彻总书记考察安徽重要讲话精神和总理在潜山看望慰问基层干部群众时的讲话要求。")
    assert _regions(text) == []


def test_a_districts_own_bureau_does_not_make_the_district_a_region() -> None:
    text = "1月23日上午，区委书记刘伟、副区长陈明到溪湖区卫健局调研疫情防控情况。"
    assert _regions(text) == []


def test_the_last_county_of_a_list_gone_to_is_a_region_whatever_follows_it() -> None:
    text = ("5月6日至7日，省政协副主席刘伟带领调研组先后来到临沂市沂水县、蒙阴县和沂南县民营企业和产业园区，"
            "详细了解县域经济发展情况。")
    assert _regions(text) == ["临沂市", "沂水县", "蒙阴县", "沂南县"]


def test_a_short_name_that_is_an_everyday_word_listed_among_places_gone_to_is_a_region() -> None:
    text = "5月6日，全国政协常委刘伟率调研组在山西开展专题调研，并赴太原、大同等地开展实地调研。"
    assert _regions(text) == ["山西", "太原", "大同"]


def test_cities_right_after_a_verb_of_seeing_are_the_places_seen() -> None:
    text = "5月6日，副市长刘伟带队赴内蒙古考察招商，先后现场观摩了包头、鄂尔多斯等地煤化工产业项目。"
    assert _regions(text) == ["内蒙古", "包头", "鄂尔多斯"]


def test_zones_gone_to_named_with_their_province_and_suffixed_city_give_those_too() -> None:
    text = ("5月6日，副市长刘伟带着几位局长，赴东台经济开发区和浙江慈溪市杭州湾新区考察学习，"
            "了解园区招商的做法。")
    assert set(_regions(text)) == {"东台经济开发区", "慈溪市杭州湾新区", "浙江", "慈溪市"}


def test_a_high_tech_industrial_park_gone_to_is_a_zone() -> None:
    text = "5月6日下午，市政协主席刘伟率队赴舟山高新技术产业园区，围绕港城一体化开展考察调研。"
    assert _regions(text) == ["舟山高新技术产业园区"]


def test_a_citys_leaders_in_a_headline_are_no_region() -> None:
    text = ("东阳市领导来奉节对接协作工作\n5月6日至7日，东阳市委常委、副市长刘伟一行来我县对接协作工作。"
            "刘伟一行先后前往青松镇中心卫生院、泰昌初级中学。县委常委王强一同调研。刘伟对奉节县的协作工作给予肯定。")
    regions = _regions(text)
    assert "东阳市" not in regions and [r[:2] for r in regions] == ["奉节"]


def test_villages_listed_before_a_word_of_their_kind_are_no_regions_whatever_else_they_name() -> None:
    text = "5月6日，县委常委刘伟到青石乡开展走访慰问，分别到新安、通海、石桥等村委会，看望困难群众。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == []
    assert [s.name for s in visit.stops] == ["新安", "通海", "石桥"]


def test_a_district_of_a_minority_and_a_long_banner_name_go_by_their_everyday_short_forms() -> None:
    text = "5月6日，市政协副主席刘伟一行赴管城区东风社区调研养老服务。"
    assert _regions(text) == ["管城区"]
    text = "5月6日，盟政协副主席刘伟一行深入东乌旗调研草原保护，先后来到青松嘎查、白音嘎查。"
    assert _regions(text) == ["东乌旗"]


def test_a_zone_before_a_firms_short_name_is_the_area_gone_to() -> None:
    text = ("5月9日，区长陈立新先后前往青禾工业园丰远机械、长岭石材、白鹭高新区恒达精工等企业走访调研。")
    [visit] = extract_visits(text, published="2024-05-10", lang="zh")
    assert visit.regions == ["青禾工业园", "白鹭高新区"]
    assert [s.name for s in visit.stops] == ["青禾工业园丰远机械", "长岭石材", "白鹭高新区恒达精工"]


def test_a_port_zone_among_the_sites_is_an_area_not_a_stop() -> None:
    text = ("6月2日，区长周明远赴临海经济开发区调研。在远洋化工项目现场，周明远了解建设进度。"
            "在石湾港区，周明远听取港口规划汇报。")
    [visit] = extract_visits(text, published="2024-06-03", lang="zh")
    assert "石湾港区" in visit.regions
    assert "石湾港区" not in [s.name for s in visit.stops]


def test_a_places_park_listed_between_zones_is_one_of_the_areas_gone_to() -> None:
    text = "5月6日，市政协副主席杨光带队赴市经开区、市青溪园区、市高新区开展专题调研。"
    assert _regions(text) == ["经开区", "青溪园区", "高新区"]
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.stops == []


def test_a_county_short_name_run_into_a_sites_name_is_not_where_our_district_is() -> None:
    text = ("4月6日，省人大常委会副主任周文海带领调研组来我区调研。调研组一行先后到长丰青鸟(合肥)汽车项目、"
            "金泰新材料等企业进行了实地调研。")
    assert _regions(text) == []


def test_a_district_that_sends_people_or_is_paired_with_our_county_is_not_it() -> None:
    text = ("7月9日下午，青山区副区长林晓红带领考察团一行来我县调研。县委副书记王立平陪同调研。"
            "考察团先后前往东河镇稻米产业园、南湖村等地实地调研。王立平表示，要为我县和青山区合作搭建平台。")
    for title in (None, "青山区派员来我县调研"):
        [visit] = extract_visits(text, published="2024-07-10", lang="zh", title=title)
        assert visit.regions == []


def test_a_citys_short_name_run_into_a_zone_gone_to_names_the_zone() -> None:
    text = ("林海峰来荆门高新区•掇刀区调研\n4月6日，省人大常委会副主任林海峰带领调研组来我区调研，"
            "先后到金泰新材料有限公司、远航玻璃有限公司进行实地调研。")
    assert _regions(text) == ["荆门高新区", "掇刀区"]


def test_an_industrial_park_where_the_party_hears_a_report_is_an_area_gone_to() -> None:
    text = ("3月16日上午，市委常委陈立强来青山区调研，先后来到远达轮胎、禾丰食品等企业，"
            "并在东岭工业园区北片区听取园区建设汇报。")
    assert _regions(text) == ["青山区", "东岭工业园区"]


def test_a_place_written_short_between_a_verb_of_surveying_and_the_work_studied_is_the_area() -> None:
    text = ("5月6日，东阳市委书记刘伟一行走访华兴电子、青松机械等企业，调研东阳制造业发展情况。"
            "副市长王强参加调研。")
    assert _regions(text) == ["东阳"]


def test_the_county_an_inspection_is_carried_out_on_is_the_area_inspected() -> None:
    text = ("5月6日，市应急管理局副局长刘伟带领督查组对武侯区节前安全生产工作进行督查，"
            "先后查看了华兴化工有限公司、青松加油站。")
    assert _regions(text) == ["武侯区"]


def test_a_district_many_cities_name_alike_is_the_place_come_to() -> None:
    text = ("5月6日，市人大常委会副主任刘伟带领部分人大代表来市中区开展视察活动，"
            "先后察看了华兴电子有限公司、青松农业产业园。")
    assert _regions(text) == ["市中区"]


def test_a_zone_come_to_and_named_bare_is_the_area_gone_to() -> None:
    text = ("5月3日上午，东湖经开区管委会主任刘伟带队，一行二十余人莅临高新区，实地考察重点企业。"
            "刘伟一行先后到华兴电子、青松机械等企业，了解产业培育情况。")
    assert _regions(text) == ["高新区"]
    text = "5月2日，区委书记刘伟深入经开区企业实地走访调研。刘伟一行来到华兴电子有限公司，察看生产车间。"
    assert _regions(text) == ["经开区"]


def test_a_county_level_city_written_by_its_first_character_after_coming() -> None:
    text = ("5月6日，省委宣传部副部长刘伟带领督查组来常，督查农业现代化情况。督查组来到华兴开关有限公司，"
            "了解常熟制造业发展情况。")
    assert _regions(text) == ["常熟"]


def test_a_district_listed_among_towns_and_streets_is_of_their_level() -> None:
    text = ("5月6日，市委书记刘伟深入乡镇实地调研。在南城区、青松镇、东湖镇、长安路街道、北城区，"
            "刘伟一边听取汇报，一边认真记录。在华兴工业园，刘伟详细询问园区发展情况。")
    assert _regions(text) == []


def test_the_place_our_city_means_is_the_one_the_source_line_names() -> None:
    text = ("来源：掌上东阳\n5月6日上午，省委政研室巡视员刘伟率队来我市考察调研农业特色产业。"
            "市委书记王强参加调研。调研组一行先后前往华兴茶业、青松田园综合体，详细了解我市农业产业发展情况。")
    assert _regions(text) == ["东阳"]
    text = ("东阳市融媒体中心\n5月6日，省政协委员刘伟率委员组一行，赴我市青松村走访调研。"
            "我市领导王强陪同调研。委员组实地参观了村史馆、养老驿站。")
    assert _regions(text) == ["东阳市"]


def test_a_provinces_city_written_short_right_after_it_is_gone_to_with_it() -> None:
    text = ("5月1日至4日，由市委书记刘伟率领的青州市党政代表团到贵州省贵阳、黔西南州考察。"
            "代表团一行先后来到华兴电子有限公司、青松村。")
    assert _regions(text) == ["贵州省", "贵阳", "黔西南州"]


def test_a_county_that_names_the_project_gone_to_is_no_region_of_the_visit() -> None:
    text = ("5月6日，副县长刘伟深入青松镇调研项目工作。刘伟首先来到东湖村乡村振兴项目，"
            "随后前往周宁县康养中心项目，详细了解项目建设进展。")
    assert _regions(text) == []


def test_a_county_after_a_verb_of_walking_and_checking_and_before_the_work_is_the_area() -> None:
    text = ("长春市副市长刘伟实地踏查德惠市校园安全工作\n5月6日，长春市副市长刘伟带领市教育局副局长王强"
            "到青松中学实地检查校园安全工作。刘伟一行重点查看了学校宿舍、食堂。")
    assert _regions(text) == ["德惠市"]


def test_a_zone_that_names_a_school_is_no_region_of_the_visit() -> None:
    text = ("5月6日，副市长刘伟带领相关部门检查开学准备工作。刘伟一行先后来到青松中学、东湖小学、"
            "青州市新区第二小学，实地查看校园消防设施、食堂后厨。")
    assert _regions(text) == []
