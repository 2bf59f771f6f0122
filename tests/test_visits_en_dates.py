"""English visit dates: captions, next days, quoted holidays, a year in the sentence (fictional)."""

from __future__ import annotations

from crawler.visits import extract_row, extract_visits
from crawler.visits.dates import Reference
from crawler.visits.en.dates import en_date


def _dates(text: str, published: str | None = None, url: str | None = None) -> list[str]:
    row = {"id": "t", "lang": "en", "text": text, "published": published, "url": url}
    return [v["date"] for v in extract_row(row)["visits"]]


def test_caption_date_inside_the_range_of_the_text() -> None:
    text = ("The delegation of Pingle visited the Jiangyin Approval Bureau on Dec 15. [Photo/pingle]\n\n"
            "Li Jian, Party secretary of Pingle, led a delegation and visited Wuxi on Dec 14-15.")
    assert _dates(text, published="2017-12-22") == ["2017-12-14", "2017-12-15"]


def test_the_next_day_continues_the_visit() -> None:
    text = ("On Jan 23, Premier Li visited a rebuilt village in Ludian county. The next day, he visited "
            "the Baiyao pharmaceutical company in Kunming.")
    assert _dates(text, published="2017-01-25") == ["2017-01-23", "2017-01-24"]


def test_a_quoted_holiday_is_not_the_visit_date() -> None:
    text = ("With the arrival of “July 1”, the district leaders visited communities.\n\n"
            "On June 23, Gao Feng (Secretary of District Committee) visited Xining Community.")
    assert _dates(text, url="http://en.example.gov.cn/art/2021/7/14/art_1_2.html") == ["2021-06-23"]


def test_year_from_the_date_sentence_only_without_a_reference() -> None:
    text = "On January 4 district officials seized the first working day of 2016 to inspect projects."
    assert en_date(text, None).start == "2016-01-04"
    assert en_date(text, Reference(2017, 1, 10)).start == "2017-01-04"


def test_two_leaders_two_dated_visits() -> None:
    text = ("The district leaders visited old party members.\n\n"
            "On June 23, Gao Feng (Secretary of District Committee) visited Xining Community and its "
            "old members.\n\n"
            "On the afternoon of June 28, Dong Min (District Mayor) came to Waidong Lane and visited "
            "the houses of old party members.")
    row = {"id": "t", "lang": "en", "text": text, "url": "http://en.example.gov.cn/art/2021/7/14/a.html"}
    visits = extract_row(row)["visits"]
    assert [(v["date"], [o["name"] for o in v["officials"]]) for v in visits] == [
        ("2021-06-23", ["Gao Feng"]), ("2021-06-28", ["Dong Min"])]


def test_a_numeric_date_in_the_text_but_not_the_page_line() -> None:
    text = ("Mondo News Updated on 2024-03-03\n\n"
            "Zhao Ming, vice governor, inspected the Hongda paper mill on 2024-03-01.")
    assert _dates(text) == ["2024-03-01"]


def test_a_page_line_without_a_colon_is_not_the_visit_date() -> None:
    row = {"id": "x", "lang": "en", "published": "2024-05-13",
           "text": "Posted Date May 12\nOn May 5, Zhou Ming, secretary of the municipal Party committee, "
                   "inspected the Linhe Chemicals plant in Fengyang County."}
    [visit] = extract_row(row)["visits"]
    assert visit["date"] == "2024-05-05"


def test_a_later_day_of_the_same_tour_is_kept() -> None:
    text = ("Mayor Li Jun inspected Hongfeng Steel in Pingle County on May 3 and visited Xinhe Village "
            "on May 5.")
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert visit.days()[0] == "2024-05-03" and visit.days()[-1] == "2024-05-05"
    other = "Mayor Li Jun inspected Hongfeng Steel on May 3. The plant will open on May 4."
    [visit] = extract_visits(other, published="2024-05-06", lang="en")
    assert visit.days() == ["2024-05-03"]


def test_weekday_ranges_give_every_day() -> None:
    text = ("BEIJING, July 3 -- Chinese Premier Li Qiang visited flood-hit areas in Chongqing Municipality "
            "from Monday to Wednesday, inspecting relief work.")
    [visit] = extract_visits(text, published="2024-07-05", lang="en")
    assert visit.days() == ["2024-07-01", "2024-07-02", "2024-07-03"]
    assert visit.regions == ["Chongqing Municipality"]
    assert visit.stops == []  # "flood-hit areas", "inspecting relief work": no sites


def test_a_title_case_or_bracketed_dateline_is_the_report_date() -> None:
    for text in ("Xinyang, May 8 -- Vice Governor Wang Hua inspected the Nanwan Reservoir on May 7.",
                 "(May 8, 2024) Vice Governor Wang Hua inspected the Nanwan Reservoir on Tuesday."):
        [visit] = extract_visits(text, published="2024-05-12", lang="en")
        assert visit.date == "2024-05-07", text


def test_a_weekday_with_its_date_a_day_alone_and_a_range_after_a_comma() -> None:
    cases = [("On Thursday (May 2), Mayor Li Jun inspected the Hongfeng Steel Plant.", "2024-05-02", None),
             ("On the 4th, Mayor Li Jun inspected the Hongfeng Steel Plant.", "2024-05-04", None),
             ("On the morning of the 20th, Mayor Li Jun inspected the plant.", "2024-04-20", None),
             ("Mayor Li Jun spent two days, May 4-5, inspecting the Hongfeng Steel Plant.",
              "2024-05-04", "2024-05-05")]
    for text, start, end in cases:
        [visit] = extract_visits(text, published="2024-05-12", lang="en")
        assert (visit.date, visit.end_date) == (start, end), text


def test_a_date_still_to_come_is_not_the_visits() -> None:
    for text in ("Mayor Li Jun inspected the Hongfeng Steel Plant, which will start production on June 1.",
                 "Mayor Li Jun inspected the Hongfeng Steel Plant, which is expected to open on June 1."):
        [visit] = extract_visits(text, published="2024-05-12", lang="en")
        assert visit.date is None, text


def test_the_date_of_the_visit_sentence_governs() -> None:
    for text in ("On May 2, the city held a meeting on flood control. On May 4, Mayor Li Jun inspected the "
                 "Nanwan Reservoir.",
                 "The city's flood season began on May 1. On May 4, Mayor Li Jun inspected the Nanwan "
                 "Reservoir.",
                 "Mayor Li Jun, who took office on March 1, inspected the Nanwan Reservoir on May 4.",
                 "Since April 1, the city has invested 2 billion yuan in flood control. Mayor Li Jun "
                 "inspected the Nanwan Reservoir on May 4."):
        [visit] = extract_visits(text, published="2024-05-12", lang="en")
        assert (visit.date, visit.end_date) == ("2024-05-04", None), text


def test_tours_over_several_days_told_by_weekdays_next_mornings_and_lengths() -> None:
    cases = [
        "On Thursday, Mayor Li Jun inspected the Hongfeng Steel Plant. On Friday, he visited Dongshuang "
        "Village.",
        "On May 9, Mayor Li Jun inspected the Hongfeng Steel Plant. The following morning, he visited "
        "Dongshuang Village.",
        "During a two-day inspection tour starting on May 9, Mayor Li Jun visited the Hongfeng Steel Plant "
        "and Dongshuang Village.",
    ]
    for text in cases:
        [visit] = extract_visits(text, published="2024-05-12", lang="en")
        assert (visit.date, visit.end_date) == ("2024-05-09", "2024-05-10"), text


def test_a_tour_length_after_the_date() -> None:
    [visit] = extract_visits("On May 9, Governor Wang Kai arrived in Xinyang for a two-day inspection.",
                             published="2024-05-12", lang="en")
    assert (visit.date, visit.end_date) == ("2024-05-09", "2024-05-10")


def test_a_later_day_that_is_said_or_to_come_does_not_run_the_visit_on() -> None:
    [visit] = extract_visits("Mayor Li Jun inspected the Nanwan Reservoir on Friday and said the flood "
                             "season starts on Sunday.", published="2024-05-12", lang="en")
    assert (visit.date, visit.end_date) == ("2024-05-10", None)


def test_an_english_page_date_line_gives_the_year() -> None:
    head = "Hongshan tours the river works\n\nDate: March 5, 2021\n\n"
    text = head + "On March 4, Zhou Ming, mayor of Hongshan, inspected the Xinhe reservoir in Pingle County."
    assert _dates(text) == ["2021-03-04"]
    clock = "Mayor checks the dikes\n\n08:15, June 12, 2020\n\n"
    text = clock + "On June 10, Zhou Ming, mayor of Hongshan, inspected the Xinhe reservoir in Pingle County."
    assert _dates(text) == ["2020-06-10"]


def test_a_date_alone_on_its_line_is_the_pages_not_the_visits() -> None:
    text = ("Provincial portal  Mobile  Français\n\n3 June 2016\n\nHome>news>2022\n\n"
            "A forum to promote farming was held on May 12, 2022. Wang Lin, vice governor, led the "
            "county heads to visit Pingle and Xinhe. They observed the leading firms of both counties.")
    assert _dates(text) == ["2022-05-12"]


def test_a_tour_of_some_days_that_ended_on_a_weekday() -> None:
    text = ("HEFEI, May 16 (Xinhua) -- Zhou Ming, vice premier, called for more help to small firms.\n\n"
            "Zhou visited villages, a mill and a school in Pingle County during his three-day "
            "inspection tour, which ended Thursday.")
    assert _dates(text, published="2019-05-17") == ["2019-05-14", "2019-05-15", "2019-05-16"]


def test_a_date_without_a_year_takes_the_year_of_an_earlier_date_in_the_text() -> None:
    text = ("The flood season came early: the Xinhe river rose past its warning mark on June 2, 2018. "
            "Li Hua, deputy director of the district, inspected the Xinhe reservoir and the Hongqi "
            "pumping station on June 9.")
    assert _dates(text) == ["2018-06-09"]


def test_weekdays_counted_back_from_a_dateline_with_its_year() -> None:
    text = ("Senior official stresses flood relief\nJuly 09,2021   By:Pingle News\n"
            "PINGLE, July 9, 2021 -- Zhou Hua, vice governor of the province, inspected flood-hit villages "
            "and relocation sites in the cities of Qinghe and Xishan from Monday to Wednesday.")
    assert _dates(text) == ["2021-07-05", "2021-07-06", "2021-07-07"]


def test_a_numeric_page_date_on_its_own_line_anchors_a_weekday_unless_it_is_today() -> None:
    text = ("Zhou Hua visits Lanbo, pledges support\n2018-06-12 09:30 GMT+8\n"
            "Governor Zhou Hua on Tuesday visited the Lanbo science park in Baima.")
    assert _dates(text) == ["2018-06-12"]
    # ... unless it is the day the page was seen, not its date
    text = ("Today is 2021-3-5\nhome/ Baima News / article\n\n"
            "On September 2, Zhou Hua, Secretary of the county Party committee, went to Qinghe village.")
    assert "2021-03-05" not in _dates(text)


def test_a_bare_weekday_after_the_visit_verb() -> None:
    text = ("Pingle delegation visits Baima\n2019-03-15 10:05:00\n\n"
            "A delegation headed by Zhou Hua, secretary of the Pingle Provincial Committee, arrived in "
            "Baima Monday for an inspection tour.")
    assert _dates(text) == ["2019-03-11"]


def test_a_trip_of_some_days_ending_on_a_weekday() -> None:
    text = ("BAIMA, March 28 (Xinhua) -- On his three-day tour ending Tuesday, Vice Premier Zhou Hua "
            "visited the Hengda steel plant in Baima.")
    assert _dates(text, published="2023-03-29") == ["2023-03-26", "2023-03-27", "2023-03-28"]


def test_a_today_line_of_the_page_chrome_is_no_relative_date() -> None:
    text = (" date 2023-04-12   \u2022 Today Wed, 12 Apr 2023\n\nZhou Hua inspects Baima\n\n"
            "Zhou Hua, general secretary of the Pingle Party, on Monday inspected the Hengda port in Baima.")
    assert _dates(text) == ["2023-04-10"]


def test_a_bare_weekday_after_a_long_place_name() -> None:
    text = ("Delegation visits Baima\n2019-03-15 10:05:00\n\nA delegation headed by Zhou Hua, secretary of "
            "the Pingle Provincial Committee, arrived in north China's Inner Mongolia Autonomous Region "
            "Monday to look at flood control.")
    assert _dates(text) == ["2019-03-11"]


def test_a_labelled_page_date_bounds_a_later_mirrors_url_date() -> None:
    text = ("Zhou Hua Inspected the Baima Port Project\n"
            "Source: Xishan Daily Date: 2015-10-20 Print | Share | Close window\n\n"
            "On October 12, Zhou Hua, vice governor of Xishan Province, inspected the Baima "
            "Port Project and the Qinghe Salt Works.")
    assert _dates(text, url="http://mirror.example.com/pub/en/2015/201904/t20190402_1.html") == ["2015-10-12"]


def test_a_bracketed_page_date_gives_the_year_of_a_range() -> None:
    text = ("Survey Team Goes to Baima\n\n"
            "【2018-11-05】 【Xishan Daily】 [Print] [2018-11-05] [Xishan PPCC News]\n\n"
            "From October 28 to 29, Zhou Hua, vice chairman of the Xishan PPCC, led a survey team to "
            "Baima City and visited the Hongda Paper Mill.")
    assert _dates(text) == ["2018-10-28", "2018-10-29"]


def test_today_as_the_time_of_a_report_leaves_the_visits_own_days() -> None:
    text = ("Monday, March 11, 2019\n\nToday the bureau's bulletin tells of Director Zhou Hua's trip to a "
            "hill village in Xishan Province during March 5-7. Zhou visited Qinghe Village.")
    assert _dates(text) == ["2019-03-05", "2019-03-06", "2019-03-07"]


def test_yesterday_of_a_visit_told_before_its_reporter_is_kept() -> None:
    text = "Yesterday, Mayor Zhou Hua inspected the Qinghe pier, the Baima Daily reported."
    assert _dates(text, published="2019-03-12") == ["2019-03-11"]


def test_a_stamp_to_the_second_opening_a_long_page_line_gives_the_year() -> None:
    text = ("Zhou Hua looks into fire prevention in Xinyang\n\n2019/12/30 8:33:18 Editor: Li Na Views: 312 "
            "Source: Xishan Forestry 2019/12/30 8:33:18\n\nForest News, December 30th. From December 24th "
            "to 25th, Zhou Hua, deputy governor of Xishan Province, went to Xinyang to look into fire "
            "prevention.")
    assert _dates(text) == ["2019-12-24", "2019-12-25"]


def test_a_date_added_line_bounds_a_later_url_date() -> None:
    menu = "".join(f"  \u2022 Menu item number {i}\n" for i in range(20))
    text = (menu + "Zhou Hua: relocation in Baima must be targeted\n"
            "From: | Date Add in:2016-04-19 01:37:19 [A  A]\n\n"
            "On the morning, April 1, Zhou Hua, the deputy mayor of Baima, led heads of related "
            "departments to Hengnan County to check poverty relief.")
    assert _dates(text, url="http://www.example.gov.cn/News/20200118/i2128.html") == ["2016-04-01"]


def test_days_before_their_month_and_a_dateline_of_two_places() -> None:
    text = "Premier Zhou Hua visited Lhasa and Nyingchi between 25-27 July 2018, the capital of Xishan."
    assert _dates(text) == ["2018-07-25", "2018-07-26", "2018-07-27"]
    text = "From 21 to 23 June 2017, Commissioner Zhou Hua led a delegation to Baima and toured Qinghe."
    assert _dates(text) == ["2017-06-21", "2017-06-22", "2017-06-23"]
    text = ("LANZHOU, Xishan/BAOJI, Pingle, Sept. 14 (Xinhua) \u2014 Zhou Hua stressed in an inspection "
            "tour in Xishan that reform must go on.\nFrom Sept. 10 to 13, Zhou visited the cities of "
            "Tianshui and Baima.")
    assert _dates(text, url="https://example.com/2024/09/14/x") == [
        "2024-09-10", "2024-09-11", "2024-09-12", "2024-09-13"]


def test_words_run_together_by_a_scrape_are_read_apart() -> None:
    text = ("Comrade Zhou Hua visiting Qinghe port\nUpdated : Thursday, July 05, 2018 2:59 PM\n\n"
            "OnJuly 4th, comrade Zhou Hua, member of the Politburo, visited Qinghe port inBaima district."
            "\n\nAt Qinghe port, comradeZhou Hua and the delegates visited the pier. The delegation works "
            "in Baima up to July 6th.")
    assert _dates(text) == ["2018-07-04"]
    [visit] = extract_visits(text, lang="en")
    assert [p.name for p in visit.accompanying] == []


def test_a_month_abbreviation_run_into_its_day() -> None:
    text = ("Thursday, September 11, 2008\n\nIn the days from Sep.8 to 10, President Zhou Hua made his field "
            "tour to Xishan Province and visited Qinghe Village.")
    assert _dates(text) == ["2008-09-08", "2008-09-09", "2008-09-10"]


def test_a_bare_pair_of_weekdays_after_going_on_a_tour_and_a_date_naming_an_event() -> None:
    text = ("Zhou Hua, secretary of the Xishan provincial committee, went on an inspection tour in Baima "
            "city Tuesday and Wednesday. In Qinghe he met families who lost homes in the May 14 flood "
            "and visited the rebuilt school.")
    assert _dates(text, published="2024-06-06") == ["2024-06-04", "2024-06-05"]
    event = ("Mayor Zhou Hua visited homes rebuilt after the May 14 landslide in Qinghe village. He also "
             "inspected the Hongqi dam.")
    assert _dates(event, published="2024-06-06") == [None]


def test_a_weekday_right_at_the_verb() -> None:
    text = ("Zhou Hua, general secretary of the Pingle Party Central Committee, Sunday inspected the "
            "reopening of factories in Baima Province.")
    assert _dates(text, published="2020-04-03") == ["2020-03-29"]
    text = "Xishan Gov. Dana Whitcombe spent Tuesday touring local plants in Brantville."
    assert _dates(text, url="https://news.example.com/2023/04/26/gov-tours-plants/") == ["2023-04-25"]


def test_a_tour_still_on_at_the_reports_date_keeps_only_the_day_told() -> None:
    text = ("BAIMA: Minister Ravi Mehta, who came here on Thursday on a three-day visit, toured the "
            "Lakeside Docks and the Hengda fertiliser plant.")
    assert _dates(text, published="2019-09-20") == ["2019-09-19"]
    assert _dates(text, published="2019-09-30") == ["2019-09-26", "2019-09-27", "2019-09-28"]


def test_a_month_and_year_opening_a_paragraph_is_background_not_a_dated_visit() -> None:
    text = ("Zhou Hua, secretary of the Pingle Provincial Committee, went on an inspection tour to Baima "
            "city on Tuesday and Wednesday.\n\nHe visited the Hengda Crane Works.\n\n"
            "In May 2017, the General Secretary Li Ming paid a visit to the Hengda Crane Works.\n\n"
            "Zhou also inspected Qinghe district.\n\n"
            "In May 2017, the General Secretary Li Ming visited a wetland park in Qinghe.")
    visits = extract_row({"id": "t", "lang": "en", "text": text, "published": "2019-01-11"})["visits"]
    assert [v["date"] for v in visits] == ["2019-01-08", "2019-01-09"]


def test_an_agency_dateline_with_state_and_country_in_brackets_anchors_the_weekday() -> None:
    text = ("Qinghe (Baima State) [Pingland], June 20 (PNA): Baima Water Minister Ravi Mehta on Wednesday "
            "visited the Dongpo dam site and reviewed the progress of the works.")
    assert _dates(text, published="2019-06-20") == ["2019-06-19"]


def test_a_previously_told_trip_does_not_govern_the_date() -> None:
    text = ("Qinghe (Baima State) [Pingland], July 19 (PNA): Chief Minister Ravi Mehta on Monday reviewed "
            "the progress of the Dongpo dam.\n\nPreviously, on June 10, Mehta visited the capital to meet "
            "the Union ministers about the dam.")
    assert _dates(text, published="2021-07-19") == ["2021-07-19"]


def test_a_weekday_range_with_parts_of_the_days() -> None:
    text = ("Zhou Hua inspected the city of Baima from Wednesday afternoon to Thursday morning and visited "
            "the Hengda textile works.")
    assert _dates(text, published="2023-07-06") == ["2023-07-05", "2023-07-06"]


def test_a_weekday_after_flying_over_the_flooded_area_dates_the_visit() -> None:
    text = ("QINGHE -- Governor Ann Marlow toured the river towns earlier this week and Lt. Gov. Ross Dale "
            "flew over the flooded valley Friday.\n\nThe budget session ends June 9, a few days from now.")
    assert _dates(text, url="http://news.example.com/2018/06/06/flood-valley/") == ["2018-06-01"]


def test_tomorrow_and_an_event_to_be_held_are_not_days_of_the_visit() -> None:
    text = ("The Secretary for Trade, Ms Ann Lo, arrived in Baima today (June 3) to attend the Baima Fair to "
            "be held tomorrow (June 4).\n\nUpon arrival, Ms Lo visited the Qinghe Logistics Park.")
    assert _dates(text, url="http://www.example.gov/press/201806/03/P1.htm") == ["2018-06-03"]


def test_a_month_named_in_the_url_path_gives_the_weekday_its_date() -> None:
    text = "QINGHE: Chief Secretary Ravi Mehta inspected the Baima canal works on Saturday."
    url = "https://news.example.com/cities/qinghe/2024/Mar/10/canal-works"
    assert _dates(text, url=url) == ["2024-03-09"]


def test_a_dateline_alone_on_its_line_anchors_today() -> None:
    text = ("News Service\n\nQinghe, May 13\n\nMayor Ravi Mehta inspected the road works in ward 4 today.")
    assert _dates(text, published="2021-05-14") == ["2021-05-13"]


def test_a_url_path_with_day_month_name_and_year_gives_the_reference_date() -> None:
    text = "QINGHE - Chief Minister Ravi Mehta inspected the Baima link road on Tuesday."
    assert _dates(text, url="https://www.example.com.pk/22-Mar-2023/cm-inspects-link-road") == ["2023-03-21"]


def test_days_alone_joined_by_and_give_both_days() -> None:
    text = ("On the afternoon of the 4th and the morning of the 5th, Zhou Hua visited sites in Baima and "
            "Qinghe, including the Baima County Museum.")
    assert _dates(text, published="2024-11-06") == ["2024-11-04", "2024-11-05"]


def test_the_day_a_visit_was_announced_is_not_its_day() -> None:
    text = ("Qinghe City announced on the 12th that Mayor Ravi Mehta held a meeting with business people by "
            "visiting the Baima Industrial Complex on the 10th.\n\nMayor Mehta visited the Hengda Rotor "
            "Works in the complex.")
    assert _dates(text, published="2021-05-12") == ["2021-05-10"]


def test_a_weekday_of_a_visit_still_ahead_does_not_date_the_one_made() -> None:
    text = ("Chief Minister Ravi Mehta will visit the Qinghe District Hospital on Friday.\n\n"
            "Health Minister Ann Lo inspected the arrangements at the hospital on Thursday.")
    assert _dates(text, published="2021-05-21") == ["2021-05-20"]


def test_a_day_alone_in_a_sentence_of_rain_does_not_date_the_visit() -> None:
    text = ("From 20:00 on the 21st to 15:00 on the 22nd, Baima suffered heavy rain.\n\n"
            "Zhou Hua, vice minister of water resources, led a working group to go to Baima on the 22nd to "
            "guide the relief work.")
    assert _dates(text, published="2021-07-23") == ["2021-07-22"]


def test_a_tour_wrapped_up_on_a_weekday_and_told_as_three_days_long_the_next_sentence() -> None:
    text = ("QINGHE, May 25 -- President Zhou Hua urged Baima province to pursue reform as he wrapped up an "
            "inspection tour to the province on Friday.\n\nThe three-day trip brought Zhou to the cities of "
            "Dongpo and Qinghe, where he visited the Dongpo Port.")
    assert _dates(text, published="2024-05-25") == ["2024-05-22", "2024-05-23", "2024-05-24"]
