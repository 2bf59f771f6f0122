"""Chinese names and site lists met on real articles: long transliterated names, systems named
for a title, withheld company names and site lists told with commas (fictional sentences)."""

from __future__ import annotations

from crawler.visits import extract_visits


def _visit(text: str, **kwargs: str):  # type: ignore[no-untyped-def]
    [visit] = extract_visits(text, lang="zh", **kwargs)
    return visit


def test_a_system_named_for_a_title_is_no_person() -> None:
    text = ("6月2日，县委书记赵明华深入青松水库，实地督查林长制落实、护林队建设等情况。"
            "赵明华要求压实责任。")
    assert [o.name for o in _visit(text).officials] == ["赵明华"]


def test_a_mongolian_name_of_five_characters_is_read_whole() -> None:
    text = ("4月2日，盟委副书记、盟长巴特尔朝鲁到青松嘎查调研肉牛养殖，盟政府副秘书长乌兰其其格陪同。"
            "巴特尔朝鲁先后察看了华兴养殖合作社。")
    visit = _visit(text)
    assert [o.name for o in visit.officials] == ["巴特尔朝鲁"]
    assert [o.name for o in visit.accompanying] == ["乌兰其其格"]


def test_a_company_whose_name_the_report_withholds_is_no_stop() -> None:
    text = ("3月5日，区长刘伟率队赴佛山开展招商活动，先后走访了广东某电器集团、佛山市某陶瓷有限公司，"
            "并与企业负责人座谈。")
    assert _visit(text).stops == []


def test_sites_listed_with_commas_end_where_the_way_they_were_seen_is_told() -> None:
    text = ("6月3日，县政协主席刘伟带队视察了青松中医院新建项目,青松物流园,华兴食品有限公司,"
            "通过听取汇报、实地查看等方式了解项目进展。")
    names = [s.name for s in _visit(text).stops]
    assert names == ["青松中医院新建项目", "青松物流园", "华兴食品有限公司"]


def test_places_named_in_what_the_lead_asks_for_are_not_gone_to() -> None:
    text = ("7月5日，县长刘伟到青松镇华兴村检查防溺水工作。刘伟强调，要加大巡河力度，汛期前后，"
            "在池塘、河道、水库等重点水域增设警示牌。")
    assert [s.name for s in _visit(text).stops] == ["青松镇华兴村"]


def test_sites_walked_to_with_tafang_are_stops() -> None:
    text = "5月6日，副省长刘伟到青松县检查防汛工作，先后踏访了华兴泵站、东湖节制闸。"
    assert [s.name for s in _visit(text).stops] == ["华兴泵站", "东湖节制闸"]


def test_a_forest_area_gone_to_is_a_site() -> None:
    text = "11月2日，市委书记刘伟到青松县巡林，首先来到东山林场北坡林区，察看防火物资储备。"
    assert [s.name for s in _visit(text).stops] == ["东山林场北坡林区"]


def test_an_outlets_stamp_line_gives_the_year() -> None:
    text = "财经早班车· 2024-03-06 10:20\n3月5日，县长刘伟到华兴村调研春耕备耕。"
    assert _visit(text).date == "2024-03-05"


def test_officials_who_take_part_with_canyu_accompany() -> None:
    text = ("6月2日，省交通厅厅长刘伟率调研组一行来青松县调研。县委常委、常务副县长王强，副县长赵敏"
            "参与调研。调研组先后察看了华兴物流园项目。")
    assert [o.name for o in _visit(text).accompanying] == ["王强", "赵敏"]


def test_a_name_broken_over_two_lines_after_its_surname_is_joined() -> None:
    text = ("6月2日，省交通厅厅长刘伟率调研组一行来青松县调研。县委常委王强，县政协副主席孙\n"
            "海涛参加调研。调研组先后察看了华兴物流园项目。")
    assert [o.name for o in _visit(text).accompanying] == ["王强", "孙海涛"]


def test_a_dateline_before_recently_is_the_reports_date_not_the_visits() -> None:
    text = "青松新闻网3月8日 近日，县政协主席刘伟带队到华兴村调研乡村旅游发展情况。"
    assert _visit(text, published="2024-03-08").date is None
    text = "青松新闻网3月8日讯 3月6日，县政协主席刘伟带队到华兴村调研乡村旅游发展情况。"
    assert _visit(text, published="2024-03-08").date == "2024-03-06"


def test_a_site_named_after_a_verb_of_walking_in_loses_the_verb() -> None:
    text = ("连日来，调研组深入青松市、华兴市，走进东山区移民安置点和湖滨食品厂，"
            "西岭县茶叶产业园，了解产业发展情况。5月6日，省政协副主席刘伟率队。")
    assert all(not s.name.startswith("走进") for s in _visit(text).stops)


def test_a_first_character_after_coming_then_a_comma_is_the_region_named_in_full() -> None:
    text = ("9月30日上午，省交通厅副厅长刘伟率调研组一行来岱，就全省重点项目推进情况进行专题调研。"
            "调研组察看了华兴物流园项目，希望岱山县加快项目建设。")
    assert _visit(text).regions == ["岱山县"]


def test_a_district_investors_are_invited_to_or_a_plant_is_planned_in_is_not_gone_to() -> None:
    text = ("3月5日，龙湾区副区长刘伟率队赴苏州开展招商考察，走访了华兴电子有限公司，介绍了龙湾区产业基础，"
            "邀请企业尽快来我区实地考察。双方探讨在龙湾区建设华兴电子生产基地。")
    assert _visit(text).regions == ["苏州"]


def test_a_business_delegation_headed_by_someone_is_no_visit_of_the_officials_who_host_it() -> None:
    text = ("5月8日，由华兴商会副会长刘伟率队的经贸考察团一行30余人来我县开展投资考察。县长王强会见了"
            "考察团一行，副县长赵敏陪同考察。考察团先后到青松工业园、东湖村参观。")
    assert extract_visits(text, lang="zh") == []
    text = ("5月8日，由市委书记刘伟率队的市党政代表团一行来我县考察。考察团先后到青松工业园、"
            "东湖村参观。县长王强陪同考察。")
    assert [o.name for o in _visit(text).officials] == ["刘伟"]


def test_lines_of_work_a_visit_is_about_are_not_sites() -> None:
    text = ("9月10日，市政协副主席刘伟率视察组莅临我县，就美丽乡村和特色农业工作进行视察。"
            "视察组先后来到青松村、华兴果业基地。")
    assert [s.name for s in _visit(text).stops] == ["青松村", "华兴果业基地"]


def test_a_unit_head_titled_fuzeren_is_an_official() -> None:
    text = ("4月3日，县长刘伟到华兴村调研，县委办负责人孙涛、县农业农村局局长赵敏陪同。"
            "刘伟与相关负责人进行了深入交流，听取负责人关于招商工作的汇报，通过同企业负责人询问交流等方式了解经营情况。")
    visit = _visit(text)
    assert [o.name for o in visit.officials] == ["刘伟"]
    assert [o.name for o in visit.accompanying] == ["孙涛", "赵敏"]
    text = ("12月9日，区委书记刘伟到华兴街道调研重点项目建设工作，区委常委孙涛陪同调研。在东山智能产业园，"
            "刘伟通过实地察看厂房改造、听取投产安排等汇报、与项目负责人座谈交流等方式了解企业情况。")
    assert [o.name for o in _visit(text).accompanying] == ["孙涛"]


def test_a_time_phrase_opening_an_object_names_no_site() -> None:
    text = ("9月10日，市政协副主席刘伟率视察组来到青松村、华兴果业基地，现场查看了我县近年来在"
            "文明乡村建设和特色产业发展方面的情况。")
    assert [s.name for s in _visit(text).stops] == ["青松村", "华兴果业基地"]


def test_the_lines_of_work_studied_are_not_sites_but_the_places_gone_to_are() -> None:
    text = ("3月2日，区长刘伟调研我区城建项目建设、老旧街区改造和背街小巷整治工作。"
            "调研组先后来到华兴花园、东湖名苑等项目现场。")
    assert [s.name for s in _visit(text).stops] == ["华兴花园", "东湖名苑"]
    text = "3月28日，市委常委刘伟深入青松、华兴、柳塘等地对基层党建工作进行调研。"
    assert [s.name for s in _visit(text).stops] == ["青松", "华兴", "柳塘"]


def test_an_official_who_leads_an_inspection_goes_out_even_to_unnamed_sites() -> None:
    text = ("2月3日，县委常委、副县长刘伟带队开展节前燃气安全专项检查。检查组重点对餐饮门店的"
            "燃气管道、报警装置进行检查。")
    assert [o.name for o in _visit(text).officials] == ["刘伟"]


def test_a_long_object_of_dui_jinxing_ducha_still_names_the_towns() -> None:
    text = ("4月6日，以市农业农村局局长刘伟为组长的春耕督查组，在县委常委王强的陪同下，对我县青松乡、"
            "华兴镇、柳塘、石湾等乡(镇)的早稻集中育秧和春耕备耕落实情况进行督查。")
    assert [s.name for s in _visit(text).stops] == ["青松乡", "华兴镇"]


def test_towns_where_the_party_stops_in_a_sentence_naming_no_site_are_stops() -> None:
    text = ("10月8日，市委书记刘伟深入乡镇调研。在青松镇、华兴乡、东湖街道，刘伟一边听取汇报，一边询问"
            "有关情况。在柳塘工业园、石湾生物质发电项目，刘伟详细询问项目进展。")
    assert [s.name for s in _visit(text).stops] == [
        "青松镇", "华兴乡", "东湖街道", "柳塘工业园", "石湾生物质发电项目"]


def test_a_clerk_grade_is_a_title_and_a_title_s_last_character_opens_no_name() -> None:
    text = ("2月11日，省发改委副主任林川率调研组来我市调研，省发改委处长周平、省发改委二级主任科员章明俊，"
            "市发改委副主任徐晨等参加活动。调研组先后走访华青科技有限公司、宏达汽车皮革有限公司。")
    assert [o.name for o in _visit(text, published="2023-02-12").accompanying] == ["周平", "章明俊", "徐晨"]


def test_names_before_the_leaders_of_a_named_city_accompany_and_a_study_tour_goes_to_the_city() -> None:
    text = ("8月10日，县委书记林川率考察团一行来曲阜市学习城市建设经验。"
            "周平、吴军、郑明等曲阜市领导陪同。随后一行人实地观摩了华宇微电子、青松植物园等项目现场。")
    visit = _visit(text, published="2023-08-12")
    assert [o.name for o in visit.accompanying] == ["周平", "吴军", "郑明"]
    assert visit.regions == ["曲阜市"]


def test_a_zone_in_a_city_gone_to_learn_from_is_a_region() -> None:
    text = ("12月9日，区委书记林川率队赴苏州市吴江高新区学习借鉴园区管理经验。"
            "考察团一行实地考察了华宇科技有限公司。")
    assert _visit(text, published="2023-01-01").regions == ["苏州市", "苏州市吴江高新区"]


def test_parts_of_a_reservoir_and_the_homes_of_people_listed_are_no_sites() -> None:
    text = ("5月3日，副市长林川先后深入青松镇东坳水库、白石水库实地察看。在青河湿地公园，又查看了"
            "青河水库的大坝、溢洪道、备用电源以及物资仓库等设施。随后到县中心敬老院和老党员王明、困难群众李红等人家中慰问。")
    names = [s.name for s in _visit(text, published="2023-05-05").stops]
    assert "溢洪道" not in names and "备用电源" not in names and not any("王明" in n for n in names)


def test_the_body_of_a_committee_is_no_name_after_its_members_title() -> None:
    text = "2月5日，县人大常委会机关在东湖村开展了送春联走访。副主任林川、周平参加。"
    visits = extract_visits(text, lang="zh", published="2023-02-06")
    assert all(o.name != "会机关" for v in visits for o in [*v.officials, *v.accompanying])


def test_names_without_titles_that_end_a_list_of_titled_companions_come_along() -> None:
    text = ("5月6日，副市长赵明华带领视察组来东湖区视察重点项目。区委副书记、区长刘伟，"
            "区人大常委会主任王强，孙立华、钱文博先后陪同。视察组察看了华兴电子有限公司。")
    assert [o.name for o in _visit(text, published="2024-05-08").accompanying] == [
        "刘伟", "王强", "孙立华", "钱文博"]


def test_an_adviser_leads_with_the_official_named_after_him() -> None:
    text = ("1月4日，市政协副主席、经开区产业发展部特别顾问刘伟，经开区党工委委员王强，"
            "带领园区中心班子成员前往华兴电子、青松机械等企业走访慰问。")
    assert [o.name for o in _visit(text, published="2024-01-06").officials] == ["刘伟", "王强"]


def test_an_academician_title_ends_a_leads_titles() -> None:
    text = ("5月6日，东江省政协副主席、中国工程院院士刘伟率队到我市调研。市政协副主席王强参加调研。"
            "调研组一行先后前往华兴米业有限公司、青松农业产业园。")
    assert [o.name for o in _visit(text, published="2024-05-08").officials] == ["刘伟"]


def test_the_plural_of_members_and_a_numbered_group_after_the_word_member_are_no_names() -> None:
    text = ("4月2日，区政协副主席刘伟带领青松镇委员工作室委员一行二十余人开展视察调研。"
            "委员们先后来到东湖、南岭等村，了解早稻播种情况。")
    visit = _visit(text, published="2024-04-04")
    assert [o.name for o in visit.officials] == ["刘伟"]
    text = ("12月6日，市政协主席刘伟率省政协助力乡村振兴委员组第三组一行，赴我市青松村走访调研。"
            "我市领导王强陪同调研。委员组参观了村史馆。")
    assert [o.name for o in _visit(text, published="2024-12-08").accompanying] == ["王强"]


def test_when_every_named_official_takes_part_the_first_of_them_leads() -> None:
    text = ("7月9日，县政协开展和美乡村建设委员视察活动。县政协主席刘伟，副县长王强，县政协副主席孙立华、"
            "钱文博参加活动。委员们先后视察了东湖村、南岭村。会上，王强回应了委员关切。")
    visit = _visit(text, published="2024-07-11")
    assert [o.name for o in visit.officials] == ["刘伟"]
    assert [o.name for o in visit.accompanying] == ["王强", "孙立华", "钱文博"]
    text = ("7月9日，縣政協開展和美鄉村建設委員視察活動。縣政協主席劉偉，副縣長王強參加活動。"
            "委員們先後視察了東湖村、南嶺村。會上，王強回應了委員關切。")
    assert [o.name for o in _visit(text, published="2024-07-11").officials] == ["劉偉"]


def test_a_name_with_no_title_that_first_goes_somewhere_with_its_party_leads() -> None:
    text = "9月15日，刘伟一行首先来到青松镇，参观了东湖村村部、文化广场。县政协副主席王强参加视察活动。"
    assert [o.name for o in _visit(text, published="2024-09-18").officials] == ["刘伟"]


def test_a_visiting_delegations_officials_lead_when_everyone_takes_part() -> None:
    text = ("5月7日至8日，青州市党政代表团来东考察。青州市委书记刘伟，市委副书记、市长王强；"
            "东阳市委副书记、市长孙立华，市政协主席钱文博参加活动。代表团先后前往华兴电子有限公司、"
            "东阳港。代表团表示，东阳的做法值得青州市学习借鉴。")
    visit = _visit(text, published="2024-05-09")
    assert [o.name for o in visit.officials] == ["刘伟", "王强"]
    assert [o.name for o in visit.accompanying] == ["孙立华", "钱文博"]
    assert "青州市" not in visit.regions


def test_leaders_listed_before_bringing_greetings_to_sites_lead() -> None:
    text = ("2月9日，刘伟、王强、孙立华等县领导带着党和政府的亲切关怀，走访慰问春节在岗值班人员。"
            "2月9日下午，县领导刘伟、钱文博一行先后走访了县人民医院、环境卫生服务中心。")
    officials = _visit(text, published="2024-02-10").officials
    assert [o.name for o in officials] == ["刘伟", "王强", "孙立华", "钱文博"]


def test_the_last_of_several_leaders_joined_by_and_comes_along_too() -> None:
    text = ("2月8日，县委书记刘伟率队看望慰问一线执勤交警和环卫工人。县领导王强和孙立华参加慰问。"
            "刘伟首先来到东湖路交通执勤点，随后来到城东垃圾中转站。")
    assert [o.name for o in _visit(text, published="2024-02-09").accompanying] == ["王强", "孙立华"]


def test_a_peoples_deputy_named_with_that_title_comes_along() -> None:
    text = ("5月6日，区委副书记刘伟到辖区青松职工宿舍督导安全生产工作。人大代表王强、人大工委主任孙立华陪同。"
            "刘伟认真查看宿舍消防安全措施的落实情况。")
    assert [o.name for o in _visit(text, published="2024-05-08").accompanying] == ["王强", "孙立华"]
    text = ("5月6日，市人大常委会副主任刘伟带领部分人大代表来市中区开展视察活动。区长王强陪同。"
            "视察组先后察看了华兴电子有限公司。")
    assert [o.name for o in _visit(text, published="2024-05-08").accompanying] == ["王强"]
