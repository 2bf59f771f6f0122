"""English stops named in other ways: after a word for what the site is ('sportswear maker Hengda'),
in the remark's occasion ('said during a visit to ...'), a mall called a City (fictional)."""

from __future__ import annotations

from crawler.visits import extract_visits


def _names(text: str) -> list[str]:
    [visit] = extract_visits(text, published="2024-02-13", lang="en")
    return [s.name for s in visit.stops]


def test_a_site_named_after_the_word_for_what_it_is() -> None:
    text = ("On February 12, Governor Zhou Hua toured Pingle province. When visiting sportswear maker Hengda "
            "in Baoji, he stressed research and development. He also visited an innovation park named "
            "Lanbo and toured tech firms like battery producer Tianrui and the cloud services provider "
            "Tengxin.")
    assert {n.split()[0] for n in _names(text)} == {"Hengda", "Lanbo", "Tianrui", "Tengxin"}


def test_a_company_limited_toured_while_a_remark_is_made() -> None:
    text = ("On February 12, Governor Zhou Hua inspected Pingle province. During his tour of Hengda (Baoji) "
            "Aircraft Engineering Company Limited, Zhou said the services sector will open wider.")
    assert _names(text) == ["Hengda (Baoji) Aircraft Engineering Company Limited"]


def test_a_visit_told_after_what_was_said() -> None:
    text = ("Premier Zhou Hua on Tuesday said Pingle would open its market wider during a visit "
            "to a Hengda Group science park in Baoji, Pingle Province.")
    assert _names(text) == ["Hengda Group science park"]


def test_a_mall_called_a_city_in_a_list_of_sites() -> None:
    text = ("On September 28, Zhou Hua, executive vice mayor, came to Qingshan Road Gas Station, Lanbo City, "
            "and Hengda Garden successively to inspect fire safety.")
    assert set(_names(text)) == {"Qingshan Road Gas Station", "Lanbo City", "Hengda Garden"}


def test_people_met_at_a_site_and_the_region_after_it() -> None:
    text = ("Zhou Hua, head of the central delegation, and members of the delegation visit religious figures "
            "at Qinghe Monastery in Baoji, northwest China's Pingle Autonomous Region, May 3, 2025.")
    assert _names(text) == ["Qinghe Monastery"]


def test_a_long_opener_and_a_clause_of_inspection_after_a_semicolon() -> None:
    text = ("Zhou Hua, vice governor of Pingle, visited Baima City on March 8, 2018.\n\n"
            "At the Exhibition Center of Hengda Information Harbor, Zhou learnt about the Harbor; carried "
            "out on-the-spot inspection on Lanbo Cross-Border Regulatory Center and Tianrui Mail Sorting "
            "Center. "
            "At the construction sites of Kaiyun-Tengxin International Logistics Park and Baima Railway "
            "Qinghe Logistics Center, Zhou learned about the progress of the two projects.")
    names = _names(text)
    for key in ("Hengda Information Harbor", "Lanbo Cross-Border", "Tianrui Mail", "International Logistics "
                "Park", "Qinghe Logistics"):
        assert any(key in n for n in names), key


def test_products_of_the_enterprises_visited_are_no_sites() -> None:
    text = ("On Tuesday, Vice Premier Zhou Hua visited enterprises producing cement, glass, paper and "
            "fertilizer in Baima.")
    assert _names(text) == []


def test_a_site_named_after_its_description_and_a_headline_naming_the_lead() -> None:
    text = ("Secretary Zhou Visited Hengda Project\n\nOn May 3, Secretary Zhou Hua paid a visit to a border "
            "port with Pingle, named the Qinghe Pass, and came to the Hengda New Energy Project.")
    assert set(_names(text)) == {"Qinghe Pass", "Hengda New Energy Project"}


def test_a_description_with_and_inside_before_the_second_name() -> None:
    text = ("Governor Zhou Hua led the delegation to visit Baoji from Friday to Monday, touring tech giants "
            "like electric bus maker Hengda and the cloud and data storage services provider Tengxin.")
    assert set(_names(text)) == {"Hengda", "Tengxin"}


def test_places_sharing_one_plural_kind_after_in() -> None:
    text = ("On the afternoon of August 28, Zhou Hua, deputy director of the Pingle Congress, inspected the "
            "cultural service centers in Qinghe and Lanbo communities.")
    assert set(_names(text)) == {"Qinghe community", "Lanbo community"}


def test_a_programme_or_a_quoted_campaign_is_no_site() -> None:
    text = ("On May 3, Zhou Hua, vice governor of Pingle, inspected the Three-River Shelterbelt Forest "
            "Program and went to Qinghe Village to investigate the implementation of the \"Hundred Counties, "
            "Thousand Villages Development Project\".")
    assert _names(text) == ["Qinghe Village"]

