"""Chinese forms met on real articles no rule was written against (fictional articles of each kind)."""

from __future__ import annotations

from crawler.visits import extract_visits


def _visit(text: str, **kwargs: str):  # type: ignore[no-untyped-def]
    [visit] = extract_visits(text, lang="zh", **kwargs)
    return visit


def test_a_column_number_in_the_url_that_looks_like_an_old_year_gives_no_year() -> None:
    text = "9月28日，县委书记刘伟带队先后来到青松幼儿园、华兴液化气站开展节前安全检查。"
    assert _visit(text, url="http://www.x.gov.cn/info/1941/1210982.htm").date is None
    assert _visit(text, url="http://www.x.gov.cn/news/2016/1210982.htm").date == "2016-09-28"


def test_a_county_before_the_visitors_own_group_is_where_they_come_from() -> None:
    text = ("8月2日，湖南省花垣县人大常委会主任刘伟一行来秀调研考察。县人大常委会主任王强全程陪同。"
            "刘伟一行先后前往了秀山华兴电子有限公司、秀山电商产业园。"
            "王强对花垣县考察组来秀表示欢迎。")
    assert _visit(text).regions == ["秀山"]
    text = ("近日，湖北省通城县县委书记刘伟率通城县党政代表团来我县考察。"
            "代表团一行先后到华兴服装、东鹏产业园等地考察。澧县县领导王强陪同。")
    assert "通城县" not in _visit(text).regions


def test_a_region_right_after_a_verb_of_going_is_gone_to_whatever_follows_it() -> None:
    text = ("6月20日，盟人大工委副主任刘伟带队赴吉林省长春市双阳区围绕发挥代表作用开展考察学习，"
            "实地考察了青松镇代表之家和华兴村。")
    assert _visit(text).regions == ["吉林省", "长春市", "双阳区"]


def test_officials_made_heads_of_the_visiting_groups_lead_the_visit() -> None:
    text = ("12月3日，市政协组织部分委员集中视察民生实事，以市政协主席刘伟为团长，分两路进行。"
            "以副主席王强为第一分团团长的视察团先后视察了青松医院、华兴村；"
            "以副主席赵敏、孙涛为第二分团团长的视察团视察了东山中学。")
    assert [o.name for o in _visit(text).officials] == ["刘伟", "王强", "赵敏", "孙涛"]


def test_each_group_of_a_split_party_sees_its_own_sites_after_a_semicolon() -> None:
    text = ("11月25日，市政协组织委员开展集中视察。第一视察组实地视察了青松中心医院、华兴村；"
            "第二视察组实地视察了海丰县东山医院、华兴首饰产业园；第三视察组实地视察了陆丰市青松中学新校区、"
            "妇幼保健院新院址。市政协主席刘伟参加视察。")
    assert [s.name for s in _visit(text).stops] == [
        "青松中心医院", "华兴村", "海丰县东山医院", "华兴首饰产业园",
        "陆丰市青松中学新校区", "妇幼保健院新院址"]


def test_what_was_found_during_the_inspection_names_no_site() -> None:
    text = ("5月6日，区委常委刘伟先后深入到青松街道、华兴村暗访检查。在检查中发现，各乡镇、街道、区城管局、"
            "区交警队等单位都能按部署开展整治。")
    assert [s.name for s in _visit(text).stops] == ["青松街道", "华兴村"]


def test_kinds_of_shops_squares_and_trades_name_no_site() -> None:
    text = "2月3日，市城管局局长刘伟带队到餐饮店、公园广场等检查节前安全工作。"
    assert _visit(text).stops == []
    text = ("5月9日，区党工委副书记刘伟一行先后到青松路、华兴路等道路及道路两旁的三小行业、四小行业和"
            "东山新苑小区等重点区域进行实地查看。")
    assert [s.name for s in _visit(text).stops] == ["青松路", "华兴路", "东山新苑小区"]


def test_touring_exam_sites_is_a_visit() -> None:
    text = "6月15日上午，市教育局副局长刘伟在副县长王强等陪同下到青松小学考点巡视中考工作。"
    visit = _visit(text)
    assert [o.name for o in visit.officials] == ["刘伟"]
    assert [o.name for o in visit.accompanying] == ["王强"]
    assert [s.name for s in visit.stops] == ["青松小学"]
    text = ("6月7日，市委书记刘伟、市长赵敏在电话中要求确保考试万无一失。副市长孙涛带队对部分考点进行了巡视。"
            "孙涛一行先后来到青松一中、华兴中学等考点。市教育局局长王强参加活动。")
    visit = _visit(text)
    assert [o.name for o in visit.officials] == ["孙涛"]


def test_sites_gone_to_one_after_another_after_at_or_before_a_tour_of_them_are_stops() -> None:
    text = ("4月4日，县委常委刘伟到青石镇督导森林防灭火工作。刘伟一行首先现场查看了青石镇华兴村林场公墓，"
            "随后对三溪村、东山村等重点地区进行巡视。")
    assert [s.name for s in _visit(text).stops] == [
        "青石镇华兴村林场公墓", "三溪村", "东山村"]
    text = ("1月11日，省林业局总工程师刘伟带队到青石镇督查森林防火工作。"
            "督导组先后在青石镇林业站、华兴村等地，对镇级物资储备进行实地检查。")
    assert [s.name for s in _visit(text).stops] == ["青石镇林业站", "华兴村"]


def test_the_year_comes_from_the_one_year_the_text_names_or_from_more_page_and_url_forms() -> None:
    text = "2020年普通高考在即，7月6日，市长刘伟带领市巡查组先后来到青松中学、华兴中学等考点检查。"
    assert _visit(text).date == "2020-07-06"
    text = ("截至2014年底，全县共有考生一万人。7月6日，市长刘伟带领市巡查组先后来到青松中学、"
            "华兴中学等考点检查。到2025年建成新校区。")
    assert _visit(text).date is None
    text = "12月3日，县长刘伟带队先后来到青松林场、华兴村督查森林防火工作。"
    assert _visit(text, url="http://e.x.cn/qzxw/2019-1218/news-1-3.html").date == "2019-12-03"
    text = ("走访慰问春运一线职工\n\n2025-01-25 00:00   青松新闻\n\n"
            "1月24日上午，市总工会常务副主席刘伟一行先后到青松东站、华兴机场慰问春运一线职工。")
    assert _visit(text).date == "2025-01-24"


def test_officials_who_report_to_the_visitors_take_part() -> None:
    text = ("6月6日下午，市长刘伟检查了青松中学高考考点。"
            "刘伟一行听取了市考试院院长王强关于全市高考准备工作的汇报。"
            "市政府办公室主任赵敏同志通报了全市考务工作情况。市教育局局长孙涛对考务工作作了说明。")
    visit = _visit(text)
    assert [o.name for o in visit.officials] == ["刘伟"]
    assert [o.name for o in visit.accompanying] == ["王强", "赵敏", "孙涛"]


def test_a_city_right_after_to_is_gone_to_whatever_work_follows() -> None:
    text = "3月8日，副省长刘伟到绵阳市督导重大项目建设，实地察看了华兴新材料项目。"
    assert _visit(text).regions == ["绵阳市"]
    text = "3月8日，副省长刘伟实地察看了华兴新材料项目，项目得到绵阳市支持。"
    assert _visit(text).regions == []


def test_a_delegation_comes_to_a_zone_and_its_sites() -> None:
    text = ("10月17日下午，县委常委刘伟带领代表团来园区青松化工产业集中区、华兴、"
            "东山纺纱厂房项目现场考察调研。")
    visit = _visit(text)
    assert visit.regions == ["青松化工产业集中区"]
    assert [s.name for s in visit.stops] == ["华兴", "东山纺纱厂房项目"]


def test_sites_counted_rooms_seen_and_works_in_general_name_no_site() -> None:
    text = ("6月7日上午，市长刘伟对市教育局考务指挥中心和青松区3个高考考点进行了巡视。"
            "之后巡视组来到青松第一中学考点，察看了保密室、视频监控室等。")
    assert [s.name for s in _visit(text).stops] == ["教育局考务指挥中心", "青松第一中学"]
    text = "3月14日，市委书记刘伟实地调研重点项目和重点工程。刘伟先后来到青松生态修复工程、华兴产业园。"
    assert [s.name for s in _visit(text).stops] == ["青松生态修复工程", "华兴产业园"]



def test_a_team_named_only_by_its_body_that_comes_to_inspect_makes_a_visit() -> None:
    text = ("8月5日，市政府第三督导组前来雁塔区，督导防汛工作。区水务局有关负责同志陪同。"
            "督导组先后前往华兴国际广场、东山超市检查企业的安全管理情况。")
    visit = _visit(text)
    assert visit.officials == []
    assert visit.regions == ["雁塔区"]
    assert [s.name for s in visit.stops] == ["华兴国际广场", "东山超市"]


def test_a_local_official_who_speaks_or_is_heard_takes_part_and_leads_nothing() -> None:
    text = ("5月6日，市农委主任刘伟一行来青浦区调研，先后来到华兴农场、东山村。"
            "区长王强表示，将结合实际推进乡村振兴。")
    assert [o.name for o in _visit(text).accompanying] == ["王强"]
    text = ("7月28日，副书记刘伟率考察团到丹寨县考察，参观了华兴食品厂，"
            "并听取青松工业区管委会副主任王强就项目落户作情况汇报。")
    visit = _visit(text)
    assert [o.name for o in visit.officials] == ["刘伟"]
    assert [o.name for o in visit.accompanying] == ["王强"]


def test_officials_listed_with_titles_who_each_go_somewhere_all_lead() -> None:
    text = ("3月1日，县委常委、纪委书记刘伟，县委常委、政法委书记王强，县委常委、副县长赵敏分别深入东山、"
            "西河等乡镇走访困难老党员。在老党员家中，刘伟、王强、赵敏等领导送上了慰问品。")
    assert [o.name for o in _visit(text).officials] == ["刘伟", "王强", "赵敏"]


def test_a_long_numeric_id_after_a_word_in_the_file_name_gives_the_year() -> None:
    text = "1月9日下午，县长刘伟深入青松镇华兴村、东湖村，慰问困难群众。"
    assert _visit(text, url="http://x.com/html/news2009011509301122.html").date == "2009-01-09"
    assert _visit(text, url="http://x.com/html/page20.html").date is None
