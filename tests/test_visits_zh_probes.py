"""Chinese extraction on fictional articles written in the registers of municipal portals, one
test per class of error about people, kinds and dates (names split by typesetting, a tour after a
meeting, dates of other events); places are in test_visits_zh_probe_places.py."""

from __future__ import annotations

import pytest

from crawler.visits import extract_visits


def _names(people: list) -> list[str]:
    return [p.name for p in people]


@pytest.mark.parametrize(("text", "lead"), [
    ("5月6日，市委常委、宣传部部长 刘 洋到市图书馆调研。", "刘洋"),
    ("5月6日，省委副书记、省长王　强到长沙县调研，先后来到星沙产业园、黄花村。", "王强"),
])
def test_a_two_character_name_padded_with_spaces_is_one_name(text: str, lead: str) -> None:
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == [lead]


def test_names_padded_in_a_list_of_companions() -> None:
    text = "5月6日，市委书记陈刚到东湖村调研。市领导王  强、李  明、赵晓东陪同。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.accompanying) == ["王强", "李明", "赵晓东"]


@pytest.mark.parametrize("text", [
    "5月6日，县委书记陈刚主持召开县委常委会会议。会后，陈刚带队到东湖村、西湖村调研人居环境整治工作。",
    "5月6日，县委书记陈刚主持召开防汛工作会议。会议结束后，陈刚率队来到东湖村、西湖村检查防汛工作。",
])
def test_a_tour_led_after_a_working_session_is_a_visit(text: str) -> None:
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["陈刚"]
    assert [s.name for s in visit.stops] == ["东湖村", "西湖村"]


@pytest.mark.parametrize("text", [
    "县委书记陈刚到东湖村调研。据悉，东湖村将于6月1日举办龙虾节。",
    "五一假期前夕，县委书记陈刚到东湖景区检查节日安全工作。5月1日至5日，景区预计接待游客10万人次。",
])
def test_a_date_of_another_event_after_the_visit_is_not_its_date(text: str) -> None:
    [visit] = extract_visits(text, published="2024-04-28", lang="zh")
    assert visit.date is None


def test_a_later_sentence_of_going_still_dates_the_visit() -> None:
    text = "县委书记陈刚到东湖镇调研乡村振兴工作。4月27日上午，陈刚先后来到东湖村、西湖村。"
    [visit] = extract_visits(text, published="2024-04-28", lang="zh")
    assert visit.date == "2024-04-27"


def test_a_visit_told_as_years_back_is_a_memory() -> None:
    text = ("讲述人：东湖村党支部书记王红\n在新闻上看到总书记再次来到东阳，我很激动。"
            "8年前，习近平总书记来到东湖村考察，察看了村里的农家乐。如今，村里的日子越过越好。")
    assert extract_visits(text, published="2025-03-21", lang="zh") == []


def test_visits_counted_over_a_span_are_a_summary() -> None:
    text = "党的十八大以来，习近平总书记三次来到东阳考察。如今，东湖村的日子越过越好。"
    assert extract_visits(text, published="2025-03-21", lang="zh") == []


@pytest.mark.parametrize(("who", "lead"), [
    ("省政协副主席、民盟省委主委陈晓光", "陈晓光"),  # a title ending in 主委
    ("副市长（挂职）刘文斌", "刘文斌"),  # a bracketed note between title and name
    ("市委书记陈刚（左二）", "陈刚"),  # a caption's position after the name
])
def test_more_title_and_caption_shapes_name_the_lead(who: str, lead: str) -> None:
    text = f"5月6日，{who}在东湖区华宇电子有限公司察看生产线。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == [lead]


def test_officials_going_together_with_nobody_else_leading_lead() -> None:
    text = "5月6日，市委书记陈刚，市委副书记、市长王芳一同到武侯区调研，先后来到东湖村、华宇电子有限公司。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["陈刚", "王芳"] and visit.accompanying == []
    text = "5月6日，市长陈刚到武侯区调研，先后来到东湖村、华宇电子有限公司。副市长王芳一同调研。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["陈刚"] and _names(visit.accompanying) == ["王芳"]


@pytest.mark.parametrize(("who", "lead"), [
    ("全国人大常委会副委员长李华", "李华"),  # 委员长 is one title, its 长 no surname
    ("区委书记、区长候选人刘军", "刘军"),  # a candidate for a post
    ("区委副书记、代区长提名人选王芳", "王芳"),
])
def test_titles_of_office_holders_to_be_and_of_the_npc(who: str, lead: str) -> None:
    text = f"5月6日，{who}到武侯区调研，先后来到东湖村、华宇电子有限公司。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == [lead]


def test_a_caption_in_brackets_on_the_reports_line_leaves_the_reports_date() -> None:
    text = ("2024-05-09 17:30:21\n【温江发布】5月9日下午，市委书记陈刚到温江区调研，"
            "先后来到华宇电子有限公司、东湖村。（图为陈刚在华宇电子察看。摄于5月9日）")
    [visit] = extract_visits(text, published="2024-05-10", lang="zh")
    assert visit.date == "2024-05-09"


def test_this_weeks_weekday_dates_the_visit() -> None:
    text = "本周一，市委书记陈刚到温江区调研，来到东湖村。"
    [visit] = extract_visits(text, published="2024-05-10", lang="zh")
    assert visit.date == "2024-05-06"


def test_two_leads_on_two_days_in_one_paragraph_are_two_visits() -> None:
    text = "5月8日，市委书记陈刚到温江区调研，来到东湖村。9日，市长张伟到郫都区调研，来到西湖村。"
    first, second = extract_visits(text, published="2024-05-10", lang="zh")
    assert (_names(first.officials), first.days(), first.regions) == (["陈刚"], ["2024-05-08"], ["温江区"])
    assert (_names(second.officials), second.days(), second.regions) == (["张伟"], ["2024-05-09"], ["郫都区"])


def test_headlines_of_other_stories_above_the_report_do_not_decide_its_kind() -> None:
    text = ("首页 > 要闻 > 正文\n热点新闻\n市长张伟会见华宇集团客商\n县委书记陈刚主持召开常委会\n"
            "5月6日，市委书记王芳到温江区调研，先后来到华宇电子有限公司、东湖村。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["王芳"]


def test_names_listed_before_deng_and_a_verb_of_coming_along_accompany() -> None:
    text = "5月6日，市委书记王芳到温江区调研，先后来到华宇电子有限公司、东湖村。李华、赵强等陪同。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.accompanying) == ["李华", "赵强"]


def test_a_later_day_of_a_meeting_or_instructions_does_not_run_the_tour_on() -> None:
    text = ("5月6日，市委书记王芳到温江区调研，先后来到华宇电子有限公司、东湖村。7日，温江区召开专题会议，"
            "要求各镇街深入企业开展走访。")
    [visit] = extract_visits(text, published="2024-05-10", lang="zh")
    assert visit.days() == ["2024-05-06"]


def test_a_later_range_of_the_same_tour_gives_every_day() -> None:
    text = ("5月6日，市委书记王芳到温江区调研。5月7日至8日，她又到郫都区调研，"
            "先后来到东湖村、华宇电子有限公司。")
    [visit] = extract_visits(text, published="2024-05-10", lang="zh")
    assert visit.days() == ["2024-05-06", "2024-05-07", "2024-05-08"]


@pytest.mark.parametrize("text", [
    "5月6日，市委书记王芳到温江区宣讲党的二十大精神，并到东湖村看望慰问老党员。",
    "5月6日，市长王芳以“四不两直”方式暗访督导防汛工作。",
])
def test_going_out_after_a_lecture_and_unannounced_checks_are_visits(text: str) -> None:
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["王芳"]


def test_a_three_character_name_before_a_quotation_stays_whole() -> None:
    text = "5月6日，市长王晓红“四不两直”暗访温江区餐饮场所燃气安全。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["王晓红"]


@pytest.mark.parametrize("who", [
    "市委书(shū jì)记王海",  # pinyin of two syllables in one bracket
    "市委书记(shu1ji4)王海",  # pinyin with tone numbers
    "市委书记王\u200b海",  # a character of no width inside the name
    "市委书记\n王海",  # a line break between title and name
])
def test_scrape_noise_inside_titles_and_names(who: str) -> None:
    text = f"5月6日，{who}到温江区调研，先后来到东湖村、华宇电子有限公司。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["王海"]


@pytest.mark.parametrize("text", [
    # 应急局 is no instruction (应)
    "9月28日，市委书记王海带领副市长李华，市应急局负责同志，深入温江区东湖商场、华宇加油站检查节前安全生产工作。",
    # a festival drawing near is nothing planned (将至, 即将到来)
    "中秋、国庆“双节”将至，9月28日上午，市委书记王海到温江区检查节日市场供应和安全生产工作。",
    "国庆节即将到来之际，9月28日，市委书记王海到温江区走访慰问困难群众。",
])
def test_words_that_only_look_like_instructions_or_plans(text: str) -> None:
    [visit] = extract_visits(text, published="2024-09-30", lang="zh")
    assert _names(visit.officials) == ["王海"] and visit.regions == ["温江区"]


def test_names_listed_before_the_word_for_leaders_lead_or_accompany_by_what_follows() -> None:
    text = "5月6日，王海、张伟、李华等市领导到温江区调研，先后来到东湖村、华宇电子有限公司。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["王海", "张伟", "李华"]
    text = "5月6日，省委书记陈刚来到温江区调研。市委书记张伟和市长李华全程陪同。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.accompanying) == ["张伟", "李华"]


def test_a_later_meeting_on_the_visit_does_not_date_it() -> None:
    text = "近日，市委书记王海到温江区调研。5月9日，温江区召开专题会议，传达学习王海调研讲话精神。"
    [visit] = extract_visits(text, published="2024-05-10", lang="zh")
    assert visit.date is None


def test_the_party_named_before_a_further_day_runs_the_tour_on() -> None:
    text = "5月8日，市委书记王海到温江区调研。调研组一行5月9日又到郫都区西湖村。"
    [visit] = extract_visits(text, published="2024-05-10", lang="zh")
    assert visit.days() == ["2024-05-08", "2024-05-09"]


@pytest.mark.parametrize("text", [
    "5月6日，县长王海接受省电视台专访，谈及上周到东湖村调研的感受。",
    "5月6日，市长王海向来我市考察的华宇集团客商介绍了投资环境。",
])
def test_an_interview_and_guests_come_to_look_round_are_no_visits(text: str) -> None:
    assert extract_visits(text, published="2024-05-07", lang="zh") == []


def test_an_official_in_a_headline_of_another_story_is_no_companion() -> None:
    text = ("首页 > 要闻\n市长张伟会见华宇集团客商\n县委书记陈刚主持召开常委会\n"
            "5月5日上午，市委书记王海到温江区调研，先后来到华宇电子有限公司、东湖村。副市长李华陪同调研。")
    [visit] = extract_visits(text, published="2024-05-06", lang="zh")
    assert _names(visit.accompanying) == ["李华"]


@pytest.mark.parametrize("host", ["村党支部书记李华", "市第一人民医院党委书记李华"])
def test_heads_of_the_village_or_hospital_visited_are_hosts(host: str) -> None:
    text = f"5月6日，市委书记王海到东湖村、市第一人民医院调研，{host}，副市长张伟陪同。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.accompanying) == ["张伟"]


def test_an_official_named_before_the_title_escorts() -> None:
    text = "5月6日，王海副省长一行在张伟市长的陪同下到温江区调研，先后来到东湖村、华宇电子有限公司。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["王海"] and _names(visit.accompanying) == ["张伟"]


@pytest.mark.parametrize("text", [
    "5月6日，市委主要领导到温江区调研，先后来到华宇电子有限公司、东湖村。",
    "5月6日，市四大班子领导带队观摩全市重点项目，先后来到华宇电子有限公司、东湖村。",
    "5月6日，省人大常委会执法检查组到温江区开展执法检查，先后来到华宇电子有限公司、东湖村。",
])
def test_leaders_or_a_team_named_without_names_on_a_visit(text: str) -> None:
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert visit.officials == [] and [s.name for s in visit.stops] == ["华宇电子有限公司", "东湖村"]


def test_a_date_in_brackets_after_recently_and_a_night_check() -> None:
    [visit] = extract_visits("日前（5月6日），市委书记王海到温江区夜查安全生产，来到东湖商场。",
                             published="2024-05-08", lang="zh")
    assert visit.date == "2024-05-06" and visit.regions == ["温江区"]


def test_officials_travelling_with_the_lead_accompany() -> None:
    text = "5月6日，省长王海到温江区调研，先后来到东湖村、华宇电子有限公司。省政府副秘书长李华随行。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["王海"] and _names(visit.accompanying) == ["李华"]


@pytest.mark.parametrize("how", ["亲自带队", "冒雨察看", "连夜赶赴", "轻车简从", "随即来到"])
def test_adverbs_of_how_an_official_goes_end_the_name(how: str) -> None:
    text = f"5月6日，市委书记王海{how}温江区东湖村、华宇电子有限公司检查防汛工作。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["王海"]


def test_a_name_opening_a_clause_of_going_with_its_party_leads_without_a_title() -> None:
    text = "王海到东湖村调研\n5月6日，王海一行先后来到东湖村、华宇电子有限公司，详细了解乡村振兴工作情况。"
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert _names(visit.officials) == ["王海"]
    text = "5月6日，华宇集团董事长张伟一行来到东湖村考察。"
    assert extract_visits(text, published="2024-05-08", lang="zh") == []


def test_an_untitled_lead_with_a_titled_companion() -> None:
    text = "5月6日，王海一行深入东湖村、华宇电子有限公司调研乡村振兴工作。区领导张伟陪同。"
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert _names(visit.officials) == ["王海"] and _names(visit.accompanying) == ["张伟"]


def test_a_local_official_reporting_to_the_visitors_takes_part() -> None:
    text = ("5月6日，省委书记王海到温江区调研，先后来到东湖村、华宇电子有限公司。"
            "区委书记李华汇报了有关情况。华宇电子有限公司董事长赵强介绍了企业情况。")
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert _names(visit.accompanying) == ["李华"]


def test_a_photo_captions_date_does_not_date_the_tour() -> None:
    text = ("▲6月5日，省委书记王海在东湖村察看水稻长势。\n"
            "6月3日至6日，省委书记王海到温江区、郫都区调研，先后来到东湖村、华宇电子有限公司。")
    [visit] = extract_visits(text, published="2024-06-08", lang="zh")
    assert visit.days() == ["2024-06-03", "2024-06-04", "2024-06-05", "2024-06-06"]


def test_the_chief_executive_of_a_special_administrative_region_is_a_title() -> None:
    text = ("6月6日，香港特区行政长官李家超率团到深圳考察，"
            "先后来到华宇电子有限公司、前海深港现代服务业合作区。")
    [visit] = extract_visits(text, published="2024-06-08", lang="zh")
    assert _names(visit.officials) == ["李家超"] and visit.regions[:1] == ["深圳"]


@pytest.mark.parametrize("name", ["蹇明", "睢建华", "甯静", "郇志强"])
def test_rarer_surnames_begin_names_listed_after_a_titled_one(name: str) -> None:
    text = f"6月6日，市长王海到温江区调研，先后来到东湖村、华宇电子有限公司。市领导张伟、{name}陪同。"
    [visit] = extract_visits(text, published="2024-06-08", lang="zh")
    assert _names(visit.accompanying) == ["张伟", name]


def test_leaders_brought_to_see_projects_after_a_meeting_is_a_visit() -> None:
    text = ("9月11日上午，县委书记陈伟主持召开县委常委会会议，传达学习省委全会精神。会议结束后，"
            "陈伟带领县四套班子领导观摩全县重点项目，先后来到城东工业园、华宇电子有限公司。")
    [visit] = extract_visits(text, published="2024-09-12", lang="zh")
    assert _names(visit.officials) == ["陈伟"]
    assert [s.name for s in visit.stops] == ["城东工业园", "华宇电子有限公司"]


def test_officials_joined_by_commas_to_the_last_one_before_deng_lead() -> None:
    text = ("9月11日，省委常委、市委书记王海，市委副书记、市长张伟，市人大常委会主任李华，"
            "市政协主席赵强等市领导到温江区观摩重点项目，先后来到东湖村、华宇电子有限公司。")
    [visit] = extract_visits(text, published="2024-09-12", lang="zh")
    assert _names(visit.officials) == ["王海", "张伟", "李华", "赵强"]
