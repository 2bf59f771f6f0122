"""English visit detection on small fictional articles: meeting words that name no meeting."""

from __future__ import annotations

from crawler.visits import extract_visits


def test_a_conference_in_the_leads_title_is_a_body_not_a_meeting() -> None:
    text = ("Zhou Hua, vice-chairwoman of the National Committee of the Chinese Pingle People's Consultative "
            "Conference (PPCC), led a team to northwest China's Xishan province from May 3 to 5 to inspect "
            "work on forest protection. The team visited Qinghe, Baima and Dongpo to learn about tree "
            "planting.")
    [visit] = extract_visits(text, published="2024-05-08", lang="en")
    assert [p.name for p in visit.officials] == ["Zhou Hua"]


def test_a_body_named_after_two_titles_and_a_tour_in_a_forestry_district() -> None:
    text = ("Li Ming, vice-chairman and secretary-general of the Pingle People's Consultative Conference "
            "(PPCC) National Committee, led an inspection of wetland protection in the Baima forestry "
            "district from June 7 to 9. The inspection team visited a wetland park and the Qingshan "
            "Nature Museum.")
    [visit] = extract_visits(text, published="2022-06-12", lang="en")
    assert [p.name for p in visit.officials] == ["Li Ming"]


def test_a_conference_attended_is_still_a_meeting() -> None:
    text = ("Zhou Hua, chairman of the Pingle People's Consultative Conference, attended the Pingle "
            "Investment Conference on May 3 and delivered a speech on opening up.")
    assert extract_visits(text, published="2024-05-04", lang="en") == []
