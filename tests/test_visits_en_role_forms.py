"""How English reports write roles: title forms, lists, hosts and speakers (fictional sentences).
The frames of taking part are in tests/test_visits_en_roles.py."""

from __future__ import annotations

import pytest
from test_visits_en_roles import LEAD, _roles

from crawler.visits import extract_visits


@pytest.mark.parametrize(("text", "expected"), [
    ("Mayor Brandon Jones on Tuesday toured the new Englewood Health Center alongside Alderman Stephanie "
     "Cole and Public Health Commissioner Olusimbo Ige.",
     (["Brandon Jones"], ["Stephanie Cole", "Olusimbo Ige"])),
    ("Governor Gavin Newman visited the Port of Oakland on Monday. He was joined by Oakland Mayor Sheng Thao "
     "and Port Executive Director Danny Wan.", (["Gavin Newman"], ["Sheng Thao", "Danny Wan"])),
    ("Secretary of Transportation Pete Butler toured the Brent Spence Bridge on Wednesday with Governor "
     "Andy Bell.", (["Pete Butler"], ["Andy Bell"])),
    ("Prime Minister Anthony Allen visited the Kwinana lithium refinery on Thursday, accompanied by "
     "Premier Roger Cook and local MP Madeleine King.",
     (["Anthony Allen"], ["Roger Cook", "Madeleine King"])),
])
def test_western_titles_in_lists_and_after_a_department(
        text: str, expected: tuple[list[str], list[str]]) -> None:
    assert _roles(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Chief Executive John Lee visited the Greater Bay Area Innovation Center in Shenzhen on May 4, "
     "accompanied by Secretary for Innovation, Technology and Industry Sun Dong.",
     (["John Lee"], ["Sun Dong"])),
    ("On May 4, Chief Executive John Lee led a delegation to Guangzhou. Members of the delegation included "
     "the Secretary for Commerce and Economic Development, Algernon Yau, and the Secretary for Transport "
     "and Logistics, Lam Sai-hung.", (["John Lee"], ["Algernon Yau", "Lam Sai-hung"])),
])
def test_hong_kong_offices_before_and_around_names(text: str, expected: tuple[list[str], list[str]]) -> None:
    assert _roles(text) == expected


@pytest.mark.parametrize("text", [
    "On May 4, Zhao Mingyuan, Secretary of the Municipal Party Committee, inspected\nthe Hongda Group and "
    "Jiuding Textile on the morning of May 4. Vice Mayor Wu Hai and Secretary-General\nDeng Qiming "
    "accompanied the inspection and heard reports from the\ncompanies on their production and orders.",
    "On May 4, Zhao Mingyuan，Secretary of the Municipal Party Committee，inspected the Hongda Group。"
    "Vice Mayor Wu Hai and Secretary-General Deng Qiming accompanied。",
    "On May 4, Zhao Mingyuan, Secretary of the Municipal Party Committee, inspected the Hongda Group.\n\n"
    "Accompanying him were:\nWu Hai, vice mayor\nDeng Qiming, secretary-general of the municipal "
    "government\n",
])
def test_scrape_noise_hard_wraps_full_width_commas_and_a_list_a_line(text: str) -> None:
    assert _roles(text) == (["Zhao Mingyuan"], ["Wu Hai", "Deng Qiming"])


def test_a_military_commander_comes_along() -> None:
    tail = "Wu Hai, commander of the Pingle military sub-command, accompanied the inspection."
    assert _roles(LEAD + tail) == (["Zhao Mingyuan"], ["Wu Hai"])


def test_a_place_after_a_comma_is_no_holder_of_an_office() -> None:
    text = ("Secretary of Transportation Pete Butler toured the Brent Spence Bridge in Covington, Kentucky "
            "on Wednesday with Governor Andy Bell.")
    assert _roles(text) == (["Pete Butler"], ["Andy Bell"])
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert [s.name for s in visit.stops] == ["Brent Spence Bridge"]


@pytest.mark.parametrize("tail", [
    "Local officials including Party chief Wu Hai and Mayor Deng Qiming accompanied him.",
    "Wu Hai, Deng Qiming and other officials were with him.",
])
def test_titled_names_after_including_and_companions_with_him(tail: str) -> None:
    assert _roles(LEAD + tail) == (["Zhao Mingyuan"], ["Wu Hai", "Deng Qiming"])


def test_a_company_ending_the_sentence_is_no_taking_part() -> None:
    assert _roles("Mayor Li Jun spent the day in Luoshan County on May 3, meeting farmers at Dongshuang "
                  "Village and workers at the Luoshan Seed Company.") == (["Li Jun"], [])


def test_the_village_party_secretary_who_briefs_is_the_host() -> None:
    text = ("On May 4, Zhao Mingyuan, Secretary of the Municipal Party Committee, inspected Dongshuang "
            "Village. Wu Hai, Party secretary of the village, introduced its tea industry.")
    assert _roles(text) == (["Zhao Mingyuan"], [])


@pytest.mark.parametrize(("text", "expected"), [
    # a hyphen between name and title, either way round
    ("Zhou Ming- Secretary of Pingle Municipal Party Committee took an on-site visit to the Hongda "
     "paper mill on May 3.", (["Zhou Ming"], [])),
    ("On May 3, the County Magistrate- Gao Minghui inspected the Hongda paper mill.", (["Gao Minghui"], [])),
    # lower-case words before the title word; ranks such as inspector and "three-level researcher"
    ("On May 3, Zhou Ming, deputy secretary of the district, and Li Hua, managing director of the "
     "farm bureau, inspected the Xinhe reservoir. Inspector Wu Hai as well as the heads of the water "
     "bureau accompanied the inspection team.", (["Zhou Ming", "Li Hua"], ["Wu Hai"])),
    # a list with one comma-less "Name Title of ..."
    ("On May 3, a group led by its president Zhou Ming surveyed the Hongda paper mill in Pingle County. "
     "Taking part in the survey were Li Hua, Director of the General Office, Wu Hai Director-General of "
     "the Research Department, and Deng Qiming, Director-general of its Department of Strategy.",
     (["Zhou Ming"], ["Li Hua", "Wu Hai", "Deng Qiming"])),
])
def test_title_forms(text: str, expected: tuple[list[str], list[str]]) -> None:
    assert _roles(text) == expected


def test_sentences_run_together_without_a_space() -> None:
    text = ("On the afternoon of May 3, Zhou Ming, deputy secretary of the District Party Committee, "
            "visited the Hongda paper mill and greeted its workers.District Party committee member, "
            "deputy director Li Hua, district second-level inspector Wu Hai visited condolences.Zhou Ming "
            "and his delegation then visited Xinhe Foods.")
    assert _roles(text) == (["Zhou Ming"], ["Li Hua", "Wu Hai"])


def test_the_official_the_party_met_is_its_host() -> None:
    text = ("A group led by its president Zhou Ming surveyed Pingle Province from May 1 to 3, where they "
            "met with Pingle Province governor Li Hua. The group visited the Hongda paper mill.\n"
            "Li Hua (2nd R), governor of Pingle Province, meets with President Zhou Ming (2nd L) and the "
            "survey group.")
    assert _roles(text) == (["Zhou Ming"], [])


def test_a_speech_before_the_visit_does_not_lead_it() -> None:
    text = ("Zhou Ming, secretary of the district, delivered a speech at a meeting about the typhoon on "
            "May 1. To carry out his speech, Li Hua, deputy secretary of the district, and Wu Hai, director "
            "of the farm bureau, carried out an inspection of the Xinhe reservoir on May 3.")
    assert _roles(text) == (["Li Hua", "Wu Hai"], [])
    # the speaker shares a given name with a lead ("Zhou Qiang", "Sun Qiang"): still not on the visit
    text = ("Zhou Qiang, member of the Municipal Party Committee and director of the district, delivered a "
            "speech at an on-site meeting about the typhoon on May 1. To carry out Zhou Qiang's speech, Li "
            "Hua, deputy secretary of the district, and Sun Qiang, director of the farm bureau, carried out "
            "an inspection of the Xinhe reservoir on May 3. Li Hua and his party came to Dongli Village.")
    assert _roles(text) == (["Li Hua", "Sun Qiang"], [])


def test_companions_named_after_their_title_and_place() -> None:
    text = ("Zhao Ming, Party chief of the province, led a team to Hongda Group for an inspection. Party "
            "secretary of Pingle Wu Hailin, mayor Deng Qiming, chief of the United Front Work Department of "
            "Pingle Li Hua, as well as chairman of the board of Hongda Group Chen Bo accompanied the guests.")
    assert _roles(text) == (["Zhao Ming"], ["Wu Hailin", "Deng Qiming", "Li Hua"])


def test_a_party_leadership_group_is_an_official_title() -> None:
    text = ("On September 3, Zhou Hua, vice governor, came to Pingle to inspect Hongda Textile Co., Ltd. "
            "Sun Hao, Secretary of the Party Leadership Group and Vice Chairman of the Provincial Federation "
            "of Trade Unions, and Li Ping, deputy mayor of Pingle, accompanied the inspection.")
    [visit] = extract_visits(text, published="2023-09-04", lang="en")
    assert [p.name for p in visit.accompanying] == ["Sun Hao", "Li Ping"]


def test_a_community_party_secretary_explaining_is_its_host() -> None:
    text = ("On May 9, Zhou Hua, deputy mayor, came to Qinghe community to inspect garbage sorting. "
            "Observing the scene, Liu Mei, secretary of the qinghe Community Party Committee, explained "
            "the practice.")
    [visit] = extract_visits(text, published="2023-05-10", lang="en")
    assert "Liu Mei" not in [p.name for p in visit.accompanying + visit.officials]


def test_a_lead_named_again_by_surname_or_misspelt_is_not_a_companion() -> None:
    text = ("Zhou Hongbin (R), secretary of the Communist Party of China (CPC) Pingle Provincial "
            "Committee, visits the family of a villager in Qinghe Village, Xishan County. Zhou made a tour "
            "of villages in Xishan County from May 3 to 4, 2023.\n\nXISHAN, May 5 -- During 20 hours, Zhou, "
            "Secretary of the Communist Party of China (CPC) Pingle Provincial Committee, traveled more "
            "than 300 kilometers.")
    [visit] = extract_visits(text, published="2023-05-05", lang="en")
    assert [p.name for p in visit.accompanying] == []
    text = ("Sun Cafang, Secretary of the Party Leadership Group of the Provincial Federation of Trade "
            "Unions, and his party visited Hongda Textile.\n\nOn September 6, Sun Caifeng, Secretary of the "
            "Party group of the Provincial Federation of trade unions, and his party came to Pingle to carry "
            "out a special investigation.")
    [visit] = extract_visits(text, published="2023-09-07", lang="en")
    assert [p.name for p in visit.accompanying] == []


def test_a_later_official_going_somewhere_on_his_own_leads_too() -> None:
    text = ("In Qinghe community, Xishan District, Gao Ming, deputy secretary of the Municipal Urban "
            "Management Committee, sorted the garbage with the workers. Sun Bo, deputy director of the "
            "Municipal Urban Management Committee, came to Hongqi community in Dongshan District.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert [o.name for o in visit.officials] == ["Gao Ming", "Sun Bo"]
    assert visit.accompanying == []


def test_officials_introducing_the_site_are_its_hosts() -> None:
    text = ("On May 3, Gao Ming, vice chairman of the Provincial Federation of Trade Unions, visited Hongda "
            "Textile. Sun Bo, deputy secretary of the Pingle Municipal Party Committee, accompanied the "
            "group. Under the guidance and introduction of Ma Jun, secretary of the party committee of the "
            "company, and Feng Lei, vice chairman of the trade union, they visited the activity centre.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert [o.name for o in visit.officials] == ["Gao Ming"]
    assert [o.name for o in visit.accompanying] == ["Sun Bo"]


def test_names_after_a_role_noun_that_lead_the_heads_of_departments_are_the_leads() -> None:
    text = ("On the morning of May 3, 2021, the two chief leaders of the park board, Zhou Hua and Li Ming, "
            "led the heads of its departments to the Hongda Paper Company to learn about its production.")
    [visit] = extract_visits(text, lang="en")
    assert [p.name for p in visit.officials] == ["Zhou Hua", "Li Ming"]


def test_officials_who_watched_the_activity_together_accompany_an_unnamed_party() -> None:
    text = ("On May 3, 2021, members of the provincial forestry meeting visited Baima County. "
            "Zhou Hua, deputy secretary of the Pingle Municipal Party Committee, and Li Ming, head of "
            "the county government watched the activity together. The group toured Qinghe Village.")
    [visit] = extract_visits(text, lang="en")
    assert visit.officials == []
    assert [p.name for p in visit.accompanying] == ["Zhou Hua", "Li Ming"]


def test_an_ambassador_named_after_his_post_and_a_counsellor_inspecting_with_mr_surname_lead() -> None:
    text = ("On May 3, 2021, Chinese Ambassador to Pelora Zhou Hua visited building sites there. "
            "The embassy said Mr Zhou and the trade counsellor in Dorsa Li Ming toured sites built "
            "by Xishan Port Works Co. Ltd.")
    [visit] = extract_visits(text, lang="en")
    assert [p.name for p in visit.officials] == ["Zhou Hua", "Li Ming"]


def test_his_excellency_is_no_part_of_a_companions_name() -> None:
    text = ("On May 3, 2021, Zhou Hua, vice governor of Xishan, toured the Pelora Tea Terminal Project. "
            "His Excellency Li Ming, the Chinese ambassador to Pelora, and officials of its trade ministry "
            "were in company.")
    [visit] = extract_visits(text, lang="en")
    assert [p.name for p in visit.accompanying] == ["Li Ming"]


def test_an_official_whose_speech_the_party_implements_is_not_on_the_visit() -> None:
    text = ("On March 12, 2021, Mayor Zhou Hua went to Baima County to check spring sowing at the Qinghe "
            "wheat base. Zhou stressed that the departments should implement the governor Li Ming "
            "February 22 research forum speech on spring farming.")
    [visit] = extract_visits(text, lang="en")
    assert visit.accompanying == []


@pytest.mark.parametrize("text, lead", [
    ("The Financial Secretary, Mr Henry K Lau, today paid visits to two enterprises in Baima.",
     "Henry K Lau"),
    ("Secretary for Innovation and Industry Prof Zhou Ling toured a software park in Baima today.",
     "Zhou Ling"),
])
def test_leads_after_an_honorific_with_an_initial_or_a_professor(text: str, lead: str) -> None:
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert [p.name for p in visit.officials] == [lead]


def test_title_first_companions_after_accompany_were() -> None:
    text = ("Director Zhou Hua of the Pelora Water Office inspected the Hengda irrigation project in Baima "
            "on May 3.\nAccompany Zhou during the inspection were Director Li Ming of the Baima Works "
            "Office, Executive Deputy Director Sun Tao of the project bureau, Director Wang Qiang of the "
            "Baima Water Office and other local officials.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert [p.name for p in visit.accompanying] == ["Li Ming", "Sun Tao", "Wang Qiang"]


def test_offices_with_an_ampersand_and_hyphenated_given_names() -> None:
    text = ("Chief Executive Mary Tang led a delegation to visit Baima today.\n"
            "Secretary for Commerce & Economic Development Alan Fung, Secretary for Housing & Transport "
            "Peter Ko, and Director of the Chief Executive's Office Ho Kwok-wing also joined the visit. "
            "The delegation toured the Baima Harbour Exhibition Hall.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert [p.name for p in visit.accompanying] == ["Alan Fung", "Peter Ko", "Ho Kwok-wing"]


def test_a_title_joined_to_the_name_by_a_dash() -> None:
    text = ("The Baima Mayor- Zhou Hua paid a visit to the bus terminal construction site on Saturday. "
            "The Mayor was accompanied by the Corporator- Li Na and officials of the corporation.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert ([p.name for p in visit.officials], [p.name for p in visit.accompanying]) == (["Zhou Hua"],
                                                                                         ["Li Na"])


def test_a_country_ending_a_body_or_an_area_before_a_title_is_no_person() -> None:
    text = ("Li Ming, member of the Presidium of the Central Committee of the Labour Party of Norland, "
            "vice-chairman of the State Commission, inspected the site of the Baima chemical plant.\n"
            "Cities in the Pelora Bay Area, President Zhou Hua said, should complement each other.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert [p.name for p in visit.officials + visit.accompanying] == ["Li Ming"]


def test_a_minister_for_a_portfolio_before_a_foreign_name() -> None:
    text = ("Regional Minister for Food Amir Khan Zadran paid a surprise visit to Baima District Hospital on "
            "Monday.")
    [visit] = extract_visits(text, published="2024-05-07", lang="en")
    assert [p.name for p in visit.officials] == ["Amir Khan Zadran"]


def test_a_graded_rank_after_the_name_and_a_companion_after_the_listed_subjects() -> None:
    text = ("On this day, Zhou Hua, director of the Baima Sub-district Office, and Li Na, second-level "
            "investigator, accompanied by Sun Tao, director of the Baima Education Branch, visited the "
            "middle schools in the district.")
    [visit] = extract_visits(text, published="2024-05-07", lang="en")
    assert [p.name for p in visit.officials][:1] == ["Zhou Hua"]
    assert {"Li Na", "Sun Tao"} <= {p.name for p in visit.officials + visit.accompanying}
    assert "Sun Tao" in [p.name for p in visit.accompanying]


@pytest.mark.parametrize("text", [
    # a long title before the honorific and initials after it
    "The trade mission to East Pelora, headed by the Secretary for Trade, Industry and Technology "
    "Development and the honorary leader of the trade mission, Mr Henry K L Lau, continued their visit "
    "to Baima on May 17.",
    # no title at all: a bare name is the subject of a visit verb, also with 'and his party'
    "Zhou Hua investigated the flood control work and held a special meeting\n\nIn the morning, Zhou Hua "
    "and his party came to the Baima reservoir to look at the dam.",
])
def test_leads_named_without_a_title_next_to_them(text: str) -> None:
    [visit] = extract_visits(text, published="2024-05-18", lang="en")
    assert [p.name for p in visit.officials][0] in ("Henry K L Lau", "Zhou Hua")


def test_a_headline_naming_the_tour_by_its_leader_gives_the_lead() -> None:
    text = ("Zhou Hua's inspection tour of Baima\n\nOn Wednesday afternoon, Zhou went to the Hengda museum "
            "and talked with workers there.")
    [visit] = extract_visits(text, published="2024-05-18", lang="en")
    assert [p.name for p in visit.officials] == ["Zhou Hua"]


def test_a_director_general_for_a_body_before_the_name() -> None:
    text = ("City Mayor Zhou Hua on Thursday inspected road works in Baima District. Director General for "
            "Technical Services Amir Khan, and Deputy Mayor Li Ming accompanied the mayor.")
    [visit] = extract_visits(text, published="2024-05-10", lang="en")
    assert [p.name for p in visit.accompanying] == ["Amir Khan", "Li Ming"]


def test_a_congress_chairman_by_its_acronym_and_a_committee_read_as_a_name() -> None:
    text = ("On May 3, Zhou Hua, secretary of the county Party committee, inspected the Hengda sewage plant. "
            "Town Party secretary Sun Tao, NPC chairman Li Ming accompanied the visit.\n"
            "Deputy Secretary of the Baima Municipal Party Committee and Mayor Wang Qiang, Standing "
            "Committee of the Baima Municipal Party Committee, Deputy Mayor Li Na took part.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert [p.name for p in visit.accompanying] == ["Sun Tao", "Li Ming", "Wang Qiang", "Li Na"]


def test_a_headline_co_lead_whom_the_body_has_only_attend_comes_along() -> None:
    text = ("Mayor Qiao Wenbin and vice mayor Fang Lixue came to our plant for an inspection\n"
            "On the morning of June 9th, Mayor Qiao Wenbin inspected the relocation of our plant on site. "
            "Vice mayor Fang Lixue and district head Dou Haiming attended the inspection.")
    assert _roles(text) == (["Qiao Wenbin"], ["Fang Lixue", "Dou Haiming"])


def test_the_lead_named_again_with_the_same_office_and_another_given_name_leads_alone() -> None:
    text = ("Deputy Secretary of the Municipal Party Committee and Secretary of the Party Group of the "
            "Municipal Government, Ren Kaibo, made a surprise visit to markets\n\n"
            "On April 2, the deputy secretary of the municipal party committee and secretary of the party "
            "group of the municipal government, Ren Kaiyuanbo, went into old markets of our city to inspect "
            "them. City leader Mo Tianxi attended.")
    assert _roles(text) == (["Ren Kaibo"], ["Mo Tianxi"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Trade Minister Rosa Quintero visited the Vidrios del Norte plant on Tuesday, accompanied by the "
     "governor of the state, Tomas Arce, and the president of the Glass Corporation, Luis Pardo.",
     (["Rosa Quintero"], ["Tomas Arce"])),
    ("Power Minister Arjun Mehra on Friday visited the Koval Thermal Station. He was accompanied by the "
     "Minister of State (MoS) for Power, R Devaraj Nair.", (["Arjun Mehra"], ["R Devaraj Nair"])),
])
def test_companions_told_title_first_then_a_comma_and_the_name(
        text: str, expected: tuple[list[str], list[str]]) -> None:
    assert _roles(text) == expected


def test_an_official_a_clause_denies_was_there_is_neither_lead_nor_companion() -> None:
    text = ("As before, the leader has been touring the provinces. Unlike last year, he held no talks with "
            "governors, nor did he summon Premier Gao Ruifeng and other ministers for reports.\n"
            "On May 3, Zhao Mingyuan visited the Hongda paper mill, accompanied by provincial Party "
            "Secretary Wu Hai.")
    assert _roles(text) == (["Zhao Mingyuan"], ["Wu Hai"])


def test_the_sites_own_officials_are_hosts_and_a_name_spaced_otherwise_is_the_lead() -> None:
    text = ("Governor Ravi Shankar Menon on Monday visited the Kestrel District Hospital. Later, Governor "
            "Ravishankar Menon, along with senior hospital officials including Superintendent Anil Kumar, "
            "inspected several wards.")
    assert _roles(text) == (["Ravi Shankar Menon"], [])


@pytest.mark.parametrize(("text", "expected"), [
    ("Chief Minister Ravi Teja Rao on Friday inspected the Kondur dam works. The Chief Minister was "
     "accompanied by Water Resources Minister K Suresh Varma, Deputy CM (Revenue) M Lakshmi Devi, other "
     "ministers Pasala Venkat, T Harini, MPs Gopal Mandava and Sirisha Kota, Kondur district Collector "
     "Naveen Reddy.",
     (["Ravi Teja Rao"], ["K Suresh Varma", "M Lakshmi Devi", "Pasala Venkat", "T Harini", "Gopal Mandava",
                          "Sirisha Kota", "Naveen Reddy"])),
    ("Prime Minister Tariq Anwar on Sunday visited the Sorak Dam site. He was accompanied by members of "
     "the National Assembly (NA) Bilal Qadri, Nadia Haroon and the spokesperson of the ruling party, "
     "Asma Qureshi.", (["Tariq Anwar"], ["Bilal Qadri", "Nadia Haroon", "Asma Qureshi"])),
    ("Premier Dorn Velka inspected the Hanri Textile Mill. He was accompanied by Ro Min Sik and Pak "
     "Sol Ju.", (["Dorn Velka"], ["Ro Min Sik", "Pak Sol Ju"])),
])
def test_a_list_of_companions_of_any_language_in_an_accompanying_frame(
        text: str, expected: tuple[list[str], list[str]]) -> None:
    assert _roles(text) == expected


def test_the_head_of_the_company_listed_title_first_in_the_frame_is_a_host() -> None:
    text = ("Minister Rosa Quintero inspected the Vidrios del Norte plant, accompanied by the head of the "
            "Andean Glass Corporation, Luis Pardo.")
    assert _roles(text) == (["Rosa Quintero"], [])


@pytest.mark.parametrize(("text", "expected"), [
    ("President Harold T. Brennan visited the Kestrel tractor works in East Marlow.",
     (["Harold T. Brennan"], [])),
    ("Federal Minister for Ports Omar Saeed Qadri Monday paid a visit to the Kessar bridge works.",
     (["Omar Saeed Qadri"], [])),
    ("DUNMORE, Vale – Governor Ada Lindqvist on Friday toured the Dunmore Glass Works.",
     (["Ada Lindqvist"], [])),
    ("Speaking at the site of the Kessar Dam in Upper Vale, Prime Minister Omar Qadri said the dam would "
     "open next year. He visited the dam's spillway.", (["Omar Qadri"], [])),
])
def test_a_name_is_not_cut_at_an_initial_nor_run_into_a_weekday_nor_taken_from_a_place(
        text: str, expected: tuple[list[str], list[str]]) -> None:
    assert _roles(text) == expected


def test_an_official_told_aside_with_his_own_earlier_visit_is_no_companion() -> None:
    text = ("Water Minister Ravi Menon inspected the Kondur barrage works on Monday. Chief Minister Anil "
            "Varma, who visited the project recently, is firm on completing it on time.")
    assert _roles(text) == (["Ravi Menon"], [])


def test_a_caption_that_names_those_next_to_the_lead_with_capitalised_surnames() -> None:
    text = ("The Chief Executive, Mrs Mabel Tse (second right), inspected the Tai Lam Recreation Centre "
            "works on 25 March. Next to her are the Secretary for Works, Mr Daniel KWOK (second left) and "
            "the Director of Buildings, Mrs Irene LO (first right).")
    assert _roles(text) == (["Mabel Tse"], ["Daniel KWOK", "Irene LO"])


def test_a_secretary_named_after_a_professors_title() -> None:
    text = "Secretary for Food & Health Prof Mabel Tse today visited the Tai Lam clinic and market."
    assert _roles(text)[0] == ["Mabel Tse"]


def test_offices_told_by_short_forms_and_military_ranks_before_names() -> None:
    text = ("Chief Secretary Ravi Menon inspected the Tezu district hospital on Wednesday. Among others, "
            "MLA Tapir Gao, Lohit DC Anu Pertin, SP K N Singpho and MPs Bina Rao and Hari Das accompanied "
            "the Chief Secretary.")
    companions = ["Tapir Gao", "Anu Pertin", "K N Singpho", "Bina Rao", "Hari Das"]
    assert _roles(text) == (["Ravi Menon"], companions)
    text = "Lt. Gen. Tran Van Binh and his entourage visited flood victims in Dong Ha on Monday."
    assert _roles(text)[0] == ["Tran Van Binh"]
