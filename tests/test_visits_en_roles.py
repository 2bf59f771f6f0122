"""Who leads an English visit and who comes along (fictional sentences)."""

from __future__ import annotations

import pytest

from crawler.visits import extract_visits

LEAD = ("On May 3, Zhao Mingyuan, Secretary of the Municipal Party Committee, went to Pingle County "
        "to inspect the Hongda paper mill. ")


def _roles(text: str) -> tuple[list[str], list[str]]:
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    return [o.name for o in visit.officials], [o.name for o in visit.accompanying]


@pytest.mark.parametrize("tail", [
    "Wu Hai and Deng Qiming, leaders of Pingle County, accompanied the inspection.",
    "Wu Hai, Deng Qiming and other city leaders accompanied him.",
    "Wu Hai, Deng Qiming, and other leaders of the city took part in the activities.",
    "Provincial leaders Wu Hai and Deng Qiming attended relevant activities.",
    "Also attending were Wu Hai, vice governor, and Deng Qiming, secretary-general.",
    "The delegation included Wu Hai, vice governor, and Deng Qiming, secretary-general.",
    "Leaders of the city, including Wu Hai and Deng Qiming, joined the inspection.",
    "Vice Governor Wu Hai and Secretary-General Deng Qiming accompanied the inspection.",
])
def test_participation_frames(tail: str) -> None:
    assert _roles(LEAD + tail) == (["Zhao Mingyuan"], ["Wu Hai", "Deng Qiming"])


def test_foreign_titles_before_names() -> None:
    text = ("Deputy Prime Minister Tran Van Long, accompanied by Minister Nguyen Thi Hoa, visited the "
            "Hoa Lac Hi-tech Park on May 3.")
    assert _roles(text) == (["Tran Van Long"], ["Nguyen Thi Hoa"])


def test_unnamed_officials_still_make_a_visit() -> None:
    text = ("On January 4, district officials began the year with an inspection tour.\n"
            "Government officials inspected two key projects. The first stop was the construction site "
            "of the Pingle Dance Center.")
    [visit] = extract_visits(text, published="2024-01-05", lang="en")
    assert visit.officials == [] and visit.date == "2024-01-04"
    assert any("Dance Center" in s.name for s in visit.stops)


def test_people_visited_are_not_officials() -> None:
    text = ("On June 28, Dong Min, District Mayor, visited the houses of old party members including "
            "Luo Chang and Yin Jing.")
    assert _roles(text) == (["Dong Min"], [])


def test_a_meeting_in_a_relative_clause_does_not_decide() -> None:
    text = ("Wang Lidong, a member of the provincial CPPCC, who attended the session last month, led a "
            "group to Fengyang County on May 3 to investigate the Hongfeng Boiler Plant.")
    assert _roles(text) == (["Wang Lidong"], [])


def test_a_discipline_title_on_a_companion_keeps_the_visit() -> None:
    text = ("On May 3, Zhao Mingyuan, Secretary of the Municipal Party Committee, inspected the Hongda "
            "paper mill, accompanied by Zhou Lan, secretary of the Municipal Commission for Discipline "
            "Inspection.")
    assert _roles(text) == (["Zhao Mingyuan"], ["Zhou Lan"])


def test_joined_by() -> None:
    text = ("On May 3, Mayor Karen Bass, joined by Councilmember Curren Price, toured the Main Street "
            "shelter project.")
    assert _roles(text) == (["Karen Bass"], ["Curren Price"])


@pytest.mark.parametrize(("text", "expected"), [
    ("On May 3, Prime Minister Pham Van Long, accompanied by Deputy Minister of Industry and Trade "
     "Nguyen Thi Hoa and Chairman of the provincial People's Committee Tran Quoc Bao, inspected the "
     "Long Son airport project.", (["Pham Van Long"], ["Nguyen Thi Hoa", "Tran Quoc Bao"])),
    ("Mayor Karen Miles toured the Main Street shelter on Tuesday with Councilmembers Curtis Price "
     "and Helen Hunt.", (["Karen Miles"], ["Curtis Price", "Helen Hunt"])),
])
def test_foreign_companions(text: str, expected: tuple[list[str], list[str]]) -> None:
    assert _roles(text) == expected


@pytest.mark.parametrize("tail", [
    "Leaders of the city, Wu Hai and Deng Qiming, accompanied the inspection.",
    "Wu Hai, Deng Qiming, etc. accompanied the inspection.",
    "Municipal leaders Wu Hai and Deng Qiming were in company.",
])
def test_companions_named_without_titles(tail: str) -> None:
    assert _roles(LEAD + tail) == (["Zhao Mingyuan"], ["Wu Hai", "Deng Qiming"])


def test_a_meeting_first_then_a_named_site_is_a_visit() -> None:
    text = ("On May 3, Zhao Mingyuan, Secretary of the Municipal Party Committee, attended the opening "
            "ceremony of the Pingle Expo. He then visited the Hongda paper mill.")
    assert _roles(text) == (["Zhao Mingyuan"], [])


@pytest.mark.parametrize("text", [
    "On May 3, Zhao Ming, mayor of Pingle, met with villagers and inspected the Xinhe Village project.",
    "On May 3, Zhao Ming, mayor of Pingle, held a working session at the Hongda paper mill after touring "
    "its workshops.",
    "On May 3, Zhao Ming, mayor of Pingle, delivered New Year greetings to workers at the Hongda paper mill.",
    "Zhao Ming, mayor of Pingle, on May 3 dropped in on the Hongda paper mill.",
])
def test_visits_in_other_words(text: str) -> None:
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert [o.name for o in visit.officials] == ["Zhao Ming"] and visit.stops


def test_an_inspection_only_spoken_of_in_a_meeting_is_no_visit() -> None:
    text = ("The Standing Committee convened a meeting to study the speech the leader gave when inspecting "
            "reconstruction work. Secretary Liu Hua presided over the meeting.")
    assert extract_visits(text, published="2024-05-04", lang="en") == []


def test_hard_wrapped_lines_keep_their_frames() -> None:
    text = ("On May 3, Zhao Mingyuan, Secretary of the Municipal Party Committee, went to Pingle County\n"
            "to inspect the Hongda paper mill, accompanied by\nWu Hai, vice mayor, and Deng Qiming,\n"
            "secretary-general of the municipal government.")
    assert _roles(text) == (["Zhao Mingyuan"], ["Wu Hai", "Deng Qiming"])


@pytest.mark.parametrize("text", [
    "On May 3, Zhao Ming, Secretary of the Municipal Party Committee, led Wu Hai, vice mayor, to inspect the "
    "Hongda paper mill.",
    "On May 3, Zhao Ming, Secretary of the Municipal Party Committee, inspected the Hongda paper mill with "
    "Wu Hai, vice mayor.",
    "On May 3, Zhao Ming, Secretary of the Municipal Party Committee, inspected the Hongda paper mill. "
    "Wu Hai, vice mayor, was with him.",
    "On May 3, Zhao Ming, Secretary of the Municipal Party Committee, led a delegation including Wu Hai, "
    "vice mayor, to the Hongda paper mill.",
])
def test_people_the_leader_takes_along(text: str) -> None:
    assert _roles(text) == (["Zhao Ming"], ["Wu Hai"])


def test_a_list_of_titled_companions_keeps_every_name() -> None:
    text = (LEAD + "CPC Pingle Municipal Committee Secretary Hu Zhongxin, Pingle Mayor Liu Hesheng, city "
            "leaders including Li Aiwu and Xu Xinchu joined the tour.")
    assert _roles(text) == (["Zhao Mingyuan"], ["Hu Zhongxin", "Liu Hesheng", "Li Aiwu", "Xu Xinchu"])


@pytest.mark.parametrize("tail", [
    "He was accompanied by vice mayor Wu Hai and secretary-general Deng Qiming.",
    "Executive vice mayor Wu Hai and director-general Deng Qiming accompanied him.",
    "Standing committee member Wu Hai and vice chairman Deng Qiming accompanied him.",
    "Vice Chairman of the Provincial CPPCC Wu Hai and Deputy Secretary-General of the Provincial "
    "Government Deng Qiming accompanied him.",
])
def test_lower_case_and_hyphenated_titles_before_names(tail: str) -> None:
    assert _roles(LEAD + tail) == (["Zhao Mingyuan"], ["Wu Hai", "Deng Qiming"])


def test_a_reception_in_the_office_is_no_visit() -> None:
    text = ("On May 3, Zhao Ming, mayor of Pingle, received a delegation from the Hongda Group and visited "
            "its exhibition booth in the city hall lobby afterwards.")
    assert extract_visits(text, published="2024-05-04", lang="en") == []


def test_officials_named_anywhere_in_the_visit_take_part() -> None:
    text = (LEAD + "At the mill, he watched the new pulping line at work. "
            "Wu Hai, deputy secretary of the county Party committee, briefed him on the county's "
            "paper industry. The mill's general manager, Sun Li, showed the products.")
    assert _roles(text) == (["Zhao Mingyuan"], ["Wu Hai"])


def test_a_bare_director_or_a_historic_figure_is_not_taking_part() -> None:
    text = (LEAD + "Qian Bo, the director, showed him the warehouse. He recalled Deng Xiaoping, "
            "the chief architect of the reform, at the mill's museum.")
    assert _roles(text) == (["Zhao Mingyuan"], [])


def test_county_and_district_heads_are_titles() -> None:
    text = ("On May 3, district head Zhou Ping inspected the Hongda paper mill in Pingle County. "
            "Deputy county head Wu Hai took part.")
    assert _roles(text) == (["Zhou Ping"], ["Wu Hai"])


def test_an_official_in_a_sentence_about_something_else_is_not_taking_part() -> None:
    text = (LEAD + "He watched the new pulping line at work. "
            "The county's paper industry grew by a tenth last year, Wu Hai, deputy secretary of the "
            "county Party committee, told a conference in March.")
    assert _roles(text) == (["Zhao Mingyuan"], [])


def test_a_title_held_by_reference_to_the_body_named_before() -> None:
    text = (LEAD + "Officials including Wu Hai, the county's Party chief, and Deng Qiming, its deputy "
            "head, joined him. Sun Li, its general manager, showed the products.")
    assert _roles(text) == (["Zhao Mingyuan"], ["Wu Hai", "Deng Qiming"])


def test_every_name_in_a_participation_clause_comes_along_titled_or_not() -> None:
    text = ("Xinyang mayor Li Jun inspected the Hongfeng Steel Plant on May 4. Also present at the "
            "inspection were Wang Hua, the city's vice mayor, and Zhou Lin.")
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert [o.name for o in visit.officials] == ["Li Jun"]
    assert [o.name for o in visit.accompanying] == ["Wang Hua", "Zhou Lin"]


def test_the_subject_after_an_accompanied_by_opener_leads() -> None:
    text = "On May 4, accompanied by Wang Hua and Zhou Lin, Mayor Li Jun inspected the Hongfeng Steel Plant."
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert [(o.name, o.title) for o in visit.officials] == [("Li Jun", "Mayor")]
    assert [o.name for o in visit.accompanying] == ["Wang Hua", "Zhou Lin"]


def test_a_team_including_named_members_comes_along() -> None:
    text = ("On May 4, under the leadership of Mayor Li Jun, a team including Wang Hua and Zhou Lin "
            "inspected the Hongfeng Steel Plant.")
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert [o.name for o in visit.officials] == ["Li Jun"]
    assert [o.name for o in visit.accompanying] == ["Wang Hua", "Zhou Lin"]


def test_officials_in_attendance_come_along() -> None:
    text = ("On May 4, Mayor Li Jun conducted a field survey on the construction of key projects in Pingle "
            "County, with Wang Hua, deputy mayor, and Zhou Lin, secretary-general of the municipal "
            "government, in attendance.")
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert [o.name for o in visit.officials] == ["Li Jun"]
    assert [o.name for o in visit.accompanying] == ["Wang Hua", "Zhou Lin"]


def test_a_title_of_a_lower_case_body_before_the_name() -> None:
    text = ("On May 8, Mayor Li Jun inspected the Hongfeng Steel Plant. Vice Mayor Wang Hua and "
            "Secretary-General of the municipal government Zhou Lin joined the inspection.")
    [visit] = extract_visits(text, published="2024-05-10", lang="en")
    assert [o.name for o in visit.accompanying] == ["Wang Hua", "Zhou Lin"]
    assert visit.accompanying[1].title == "Secretary-General of the municipal government"


def test_companions_in_more_participation_frames() -> None:
    cases = [
        ("Mayor Li Jun visited the Hongfeng Steel Plant on May 4. Accompanying Li on the visit were "
         "deputy mayors Wang Hua and Zhou Lin.", ["Wang Hua", "Zhou Lin"]),
        ("Governor Li Jun visited the Hongfeng Steel Plant on May 4, accompanied by provincial "
         "officials Wang Hua and Zhou Lin.", ["Wang Hua", "Zhou Lin"]),
        ("Li Jun, Party secretary of Xinyang, inspected the Hongfeng Steel Plant on May 4. Xinyang "
         "mayor Wang Hua and vice-mayor Zhou Lin were also on the trip.", ["Wang Hua", "Zhou Lin"]),
        ("Mayor Li Jun, along with vice mayors Wang Hua and Zhou Lin, visited the Hongfeng Steel "
         "Plant on May 4.", ["Wang Hua", "Zhou Lin"]),
    ]
    for text, companions in cases:
        [visit] = extract_visits(text, published="2024-05-10", lang="en")
        assert [o.name for o in visit.officials] == ["Li Jun"], text
        assert [o.name for o in visit.accompanying] == companions, text


def test_names_with_u_umlaut_and_names_listed_after_a_body() -> None:
    text = ("On May 4, Lyu Jianping, mayor of Xinyang, inspected the Hongfeng Steel Plant, accompanied by "
            "Vice Mayor Lü Na. Leaders of the municipal government Wang Hua and Zhou Lin, and leaders "
            "of Pingqiao District Ma Tao and Sun Bo, took part.")
    [visit] = extract_visits(text, published="2024-05-12", lang="en")
    assert [o.name for o in visit.officials] == ["Lyu Jianping"]
    assert [o.name for o in visit.accompanying] == ["Lü Na", "Wang Hua", "Zhou Lin", "Ma Tao", "Sun Bo"]


def test_bare_names_sharing_a_visit_verb_all_lead_and_participating_were() -> None:
    [visit] = extract_visits("Li Jun, Wang Hua and Zhou Lin inspected the Hongfeng Steel Plant on May 4.",
                             published="2024-05-12", lang="en")
    assert [o.name for o in visit.officials] == ["Li Jun", "Wang Hua", "Zhou Lin"]
    [visit] = extract_visits("Mayor Li Jun inspected the Hongfeng Steel Plant on May 4. Also participating "
                             "in the research were Wang Hua and Zhou Lin.", published="2024-05-12", lang="en")
    assert [o.name for o in visit.accompanying] == ["Wang Hua", "Zhou Lin"]


def test_companions_of_a_foreign_visit_with_western_titles() -> None:
    text = ("Governor Kathy Hochul toured the Micron site in Clay on Monday, joined by Senate Majority "
            "Leader Chuck Schumer and County Executive Ryan McMahon.")
    [visit] = extract_visits(text, published="2024-05-12", lang="en")
    assert [o.name for o in visit.accompanying] == ["Chuck Schumer", "Ryan McMahon"]


def test_the_plant_party_secretary_and_a_scientist_are_hosts() -> None:
    text = ("On May 4, Mayor Li Jun inspected the Hongfeng Steel Plant. Ma Tao, Party secretary of the "
            "plant, briefed him. Academician Zhang Min, chief scientist of the project, accompanied the "
            "inspection, and Vice Mayor Wang Hua took part.")
    [visit] = extract_visits(text, published="2024-05-12", lang="en")
    assert [o.name for o in visit.accompanying] == ["Wang Hua"]


def test_bare_names_and_other_leaders_lead() -> None:
    [visit] = extract_visits("On May 4, Zhou Qiang, Wang Hua and other provincial leaders inspected the "
                             "Hongfeng Steel Plant.", published="2024-05-12", lang="en")
    assert [o.name for o in visit.officials] == ["Zhou Qiang", "Wang Hua"]


def test_an_official_named_in_the_possessive_of_the_tour_leads() -> None:
    [visit] = extract_visits("Governor Wang Hua's inspection tour took him to Luoyang and Nanyang from May 4 "
                             "to 6.", published="2024-05-12", lang="en")
    assert [o.name for o in visit.officials] == ["Wang Hua"]
    assert visit.regions == ["Luoyang", "Nanyang"]


@pytest.mark.parametrize("tail", [
    "Leaders of the county, such as Wu Hai and Deng Qiming, accompanied the research.",
    "Wu Hai, Deng Qiming and relevant department heads accompanied.",
    "Comrades Wu Hai, Deng Qiming and others accompanied the survey.",
    "Also on the tour were Wu Hai, vice mayor, and Deng Qiming, head of Pingle County.",
    "Members of the delegation included Wu Hai and Deng Qiming.",
])
def test_companions_in_open_lists(tail: str) -> None:
    assert _roles(LEAD + tail) == (["Zhao Mingyuan"], ["Wu Hai", "Deng Qiming"])


@pytest.mark.parametrize("text", [
    "Mayor Karen Lowe toured the Jordan Downs housing site on May 3 with Councilmember Curren Pike "
    "and Deputy Mayor Randall Winn.",
    "Mayor Karen Lowe inspected the Hongda Paper Co., Ltd. on May 3 in the company of Councilmember "
    "Curren Pike and Deputy Mayor Randall Winn.",
])
def test_every_official_listed_after_with_comes_along(text: str) -> None:
    assert _roles(text) == (["Karen Lowe"], ["Curren Pike", "Randall Winn"])


@pytest.mark.parametrize("tail", [
    "Vice Mayor Wu Hai and District Chief Deng Qiming were on hand.",
    "Wu Hai, Deng Qiming and other municipal leaders, as well as the main responsible comrades of the "
    "relevant departments, accompanied the inspection.",
    "Wu Hai and Deng Qiming, both vice mayors, were also present.",
    "Accompanying personnel: Wu Hai, Deng Qiming.",
])
def test_companions_with_titles_of_their_own_shared_or_in_a_colon_list(tail: str) -> None:
    assert _roles(LEAD + tail) == (["Zhao Mingyuan"], ["Wu Hai", "Deng Qiming"])


def test_companions_in_attendance_after_with() -> None:
    text = ("Zhao Mingyuan, Secretary of the Municipal Party Committee, visited the Hongda paper mill on "
            "May 3, with Wu Hai, Deng Qiming and Ma Tao in attendance.")
    assert _roles(text) == (["Zhao Mingyuan"], ["Wu Hai", "Deng Qiming", "Ma Tao"])


def test_a_chairman_without_a_body_is_the_host() -> None:
    text = ("On May 3, Zhao Mingyuan, Secretary of the Municipal Party Committee, came to Hongda Group. "
            "Accompanied by Chairman Zhou Bin, Secretary Zhao visited the production workshop.")
    assert _roles(text) == (["Zhao Mingyuan"], [])


def test_a_second_title_inside_a_list_of_titled_names() -> None:
    assert _roles(LEAD + "Mayor Wu Hai and Vice Mayor Ma Lin were on hand.") == (
        ["Zhao Mingyuan"], ["Wu Hai", "Ma Lin"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Mayor Eric Adams visited the Hunts Point Produce Market on May 3, joined by Deputy Mayor Maria "
     "Torres-Springer and Council Member Rafael Salamanca.",
     (["Eric Adams"], ["Maria Torres-Springer", "Rafael Salamanca"])),
    ("Party General Secretary Nguyen Phu Trong on May 3 visited the Thai Nguyen Iron and Steel Company, "
     "accompanied by Politburo member Truong Thi Mai.", (["Nguyen Phu Trong"], ["Truong Thi Mai"])),
])
def test_member_titles_of_councils_and_the_politburo(
        text: str, expected: tuple[list[str], list[str]]) -> None:
    assert _roles(text) == expected


@pytest.mark.parametrize("tail", [
    "County leaders Wu Hai, Deng Qiming company.",
    "Wu Hai and Deng Qiming escorted him.",
    "The relevant leaders Wu Hai and Deng Qiming went together.",
    "Provincial leaders Wu Hai and He Qiming accompanied the inspection.",
])
def test_machine_translated_taking_part(tail: str) -> None:
    companions = ["Wu Hai", "He Qiming"] if "He Qiming" in tail else ["Wu Hai", "Deng Qiming"]
    assert _roles(LEAD + tail) == (["Zhao Mingyuan"], companions)


@pytest.mark.parametrize("text", [
    "On May 3, Zhao Mingyuan, Secretary of the Municipal Party Committee, came to Hongda Group for "
    "investigation, Wu Hai, Deng Qiming and other city leaders accompanied the investigation.",
    "On May 3, Zhao Mingyuan, Secretary of the Municipal Party Committee, came to Hongda Group for "
    "investigation, and Wu Hai, Deng Qiming participated.",
    "With the accompaniment of Vice Mayor Wu Hai and Vice Mayor Deng Qiming, Zhao Mingyuan, Secretary of "
    "the Municipal Party Committee, came to Hongda Group on May 3.",
])
def test_companions_after_a_comma_splice_or_an_accompaniment(text: str) -> None:
    assert _roles(text) == (["Zhao Mingyuan"], ["Wu Hai", "Deng Qiming"])


def test_a_participle_between_the_subject_and_its_verb() -> None:
    text = ("On May 3, Mayor Zhao Mingyuan and his party, accompanied by Wu Hai, secretary of the district "
            "party committee, came to Hongda Group.")
    assert _roles(text) == (["Zhao Mingyuan"], ["Wu Hai"])


def test_an_official_of_the_place_who_briefs_the_party_takes_part() -> None:
    text = ("On May 3, Zhao Mingyuan, Secretary of the Municipal Party Committee, visited Hongda Group. "
            "Wu Hai, the county's Party secretary, introduced the county's industrial development.")
    assert _roles(text) == (["Zhao Mingyuan"], ["Wu Hai"])



@pytest.mark.parametrize("tail", [
    "Previously, on April 2, Vice Mayor Wu Hai had inspected the same mill.",
    "In December 2019, Vice Mayor Wu Hai visited the mill and praised its progress.",
])
def test_an_official_of_an_earlier_visit_told_in_passing_is_no_companion(tail: str) -> None:
    assert _roles(LEAD + tail) == (["Zhao Mingyuan"], [])


def test_a_companion_whose_title_names_a_body_with_its_place_before_the_name() -> None:
    tail = "Member of the Standing Committee of the Pingle County Party Committee Hu Xiaolin accompanied."
    assert _roles(LEAD + tail) == (["Zhao Mingyuan"], ["Hu Xiaolin"])


def test_the_head_of_the_mill_visited_in_lower_case_is_its_host() -> None:
    tail = "Li Hua, chairman of Hongda Paper, accompanied the inspection and introduced the production."
    assert _roles(LEAD + tail) == (["Zhao Mingyuan"], [])


@pytest.mark.parametrize(("tail", "companions"), [
    ("The delegation also included Deng Qiming, Ouyang Xiaofeng, and Sima Jun.",
     ["Deng Qiming", "Ouyang Xiaofeng", "Sima Jun"]),
    ("Wu Hai, Deputy Secretary of the County Party Committee and County Magistrate, reported on the "
     "county's work.", ["Wu Hai"]),
])
def test_two_character_surnames_and_a_local_official_who_reports_to_the_party(
        tail: str, companions: list[str]) -> None:
    assert _roles(LEAD + tail) == (["Zhao Mingyuan"], companions)


def test_the_general_manager_who_accompanies_the_lead_is_a_host() -> None:
    text = ("On June 17th, a delegation led by Secretary Zhao Mingyuan visited our company. Accompanied by "
            "Secretary Liu, the company's Party Branch Secretary, and General Manager Jiang, Secretary Zhao "
            "Mingyuan and his delegation toured the production site.")
    assert _roles(text) == (["Zhao Mingyuan"], [])


def test_a_hyphenated_title_after_an_honorific_name_is_not_part_of_the_name() -> None:
    tail = "Mr. Deng Qiming, Vice Mayor, and Mr. Wu Hai, Secretary-General, accompanied the inspection."
    assert _roles(LEAD + tail) == (["Zhao Mingyuan"], ["Deng Qiming", "Wu Hai"])
