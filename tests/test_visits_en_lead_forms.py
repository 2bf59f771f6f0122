"""Who leads an English visit: leads named in less common frames (fictional sentences)."""

from __future__ import annotations

import pytest

from crawler.visits import extract_visits


def _roles(text: str) -> tuple[list[str], list[str]]:
    visits = extract_visits(text, published="2024-05-04", lang="en")
    return ([o.name for v in visits for o in v.officials],
            [o.name for v in visits for o in v.accompanying])


def test_party_members_group_is_no_company() -> None:
    text = ("On June 2, Luo Pingan, a member of the Leading Party Members Group of the Provincial Audit "
            "Office and deputy auditor, came to Qinghe County to inspect the Fengyuan rice cooperative.")
    assert _roles(text)[0] == ["Luo Pingan"]


def test_chief_procurator_before_the_name() -> None:
    text = ("On May 3, Zhao Mingyuan, Secretary of the Municipal Party Committee, went to Pingle County "
            "to inspect the Hongda paper mill. Chief Procurator Han Dewei of the County Procuratorate "
            "was also in attendance.")
    assert _roles(text) == (["Zhao Mingyuan"], ["Han Dewei"])


def test_under_the_leadership_of_names_the_lead() -> None:
    text = ("On April 9, under the leadership of Tang Weiguo, secretary of the Municipal Party Committee, "
            "a delegation of department heads went to Baishui County to look at three factories.")
    assert _roles(text)[0] == ["Tang Weiguo"]


def test_whose_ideas_the_visit_studies_is_not_on_it() -> None:
    text = ("On April 9, a team of the municipal science bureau went to Baishui County to study on the "
            "spot the ideas put forward by Premier Gao Mingrui about rural roads.")
    assert "Gao Mingrui" not in _roles(text)[0]


def test_odd_case_repeat_and_co_subject_with_departments() -> None:
    text = ("Ma Wenbin, Secretary of the Municipal Party Committee, went to Hengfeng Machinery for "
            "research.\n\nOn the morning of May 6, Ma wenbin, secretary of the Municipal Party "
            "Committee, and Xu Liping, vice mayor, together with the chiefs of the Municipal Finance "
            "Bureau and other departments, went to the head office of Hengfeng Machinery Group to "
            "hear about its orders.")
    assert _roles(text) == (["Ma Wenbin", "Xu Liping"], [])


def test_head_of_the_body_visited_is_a_host() -> None:
    text = ("On May 3, Mayor Zhou Hua visited Lantai for research. Li Ming, President of Lantai, "
            "accompanied the visit, and Sun Yu, deputy mayor, took part.")
    assert _roles(text) == (["Zhou Hua"], ["Sun Yu"])


def test_company_people_in_a_frame_are_hosts() -> None:
    text = ("On May 3, Mayor Zhou Hua went to the Lantai plant in Qinghe County, accompanied by Qian "
            "Lei, General Manager of the Energy Division, and Sun Yu, deputy mayor.")
    assert _roles(text) == (["Zhou Hua"], ["Sun Yu"])


def test_who_comes_along_with_the_visited_body_head_is_a_host() -> None:
    text = ("On May 3, Mayor Zhou Hua visited Lantai for research. Tang Bo, President of Lantai, "
            "attended the event, accompanied by Zhang Min, Director of the President's Office.")
    assert _roles(text) == (["Zhou Hua"], [])


def test_rank_after_an_honorific_name_opens_the_title() -> None:
    text = ("On May 3, Mayor Zhou Hua inspected the Qinghe water works, accompanied by Dr. Mao "
            "Lianjun, Vice Governor of the province.")
    assert _roles(text) == (["Zhou Hua"], ["Mao Lianjun"])


def test_officials_with_long_titles_share_the_verb() -> None:
    text = ("Cai Wenhao, Deputy Secretary of the Prefecture Party Committee, Led a Team to Visit Lantai "
            "Group\n\nOn April 18, Cai Wenhao, Deputy Secretary "
            "of the Prefecture Party Committee and head of its Propaganda Department, Zhu Ling, Deputy "
            "Director of the Provincial Foreign Affairs Office and deputy head of the prefecture's "
            "Propaganda Department, Yang Fei, Deputy Secretary of the Linshui County Party Committee "
            "and County Mayor visited Lantai Group for research.")
    assert _roles(text)[0] == ["Cai Wenhao", "Zhu Ling", "Yang Fei"]


def test_a_sentence_that_only_lists_officials_names_companions() -> None:
    text = ("On the morning of May 20, Gao Ping, secretary of the county party committee, went deep "
            "into the park to inspect key projects. County leaders Xu Hang, Ke Lan, Tu Ming and so on.")
    assert _roles(text) == (["Gao Ping"], ["Xu Hang", "Ke Lan", "Tu Ming"])


def test_a_bare_chairman_after_the_body_he_heads_takes_part() -> None:
    text = ("On June 8, Mayor Zhou Hua checked flood prevention at the Qinghe ditch. Flood control "
            "leaders, municipal people's congress Chairman Lu Wen, municipal committee, Discipline "
            "Commission Secretary Ma Ning, with checks on the dikes.")
    assert _roles(text) == (["Zhou Hua"], ["Lu Wen", "Ma Ning"])


def test_a_company_branch_outing_names_no_official() -> None:
    text = ("On June 25, the company's party branch took its members to Qinglan Village, Lishui County. "
            "They toured the village history hall. Wang Sheng, secretary of the Qinglan Village Party "
            "Branch, gave a talk on the village's change. Liu Fang, secretary of the branch, thanked "
            "Secretary Wang Sheng for the talk.")
    assert _roles(text) == ([], [])


def test_a_ministry_named_by_its_portfolios_before_the_name() -> None:
    text = ("PUNE: Union Minister of State for Ports, Shipping and Textiles Ramesh Kulkarni, who arrived "
            "on a two-day visit here on Friday, toured the Kandla dock that day.")
    assert _roles(text)[0] == ["Ramesh Kulkarni"]


def test_initials_before_the_name_after_a_ministry() -> None:
    text = ("Union Minister for Steel and Public Enterprises RK Deshmukh visited the Salem steel plant "
            "on Sunday.")
    assert _roles(text)[0] == ["RK Deshmukh"]


def test_a_middle_initial_and_an_initial_is_no_surname() -> None:
    text = ("Union Minister of State for Coal and Petroleum Anil P. Varma visited the Neyveli plant on "
            "Monday. Earlier, Chairman and Managing Director A.B. Menon made a presentation to him.")
    assert _roles(text) == (["Anil P. Varma"], [])


def test_a_headline_verb_after_a_title_and_surname_is_no_part_of_a_name() -> None:
    text = ("Mayor Li Inspects Baima\n\nLi Aiwu, deputy secretary of the Municipal Party Committee and "
            "mayor, inspected Baima on November 18, 2020. Wang Hong, secretary-general, participated.")
    assert _roles(text) == (["Li Aiwu"], ["Wang Hong"])


def test_the_host_place_official_who_extends_a_welcome_takes_part() -> None:
    text = ("On Aug 9, a delegation led by Zhou Hua, vice-chairman of the Pingle district committee, visited "
            "Baishui district and two of its firms. Lu Min, chairwoman of the Baishui district committee, "
            "extended a warm welcome to the guests.")
    assert _roles(text) == (["Zhou Hua"], ["Lu Min"])


def test_officers_with_portfolios_lead_and_a_governor_s_own_pledge_is_no_part() -> None:
    text = ("Chief Officers Peter Langat (health) and Mary Chebet (roads) inspected the Kapenguria clinic "
            "project on Monday. Governor John Kiprop reiterated his commitment to finishing stalled "
            "projects.")
    assert _roles(text) == (["Peter Langat", "Mary Chebet"], [])


def test_officials_named_as_included_in_the_subject_lead() -> None:
    text = ("As the new year nears, city leaders send their wishes. The city leaders, including Fang Wei, "
            "Zhou Lan, Qian Min, and others, took the time to visit the Binhe welfare home.")
    assert _roles(text)[0] == ["Fang Wei", "Zhou Lan", "Qian Min"]


def test_secretary_general_written_with_a_space_before_the_name() -> None:
    text = ("On February 3, Governor Xu Hua came to Pingle to inspect the Qinghe sewage plant. Vice "
            "Governor Lu Ping and Secretary General Wang Qiao attended.")
    assert _roles(text) == (["Xu Hua"], ["Lu Ping", "Wang Qiao"])


def test_a_government_title_followed_by_other_responsible_persons() -> None:
    text = ("On May 12, Mayor Chen Bo inspected the Orchard Plaza project. Accompanying him were Pang Lei, "
            "Secretary of the Hexi District Committee, Wang Bin, head of Hexi District and other responsible "
            "person.")
    assert _roles(text) == (["Chen Bo"], ["Pang Lei", "Wang Bin"])


def test_a_lower_case_surname_repeats_the_lead() -> None:
    text = ("Director Shao Mingdong Inspects Flood Work\n\nOn March 16, shao Mingdong, deputy head of the "
            "city's emergency bureau, led a team to Lanxi County, accompanied by Executive Deputy County "
            "Magistrate He Ping.")
    assert _roles(text) == (["Shao Mingdong"], ["He Ping"])


def test_a_place_reporting_its_own_visit_meets_the_visitors() -> None:
    text = ("Zhao Ming, Secretary of the Pingle Municipal Committee of the Communist Youth League, came to "
            "our school for investigation\n\nOn July 10, Hu Lan, Secretary of the Party Committee, met with "
            "Zhao Ming, Secretary of the Pingle Municipal Committee of the Communist Youth League, Zhao Fei, "
            "member of the Organisation Department of the Pingle Municipal Party Committee, and Zhang Yu, "
            "Deputy Secretary of the Municipal Committee of the Youth League. Li Wen, Deputy Secretary of "
            "the Party Committee and Vice President, chaired the talk. Zhou Kai, Secretary of the "
            "Youth League Committee, accompanied the guests and presented the league's work.")
    assert _roles(text) == (["Zhao Ming"], ["Zhao Fei", "Zhang Yu"])


@pytest.mark.parametrize(("text", "lead"), [
    ("Director General of Police (DGP) Arjan Mehra Monday visited the Lidder checkpost.", "Arjan Mehra"),
    ("Secretary of the Hill Areas Council (HAC), Tenzin Dorje Rana, conducted a field visit to the Kiwi "
     "Orchard at Lumla on Saturday.", "Tenzin Dorje Rana"),
    ("Home Minister K. Velavan on Tuesday night visited the New Bus Stand area.", "K. Velavan"),
])
def test_a_lead_whose_title_holds_a_bracketed_short_form_or_whose_name_opens_with_initials(
        text: str, lead: str) -> None:
    assert _roles(text)[0] == [lead]


def test_a_meeting_first_then_the_office_told_short_inspecting_sites_is_a_visit_led_by_its_holder() -> None:
    text = ("TEZU, 6 Apr: Chief secretary Ravi Menon held a coordination meeting with the heads of offices "
            "here on Wednesday. During his maiden visit to Tezu, the CS inspected the Lohit fish farm and "
            "interacted with its joint director Dr. K. Bora. MLA Tapir Gao and Deputy Commissioner Anu "
            "Pertin accompanied the CS during his visit.")
    assert _roles(text) == (["Ravi Menon"], ["Tapir Gao", "Anu Pertin"])


def test_the_minister_of_an_upcoming_visit_and_one_spoken_to_on_the_phone_are_not_on_the_visit() -> None:
    text = ("Director General of Police (DGP) Arjan Mehra on Tuesday reviewed the arrangements in Lidder for "
            "the upcoming visit of Union Home Minister Ravi Shastri and visited the venue. Mehra said he had "
            "spoken to Chief Minister Anil Varma earlier in the day.")
    assert _roles(text) == (["Arjan Mehra"], [])
