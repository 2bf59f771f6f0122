"""Chinese extraction on forms that generalise past one phrasing (fictional articles of each kind)."""

from __future__ import annotations

import pytest

from crawler.visits import extract_visits

BODY = "市长孙海峰到东阳县调研，先后来到金丰农业合作社、红星村。"


def _names(people: list) -> list[str]:
    return [p.name for p in people]


@pytest.mark.parametrize(("text", "url", "expected"), [
    # An American-style stamp after 时间.
    ("编辑：张萌 时间：10/11/2024 4:11:13 PM 浏览：152\n10月11日上午，" + BODY, "http://x.cn/show-4.html",
     "2024-10-11"),
])
def test_the_pages_own_date_anywhere_on_a_furniture_line_gives_the_year(
        text: str, url: str | None, expected: str) -> None:
    [visit] = extract_visits(text, url=url, lang="zh")
    assert visit.date == expected


@pytest.mark.parametrize("who", [
    "市政府党组成员刘伟",  # a title ending in 成员
    "市防汛抗旱指挥部指挥长刘伟",  # in 指挥长
    "区委副书记、区长（代）刘伟",  # an acting title marked in brackets
    "县委书记 刘伟",  # a space between title and name
])
def test_titles_of_more_shapes_name_the_lead(who: str) -> None:
    [visit] = extract_visits(f"5月6日，{who}到东阳县调研，先后来到金丰农业合作社、红星村。",
                             published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["刘伟"]


def test_a_title_after_and_begins_after_it_and_a_title_in_a_chain_is_no_name() -> None:
    text = "5月6日，副县长刘伟和县政协副主席陈明到东阳县调研，先后来到金丰农业合作社、红星村。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert [(o.name, o.title) for o in visit.officials] == [("刘伟", "副县长"), ("陈明", "县政协副主席")]
    text = ("5月6日，中共中央总书记、国家主席、中央军委主席习近平来到东阳县，"
            "先后考察了青松村、华兴电子有限公司。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["习近平"]


@pytest.mark.parametrize("text", [
    "5月6日，市长到东阳县调研，察看了金丰农业合作社、红星村。",
    "5月6日上午，市领导深入东阳县青松村、华兴电子有限公司检查安全生产工作。",
])
def test_a_visit_by_an_official_named_only_by_title_is_a_visit_without_officials(text: str) -> None:
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.officials == [] and visit.date == "2024-05-06" and visit.stops


@pytest.mark.parametrize("text", [
    "5月6日，市长到会讲话，要求各地深入企业调研。",
    "5月6日，全市安全生产会议召开。会议要求，县长到一线检查，确保责任落实。",
])
def test_an_unnamed_title_without_a_visit_of_its_own_is_no_visit(text: str) -> None:
    assert extract_visits(text, published="2024-05-07", lang="zh") == []



def test_a_province_named_with_its_prefecture_is_a_region_with_it() -> None:
    text = "5月6日，省委书记李红军赴四川省阿坝州考察，先后来到汶川县、茂县。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == ["四川省", "阿坝州", "汶川县", "茂县"]


def test_the_site_of_while_inspecting_is_a_stop() -> None:
    text = "5月6日，市委书记周明远到东阳县调研。周明远在调研东阳县中医院时指出，要提升医疗服务水平。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.stops) == ["东阳县中医院"]


def test_guests_coming_to_inspect_and_an_official_meeting_them_is_no_visit() -> None:
    text = ("5月6日，华为技术有限公司副总裁刘强一行来我市考察，市长孙海峰会见了刘强一行。"
            "双方就深化合作进行了交流。")
    assert extract_visits(text, published="2024-05-07", lang="zh") == []


def test_the_object_of_carrying_out_an_inspection_is_the_site() -> None:
    text = "5月6日，市市场监管局局长刘伟带队对城区华丰农贸市场开展食品安全检查。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["刘伟"] and _names(visit.stops) == ["城区华丰农贸市场"]


@pytest.mark.parametrize(("text", "date"), [
    ("5月6日，省委书记李红军在东阳县主持召开座谈会，听取工作汇报。随后，李红军先后来到青松村、"
     "华兴电子有限公司调研。", "2024-05-06"),
    ("5月6日，省长杜建平出席2024数字经济大会开幕式。当天下午，杜建平到东阳县调研，来到华兴电子有限公司。",
     "2024-05-06"),
    ("5月6日，市长孙海峰主持召开防汛工作调度会，随后深入东阳县清河水库、北山泵站检查防汛工作。",
     "2024-05-06"),
    ("5月6日，市第十五次党代会开幕。市委书记周明远作报告。\n5月7日，周明远到东阳县调研，来到华兴电子有限公司。",
     "2024-05-07"),
])
def test_a_working_session_reported_before_the_tour_leaves_it_a_visit_dated_by_the_tour(
        text: str, date: str) -> None:
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert visit.officials and visit.stops and visit.days() == [date]


def test_a_meeting_that_only_asks_for_visits_stays_no_visit() -> None:
    text = ("5月6日，市委书记周明远主持召开市委常委会会议。周明远强调，各级干部随后要深入基层调研。"
            "会议要求，他们到一线检查。")
    assert extract_visits(text, published="2024-05-07", lang="zh") == []


def test_a_chronicle_of_a_year_dates_its_entries_in_that_year() -> None:
    text = ("2015年东阳大事记\n时间：2023-03-01\n5月\n6日，市委书记周明远到东阳县调研，"
            "先后来到金丰农业合作社、红星村。")
    [visit] = extract_visits(text, url="http://x.cn/html/2023-03-01/1.html", lang="zh")
    assert visit.date == "2015-05-06"


def test_hard_wrapped_lines_are_read_as_one_text() -> None:
    paragraph = ("6日上午，省委副书记、省委学习实践活动领导小组常务副组长刘伟在省委副秘书长、省信访局局长"
                 "于晓明等人的陪同下，到联系点东阳县青松村检查指导工作。市委副书记、市长张振川，"
                 "市委常委、组织部长董书华陪同。东阳县正在推进乡村振兴示范带建设。")
    text = "\n".join(paragraph[i:i + 27] for i in range(0, len(paragraph), 27))  # a break inside 张振川
    assert "张振\n川" in text
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["刘伟"]
    assert _names(visit.accompanying) == ["于晓明", "张振川", "董书华"]


def test_a_chronicles_entries_are_read_one_by_one() -> None:
    text = ("2015年东阳大事记\n5月\n3日\n东阳机场新航线正式通航。副市长王芳，市委常委、秘书长李强出席仪式。\n"
            "△全市文化产业座谈会召开，副市长陈颖参加。\n"
            "6日\n省委副书记刘伟到东阳县检查指导工作，来到青松村。市长张振川陪同。\n"
            "9日\n市政府召开常务会议。市长张振川主持。")
    [visit] = extract_visits(text, lang="zh")
    assert _names(visit.officials) == ["刘伟"] and _names(visit.accompanying) == ["张振川"]
    assert visit.date == "2015-05-06"


def test_our_prefecture_and_our_county_are_the_one_the_article_names() -> None:
    text = ("5月6日，省委常委、统战部部长刘伟来我州调研，先后深入建始县、巴东县的乡村社区。"
            "刘伟说，近年来，恩施州各项工作成绩突出。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert sorted(visit.regions) == sorted(["建始县", "巴东县", "恩施州"])
    text = ("10月11日，新乡市副市长孙海涛带着调研组来我县调研考察，先后来到华兴食品有限公司、青松村。"
            "调研组表示，将认真学习借鉴延津县在农产品加工方面的好经验。")
    [visit] = extract_visits(text, published="2024-10-12", lang="zh")
    assert visit.regions == ["延津县"]  # not 新乡市, named only in the official's title


def test_a_zone_addressing_a_village_visited_is_a_region() -> None:
    text = "5月6日，副省长刘伟先后来到东阳县华兴电子有限公司、东阳开发区青松村，察看乡村振兴工作。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert "东阳开发区" in visit.regions


def test_a_city_short_name_ending_like_a_suffix_is_no_place_gone_to() -> None:
    text = ("5月6日，市委书记周明远到丹阳县眼镜市场调研。该市场年交易额近60亿元，吸引了温州等地许多商人"
            "在此经商兴业。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert "温州" not in visit.regions


def test_a_lead_that_says_recently_is_dated_by_the_later_sentence_that_tells_the_tour() -> None:
    text = ("新华社东阳5月8日电 省委书记李红军近日在东阳考察时强调，要推动高质量发展。\n"
            "5月6日至7日，李红军在市委书记周明远陪同下，先后来到东阳县、西山县调研。\n"
            "6日下午，李红军来到东阳县青松种子实验室，了解种业创新情况。")
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert visit.days() == ["2024-05-06", "2024-05-07"]
    assert "青松种子实验室" in _names(visit.stops)[0]


@pytest.mark.parametrize(("who", "name"), [
    ("州长洛桑江村", "洛桑江村"),  # no Han surname
    ("自治区主席艾尔肯·吐尼亚孜", "艾尔肯·吐尼亚孜"),  # a name in two parts
    ("县长买买提江·吐尔逊", "买买提江·吐尔逊"),
    ("市委书记焉荣竹", "焉荣竹"),  # a surname the list lacks
])
def test_names_without_a_listed_surname(who: str, name: str) -> None:
    [visit] = extract_visits(f"5月6日，{who}到东阳县调研，先后来到金丰农业合作社、红星村。",
                             published="2024-05-07", lang="zh")
    assert _names(visit.officials) == [name]


def test_words_after_a_title_are_no_names() -> None:
    text = ("5月6日，市委书记周明远到东阳县调研，先后来到金丰农业合作社、红星村，察看“县长接待日”落实情况，"
            "要求压实镇村两级干部责任，以河长身份巡河。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["周明远"]


@pytest.mark.parametrize(("when", "published", "days"), [
    ("5月6日上午至7日下午", "2024-05-08", ["2024-05-06", "2024-05-07"]),
    ("5月6日和7日", "2024-05-08", ["2024-05-06", "2024-05-07"]),
    ("二〇二四年五月六日", None, ["2024-05-06"]),
])
def test_more_date_forms(when: str, published: str | None, days: list[str]) -> None:
    [visit] = extract_visits(f"{when}，{BODY}", published=published, lang="zh")
    assert visit.days() == days


@pytest.mark.parametrize("after", [
    "陪同调研的有：市领导刘伟、陈明。",
    "参加调研的还有市委常委、秘书长刘伟，副市长陈明。",
    "刘伟、陈明等市领导陪同调研。",
    "陪同人员：副市长刘伟、市政府秘书长陈明。",
])
def test_companions_announced_before_their_names_or_named_before_leaders(after: str) -> None:
    text = "5月6日，市委书记周明远到东阳县调研，先后来到金丰农业合作社、红星村。" + after
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["周明远"] and _names(visit.accompanying) == ["刘伟", "陈明"]


def test_a_list_after_at_runs_on_over_town_segments_to_the_visiting_party() -> None:
    text = ("5月6日，区委书记向东到东阳县调研。在青石镇红星村人居环境示范点，白河镇南坪村红色美丽村庄、"
            "南坪图书馆，向东实地察看农村人居环境整治情况。随后，向东来到红星村卫生室。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.stops) == ["青石镇红星村人居环境示范点", "白河镇南坪村红色美丽村庄", "南坪图书馆",
                                   "红星村卫生室"]


def test_a_town_gone_to_with_no_named_site_in_it_is_a_stop_when_sites_name_their_towns() -> None:
    text = ("5月6日，市委书记周明远先后深入青石镇、白河镇、柳林乡等乡镇调研，每到一个乡镇，都详细察看。"
            "他来到白河镇南坪村、柳林乡北沟村，察看乡村振兴工作。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.stops) == ["青石镇", "白河镇南坪村", "柳林乡北沟村"]
    text = "5月6日，市委书记周明远到青石镇调研，来到红星村、华兴电子有限公司。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.stops) == ["红星村", "华兴电子有限公司"]


@pytest.mark.parametrize("what", [
    "到东阳县指导防汛工作", "赴青松村现场办公", "到东阳县踏勘项目选址", "到城北工业园区督办重点项目"])
def test_going_to_a_named_place_to_work_there_is_a_visit(what: str) -> None:
    [visit] = extract_visits(f"5月6日，市委书记周明远{what}。", published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["周明远"]


def test_a_party_lecture_is_no_visit() -> None:
    text = "5月6日，市委书记周明远到东阳县青松村讲授专题党课，与村党员干部交流。"
    assert extract_visits(text, published="2024-05-07", lang="zh") == []


@pytest.mark.parametrize(("when", "day"), [("周六上午", "2024-05-04"), ("上周三", "2024-05-01"),
                                           ("星期二", "2024-05-07")])
def test_a_weekday_is_the_latest_such_day_up_to_the_articles_date(when: str, day: str) -> None:
    [visit] = extract_visits(f"{when}，{BODY}", published="2024-05-07", lang="zh")  # a Tuesday
    assert visit.date == day


def test_a_town_listed_among_sites_and_an_old_town_are_stops() -> None:
    text = ("5月6日，省委常委刘伟一行先后来到东阳循环经济产业园区、青石乡，东阳县高级中学、县公安局，"
            "西山县法院，察看相关工作。随后来到白河古镇、华兴电子有限公司。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.stops) == ["东阳循环经济产业园区", "青石乡", "东阳县高级中学", "公安局", "西山县法院",
                                   "白河古镇", "华兴电子有限公司"]


def test_the_place_an_official_honours_with_a_visit_is_a_region() -> None:
    text = "5月6日，省委书记李红军莅临东阳指导工作，先后来到华兴电子有限公司、红星村。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.regions == ["东阳"]


def test_officials_of_a_body_of_the_state_gone_to_are_hosts() -> None:
    text = ("5月6日，省政协经科委主任赵文博带队，来市政协围绕协商议事平台建设开展调研。"
            "市政协副主席李红陪同调研。省政协委员张立参加调研。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["赵文博"] and _names(visit.accompanying) == ["张立"]


def test_a_column_named_today_is_no_date() -> None:
    text = "首页 > 今日东阳 > 正文\n市长孙海峰到东阳县调研，先后来到金丰农业合作社、红星村。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.date is None
    [visit] = extract_visits("今天上午，" + BODY, published="2024-05-07", lang="zh")
    assert visit.date == "2024-05-07"


def test_a_range_over_the_new_year() -> None:
    [visit] = extract_visits("2023年12月30日至2024年1月2日，" + BODY, lang="zh")
    assert visit.days() == ["2023-12-30", "2023-12-31", "2024-01-01", "2024-01-02"]


@pytest.mark.parametrize("what", [
    "检查安全生产工作，要求严厉查处违法违规行为", "开展食品安全督查，对发现的问题进行通报"])
def test_wrongs_an_inspection_looks_for_do_not_make_a_discipline_case(what: str) -> None:
    text = f"5月6日，副市长刘伟到东阳县{what}，先后来到华丰农贸市场、青松超市。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["刘伟"]
