"""English leads and companions: people named in a visit article who are not on it, and a lead named
again with a title read into the name (fictional)."""

from __future__ import annotations

import pytest

from crawler.visits import extract_visits


def test_the_one_whose_words_are_carried_out_is_not_on_the_visit() -> None:
    text = ("On May 3, Zhou Hua, secretary of the municipal Party committee, visited Baima County to carry "
            "out the earnest instructions of General Secretary Li Ming. Wang Qiang, secretary-general, took "
            "part in the research.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert ([p.name for p in visit.officials], [p.name for p in visit.accompanying]) == (["Zhou Hua"],
                                                                                         ["Wang Qiang"])


def test_the_one_who_sent_the_delegation_is_not_on_it() -> None:
    text = ("Entrusted by Li Ming, general secretary of the Pingle Central Committee, members of the central "
            "delegation led by Zhou Hua visited residents in Baima on Saturday.")
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert [p.name for p in visit.officials + visit.accompanying] == ["Zhou Hua"]


def test_the_lead_named_again_with_a_title_read_into_the_name_is_no_companion() -> None:
    text = ("Pingle President Zhou Hua inspected Hengda Port and a coastal greenway in Baima.\n"
            "Chinese President Zhou Hua, General Secretary of the Pingle Party, inspected Baima city on "
            "May 23.")
    [visit] = extract_visits(text, published="2024-05-23", lang="en")
    assert [p.name for p in visit.accompanying] == []


def test_officials_called_on_or_met_are_neither_leads_nor_companions() -> None:
    text = ("Secretary for Trade Zhou Hua toured the Hengda Robotics Park in Baima today.\n"
            "In the morning, Mr Zhou called on the Secretary of the Baima Municipal Committee, Mr Li Ming, "
            "to exchange views on co-operation. He held a meeting with the Governor of Pelora Province, "
            "Mr Sun Tao, and later met Baima Mayor Wang Qiang and attended a lunch he hosted.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert ([p.name for p in visit.officials], [p.name for p in visit.accompanying]) == (["Zhou Hua"], [])


def test_a_lead_named_by_honorific_and_surname_leads_and_the_one_he_called_on_does_not() -> None:
    text = ("Mr Fang called on the Secretary of the Baima Municipal Committee, Mr Li Ming, this morning to "
            "exchange views. Mr Fang then visited two companies in Baima.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert ([p.name for p in visit.officials], [p.name for p in visit.accompanying]) == (["Fang"], [])


def test_officials_who_received_the_delegation_are_its_hosts() -> None:
    text = ("Consul General of Pelora, Dr.Mara Teo Lin led a delegation of diplomats to visit the Baima "
            "Economic Development Zone on 2 March 2023. During the tour, the delegation was warmly received "
            "by Mr.Zhou Hua, Vice-Chairman of the Baima Trade Council, and Ms.Li Na, Deputy Mayor of Baima "
            "District.")
    [visit] = extract_visits(text, published="2023-03-06", lang="en")
    assert ([p.name for p in visit.officials], [p.name for p in visit.accompanying]) == (["Mara Teo Lin"], [])


def test_the_chairman_of_the_company_visited_is_its_host() -> None:
    text = ("On May 6, Zhou Hua, Chairman of the Pelora CPPCC, came to Baima Hengda Textiles Co., Ltd. to "
            "look at its dyeing workshop. Sun Tao, Secretary of the Baima County Committee, accompanied him. "
            "Li Ming, Chairman of Hengda Textiles, explained the new looms while accompanying the guests.")
    [visit] = extract_visits(text, published="2024-05-07", lang="en")
    assert [p.name for p in visit.accompanying] == ["Sun Tao"]


def test_a_companion_of_an_unnamed_group_does_not_lead_it() -> None:
    text = ("On May 3, the inspection group of the Baima District Congress visited two communities in Baima "
            "District. Zhou Hua, deputy director of the standing committee of Baima District and heads of "
            "relevant departments accompanied the inspection group. Zhou Hua said both communities had kept "
            "their streets tidy.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert ([p.name for p in visit.officials], [p.name for p in visit.accompanying]) == ([], ["Zhou Hua"])


def test_a_negated_accompaniment_names_the_lead_not_a_companion() -> None:
    text = ("Without prior notice and with no local officials accompanied by the morning of May 3, deputy "
            "secretary of the provincial Party committee, acting governor Zhou Hua, on foot, walked along "
            "the streets of Baima County and came to the Hengda forest park.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert ([p.name for p in visit.officials], [p.name for p in visit.accompanying]) == (["Zhou Hua"], [])


def test_a_guest_who_called_on_the_lead_in_his_office_is_not_on_the_visit() -> None:
    text = ("City Mayor Zhou Hua on Thursday inspected two road projects in Baima District. Municipal Works "
            "Director Li Ming accompanied the mayor to the sites.\nEarlier, Sun Tao, consul of Pelora in "
            "Baima, called on City Mayor Zhou Hua at his office.")
    [visit] = extract_visits(text, published="2024-05-10", lang="en")
    assert [p.name for p in visit.accompanying] == ["Li Ming"]


def test_an_official_whose_report_the_party_heard_takes_part() -> None:
    text = ("On May 3, Zhou Hua, secretary of the municipal Party committee, went to Baima Village to look "
            "at the flood defences and listened to the township Party committee secretary Li Ming's report "
            "on the work.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert ([p.name for p in visit.officials], [p.name for p in visit.accompanying]) == (["Zhou Hua"],
                                                                                         ["Li Ming"])


@pytest.mark.parametrize("middle", ["The group held talks with local hosts including",
                                    "Envoys joined it. They met with local officials including"])
def test_every_official_in_a_list_of_those_met_is_a_host(middle: str) -> None:
    text = ("On May 3, Vice Director Zhou Hua led a group of envoys on a visit to Baima province. "
            f"{middle} Baima Vice Governor Li Ming, Pingle Vice Mayor Wang Qiang and Hexi Vice Mayor "
            "Sun Tao. The envoys then toured the Hengda paper mill.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert ([p.name for p in visit.officials], [p.name for p in visit.accompanying]) == (["Zhou Hua"], [])


def test_a_closing_list_of_the_visiting_side_s_leaders_comes_along() -> None:
    text = ("On May 3, a delegation headed by Zhou Hua, secretary of the Baima Municipal Party Committee, "
            "toured the Hengda paper mill in Pingle.\n\nZhou Hua praised the mill's new boiler line.\n\n"
            "Leaders of the Baima delegation include Li Ming, Wang Qiang, Sun Tao and Gao Lin.")
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    assert ([p.name for p in visit.officials], [p.name for p in visit.accompanying]) == (
        ["Zhou Hua"], ["Li Ming", "Wang Qiang", "Sun Tao", "Gao Lin"])


def test_the_first_official_to_attend_an_unled_delegation_s_inspection_leads_it() -> None:
    text = ("On May 3 and 4, a Baima delegation went to Pingle to study the shared industrial park. "
            "Zhou Hua, Secretary of the Baima Municipal Committee, attended the inspection and gave a talk. "
            "Li Ming, Mayor of Baima, and Wang Qiang, Mayor of Pingle, together cut the ribbon for the "
            "park's new gate. Sun Tao, Chairman of the Baima Municipal Committee of the CPPCC, also attended "
            "the inspection.")
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert ([p.name for p in visit.officials], [p.name for p in visit.accompanying]) == (
        ["Zhou Hua"], ["Li Ming", "Wang Qiang", "Sun Tao"])


def test_those_who_accompany_the_site_s_own_head_are_hosts() -> None:
    text = ("On May 3, Vice Governor Zhou Hua came to Baima Teachers College for a visit.\n\n"
            "Principal Li Ming, accompanied by the Party secretary of the college Wang Qiang and vice "
            "principals Sun Tao and Gao Lin, and Zhou Hua, walked along with Chen Jie, deputy director of "
            "the provincial education department, to tour the robotics lab of the college.")
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert ([p.name for p in visit.officials], [p.name for p in visit.accompanying]) == (
        ["Zhou Hua"], ["Chen Jie"])


def test_a_second_official_joined_to_the_lead_as_subject_of_a_later_visit_sentence_leads_too() -> None:
    text = ("Zhou Hua, director of Baima Sub-district Office, led a team to check schools.\n\n"
            "On the first day of term, Zhou Hua, director of Baima Sub-district Office, and Li Ming, "
            "third-level investigator, accompanied by Wang Qiang, head of the Baima Education Branch, "
            "visited the Hexi middle school.")
    [visit] = extract_visits(text, published="2024-02-20", lang="en")
    assert ([p.name for p in visit.officials], [p.name for p in visit.accompanying]) == (
        ["Zhou Hua", "Li Ming"], ["Wang Qiang"])


def test_an_official_who_will_visit_later_is_no_companion() -> None:
    text = ("Qinghe, June 20: Baima Water Minister Ravi Mehta on Wednesday visited the Dongpo dam site and "
            "reviewed its progress. Mehta was accompanied by deputy minister Anil Varma.\n\n"
            "Chief Minister Suresh Kapoor will visit the Dongpo dam on Thursday.")
    [visit] = extract_visits(text, published="2019-06-20", lang="en")
    assert [p.name for p in visit.accompanying] == ["Anil Varma"]
