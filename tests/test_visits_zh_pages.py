"""Chinese extraction on the shapes real pages come in: page furniture on the article's own line,
stamps in traditional characters, a page date with its clock (fictional articles of each kind)."""

from __future__ import annotations

import pytest

from crawler.visits import extract_visits

BODY = "市长孙海峰到东阳县调研，先后来到金丰农业合作社、红星村。"
BODY_TRAD = "市長孫海峰到東陽縣調研，先後來到金豐農業合作社、紅星村。"


def test_furniture_after_the_report_on_its_one_line_leaves_the_reports_date() -> None:
    text = ("本网讯 5月6日，" + BODY + "孙海峰强调，要压实责任，确保安全。"
            " 作者：张萌 王立 编辑：李红 审核：赵明 |")
    [visit] = extract_visits(text, url="http://www.x.cn/2024-05/07/content_221.htm", lang="zh")
    assert visit.date == "2024-05-06"


@pytest.mark.parametrize("stamp", [
    "發布時間 | 2024/5/7 9:15:08",
    "發(fā)布時間 | 2024/5/7 9:15:08",
    "2024-05-07 17:08:40 来源：东阳视窗 浏览：730",
    # a stamp without its clock before the source, one with its clock before the upload note,
    # and one after the source on the source's line
    "2024-05-07 来源：",
    "2024-05-07 09:30 上傳",
    "来源：园区服务中心 2024-05-07 16:13 字体：【大 中 小】",
])
def test_the_pages_stamp_in_its_head_gives_the_year(stamp: str) -> None:
    text = f"市長孫海峰調研\n{stamp}\n5月6日，{BODY_TRAD}"
    [visit] = extract_visits(text, lang="zh")
    assert visit.date == "2024-05-06"


def test_a_headline_naming_the_lead_takes_the_date_of_the_tour_told_after_it() -> None:
    text = ("李红带队观摩重点项目建设\n\n2024-05-07 17:08:40 来源：东阳视窗\n\n"
            "5月6日下午，区委书记李红带队观摩重点项目建设。李红一行先后到华兴电子有限公司、青松物流园等项目现场。")
    [visit] = extract_visits(text, lang="zh")
    assert visit.date == "2024-05-06"


@pytest.mark.parametrize("text", [
    # business people come to look at the county; officials only join them
    "5月6日，华兴电子有限公司、青松物流有限公司等企业负责人来我县考察投资环境。县委常委、办公室主任刘伟，"
    "县政协副主席陈明参加活动。考察团先后到东阳古城、青石产业园等地实地查看。",
    "5月6日下午，美国客商王立、香港客商李清来就项目投资合作事宜进行考察，县政协主席陈明陪同活动。"
    "客商一行先后到华兴电子、青石景区等处参观。",
    # a meeting that studies a speech given at a meeting named for seeing sites
    "5月6日，县长刘伟主持召开县长办公会议。会议学习了市长在全市项目建设现场观摩推进会上的讲话精神，"
    "各副县长汇报了分管工作。刘伟强调，要抓好项目建设。",
    # going to a city for a meeting named after a joint survey (联合调研开题会)
    "5月6日，省政协副主席刘伟带队赴杭州，会同兄弟省市政协分管副主席，参加长三角政协联合调研开题会暨"
    "第一次工作会议。省政协经济委主任王强、办公室主任陈明随行。",
])
def test_guests_of_business_and_meetings_named_for_site_visits_are_no_visit(text: str) -> None:
    assert extract_visits(text, published="2024-05-07", lang="zh") == []


def test_a_team_named_by_its_office_coming_here_is_a_visit_without_officials() -> None:
    text = ("5月6日、7日，省委办公厅调研组来我县开展“进村入企”大走访活动。调研组一行听取了工作汇报，"
            "还实地走访了青石、柳溪两个乡镇的社区和企业。")
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert visit.officials == [] and visit.days() == ["2024-05-06", "2024-05-07"]


def test_an_e_paper_edition_line_and_a_talk_given_after_the_tour_leave_the_tours_date() -> None:
    text = ("刘伟检查安全生产工作并讲专题党课\n《 东阳日报 》( 2024年05月08日 第 01 版 )\n□记者 王立\n"
            "本报讯 5月6日下午，市委书记刘伟赴青石区、东湖化工基地检查安全生产工作，并作专题党课。"
            "在华丰船舶修造有限公司，刘伟深入企业生产一线，查看船台加工场地。")
    [visit] = extract_visits(text, url="http://epaper.x.cn/dyrb/2024-05/08/content_1.html", lang="zh")
    assert visit.date == "2024-05-06"


def test_guests_looking_around_before_a_signing_ceremony_make_no_visit() -> None:
    text = ("26日下午，招商项目推介会暨项目签约仪式在东湖国际大酒店举行。市领导刘伟、陈明出席签约仪式。"
            "市委书记刘伟致辞。会前，客商们来到市民体育中心，参观了名优农产品展览。")
    assert extract_visits(text, published="2024-05-27", lang="zh") == []


def test_a_headline_naming_the_lead_gives_way_to_the_reports_own_dated_sentence() -> None:
    text = ("第01版:一版\n\n刘伟在调研社区治理工作时强调\n\n以改革推进老旧小区改造\n\n"
            "本报讯(记者 王立)昨天下午,区委书记刘伟在调研社区治理工作时强调,要认真贯彻落实部署要求。\n\n"
            "刘伟一行先后来到青松社区中兴小区和东港社区华定公寓,详细了解情况。")
    [visit] = extract_visits(text, url="http://paper.x.cn/pc/content/202405/07/content_1.html", lang="zh")
    assert visit.date == "2024-05-06"


def test_a_page_stamp_with_its_view_count_gives_the_year() -> None:
    text = "2024/05/08 | 541\n5月6日，" + BODY
    [visit] = extract_visits(text, lang="zh")
    assert visit.date == "2024-05-06"


def test_a_non_visit_story_followed_by_teasers_of_other_stories_reports_no_visit() -> None:
    text = ("东阳县全面推进秸秆综合利用\n今年以来，东阳县把秸秆综合利用作为改善大气环境的重点工作，"
            "县乡村三级层层签订责任书，抽调机关干部深入田间地头开展宣传。\n张三\n新闻推荐\n"
            "本报讯 6月6日下午，市委书记孙海峰到东阳县红星村调研。红星村位于…\n"
            "东阳新闻，传播正能量。")
    assert extract_visits(text, published="2024-06-08", lang="zh") == []


def test_a_page_stamp_followed_by_its_view_count_dates_the_page() -> None:
    text = ("青石新闻 华兴园区建设观察\n2005-03-14 5127\n\n"
            "3月13日，市长刘伟在华兴科学园区检查建设进度，走进了园区孵化大楼。")
    [visit] = extract_visits(text, lang="zh")
    assert visit.date == "2005-03-13"


def test_a_url_folder_of_year_month_and_day_without_zeros_gives_the_year() -> None:
    text = "7月3日，市委书记刘伟来到青松产业园，走进华兴孵化园了解入驻企业情况。"
    [visit] = extract_visits(text, lang="zh", url="http://news.example.cn/zw/2018715/2018715081234.html")
    assert visit.date == "2018-07-03"
    [visit] = extract_visits(text, lang="zh", url="http://news.example.cn/Article_201871530927.html")
    assert visit.date == "2018-07-03"


def test_a_stamp_line_written_day_month_year_with_its_clock_dates_the_page() -> None:
    text = ("青松镇道路项目督导侧记\n\n21.09.2017  08:15\n\n"
            "  9月19日，刘伟局长带领执法大队到青松镇检查道路工程进度，察看了华兴路延伸段。")
    [visit] = extract_visits(text, lang="zh")
    assert visit.date == "2017-09-19"
