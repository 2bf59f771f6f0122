"""English visit extraction on small fictional articles."""

from __future__ import annotations

import pytest

from crawler.visits import extract_row, extract_visits

VISIT = (
    "On May 12, Zhao Mingyuan, Secretary of the Municipal Party Committee, went to Pingyin County "
    "to inspect enterprises and villages. He emphasized that it is necessary to keep projects moving.\n\n"
    "At Shandong Qinghe Paper Co., Ltd., Zhao Mingyuan walked into the pulping workshop and asked about "
    "orders. Zhao Mingyuan also inspected the Baiyun Lake tourism project in Xishan Village. "
    "Chen Lan, the general manager of the company, briefed him on exports.\n\n"
    "Sun Hao, Member of the Standing Committee of the Municipal Party Committee and Secretary-General, "
    "participated in the event."
)


def _names(people: list) -> list[str]:
    return [p.name for p in people]


def test_lead_accompanying_region_stops_and_date() -> None:
    [visit] = extract_visits(VISIT, published="2024-05-13", lang="en")
    assert visit.date == "2024-05-12"
    assert _names(visit.officials) == ["Zhao Mingyuan"]
    assert visit.officials[0].title.startswith("Secretary of the Municipal Party Committee")
    assert _names(visit.accompanying) == ["Sun Hao"]
    assert visit.regions == ["Pingyin County"]
    stops = {s.name: s.kind for s in visit.stops}
    assert stops["Shandong Qinghe Paper Co., Ltd."] == "enterprise"
    assert any("Baiyun Lake" in name for name in stops)
    assert "Chen Lan" not in _names(visit.accompanying)
    assert visit.emphasized and "keep projects moving" in visit.emphasized[0]


def test_title_before_name_and_co_leads() -> None:
    text = ("Mayor Huang Qiu and Vice Mayor Lin Shu inspected the Dongfeng Bridge Project on the morning "
            "of June 3. Deputy director Ma Jun of the transport bureau accompanied the inspection.")
    [visit] = extract_visits(text, published="2022-06-03", lang="en")
    assert "Huang Qiu" in _names(visit.officials)
    assert visit.date == "2022-06-03"
    assert any("Dongfeng Bridge" in s.name for s in visit.stops)


def test_meeting_is_not_a_visit() -> None:
    text = ("On April 2, Zhao Mingyuan, Secretary of the Municipal Party Committee, presided over a meeting "
            "of the Standing Committee to study the work plan for the second quarter.")
    assert extract_visits(text, published="2024-04-03", lang="en") == []


def test_discipline_inspection_is_not_a_visit() -> None:
    text = ("The Commission for Discipline Inspection is investigating the case of Qian Fu, former deputy "
            "mayor, who was expelled from the Party for taking bribes.")
    assert extract_visits(text, lang="en") == []


def test_year_unknown_gives_no_date() -> None:
    [visit] = extract_visits(VISIT, lang="en")
    assert visit.date is None


def test_topics_match_whole_words() -> None:
    topics = {"paper industry": ["paper", "造纸"], "ports": ["port"]}
    [visit] = extract_visits(VISIT, published="2024-05-13", lang="en", topics=topics)
    assert visit.topics == ["paper industry"]


def test_extract_row_detects_language_and_echoes_id() -> None:
    row = {"id": "x1", "text": VISIT, "url": "http://example.gov.cn/art/2024/5/13/art_1.html"}
    out = extract_row(row)
    assert out["id"] == "x1"
    assert out["visits"][0]["date"] == "2024-05-12"
    assert out["visits"][0]["officials"][0]["name"] == "Zhao Mingyuan"


def test_extract_row_reads_html() -> None:
    html = ("<html><head><title>Visit</title></head><body><div class='TRS_Editor'>"
            + "".join(f"<p>{p}</p>" for p in VISIT.split("\n\n")) + "</div></body></html>")
    out = extract_row({"id": "h1", "html": html, "published": "2024-05-13", "lang": "en"})
    assert out["visits"] and out["visits"][0]["officials"][0]["name"] == "Zhao Mingyuan"


def test_empty_text_gives_no_visit() -> None:
    assert extract_visits("", lang="en") == []


def test_general_secretary_and_container_province() -> None:
    text = ("Xu Hong, general secretary of the provincial federation, inspected Xiamen, east China's Fujian "
            "Province, on Tuesday. Xu visited the Xiamen Port container terminal.")
    [visit] = extract_visits(text, published="2024-03-06", lang="en")
    assert _names(visit.officials) == ["Xu Hong"]
    assert visit.date == "2024-03-05"
    # FORMAT.md: a place named with the province that holds it gives both.
    assert visit.regions == ["Xiamen", "Fujian Province"]


def test_digest_items_are_separate_visits() -> None:
    text = ("City News in Brief\n\nVice Mayor checks gas safety\n\nOn October 9, Vice Mayor Gu Lan went to "
            "Baqiao District to inspect gas safety. At the Baqiao Gas Station, she checked the valves.\n\n"
            "Vice Mayor visits orchards\n\nOn October 10, Vice Mayor Lu Feng went to Huyi District to learn "
            "about the kiwi harvest. In Dongsi Village, he visited the orchards.")
    visits = extract_visits(text, published="2023-10-11", lang="en")
    assert [v.date for v in visits] == ["2023-10-09", "2023-10-10"]
    assert [_names(v.officials) for v in visits] == [["Gu Lan"], ["Lu Feng"]]


def test_region_lists_and_regional_openers() -> None:
    text = ("On May 7, Governor Zhou Nan led a team to Weifang and Rizhao to investigate marine industries. "
            "Provincial leaders Gao Jie, Qiu Lin and Wei Bo participated in the activities. In Weifang, "
            "Zhou Nan visited Weichai Power Co., Ltd. and Binhai Port. In Rizhao, he inspected Rizhao Steel "
            "Holding Group.")
    [visit] = extract_visits(text, published="2024-05-08", lang="en")
    assert visit.regions == ["Weifang", "Rizhao"]
    assert _names(visit.accompanying) == ["Gao Jie", "Qiu Lin", "Wei Bo"]
    assert [s.name for s in visit.stops] == [
        "Weichai Power Co., Ltd.", "Binhai Port", "Rizhao Steel Holding Group"]


def test_stops_get_the_region_they_lie_in() -> None:
    text = ("On May 12, Zhao Mingyuan, Secretary of the Municipal Party Committee, went to Pingyin "
            "County and Changqing District to inspect enterprises.\n\nIn Pingyin County, Zhao Mingyuan "
            "inspected the Qinghe Paper Co., Ltd. and the Baiyun Lake tourism project.\n\nIn Changqing "
            "District, he visited Shandong Lufeng Valve Co., Ltd.")
    [visit] = extract_visits(text, published="2024-05-13", lang="en")
    assert {s.name: s.region for s in visit.stops} == {
        "Qinghe Paper Co., Ltd.": "Pingyin County",
        "Baiyun Lake tourism project": "Pingyin County",
        "Shandong Lufeng Valve Co., Ltd.": "Changqing District",
    }


def test_inspected_activity_is_not_a_stop_list() -> None:
    text = ("JINAN, April 19 -- Zhou Ping, mayor of Jinan, inspected flood control work along the "
            "Xiaoqing River on Thursday, accompanied by Vice Mayor Li Na.")
    [visit] = extract_visits(text, published="2024-04-20", lang="en")
    assert visit.date == "2024-04-18"
    assert _names(visit.accompanying) == ["Li Na"]
    assert visit.stops == []


def test_county_names_in_titles_footers_and_company_names_are_not_regions() -> None:
    text = ("Mayor Gao Ping visits Jimo enterprises\n\nOn May 6, Gao Ping, Mayor of Pingdu City, went to "
            "Jimo District to visit Shandong Laixi Knitting Co., Ltd. and Haiyuan Foods. Zhou Lin, "
            "secretary of the Jimo District Party Committee, was present.\n\n"
            "Related links: Jiaozhou City | Laixi City\nAddress: No. 8 Road, Huangdao District")
    [visit] = extract_visits(text, published="2024-05-07", lang="en")
    assert visit.regions == ["Jimo"]
    assert _names(visit.accompanying) == ["Zhou Lin"]


def test_conventional_english_names_and_one_character_counties() -> None:
    text = ("On June 2, Li Hua, Secretary of the Municipal Party Committee, went to Hohhot and "
            "She County to inspect the Jinhe Dairy Co., Ltd. and the Qingyuan Tea Base.")
    [visit] = extract_visits(text, published="2024-06-03", lang="en")
    assert visit.regions == ["Hohhot", "She County"]


def test_dateline_after_headline_and_compact_range() -> None:
    text = ("Governor inspects farms\n\nNANNING, Oct. 9 (Xinhua) -- Liu Ning, Governor of the region, "
            "inspected Binyang County on Oct. 6-7 and visited the Hexi Sugar Co., Ltd.")
    [visit] = extract_visits(text, published="2024-10-09", lang="en")
    assert visit.days() == ["2024-10-06", "2024-10-07"]


def test_came_to_our_county_names_the_county() -> None:
    text = ("On July 8, Zhao Min, vice governor of the province, came to our county to investigate "
            "forestry. Zhao Min visited the Lianhua Forest Farm and the Hongshan Seedling Base. "
            "He praised Tonggu County for its work.")
    [visit] = extract_visits(text, published="2024-07-09", lang="en")
    assert visit.regions == ["Tonggu County"]


def test_opener_site_ends_before_the_official() -> None:
    """'At X, <official> inspected A, B and C': X is the stop, not 'X, <official> inspected A'."""
    text = ("On May 9, Mayor Zhou Lin went to Lixia District to investigate education work.\n\n"
            "At Huancui Road Kindergarten, Zhou Lin inspected the classrooms, the dining room and the "
            "play area.")
    [visit] = extract_visits(text, published="2023-05-10", lang="en")
    assert [s.name for s in visit.stops] == ["Huancui Road Kindergarten"]


def test_hard_wrapped_lines_join_but_paragraphs_stay() -> None:
    from crawler.visits.en.prose import normalise

    text = ("On May 3, the mayor went to the\nHongda paper mill and\nLinhe Chemicals, where he\n"
            "watched the line.\n\nThe next day\nHe left. Standby\nPower was checked.")
    assert normalise(text) == ("On May 3, the mayor went to the Hongda paper mill and Linhe Chemicals, "
                               "where he watched the line.\n\nThe next day\nHe left. Standby\nPower was "
                               "checked.")


def test_field_trips_and_captions_with_one_worker_are_visits() -> None:
    texts = ["Zhou Ping, deputy mayor, made a field trip to the Hongda paper mill in Pingle on May 5.",
             "Pingle mayor Zhou Ping (R) chats with a worker at the Hongda paper mill on May 5, 2024."]
    for text in texts:
        [visit] = extract_visits(text, published="2024-05-13", lang="en")
        assert [o.name for o in visit.officials] == ["Zhou Ping"]
        assert [s.name for s in visit.stops] == ["Hongda paper mill"]


def test_a_session_reported_before_the_tour_does_not_hide_it() -> None:
    text = ("On May 3, Mayor Li Jun chaired a working session with the leaders of Pingle County. "
            "Earlier that day, he inspected the Hongfeng Steel Plant and the Linhe Water Plant.")
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert [o.name for o in visit.officials] == ["Li Jun"]
    assert [s.name for s in visit.stops] == ["Hongfeng Steel Plant", "Linhe Water Plant"]


def test_a_visit_only_spoken_of_or_planned_is_no_visit() -> None:
    festival = ("Xinyang will host the 2024 tea festival. Mayor Li Jun said the city welcomes visitors to "
                "tour its tea gardens.")
    plan = ("On May 4, the Xinyang municipal government held a press conference. Vice Mayor Wang Hua "
            "introduced the city's plan to visit 100 enterprises this year.")
    assert extract_visits(festival, published="2024-05-06", lang="en") == []
    assert extract_visits(plan, published="2024-05-06", lang="en") == []


def test_more_ways_of_going_to_a_site() -> None:
    for text in ("Mayor Zhao Ming stopped by the Hongda Paper Mill on May 4 to learn about its production.",
                 "Mayor Zhao Ming was in Pingle County on May 4 to check the Hongda Paper Mill.",
                 "On May 4, Mayor Zhao Ming took a close look at the Hongda Paper Mill's new line.",
                 "On May 4, Mayor Zhao Ming headed to the Nanwan Reservoir to see flood control.",
                 "Mayor Zhao Ming spent the day in Pingle County on May 4, meeting workers at the "
                 "Hongda Paper Mill."):
        [visit] = extract_visits(text, published="2024-05-12", lang="en")
        assert [o.name for o in visit.officials] == ["Zhao Ming"], text


def test_a_foreign_delegation_received_by_the_city_is_no_visit_unless_it_sees_sites() -> None:
    received = ("A delegation from Germany's Bavaria, led by State Minister Hubert Aiwanger, visited Xinyang "
                "on May 3. Mayor Zhou Ming met with the delegation.")
    assert extract_visits(received, published="2024-05-06", lang="en") == []
    toured = received.replace("visited Xinyang", "visited the Hengtai Auto Parts plant in Xinyang")
    [visit] = extract_visits(toured, published="2024-05-06", lang="en")
    assert [o.name for o in visit.officials] == ["Hubert Aiwanger"]


def test_a_meeting_after_visiting_named_sites_or_a_ceremony_then_a_tour_is_a_visit() -> None:
    [visit] = extract_visits("On May 4, Mayor Zhou Ming presided over a symposium on private enterprises "
                             "after visiting Hengtai Group and Jiuding Textile.", published="2024-05-06",
                             lang="en")
    assert [s.name for s in visit.stops] == ["Hengtai Group", "Jiuding Textile"]
    [visit] = extract_visits("On May 4, Mayor Zhou Ming attended the opening ceremony of the Hengtai plant "
                             "and then toured its production lines.", published="2024-05-06", lang="en")
    assert [s.name for s in visit.stops] == ["Hengtai plant"]


def test_an_unnamed_site_while_visiting_and_inspections_in_general_are_no_stop_or_visit() -> None:
    [visit] = extract_visits("On May 4, Mayor Zhou Ming inspected Hengtai Group. While visiting a tree farm, "
                             "he urged environmental protection.", published="2024-05-06", lang="en")
    assert [s.name for s in visit.stops] == ["Hengtai Group"]
    assert extract_visits("At the session on May 4, Mayor Zhou Ming said he had learned much through on-site "
                          "inspections, visits and investigations.", published="2024-05-06", lang="en") == []


@pytest.mark.parametrize("text", [
    "Visitors tour the Xinyang Tea Museum on May 4. The museum received 20,000 visitors during the holiday, "
    "according to Ma Tao, director of the municipal culture and tourism bureau.",
    "The Xinyang municipal government issued a notice on May 4 requiring leaders at all levels to visit "
    "enterprises regularly. Mayor Zhou Ming signed the notice.",
])
def test_a_visit_word_about_other_people_or_asked_of_others_is_no_visit(text: str) -> None:
    assert extract_visits(text, published="2024-05-06", lang="en") == []


@pytest.mark.parametrize("text", [
    "On May 4, Zhou Ming, secretary of the Xinyang Municipal Discipline Inspection Commission, inspected "
    "flood control at the Nanwan Reservoir.",
    "On May 4, Mayor Li Hua inspected Hengtai Group, accompanied by Zhou Ming, head of the municipal "
    "discipline inspection and supervision commission.",
])
def test_a_discipline_commission_named_in_a_title_keeps_the_visit(text: str) -> None:
    assert len(extract_visits(text, published="2024-05-06", lang="en")) == 1


def test_a_discipline_case_told_in_the_opening_is_no_visit() -> None:
    # the case is told before any official is named with a title
    text = ("Deputy Mayor of Pingle City Faces Graft Probe\n\n"
            "(Beijing) - The deputy mayor of the third largest city of the province is being investigated "
            "for \"serious violations of discipline,\" the anti-graft watchdog said on May 6.\n\n"
            "- MOST READ")
    assert extract_visits(text, published="2024-05-07", lang="en") == []
    # hard-wrapped, with an official named only at the end and a "routine inspection" in between
    text = ("Zhou Ming, former deputy secretary of the Pingle Provincial Committee of the Communist\n"
            "Party of China (CPC), has been expelled from the Party for\n"
            "taking huge bribes and leading a dissolute life.\n"
            "The commission began looking into his misdeeds after receiving reports from the public\n"
            "during a routine inspection last year.\n"
            "Li Hua, vice secretary of")
    assert extract_visits(text, published="2024-05-07", lang="en") == []


def test_an_official_removed_from_his_post_is_no_visit() -> None:
    text = ("A Party official in Pingle has been removed from office after leaving his post during the "
            "floods, the county government said on Sunday.\n\n"
            "Zhou Ming, former Party secretary of Xinhe Village, was deprived of his post, after county "
            "discipline officials found him absent. On Thursday night, discipline officials went to the "
            "village and inspected the dikes.")
    assert extract_visits(text, published="2024-05-07", lang="en") == []


@pytest.mark.parametrize("text", [
    # a company's chairman calls on the city's Party secretary: a reception, not a visit to a site
    "On January 6, 2023, Chen Ming, Deputy General Manager of Hongda Group and Chairman of Hongda Steel, and "
    "his entourage visited Zhou Hua, member of the Standing Committee of the Provincial Party Committee and "
    "Secretary of the Pingle Municipal Party Committee. The two sides had in-depth exchanges and witnessed "
    "the signing of a framework agreement.",
    # a company's president goes to the city to sign and talk with the mayor
    "On November 18, Chen Ming, president of the group, headed for Pingle in the afternoon, held a signing "
    "ceremony with the Pingle government, and communicated with Zhou Hua, the deputy secretary of the "
    "municipal Party committee and mayor of Pingle. Li Hua, deputy mayor of Pingle, participated in the "
    "activity.",
    # an "investigation" held as a report and a symposium
    "On July 23, the Standing Committee of the Municipal People's Congress organized deputies elected by "
    "Pingle City to conduct a special investigation on water pollution prevention. The research team "
    "listened to the report of the "
    "municipal government. Zhou Hua, deputy director of the Standing Committee, participated in the survey. "
    "At the symposium, the research team also discussed key issues of the sewage plants.",
])
def test_calls_signings_and_reports_are_no_visits(text: str) -> None:
    assert extract_visits(text, published="2023-07-24", lang="en") == []


@pytest.mark.parametrize("text", [
    "Deputy Minister of Transport for Ports, accompanied by the deputy minister of interior and the chairman "
    "of the Ports Authority, inspected Misrata seaport on May 3.",
    "A group of Parliamentarians inspected the Harbour City site on May 3 and also visited the dredger "
    "working on the project.",
])
def test_a_visit_by_officials_named_only_by_their_office(text: str) -> None:
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert visit.officials == [] and visit.stops


@pytest.mark.parametrize("text", [
    # guests of a work conference "come to the guidance" of the meeting
    "The county CPPCC work conference was held in the county convention centre on March 4. Vice Chairman "
    "Gao Ming of the provincial CPPCC was invited to come to the guidance; Zhou Hua, secretary of the county "
    "Party committee, and Li Ping, county magistrate, attended the meeting.",
    # greetings sent from afar, heard over a video link
    "On January 5, Governor Zhou Hua sent festive greetings to the villagers of Qinghe Village. "
    "Li Na, a shop owner who joined the video link, said the greetings warmed her heart.",
    # a press conference; a figure that "reached" a level is no arrival
    "Zhou Hua, vice governor of the province, spoke at a press conference held on Tuesday. "
    "\"Grain output reached 20 million tonnes last year,\" said Wang Lei, deputy director of the provincial "
    "agriculture department.",
    # an interview; "arrivals" is no arriving
    "The Pingle free trade port is witnessing surging investment and visa-free arrivals, said Zhou Hua, "
    "the governor of the province, in an interview on Monday.",
    # a courtesy call on an official named after his title
    "Consul General Li Ming called on the Punjab Governor Ali Khan at the Governor's House in "
    "Lahore on Monday and discussed trade.",
])
def test_conferences_calls_and_greetings_from_afar_are_no_visits(text: str) -> None:
    assert extract_visits(text, published="2023-07-24", lang="en") == []


def test_deputies_unnamed_lead_a_visit_that_a_named_one_joins() -> None:
    text = ("May 8 2019, more than forty representatives of the Pingle District People's Congress came to "
            "visit the Qinghe Science Park. As one of them, vice director of the district people's congress "
            "Mr. Zhou Hua participated in this event as well.")
    [visit] = extract_visits(text, published="2019-05-10", lang="en")
    assert visit.officials == [] and _names(visit.accompanying) == ["Zhou Hua"]
    assert any("Qinghe Science Park" in s.name for s in visit.stops)


def test_an_unnamed_mayor_with_others_on_a_field_trip() -> None:
    text = ("On June 2, the mayor of Pingle City, Hubei Province and five other people came to Hongda "
            "Machinery Co., Ltd. for a field trip to discuss investment.")
    [visit] = extract_visits(text, published="2023-06-03", lang="en")
    assert visit.officials == [] and any("Hongda Machinery" in s.name for s in visit.stops)


def test_attending_an_inspection_is_taking_part_in_it() -> None:
    text = ("On May 6, the CPPCC chairman's meeting inspected the progress of the city's livelihood "
            "projects. CPPCC Chairman Zhou Hua attended the inspection. The inspection team first came to "
            "the site of the Pingle People's Hospital project.")
    [visit] = extract_visits(text, published="2023-05-07", lang="en")
    assert "Zhou Hua" in _names(visit.officials + visit.accompanying)


def test_an_inspection_team_led_by_a_name_that_visits_is_no_discipline_case() -> None:
    text = ("On the afternoon of April 13, a central environmental protection inspection team led by "
            "Zhou Hua visited Pingle to inspect ecological protection. Li Ming, vice governor of the "
            "province, accompanied the team members on the tour. Walking into the Xishan Wetland Park, "
            "Zhou Hua asked about the migratory birds.")
    [visit] = extract_visits(text, published="2021-04-14", lang="en")
    assert [p.name for p in visit.officials] == ["Zhou Hua"]
    assert [p.name for p in visit.accompanying] == ["Li Ming"]
