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


def test_a_body_written_partly_in_lower_case_is_still_no_meeting() -> None:
    text = ("On the morning of May 9, Zhou Hua, chairman of the Pingle Municipal Committee of the Chinese "
            "people's political Consultative Conference, led a team to Baima wharf to look into river "
            "freight.")
    [visit] = extract_visits(text, published="2024-05-12", lang="en")
    assert [p.name for p in visit.officials] == ["Zhou Hua"]


def test_a_conference_attended_is_still_a_meeting() -> None:
    text = ("Zhou Hua, chairman of the Pingle People's Consultative Conference, attended the Pingle "
            "Investment Conference on May 3 and delivered a speech on opening up.")
    assert extract_visits(text, published="2024-05-04", lang="en") == []


def test_a_legislators_inspection_team_that_inspects_is_a_visit_not_a_discipline_case() -> None:
    text = ("PINGLE -- A law-enforcement inspection team of the Xishan Provincial People's Congress "
            "Standing Committee inspected how the river-chief rules are applied in Baima province from "
            "May 3 to 5.\n\nLed by Zhou Hua, vice-chairwoman of the Standing Committee, the inspection team "
            "heard briefings from county governments and conducted on-site inspections in several cities.")
    [visit] = extract_visits(text, published="2024-05-08", lang="en")
    assert [p.name for p in visit.officials] == ["Zhou Hua"]
    assert visit.date == "2024-05-03"


def test_a_survey_told_as_the_occasion_of_a_remark_is_a_visit() -> None:
    text = ("From June 3rd to 4th, Governor Zhou Hua stressed during his survey in Baima that the spirit of "
            "the provincial work meeting held on May 28th must be carried out in full.\n\n"
            "Zhou Hua visited Qinghe Port of Dongpo County and the Lanshan Bridge construction site.")
    [visit] = extract_visits(text, published="2021-06-06", lang="en")
    assert [p.name for p in visit.officials] == ["Zhou Hua"]


def test_a_later_sentence_in_which_the_lead_leads_the_delegation_to_cities_is_a_visit() -> None:
    text = ("Mayor Zhou Hua (center) attends a news conference in Pingle on May 5, 2023. (Photo/pingle.cn)\n"
            "Mayor Zhou Hua on Monday said the four-day trip was fruitful.\n"
            "Zhou led the delegation to Baima, Qinghe and Dongpo from Friday to Monday, touring companies "
            "such as Hengtai Motors.")
    [visit] = extract_visits(text, published="2023-05-09", lang="en")
    assert [p.name for p in visit.officials] == ["Zhou Hua"]


def test_an_inspection_teams_head_who_meets_officials_reports_no_visit() -> None:
    text = ("The Pingle Council has dispatched a dam inspection and guidance team to Jiangxi for the flood "
            "season. A launch meeting took place Tuesday in Nanchang.\nZhou Hua, head of the inspection and "
            "guidance team and Party Secretary of the Pingle Ministry of Water, met with leading "
            "officials of the Jiangxi Provincial Committee.\nZhou Hua addressed the meeting.")
    assert extract_visits(text, published="2019-11-27", lang="en") == []


def test_an_investigation_of_malpractice_is_no_visit() -> None:
    text = ("Authorities in north China's Shanxi Province will investigate malpractices in land approvals "
            "since 2005. The investigation, launched at a meeting on Friday, is a political task, Zhou Hua, "
            "secretary of the Shanxi Party committee, said at the meeting.")
    assert extract_visits(text, published="2020-03-04", lang="en") == []


def test_a_meeting_with_a_visit_told_as_background_is_no_visit() -> None:
    text = ("Pingle Party Secretary Zhou Hua met Baima First Mayor Li Ming and his delegation on Friday.\n\n"
            "The two cities have been partners since 1996, Zhou said. Zhou visited Baima this July for talks "
            "on port cooperation.")
    assert extract_visits(text, published="2015-11-17", lang="en") == []


def test_a_lead_who_is_a_member_of_a_party_group_is_no_company_man() -> None:
    text = ("From June 2 to 4, Zhou Hua, vice chairman of the PPCC and party group member, "
            "led a survey team to Baima and Qinghe to study the spirit of the provincial work conference. "
            "The team went deep into enterprises and villages and held symposiums in both cities.")
    [visit] = extract_visits(text, published="2021-06-09", lang="en")
    assert [p.name for p in visit.officials] == ["Zhou Hua"]
    assert visit.date == "2021-06-02"


def test_a_trip_to_attend_an_assembly_is_no_visit() -> None:
    text = ("Baima Mayor Zhou Hua yesterday departed for Pelora to attend the general assembly of the "
            "Pelora Fruit Traders' Union and look for buyers of the city's tea.\n\n"
            "At the airport, Zhou said she had been invited to attend a signing ceremony.\n\n"
            "The visit is a chance to sell more of the city's tea abroad, she said.\n\n"
            "It is Zhou's first visit abroad as mayor.")
    assert extract_visits(text, published="2019-01-29", lang="en") == []


def test_a_session_named_in_an_opening_time_phrase_does_not_make_a_meeting() -> None:
    text = ("In the run-up to the yearly session of the Pelora Congress due next month, and in the days "
            "from May 3 to 5, Governor Zhou Hua made a field tour to Baima County, where he talked with "
            "farmers in a test field.")
    assert extract_visits(text, published="2024-05-06", lang="en") != []


def test_an_unnamed_mayor_with_a_counted_party_makes_a_visit() -> None:
    text = ("On May 9, the mayor of Pelora City, Baima Province and other five people came to Hengda Drills "
            "Co., Ltd. for a field trip to talk about investment. Our manager showed the group the workshop.")
    [visit] = extract_visits(text, published="2024-05-10", lang="en")
    assert visit.officials == []


def test_an_inspection_team_led_by_named_officials_that_goes_somewhere_is_a_visit() -> None:
    text = ("On April 5, an inspection team of two led by Zhou Hua, deputy director of the Baima "
            "Forestry Bureau, and Li Na, head of the Protection Department, went deep into the Hengda "
            "forest farm to check fire prevention.")
    [visit] = extract_visits(text, published="2024-04-06", lang="en")
    assert "Zhou Hua" in [p.name for p in visit.officials]


def test_a_notice_of_a_visit_to_come_is_no_visit() -> None:
    text = ("Zhou Hua to visit Baima\nMay 9, 2024\nSecretary for Trade Zhou Hua will visit Baima tomorrow to "
            "tour two software parks there.\nThe purpose of the visit is to learn about the city's business "
            "climate.")
    assert extract_visits(text, published="2024-05-09", lang="en") == []


def test_officials_who_were_investigated_or_are_under_investigation_make_no_visit() -> None:
    text = ("Year-end review of county work\n\nSecretary Zhou Hua once said that the county Party committee "
            "is the front line of governing.\n\nSeveral county Party secretaries have been investigated and "
            "punished this year in Baima.\n\n- A former deputy head of Hengda Group under investigation")
    assert extract_visits(text, published="2024-12-30", lang="en") == []


def test_an_unnamed_inspection_team_that_goes_into_places_makes_a_visit() -> None:
    text = ("Baima County: grid checks hold the line\n\nThe inspection team went deep into shops and markets "
            "to check whether visitors scan their codes.\n\nThe supervision team inspected the records of "
            "the clinic of Hexi village, Pingle town.")
    [visit] = extract_visits(text, published="2024-08-13", lang="en")
    assert visit.officials == []


def test_an_associations_head_touring_a_park_with_a_local_official_is_no_visit() -> None:
    text = ("Guest Visits Qingshan Baima Tea Park\n\n"
            "Ms. Lin Yue, president of the Dorsa Industrial Planning, Promotion, and Exchange Association, "
            "visited Baima Tea Park in Qingshan County on March 3, 2014.\n\n"
            "She praised the county's help for the park. Li Ming, director of the "
            "Foreign Affairs Office of Qingshan, accompanied the guest during this visit.")
    assert extract_visits(text, lang="en") == []


def test_a_lower_case_ministry_title_before_a_foreign_name() -> None:
    text = ("PELIN, 17 Oct: Joint secretary of the ministry of water resources Rohan Mehta inspected the "
            "canal works for villages Dorsa and Kelin in Baima district.")
    [visit] = extract_visits(text, lang="en")
    assert [p.name for p in visit.officials] == ["Rohan Mehta"]


def test_a_city_visited_only_to_meet_an_official_is_no_visit() -> None:
    text = ("On Saturday, Governor Zhou Hua of Qingshan province visited Baima, where he met with Li Ming, "
            "governor of Dongpo province. They discussed trade and coordination.")
    assert extract_visits(text, lang="en") == []


def test_a_visit_scheduled_or_arranged_for_later_is_no_visit() -> None:
    text = ("Baima: District Collector Rohan Mehta told officers to make arrangements for the visit "
            "of Governor Arun Dev to Baima district on December 23. The Governor's visit is scheduled for "
            "10 AM. After a stop at the old fort, the Governor would go on to the Baima market hall, where "
            "he would look at the stalls. Steps are in hand to ensure order during the visit.")
    assert extract_visits(text, lang="en") == []


def test_officials_given_orders_or_to_be_consulted_do_not_come_along() -> None:
    text = ("Pelin, Jul 4 (PTI) Qingshan Governor Arun Dev on Thursday visited flood-hit Baima district and "
            "met the affected people of Dorsa village. Dev directed District Commissioner Rohan Mehta to "
            "reach out to the victims. The governor said he would consult with Chief Minister Vikram Rao "
            "on relief.")
    [visit] = extract_visits(text, published="2024-07-04", lang="en")
    assert visit.accompanying == []


def test_a_collector_inspecting_ahead_of_a_chief_ministers_scheduled_visit_leads() -> None:
    text = ("Baima (Dorsa District): Dorsa District Collector K Lavanya on Monday reviewed the arrangements "
            "at Baima for Chief Minister YS Arun Kumar Rao's scheduled visit on November 18. Later Collector "
            "Lavanya inspected the helipad and the public meeting venue on the site.")
    [visit] = extract_visits(text, published="2022-11-14", lang="en")
    assert [p.name for p in visit.officials] == ["K Lavanya"]
    assert visit.accompanying == []


def test_a_delegation_led_to_take_part_in_a_symposium_is_no_visit() -> None:
    from crawler.visits import extract_visits
    text = ("On the 12th, at the Lanbo Hotel, Li Ming, head of Hengda Investment Co., Ltd., set out his "
            "plans to leaders of the Baima city government.\n\nThe Baima Economic Development Zone and "
            "other departments promised there and then to build roads and power lines faster for the "
            "Hengda Industrial Park.\n\n"
            "From June 9 to 14, 2009, the Baima-Hong Kong Trade Fair took place in Hong "
            "Kong. Zhou Hua, the Secretary of the Municipal Party Committee, personally led a delegation to "
            "participate in.")
    assert extract_visits(text, published="2009-06-15", lang="en") == []


def test_a_tour_still_ahead_with_an_earlier_one_told_in_passing_is_no_visit() -> None:
    text = ("Baima, May 15\nGovernor Ravi Mehta will set out on a two-day tour of the border districts "
            "from June 7. The trip is said to be meant to review how agencies work together.\n"
            "Given the friction seen on the Governor's earlier trips, officials will follow the tour "
            "closely. Governor Mehta will be visiting Qinghe and Dongpo on June 7 and 8.\n"
            "During his previous visit to these districts in February, the Governor had talked of "
            "smuggling.")
    assert extract_visits(text, published="2023-05-16", lang="en") == []


def test_during_a_visit_that_would_happen_is_no_visit_done() -> None:
    text = ("Baima: Chief Minister Ravi Mehta will begin his two-day visit to the flooded districts on "
            "Monday.\n\nDuring his visit to Qinghe district on Monday, the chief minister would meet the "
            "flood-hit people of Dongpo village.")
    assert extract_visits(text, published="2023-08-06", lang="en") == []


def test_hosting_a_reception_for_a_visiting_delegation_is_a_meeting() -> None:
    text = ("Civic leaders met at the Town Hall over the weekend to greet Pingle officials who were part "
            "of a delegation touring the city.\n\nThe Pingle guests had come to the region for a forum of "
            "leaders.\n\nMayor of Brantville and Norvale District Dana Whitcombe hosted a special reception "
            "for the five members of the delegation of Qinghe, led by Vice-Mayor Zhou Hua on Sunday.")
    assert extract_visits(text, published="2017-12-04", lang="en") == []


def test_an_on_site_assessment_makes_a_speech_part_of_a_visit() -> None:
    text = ("A study group of the Pingle municipal Party committee conducted a fact-finding study on "
            "March 27 in Qinghe.\n\nThe study group conducts an on-site assessment in Qinghe.\n\n"
            "Zhou Hua, mayor of Pingle, delivered a speech on new industries.")
    [visit] = extract_visits(text, published="2024-04-01", lang="en")
    assert [p.name for p in visit.officials] == ["Zhou Hua"] and visit.date == "2024-03-27"


def test_a_delegation_that_visited_sites_after_the_meeting_is_on_a_visit() -> None:
    text = ("Vice Secretary of the Baima Party Committee Tran Minh Lan met with Zhou Hua, secretary of the "
            "Qinghe Party Committee, on May 6 during her working visit to Pingland.\n\nThe two sides "
            "discussed exchanges in urban planning.\n\nEarlier that day, the Baima City delegation "
            "visited the Qinghe Planning Exhibition Hall and the Hengda Textile Co. Ltd.")
    assert extract_visits(text, published="2024-05-08", lang="en") != []


def test_field_guidance_given_at_a_works_is_a_visit() -> None:
    [visit] = extract_visits("Chairman Ro Sang Min provided field guidance to the Taeryong Pump Works. He "
                             "was pleased with its new casting shop.", lang="en")
    assert visit.officials[0].name == "Ro Sang Min"


def test_a_visit_told_as_ahead_stays_ahead_through_later_mentions_of_the_visit() -> None:
    text = ("Qinghe: Governor Ravi Mehta will tour Baima district on March 4. During his visit he is "
            "expected to open a new water works.\n\nThe visit of the Governor matters to the district "
            "before the local polls.")
    assert extract_visits(text, published="2022-03-01", lang="en") == []


def test_a_visit_told_as_ahead_and_then_made_is_a_visit() -> None:
    text = ("Governor Ravi Mehta will tour Baima district this week. On Tuesday he visited the Dongpo "
            "water works and the Qinghe bridge site.")
    assert extract_visits(text, published="2022-03-03", lang="en") != []


def test_welcoming_a_delegation_is_a_reception() -> None:
    text = ("Business leaders joined Trade Minister Ann Marlow to welcome a trade delegation from Baima "
            "province on May 3.\n\nThe delegation is on a three-day programme from May 3-5. Their visit "
            "follows the minister's mission to Baima last year.")
    assert extract_visits(text, published="2019-05-06", lang="en") == []


def test_a_courtesy_call_and_a_word_after_the_meeting_are_no_visit() -> None:
    text = ("Qinghe: Chief Secretary Ravi Mehta and Police Chief Ann Lo called on Governor Tom Baird on "
            "Monday.\n\nThey discussed law and order in the state.\n\nAfter the meeting on Monday, Baird "
            "wrote that neither came with any news on the pending files.")
    assert extract_visits(text, published="2021-02-02", lang="en") == []


def test_a_reception_for_a_visiting_chairman_is_no_visit() -> None:
    text = ("Qinghe city chairman Tran Van Lam has called for more exchanges with Pingland's localities.\n\n"
            "During a reception on May 6 for visiting Chairman of the Pingland Writers' Union Zhou Hua, "
            "Lam said the exchange of delegations helps both sides.")
    assert extract_visits(text, published="2023-05-07", lang="en") == []


def test_a_quoted_scheme_name_and_a_tour_next_month_are_no_visit() -> None:
    text = ("Baima Chief Minister Ravi Mehta launches 'Minister on Site Visit', to tour three "
            "districts next month\n\nBaima Chief Minister Ravi Mehta on Monday announced the launch of "
            "the scheme in Qinghe.")
    assert extract_visits(text, published="2023-01-10", lang="en") == []


def test_a_city_ready_for_a_named_guests_visit_is_no_visit() -> None:
    text = ("Qinghe is ready for Marlow visit\n\nQINGHE, May 4 - Trade Secretary Ann Marlow is expected in "
            "the city on Tuesday for the Baima Trade Forum. She will also hold talks with the city's "
            "leaders.")
    assert extract_visits(text, published="2010-05-04", lang="en") == []


def test_going_to_hospital_for_tests_and_a_call_on_the_governor_are_no_visit() -> None:
    text = ("Baima Governor Tom Baird on Friday went to the state-run Qinghe Hospital for some clinical "
            "tests, officials said.\n\nBaima Chief Minister Ann Lo called on Baird at the Governor's House "
            "on Thursday and they discussed the state budget.")
    assert extract_visits(text, published="2021-04-03", lang="en") == []


def test_an_unnamed_mayor_conducting_on_site_inspections_is_a_visit() -> None:
    text = ("The mayor conducted on-site inspections of key projects, including the Qinghe Chip Works and a "
            "battery plant, to check construction progress.")
    assert extract_visits(text, lang="en") != []


def test_a_team_entering_flooded_areas_and_a_minister_assessing_the_works_are_visits() -> None:
    entered = ("Headed by Zhou Hua, vice minister of water resources, the team on Saturday entered severely "
               "affected areas in Baima, including the cities of Qinghe and Dongpo.")
    assessed = ("Public Works Minister Ravi Mehta instructed the contractors on Monday. The minister "
                "personally assessed the progress of the construction of the Qinghe bypass.")
    assert extract_visits(entered, published="2021-07-26", lang="en") != []
    assert extract_visits(assessed, published="2022-02-15", lang="en") != []


def test_a_tour_the_president_is_expected_to_lead_is_still_ahead() -> None:
    text = ("Trade Minister Ann Lo and Governor Tom Baird are expected to join the president.\n\n"
            "QINGHE - President Ravi Mehta is expected to lead a delegation to the Qinghe port on "
            "Thursday to assess its efficiency.\n\nHis visit comes amid efforts to end congestion at the "
            "port.")
    assert extract_visits(text, url="https://news.example.com/2021/04/15/port-visit", lang="en") == []



def test_a_trip_to_attend_a_ceremony_is_no_visit() -> None:
    text = ("Baima Prime Minister Tom Baird on May 8 visited Pingland to attend a foundation-laying "
            "ceremony of the third friendship bridge.\n\nBaird was the guest of honour of the Pingland "
            "premier.")
    assert extract_visits(text, published="2022-05-09", lang="en") == []


def test_a_postponed_tour_and_an_earlier_on_site_inspection_are_no_visit() -> None:
    text = ("Qinghe, May 3\n\nThe meeting and the inspection tour of the Qinghe river committee set for "
            "May 1 have been postponed, the committee member Ravi Mehta was told.\n\nEarlier, in May 2022, "
            "when the works department conducted an on-site inspection, sewage was found in the drains.")
    assert extract_visits(text, published="2023-05-04", lang="en") == []


def test_a_titled_subject_whose_name_is_not_known_as_an_official_still_leads_a_visit() -> None:
    text = ("Qinghe Commissioner inspects water plant\n\nQinghe Municipal Corporation Commissioner "
            "R. Ravi Kumar Mehta IAS visited the new Baima Water Plant along with the engineers.")
    assert extract_visits(text, published="2023-06-02", lang="en") != []


def test_an_ambassadors_headline_visit_told_again_in_the_body_is_a_visit() -> None:
    text = ("Pingland Ambassador to Baima visits Qinghe car factory\n\nOn his first visit to the factory on "
            "Tuesday, the Pingland Ambassador to Baima, Zhou Hua, spoke to employees about their work.")
    assert extract_visits(text, url="https://news.example.com/2022/03/03/ambassador-factory", lang="en") != []


def test_a_headline_visit_with_a_body_trip_to_a_ceremony_is_no_visit() -> None:
    text = ("Baima Prime Minister visits Pingland\n\nQINGHE - Prime Minister of Baima Tom Baird on May 8 "
            "visited Pingland to attend a foundation-laying ceremony of the third friendship bridge.")
    assert extract_visits(text, published="2022-05-09", lang="en") == []
