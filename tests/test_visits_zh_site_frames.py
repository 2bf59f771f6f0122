"""Chinese sites in less common frames: a name between a site and the verb, a lead's clause at a
site, a list that runs on to the verb of the visit, a 和 inside a village's name, kinds of works
and words after a title that are no names (fictional articles)."""

from __future__ import annotations

from crawler.visits import extract_visits


def _visit(text: str):  # type: ignore[no-untyped-def]
    [visit] = extract_visits(text, lang="zh")
    return visit


def _stops(text: str) -> list[str]:
    return [s.name for s in _visit(text).stops]


def test_a_site_then_the_leads_name_then_the_verb_gives_the_site_not_its_parts() -> None:
    text = ("5月8日，市委书记林川深入青山区对重点项目推进情况开展督导。"
            "在华青医药有限公司林川实地察看了物流配送库和康养中心。")
    assert _stops(text) == ["华青医药有限公司"]
    assert _visit(text).regions == ["青山区"]


def test_the_lead_at_a_site_then_a_comma_and_what_was_heard_gives_the_site() -> None:
    text = ("5月8日，区委书记林川前往青石街道调研。在东远小区，林川查看了改造成果。"
            "随后，林川在华建集团有限公司地铁工区，听取施工安排；在阳明花园，了解小区安保情况。"
            "林川在青石街道调研走访企业和在建项目，督促施工进度。")
    assert _stops(text) == ["东远小区", "华建集团有限公司", "阳明花园"]


def test_a_list_of_firms_grouped_by_city_runs_on_to_the_verb_of_the_visit() -> None:
    text = ("5月8日，省政协副主席林川率调研组赴青州、泰州市调研。调研组先后到青州华宇科技股份有限公司、"
            "海达通信股份有限公司，泰州明华控股有限公司、慧川织造厂有限公司开展实地走访。")
    assert _stops(text)[2:] == ["泰州明华控股有限公司", "慧川织造厂有限公司"]


def test_a_he_right_before_the_word_for_village_is_part_of_the_villages_name() -> None:
    text = ("5月8日，区委书记林川到青石街道调研。林川先后深入青石街道丰和村整治地块、石桥社区，"
            "又察看了石门村和村集体经济合作社。")
    stops = _stops(text)
    assert "青石街道丰" not in stops and any("丰和村" in s for s in stops)
    assert "石门村" in stops


def test_slum_renewal_and_key_project_work_sites_are_kinds_of_works_not_sites() -> None:
    text = ("5月8日，县委书记林川到多个重点项目建设工地督导。林川实地察看了县污水处理厂、"
            "城市棚户区改造、新城大道等项目建设现场。")
    assert _stops(text) == ["污水处理厂", "新城大道"]


def test_how_a_party_came_along_or_what_a_lead_went_by_is_no_name() -> None:
    text = ("5月8日，县委书记林川到桃源公司调研，县委常委周平陪同。街道班子成员全程陪同。"
            "林书记根据调研情况提出要求。")
    visit = _visit(text)
    assert [o.name for o in visit.officials] == ["林川"]
    assert [o.name for o in visit.accompanying] == ["周平"]


def test_a_list_after_zai_that_opens_with_a_county_named_like_being_built_or_run() -> None:
    text = ("4月3日，省长林川在营口市华北电缆有限公司调研。在建湖县青松机械公司、东台三和电子公司、"
            "盐都区华宇化工公司等民营企业，林川认真了解企业研发情况，督促在建项目加快进度。")
    assert _stops(text)[1:] == ["建湖县青松机械公司", "东台三和电子公司", "盐都区华宇化工公司"]


def test_a_county_in_traditional_characters_before_a_site_is_its_region() -> None:
    text = "4月3日，副省長林川在青石高鐵東站項目現場、蓬溪縣青松生物醫藥城規劃館，察看項目建設進度。"
    assert _visit(text).regions == ["蓬溪縣"]


def test_the_year_a_firm_was_founded_is_not_the_year_of_the_visit() -> None:
    text = ("2月5日，区委书记林川来到青松花园，详细了解社区治理情况。在与社区干部交谈中，他询问工作感受。"
            "在华宇科技有限公司，林川听取企业情况介绍。华宇科技有限公司成立于2010年，扎根本区多年。")
    visit = _visit(text)
    assert visit.date is None
    assert _stops(text) == ["青松花园", "华宇科技有限公司"]


def test_lines_of_farm_work_and_drainage_works_named_as_projects_are_no_sites() -> None:
    text = ("11月15日，县委书记林川来到青石镇东山村、南河镇白塔村，现场查看了园区水土保持、果树培植、"
            "节水灌溉等重点项目，又到青松大道改造项目及排水工程施工现场督导，副县长杨帆、蔚明一同调研。")
    visit = _visit(text)
    assert _stops(text) == ["青石镇东山村", "南河镇白塔村", "青松大道改造项目"]
    assert [o.name for o in visit.accompanying] == ["杨帆", "蔚明"]


def test_one_whose_speech_is_studied_is_not_on_the_visit() -> None:
    text = ("为贯彻落实省委书记林海在全省干部大会上的讲话精神，3月13日，县委书记乔明带队赴临江县调研，"
            "先后来到青松公司、华宇农业有限公司。")
    assert [o.name for o in _visit(text).officials] == ["乔明"]


def test_a_project_a_group_carries_out_in_a_new_area_gives_the_project_and_the_area() -> None:
    text = "5月9日上午，市委秘书长徐明带队到城投集团实施的城南新区青石街项目现场，集团董事长黄平陪同。"
    visit = _visit(text)
    assert _stops(text) == ["城南新区青石街项目"]
    assert visit.regions == ["城南新区"]


def test_a_project_site_then_what_was_heard_there_and_a_shop_gone_to_are_stops() -> None:
    text = ("1月31日，副县长林川深入青河镇调研。林川首先来到青松村示范区项目，看望工作人员。"
            "林川最后在东坪稻鱼共生示范园项目现场听取了园区经营汇报，又到青禾直营店了解品牌推广情况。")
    assert _stops(text) == ["青松村示范区项目", "东坪稻鱼共生示范园项目", "青禾直营店"]


def test_sites_each_told_with_what_was_asked_about_them_over_commas_are_stops() -> None:
    text = ("12月26日，副秘书长林川一行来平武调研。在北川，工作组对擂鼓镇青石产业园的运营情况，"
            "曲山镇石门村的民宿发展工作及华宇茶叶园区项目情况等进行了询问，随后到羌绣馆调研。")
    assert _stops(text) == ["擂鼓镇青石产业园", "曲山镇石门村", "华宇茶叶园区项目", "羌绣馆"]


def test_a_quoted_park_told_with_how_it_runs_is_a_stop() -> None:
    text = ("12月26日，副秘书长林川一行来平武调研。在北川，工作组对擂鼓镇青石产业园的运营情况，"
            "“青禾”猕猴桃种植示范园区运营情况等进行了解，随后到羌绣馆调研。")
    assert "“青禾”猕猴桃种植示范园区" in _stops(text)
