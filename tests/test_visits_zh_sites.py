"""Chinese stops on list and clause shapes seen in wider reading (fictional articles of each kind)."""

from __future__ import annotations

from crawler.visits import extract_visits


def _stops(text: str) -> list[str]:
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    return [s.name for s in visit.stops]


def test_a_list_ending_in_places_of_that_kind_declares_its_sites() -> None:
    text = "5月6日，副市长刘伟一行先后到青松广场人防工程指挥部、东湖新苑等处调研，了解工程进展。"
    assert _stops(text) == ["青松广场人防工程指挥部", "东湖新苑"]


def test_a_time_named_with_at_does_not_hide_the_sites_looked_at_in_its_sentence() -> None:
    text = ("5月6日，外省考察团来我市考察，市委书记刘伟陪同。在东期间，考察团一行先后实地考察了青松湿地公园、"
            "城市规划馆、东湖软件园等地。")
    assert _stops(text) == ["青松湿地公园", "城市规划馆", "东湖软件园"]


def test_kinds_of_places_topics_and_homes_are_no_sites() -> None:
    text = ("5月6日，市长刘伟带队深入企业、交通枢纽、项目现场、商超开展节前安全检查。"
            "刘伟一行先后前往华兴家居有限公司、青松体育公园、商场超市等地。")
    assert _stops(text) == ["华兴家居有限公司", "青松体育公园"]
    text = ("东阳市长刘伟查看安全生产及文化旅游市场情况\n"
            "5月6日，市长刘伟实地查看了节日期间全市安全生产及文化旅游市场情况。"
            "刘伟先后来到东湖客运站、青石景区等地。")
    assert _stops(text) == ["东湖客运站", "青石景区"]
    text = ("5月6日，县委书记刘伟走访慰问老干部和困难群众。在县中心敬老院，刘伟看望了老人。"
            "在道德模范王立军家，刘伟与他亲切交谈。")
    assert _stops(text) == ["中心敬老院"]


def test_a_list_of_works_and_a_speech_give_no_sites() -> None:
    text = ("5月6日，区委书记刘伟到青石镇实地调研文明实践所建设、汛情处置和融合产业园项目建设等工作情况。"
            "在青石镇文明实践所，刘伟听取了汇报。他指出，文明实践所是深入宣传党的理论的重要载体，"
            "要把文明实践所打造为教育基地，不断创新形式和手段，扩大宣传受众面，对优良传统、红色文化等进行大力地宣传。")
    assert _stops(text) == ["融合产业园项目", "青石镇文明实践所"]


def test_a_neighbourhood_committee_is_a_site_and_a_paired_project_is_no_name() -> None:
    text = "5月6日，县委书记刘伟到花园街道青松居委会开展春节走访慰问活动。"
    assert _stops(text) == ["花园街道青松居委会"]
    text = "5月6日，市委常委刘伟来东湖区督导挂钩重点项目。刘伟一行先后到华兴电子有限公司、青松物流园等处。"
    assert _stops(text) == ["华兴电子有限公司", "青松物流园"]


def test_a_zone_between_a_district_and_a_park_is_the_area_gone_to() -> None:
    text = ("5月6日，区人大常委会主任刘伟率队赴东阳市青松区考察。在青松区五里工业集中区华东产业共建园区，"
            "刘伟一行边走边看，了解园区产业布局。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == ["五里工业集中区"]


def test_an_everyday_word_ending_like_a_banner_begins_no_address() -> None:
    text = ("5月6日，巡察组组长刘伟一行先后来到鑫隆建材有限公司、红旗坡产业园李记粉条、清溪小米，"
            "实地察看生产情况。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == [] and "红旗坡产业园李记粉条" in [s.name for s in visit.stops]


def test_sites_listed_after_at_before_each_place_the_party_went_are_stops() -> None:
    text = ("5月6日，市委书记刘伟深入园区和重点项目建设现场调研。"
            "在双天工业园、青松再生资源产业基地、生物天然气项目，每到一处，刘伟都详细询问项目进展情况。")
    assert _stops(text) == ["双天工业园", "青松再生资源产业基地", "生物天然气项目"]


def test_parts_of_a_school_and_a_districts_own_school_are_no_stops_or_regions() -> None:
    text = ("5月6日,区长刘伟深入丰林小学、东湖区第二中学调研校园安全。在丰林小学,刘伟查看了操场等安全设施;"
            "在文化长廊,刘伟参观了学生的书画作品。在东湖区第二中学,刘伟查看了学生食堂。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert [s.name for s in visit.stops] == ["丰林小学", "东湖区第二中学"] and visit.regions == []
    text = ("5月6日上午,副区长王立前往区实验初级中学检查开学工作。随后,他们深入教室和实验楼等教学场所。"
            "此次检查旨在全面掌握开学初期学校的工作状态。")
    assert _stops(text) == ["实验初级中学"]


def test_a_site_introduced_before_the_sentence_where_the_party_comes_to_it_is_a_stop() -> None:
    text = ("5月6日，副省长刘伟到凤凰县调研督导防汛工作。凤凰县长岭水库是以防洪为主的中型水库，兼有发电功能。"
            "刘伟首先来到该水库防汛仓库，检查防汛物资。随后，刘伟走上水库大坝，察看水位。")
    assert _stops(text) == ["凤凰县长岭水库"]


def test_projects_declared_by_their_category_inside_an_area_gone_to_are_stops() -> None:
    text = ("5月6日，市委书记刘伟调研滨河二期建设情况。在滨河二期，刘伟查看了青松人行桥、市十一中、"
            "恒泰大厦、市公共文化中心等项目建设进展。")
    assert _stops(text) == ["滨河二期", "青松人行桥", "十一中", "恒泰大厦", "公共文化中心"]


def test_a_group_company_and_a_quoted_project_inside_the_communities_gone_to_are_stops() -> None:
    text = ("5月6日，农业部副部长刘伟到东阳县调研。在青松镇油灯、盈水社区，"
            "刘伟查看了东阳瑞丰食品有限公司“百亩莲塘”项目"
            "和青山园林集团公司上塘村湿地修复工程实施情况，并就发展休闲农业给予了指导。")
    assert _stops(text) == ["青松镇油灯", "盈水社区", "东阳瑞丰食品有限公司“百亩莲塘”项目",
                            "青山园林集团公司上塘村湿地修复工程"]


def test_development_and_an_unnamed_reserve_are_no_sites() -> None:
    text = ("5月6日，市政协副主席刘伟一行先后前往董家村、鹿苑村等地,"
            "实地调研九龙烟霞旅游度假区、木兮民宿等项目建设运行、发展等情况。"
            "刘伟一行还实地察看了清水河口湿地、生态保护区等。")
    assert _stops(text) == ["董家村", "鹿苑村", "九龙烟霞旅游度假区", "木兮民宿", "清水河口湿地"]


def test_one_village_named_with_and_without_its_town_is_one_stop_and_a_floor_is_none() -> None:
    text = ("昨天下午，市委书记刘伟深入青石区白沙镇韩村调研基层党建。韩村位于青石区西北部。"
            "刘伟一行来到青石区韩村，村干部请大家到二楼党员活动中心座谈。")
    assert _stops(text) == ["青石区白沙镇韩村"]


def test_a_site_after_at_before_the_delegation_and_a_site_whose_ceremony_it_attends_are_stops() -> None:
    text = ("5月4日至6日，市委书记刘伟率党政代表团赴黔东南州考察，重点考察了对口帮扶的雷山县。"
            "在青石学院，代表团一行参观了图书馆、校史展览馆和学生食堂。"
            "代表团还出席了青石州民族文化馆奠基仪式，并举行了援建东湖职业中学科技楼开工仪式。")
    assert _stops(text) == ["青石学院", "青石州民族文化馆", "援建东湖职业中学科技楼"]


def test_kinds_of_stations_and_some_hospitals_are_no_sites_but_named_ones_are() -> None:
    text = ("1月24日，市委常委刘伟、副市长陈明到中心城区部分医院、火车站、环卫站和消防站看望慰问一线人员。"
            "刘伟、陈明一行还来到文公祠环卫站和兴汉路消防站看望慰问一线的环卫工人和消防队员。")
    assert _stops(text) == ["文公祠环卫站", "兴汉路消防站"]


def test_towns_gone_to_with_no_site_named_are_stops_and_an_office_of_inspection_is_no_site() -> None:
    text = ("本报讯 16日，副市长刘伟率由市委市政府督查室、监察局、市村庄环境整治办公室组成的督查组，"
            "赴青石镇、汉城镇、东湖镇和八里镇督查村庄环境整治工作进展情况。")
    [visit] = extract_visits(text, published="2024-05-17", lang="zh")
    assert [s.name for s in visit.stops] == ["青石镇", "汉城镇", "东湖镇", "八里镇"]


def test_sites_declared_as_so_many_places_after_a_first_object_in_the_sentence_are_stops() -> None:
    text = ("5月6日上午，刘伟局长率监察大队赴东湖镇督导道路工程开工项目，刘伟一行在王强镇长陪同下视察了"
            "青松小镇基础设施路网、中学路、建设路延伸段、临港大道等多处现场。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    names = [s.name for s in visit.stops]
    assert names[-4:] == ["青松小镇基础设施路网", "中学路", "建设路延伸段", "临港大道"]


def test_kinds_of_places_told_by_what_they_do_or_hold_are_no_sites() -> None:
    text = ("5月6日，区委书记刘伟调研督导节前安全工作。刘伟先后到课后托管机构、居民小区、大型超市、"
            "危险货物运输业公司，检查隐患排查情况。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert [s.name for s in visit.stops] == []
    text = ("5月6日，副区长刘伟带队到青石街道开展专项督导，对餐饮、供热等重点行业领域进行实地检查。"
            "在东岭大厦二期工程、华兴热力等单位现场，刘伟查看了安全措施。")
    assert _stops(text) == ["东岭大厦二期工程", "华兴热力"]
    text = "5月6日，副区长刘伟带队督查节日安全。督查组先后到青松商贸城、华兴化工有限公司等行业领域进行督查。"
    assert _stops(text) == ["青松商贸城", "华兴化工有限公司"]
    text = ("5月6日，区长刘伟带队检查安全生产工作。刘伟一行先后前往沿街门店、托老机构和青松花苑小区，"
            "查看安全生产情况。")
    assert _stops(text) == ["青松花苑小区"]


def test_units_speaking_at_a_symposium_of_the_visit_are_no_sites() -> None:
    text = ("5月6日，市委书记刘伟赴青松产业园调研。当天调研座谈会上，园区管委会、市城投公司、青石镇、"
            "市经信局、市发改局等单位作了交流发言。")
    assert _stops(text) == ["青松产业园"]


def test_the_mongolian_words_for_township_and_village_name_places_gone_to() -> None:
    text = "5月6日，旗长刘伟到宝力格苏木、白音镇调研防灾工作。"
    assert _stops(text) == ["宝力格苏木", "白音镇"]
    text = "5月6日，旗长刘伟深入东乌旗调研草原保护，先后来到青格勒嘎查、乌兰嘎查，查看棚圈建设情况。"
    assert _stops(text) == ["青格勒嘎查", "乌兰嘎查"]


def test_kinds_told_by_trade_or_by_whose_they_are_and_estates_or_offices_are_no_sites() -> None:
    text = ("5月6日，副区长刘伟带队到辖区商场、涉危企业、社区、小区检查节前安全。"
            "在青松百货大楼、东岭路加气站、街道办事处等地，刘伟查看了消防通道。")
    assert _stops(text) == ["青松百货大楼", "东岭路加气站"]
    text = ("5月6日，市长刘伟深入本区的商场、车站、医院等单位检查安全生产。"
            "刘伟来到华联商厦青石店，查看了安全出口。")
    assert _stops(text) == ["华联商厦青石店"]


def test_checkpoints_and_offices_ending_in_suo_are_sites_but_a_bare_checkpoint_is_none() -> None:
    text = ("5月6日，副县长刘伟一行督导检查疫情防控工作，来到青禾高速出入口和东岭乡防疫卡口，"
            "看望一线值守人员。刘伟询问卡点值守情况。")
    assert _stops(text) == ["青禾高速出入口", "东岭乡防疫卡口"]
    text = "5月6日，区长刘伟先后来到区住建局、青石环卫所和东湖工商所，看望节日值班人员。"
    assert _stops(text) == ["住建局", "青石环卫所", "东湖工商所"]


def test_a_site_where_the_party_greets_people_is_a_stop_and_a_bare_hotel_is_none() -> None:
    text = ("5月6日，区委书记刘伟带领区领导看望慰问一线工作人员。在青松园，慰问环卫工人。"
            "在青石人民医院，刘伟看望医护人员。随后检查了部分车站、酒店、超市等场所。")
    assert _stops(text) == ["青松园", "青石人民医院"]


def test_works_told_by_their_line_or_verb_and_a_production_floor_are_no_sites() -> None:
    text = ("5月6日，县委书记刘伟到青石镇调研教育、卫生有关重点项目。刘伟先后实地察看了青松实验小学、"
            "县妇幼保健院。")
    assert _stops(text) == ["青松实验小学", "妇幼保健院"]
    text = ("5月6日，副市长刘伟调研旅游市场、调度湿地公园建设。在青石风景区，刘伟检查了游船。"
            "随后刘伟到生产现场参观。")
    assert _stops(text) == ["青石风景区"]


def test_sites_walked_over_and_sites_seen_while_inspecting_a_line_of_work_are_stops() -> None:
    text = "5月6日，市人大常委会副主任刘伟带领调研组实地踏查了青松湖风景区、东岭服装产业园。"
    assert _stops(text) == ["青松湖风景区", "东岭服装产业园"]
    text = ("5月6日，市人大常委会副主任刘伟带队视察防汛工作。在视察防洪工作时，视察组先后实地察看了"
            "青石河堤防工程和正在建设中的东岭灌区工程。")
    assert _stops(text) == ["青石河堤防工程", "东岭灌区工程"]


def test_a_model_village_or_point_told_only_by_its_cause_is_no_site() -> None:
    text = ("5月6日，市委书记刘伟带队赴城东片区调研督导，深入项目建设现场、乡村振兴示范点，"
            "与镇村干部交流。随后刘伟来到青松村，考察了新农村建设示范村、东岭农业种植基地建设情况。")
    assert _stops(text) == ["青松村"]


def test_homes_told_by_village_and_person_give_the_villages() -> None:
    text = ("2月7日，副县长刘伟一行到青石乡走访慰问困难群众。刘伟一行先后到柳湾马春生、"
            "东岭王秀兰、杨家村郑大山等群众家中深切慰问。")
    assert _stops(text) == ["柳湾", "东岭", "杨家村"]


def test_homes_of_veterans_give_their_villages_and_a_project_point_is_a_site() -> None:
    text = ("4月27日，县长刘伟走访慰问退役军人。刘伟先后走进青石镇柳湾村参战军人马春生、"
            "杨家村残疾军人郑大山，东岭街道军人王秀兰等家中。")
    assert _stops(text) == ["青石镇柳湾村", "杨家村"]
    text = ("4月13日，市人大常委会主任刘伟带领督查组赴青石区开展督查，区长王强陪同。"
            "督查组首先来到我区省级重大教育工程项目青石五中项目点开展督查。")
    assert _stops(text) == ["青石五中项目点"]


def test_a_site_named_after_what_it_is_to_the_area_and_parts_seen_inside_a_park() -> None:
    text = ("4月25日，市政协副主席刘伟带领视察团实地视察了我市重点项目青松中心医院、东岭镇柳湾村。"
            "在青石遗址公园内，委员们视察了遗址博物馆、考古挖掘现场。")
    assert _stops(text) == ["青松中心医院", "东岭镇柳湾村", "青石遗址公园"]


def test_a_quoted_programme_and_a_line_of_work_name_no_site() -> None:
    text = ("4月13日，县委书记刘伟到青石镇柳湾村调研“两镇六村”示范项目建设和产业发展情况。"
            "刘伟还到东岭镇调研农业农村工作，走进青禾西瓜种植基地。")
    assert _stops(text) == ["青石镇柳湾村", "青禾西瓜种植基地"]


def test_work_points_give_their_villages_and_unnamed_checkpoints_are_no_sites() -> None:
    text = ("4月13日，县委书记刘伟到青石镇调研。刘伟先后来到柳湾村、杨家村村容村貌整治、河道清淤等点位，"
            "实地察看整治成效。在调研过程中，刘伟强调要巩固成果。")
    assert _stops(text) == ["柳湾村", "杨家村"]
    text = "4月13日，县长刘伟带队检查青石镇的交通卡口和东岭镇集中隔离点，看望慰问一线工作人员。"
    assert "交通卡口" not in _stops(text) and "集中隔离点" not in _stops(text)


def test_sites_gone_straight_to_are_stops_and_a_towns_scene_of_a_spot_check_is_none() -> None:
    text = ("4月10日，副省长刘伟到青石市暗访调研。刘伟一行直奔东岭造纸厂有限公司、"
            "青禾纸业有限公司码头等现场，实地查看整治情况。在东岭镇暗访现场，刘伟强调要加快整改。")
    assert _stops(text) == ["东岭造纸厂有限公司", "青禾纸业有限公司码头"]


def test_a_communitys_own_rooms_a_schools_shop_and_schools_of_the_area_are_no_sites() -> None:
    text = ("4月10日，副县长刘伟先后来到青石中学、东岭实验小学，深入宿舍、食堂、校内超市检查。"
            "随后刘伟走进柳湾社区，察看了社区邻里中心、便民服务中心。")
    assert _stops(text) == ["青石中学", "东岭实验小学", "柳湾社区"]
    text = "4月10日，乡长刘伟带队到辖区中小学开展校园安全大检查。"
    assert _stops(text) == []


def test_a_river_patrolled_within_a_place_is_the_site() -> None:
    text = "3月25日上午，市林业局局长刘伟前往青石县东岭镇，对青石县境内柳湾河开展巡河。"
    assert _stops(text) == ["柳湾河"]


def test_towns_whose_unnamed_places_the_party_greets_are_stops() -> None:
    text = ("1月31日，区委书记刘伟看望慰问春节值班人员。在青石交警中队，刘伟与交警握手。"
            "刘伟还到柳湾街道和东岭街道，看望慰问了集中隔离观察点的工作人员。")
    assert _stops(text) == ["青石交警中队", "柳湾街道", "东岭街道"]


def test_a_command_or_service_platform_seen_is_no_site() -> None:
    text = ("4月24日，市委副书记刘伟来到柳湾社区党群服务中心，察看了党群服务指挥平台、青石便民超市等项目的"
            "运行情况。")
    assert _stops(text) == ["柳湾社区党群服务中心", "青石便民超市"]
