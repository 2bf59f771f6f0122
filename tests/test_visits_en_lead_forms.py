"""Who leads an English visit: leads named in less common frames (fictional sentences)."""

from __future__ import annotations

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
            "Committee, and Xu Liping, vice mayor, together with the heads of the Municipal Finance "
            "Bureau and other departments, went to the headquarters of Hengfeng Machinery Group to "
            "hear about its orders.")
    assert _roles(text) == (["Ma Wenbin", "Xu Liping"], [])
