"""English officials in the forms real articles use besides "Name, Title," (fictional sentences)."""

from __future__ import annotations

import pytest

from crawler.visits import extract_visits
from crawler.visits.en.names import is_pinyin_name, join_split_given


def _names(people: list) -> list[str]:
    return [p.name for p in people]


def test_pinyin_names_split_into_syllables() -> None:
    assert is_pinyin_name("Wang Bo") and is_pinyin_name("Shen Dong") and is_pinyin_name("Li Xiao dong")
    assert not is_pinyin_name("Fengyang County") and not is_pinyin_name("Mayor Zu")
    assert join_split_given("Li Xiao dong") == "Li Xiaodong"
    assert join_split_given("Liu Haifeng came") == "Liu Haifeng came"


def test_title_then_name_with_a_weekday_after_it() -> None:
    text = ("HEFEI, March 3 (Xinhua) -- Chinese Vice Premier Gao Minghui Tuesday stressed flood control.\n"
            "Gao made the remarks during an inspection tour of Fengyang County, where he visited the "
            "Huaihe Sluice Project.")
    [visit] = extract_visits(text, published="2026-03-04", lang="en")
    assert _names(visit.officials) == ["Gao Minghui"]


def test_title_in_brackets_and_org_before_the_title() -> None:
    text = "On May 9, Sun Haoran (Secretary of District Committee) visited Qinglong Community."
    [visit] = extract_visits(text, published="2024-05-11", lang="en")
    assert [(o.name, o.title) for o in visit.officials] == [("Sun Haoran", "Secretary of District Committee")]
    text = "On May 10, Mr Zhou Ming, Fengtai District Secretary, went to the Linhe Chemicals Co., Ltd."
    [visit] = extract_visits(text, published="2024-05-11", lang="en")
    assert [(o.name, o.title) for o in visit.officials] == [("Zhou Ming", "Fengtai District Secretary")]


def test_caption_and_president_of_a_state_body() -> None:
    text = ("Zhao Pengfei (2nd L), vice governor, talks with workers at the Hongfeng Boiler Plant in "
            "Fengyang County on June 2. Wu Hai, Vice-President of the Provincial Development Research "
            "Center, participated in the inspection.")
    [visit] = extract_visits(text, published="2024-06-03", lang="en")
    assert _names(visit.officials) == ["Zhao Pengfei"]
    assert _names(visit.accompanying) == ["Wu Hai"]


def test_surname_only_title_and_company_hosts() -> None:
    text = ("On the morning of July 8, the mayor and leaders of related departments visited the Hengda "
            "factory. Hengda President Qiu Liang accompanied the leaders.\n\n"
            "Mayor Ye and his entourage visited the workshop, accompanied by the Party Branch Secretary "
            "Lin Tao of the company.")
    [visit] = extract_visits(text, published="2024-07-09", lang="en")
    assert _names(visit.officials) == ["Mayor Ye"]
    assert visit.accompanying == []


def test_accompanying_list_after_the_visit() -> None:
    text = ("On September 6, Shen Ping, Secretary of the County Party Committee, inspected the Dongfang "
            "Testing Equipment Base. Accompanying him were county leaders Wan Jun, Wang Xiaofeng and "
            "the zone secretary Wang Qing.")
    [visit] = extract_visits(text, published="2024-09-07", lang="en")
    assert _names(visit.officials) == ["Shen Ping"]
    assert _names(visit.accompanying) == ["Wan Jun", "Wang Xiaofeng", "Wang Qing"]


def test_title_of_place_then_name_and_split_given_name() -> None:
    text = ("Li Jian, Party secretary of Pingle city, led a delegation with the mayor of Pingle Wang Bo "
            "and visited the Huaxin Steel Company on Dec 14. Vice mayor Li Xiao dong accompanied them.")
    [visit] = extract_visits(text, published="2024-12-20", lang="en")
    assert _names(visit.officials) == ["Li Jian", "Wang Bo"]
    assert _names(visit.accompanying) == ["Li Xiaodong"]


def test_possessive_body_and_chinese_name_in_brackets() -> None:
    for text in ("Wang Wei, the city's mayor, visited the Hongda paper mill on May 3.",
                 "On May 3, Wang Wei (王伟), mayor of Pingle, visited the Hongda paper mill."):
        [visit] = extract_visits(text, published="2024-05-04", lang="en")
        assert _names(visit.officials) == ["Wang Wei"]


def test_a_hyphenated_vice_title_before_the_name_is_kept_whole_and_names_no_region() -> None:
    text = "On May 4, the Vice-Governor of Henan Province, Wang Hua, inspected the Hongfeng Steel Plant."
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert [(o.name, o.title) for o in visit.officials] == [("Wang Hua", "Vice-Governor of Henan Province")]
    assert visit.regions == []


def test_a_title_in_a_who_is_clause() -> None:
    text = ("On May 4, Wang Hua, who is also secretary of the Party committee, inspected the Hongfeng "
            "Steel Plant.")
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert [(o.name, o.title) for o in visit.officials] == [("Wang Hua", "secretary of the Party committee")]


def test_a_top_official_and_an_inspection_visit_to_a_named_company() -> None:
    [visit] = extract_visits("On May 3, Zhou Ming, the city's top official, paid an inspection visit to "
                             "Hongda Paper.", published="2024-05-04", lang="en")
    assert _names(visit.officials) == ["Zhou Ming"] and _names(visit.stops) == ["Hongda Paper"]


def test_people_who_visited_the_city_make_no_visit_of_the_official() -> None:
    assert extract_visits("On May 3, Mayor Zhou Ming hosted a dinner for overseas Chinese entrepreneurs who "
                          "visited Xinyang.", published="2024-05-04", lang="en") == []


def test_an_officials_own_inspection_team_and_a_caption_talking_to_workers() -> None:
    for text in ("On May 4, Mayor Du Jiahao's inspection team visited Hengtai Group.",
                 "Du Jiahao (R), mayor of Xinyang, talks to a worker at Hengtai Group on May 4."):
        [visit] = extract_visits(text, published="2024-05-06", lang="en")
        assert _names(visit.officials) == ["Du Jiahao"], text


def test_a_central_inspection_team_is_still_no_visit() -> None:
    assert extract_visits("On May 4, the central inspection team stationed in Xinyang received reports on "
                          "Mayor Du Jiahao.", published="2024-05-06", lang="en") == []


def test_a_lower_case_given_name_after_a_title() -> None:
    [visit] = extract_visits("On May 4, Mayor Zhou jianguo visited Hengtai Group.", published="2024-05-06",
                             lang="en")
    assert _names(visit.officials) == ["Zhou jianguo"]
    [visit] = extract_visits("On May 4, Mayor Li came to Hengtai Group.", published="2024-05-06", lang="en")
    assert _names(visit.officials) == ["Mayor Li"]


def test_a_newly_appointed_mayor_on_a_visit() -> None:
    [visit] = extract_visits("On May 4, Zhou Ming, the newly appointed mayor of Xinyang, inspected Hengtai "
                             "Group.", published="2024-05-06", lang="en")
    assert _names(visit.officials) == ["Zhou Ming"]


def test_a_title_held_in_a_university_named_after_the_name_is_no_officials() -> None:
    assert extract_visits("On May 4, President Zhang Wei of Xinyang Normal University visited Hengtai Group.",
                          published="2024-05-06", lang="en") == []


def test_a_four_word_name_after_its_title() -> None:
    text = ("Vice State President Tran Thi Minh Chau paid a visit to the central province of Quang Binh on "
            "May 3 and presented gifts at the Quang Binh General Hospital.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert [o.name for o in visit.officials] == ["Tran Thi Minh Chau"]


def test_names_after_an_honorific_in_any_language() -> None:
    [visit] = extract_visits(
        "The Health Minister, Mr. Kofi Mensah Boateng has inspected some health facilities in the Pingle "
        "District. The Minister was accompanied by the regional Health Director, Dr. Ama Serwaa, and the "
        "District Chief Executive Madam Abena Owusu Darko. He inspected the construction of the district "
        "hospital at Xishan.", published="2018-03-30", lang="en")
    assert [p.name for p in visit.officials] == ["Kofi Mensah Boateng"]
    assert [p.name for p in visit.accompanying] == ["Ama Serwaa", "Abena Owusu Darko"]


def test_a_minister_for_a_portfolio_then_a_name_in_any_language() -> None:
    [visit] = extract_visits(
        "LAHORE - Provincial Minister for Food, Zahir Shah Khan, paid a surprise visit to the Pingle Medical "
        "Complex on Wednesday.", published="2024-04-18", lang="en")
    assert [p.name for p in visit.officials] == ["Zahir Shah Khan"]
    assert [s.name for s in visit.stops] == ["Pingle Medical Complex"]


def test_a_name_ending_in_a_unit_or_structure_word_is_no_person() -> None:
    text = ("On May 3, Gao Mingyuan, vice mayor, inspected river works in Pingle. Wu Qiang, vice governor "
            "of Xishan Province, Tang Lifen, captain of the Qinghe Street Squad, municipal leaders Ma Jun "
            "and Feng Lei accompanied the inspection.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert "Qinghe Street Squad" not in _names(visit.accompanying)
    assert {"Wu Qiang", "Ma Jun", "Feng Lei"} <= set(_names(visit.accompanying))


def test_every_pinyin_name_in_a_list_before_accompanied_comes_along() -> None:
    """A list of 'Name, description,' pairs before 'accompanied': a description that is no known
    title ('inspection team member', 'captain of the ... Squad') still names a companion."""
    text = ("On the afternoon of May 3, a provincial inspection team led by Gao Mingyuan visited Pingle "
            "to inspect river management. Sun Dehai, inspection team member, Wu Qiang, vice governor of "
            "Xishan Province, Tang Lifen, captain of the Qinghe Street Squad, Zhou Ying¡¯an, secretary of "
            "the Pingle Municipal Committee, municipal leaders Ma Jun and Feng Lei accompanied the team "
            "members on the tour.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert _names(visit.officials) == ["Gao Mingyuan"]
    assert sorted(_names(visit.accompanying)) == ["Feng Lei", "Ma Jun", "Sun Dehai", "Tang Lifen", "Wu Qiang",
                                                  "Zhou Ying’an"]
    # the chairman of the group visited is its host
    text = ("On May 3, Gao Mingyuan, vice mayor, went to Hongda Textile to inspect production. Sun Dehai, "
            "director of the municipal government office, and Wu Qiang, chairman of Hongda group, "
            "accompanied the inspection.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert _names(visit.accompanying) == ["Sun Dehai"]


def test_guests_listed_after_a_colon_with_honorifics_come_along() -> None:
    """'The following guests ...: Title, Mr. Given Surname; Title, Mr. Given, Surname; ...'."""
    text = ("On May 3, Governor Zhao Mingyuan of Xishan Province came to Hongda Textile Co., Ltd. to inspect "
            "production.\n\nThe following guests were also present at the site: Executive Vice Governor, "
            "Mr. Wei Sun; Director of the provincial development and reform commission, Mr. Jianguo, Feng; "
            "The Mayor of Pingle, Mr. Lifen, Tang.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert _names(visit.officials) == ["Zhao Mingyuan"]
    assert _names(visit.accompanying) == ["Wei Sun", "Jianguo Feng", "Lifen Tang"]


def test_a_title_word_before_a_lower_case_given_name_is_no_lead() -> None:
    """A machine-translated headline ('Section jianhua, director of ...') names no one: the body's
    lead leads and the one accompanying him comes along."""
    text = ("Section jianhua, director of the stone Bridge sub-district office, led a team to visit "
            "schools\n\nOn March 1, Gao Jianhua, director of Qinghe Sub-district Office, accompanied by "
            "Ma Lin, director of Qinghe Education Branch, visited the middle schools and kindergartens "
            "of Qinghe Sub-district.")
    [visit] = extract_visits(text, published="2024-03-02", lang="en")
    assert _names(visit.officials) == ["Gao Jianhua"]
    assert _names(visit.accompanying) == ["Ma Lin"]


def test_a_word_left_of_a_stripped_phrase_is_no_name() -> None:
    text = ("The Minister of Roads, Mr. Kwame Boateng Asante has inspected roads in the Wenchi District. The "
            "Minister was accompanied by Dr. Yaw Mensah, Deputy Regional Director in charge of Public Works, "
            "the Member of Parliament for Wenchi Mr. Kofi Adu and officials of the ministry.")
    [visit] = extract_visits(text, published="2024-03-02", lang="en")
    assert _names(visit.accompanying) == ["Yaw Mensah", "Kofi Adu"]


def test_the_officials_after_accompany_with_lead() -> None:
    """Machine translation: 'A and B, accompany with C and D, survey our company': C and D lead."""
    text = ("Provincial Officers Survey Our Company\n\nThe county development zone director Ma Jun and the "
            "county foreign affairs office director Feng Lei, accompany with the provincial foreign affairs "
            "office deputy director Wang Hua and the city foreign affairs office director Liu Mei survey our "
            "company Hongda Textile Co., Ltd. on May 3, 2024.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert _names(visit.officials) == ["Wang Hua", "Liu Mei"]
    assert _names(visit.accompanying) == ["Ma Jun", "Feng Lei"]


def test_an_ambassador_after_his_excellency_with_a_nationality_before_the_title() -> None:
    text = ("On May 3, 2021, H.E. Zhou Hua, Chinese Ambassador in Pelora, together with the commercial "
            "counsellor, inspected the Pelora Stadium Project.")
    [visit] = extract_visits(text, lang="en")
    assert [p.name for p in visit.officials] == ["Zhou Hua"]


def test_a_sentence_adverb_before_a_title_is_no_name() -> None:
    text = ("On May 3, 2021, Chairman of the Xishan People's Committee Tran Van Minh visited the Baima farm. "
            "Accordingly, Chairman of the committee visited the Qinghe vegetable cooperative.")
    [visit] = extract_visits(text, lang="en")
    assert visit.accompanying == []


def test_a_name_with_the_particle_bin_is_whole() -> None:
    text = ("Dammar: Khalid bin Saeed Al-Harbi, Minister of Ports, inspected the Dammar Grain Terminal on "
            "May 3, 2023.")
    [visit] = extract_visits(text, lang="en")
    assert [p.name for p in visit.officials] == ["Khalid bin Saeed Al-Harbi"]


def test_words_of_a_body_after_its_title_are_no_name() -> None:
    text = ("Vice-Premier Zhou Hua, who is also director of the State Forest Fire and Drought Relief "
            "Headquarters, inspected the Qinghe dyke in Baima on July 16, 2024.")
    [visit] = extract_visits(text, lang="en")
    assert [p.name for p in visit.officials] == ["Zhou Hua"]


@pytest.mark.parametrize("name", ["Huai Mingde", "Hong Lixin", "Xun Dongsheng"])
def test_rarer_surnames_of_the_hundred_families_make_names(name: str) -> None:
    text = (f"Between May 2 and 3, Minister of Water Resources {name} carried out an inspection of flood "
            "defences in Baima Province.")
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert [p.name for p in visit.officials] == [name]


def test_the_abbreviated_governor_title_before_a_name() -> None:
    text = ("BRANTVILLE (KXYZ) - Xishan Gov. Dana Whitcombe spent Tuesday touring local businesses in "
            "Brantville, among them Norvale Pumps and Larkin Textile.")
    [visit] = extract_visits(text, published="2023-04-26", lang="en")
    assert _names(visit.officials) == ["Dana Whitcombe"]


def test_a_chairwoman_named_only_in_the_headline() -> None:
    text = ("Chairwoman Tran Thi Lan inspects flood control in Qinghe district\n\n"
            "In the morning of May 15, the Chairwoman of the Provincial People's Committee inspected flood "
            "control in Qinghe district, at the Dongpo dyke and the Baima pumping station.")
    [visit] = extract_visits(text, published="2021-05-16", lang="en")
    assert _names(visit.officials) == ["Tran Thi Lan"]


def test_a_state_leader_named_after_a_nationality_keeps_a_name_of_any_language() -> None:
    [visit] = extract_visits("Norlandian leader Aro Kestani on Monday visited the Dunmere Glass Works, "
                             "state media said.", lang="en")
    assert _names(visit.officials) == ["Aro Kestani"]


def test_a_lower_case_word_that_is_no_pinyin_ends_no_name() -> None:
    from crawler.visits.en.officials import en_mentions
    assert [m.name for m in en_mentions("As usual, the city leader has been touring the counties.")] == []
    named = en_mentions("Zhou jianhua, the city leader, toured the counties.")
    assert [m.name for m in named] == ["Zhou jianhua"]
