"""English stops in forms met on real reports: sites named by kind first, described after their
name or in an opener's aside, villages named bare, zones' acronyms, headlines (fictional text)."""

from __future__ import annotations

from crawler.visits import extract_visits


def _stops(text: str) -> list[str]:
    [visit] = extract_visits(text, published="2024-02-13", lang="en")
    return [s.name for s in visit.stops]


def test_an_opener_describing_a_site_before_its_name_gives_the_name() -> None:
    text = ("On May 3, 2021, Zhou Hua, vice governor of Xishan Province, toured Baima County. "
            "In the poet's hometown, Qinghe village, Zhou said that the old traditions were precious.")
    assert _stops(text) == ["Qinghe village"]


def test_a_sentence_opener_after_co_ltd_ends_the_list_of_sites() -> None:
    text = ("On May 3, 2021, Zhou Hua, vice governor of Xishan Province, led a team to Baima County. Zhou "
            "visited firms and farms, including Baima Hongda Tea Co., Ltd., Qinghe Orchard Base, Baima "
            "Fengqi Industry and Trade Co., Ltd. Also, she talked with cadres of the County Bureaus, "
            "Township Governments and Departments.")
    assert _stops(text) == ["Baima Hongda Tea Co., Ltd.", "Qinghe Orchard Base",
                            "Baima Fengqi Industry and Trade Co., Ltd."]


def test_a_time_of_day_opening_a_sentence_is_no_place() -> None:
    text = ("On May 3, 2021, Zhou Hua, vice governor of Xishan Province, inspected the Hongda Paper Mill "
            "in Baima County. In the afternoon he went to Qinghe, the site of a hydrological station "
            "built in 1953.")
    assert not any(name.startswith(("afternoon", "the afternoon")) for name in _stops(text))


def test_a_village_named_bare_after_its_kind_is_a_stop_and_a_ministers_village_no_name() -> None:
    text = ("Minister Li's Village Survey in Hebei\n\nOn May 4, 2024, Minister Li Jun began his survey of "
            "farming in Hebei Province. His host is Xinhe village, a hamlet of 300 homes. Li visited Xinhe "
            "and talked with the growers.")
    [visit] = extract_visits(text, lang="en")
    assert [s.name for s in visit.stops] == ["Xinhe"]
    assert visit.regions == ["Hebei"]


def test_an_ancient_town_is_a_site_and_a_tour_around_clusters_names_them() -> None:
    text = ("On May 3, 2024, Zhou Hua, vice mayor of Baima District, led a team to Qinghe Ancient Town to "
            "check fire safety.")
    [visit] = extract_visits(text, lang="en")
    assert [s.name for s in visit.stops] == ["Qinghe Ancient Town"]
    text = ("On May 3, 2024, Zhou Hua, director of the Baima Working Committee, visited Baima's Qinghe "
            "Science & Education Innovation Zone. Zhou first had a tour around the local chip cluster "
            "Microvale and drug cluster PharmaHub.")
    [visit] = extract_visits(text, lang="en")
    assert [s.name for s in visit.stops] == ["Microvale", "PharmaHub"]
    assert visit.regions == ["Qinghe Science & Education Innovation Zone"]


def test_a_field_trip_in_a_list_of_sites_names_each_without_its_district() -> None:
    text = ("On May 19, 2024, Zhou Hua, deputy secretary of the Baima District Committee, led a team to "
            "Xinyang. The team first made a field trip in Qinghe Sub-district Office of Pingqiao District, "
            "Hongxing Primary School and The Lantern Gallery, followed by a forum.")
    [visit] = extract_visits(text, lang="en")
    assert sorted(s.name for s in visit.stops) == [
        "Hongxing Primary School", "Lantern Gallery", "Qinghe Sub-district Office"]


def test_a_flood_tour_a_site_described_after_its_name_and_a_reference_back_by_kind() -> None:
    text = ("On May 3, 2024, Premier Zhou Hua flew to flooded Xinyang. Zhou first visited Qinghe Township "
            "of Luoshan County. In the afternoon he went to Baiqiao, the site of a key pumping station built "
            "in 1960. Zhou praised the staff, saying that the Pingle Flood Relief Headquarters had made the "
            "right call.")
    [visit] = extract_visits(text, lang="en")
    assert [s.name for s in visit.stops] == ["Baiqiao"]
    assert visit.regions == ["Xinyang", "Luoshan County"]
    text = ("On May 3, 2024, Governor Zhou Hua went to Nansha District. Wang Bo gave a report at the Nansha "
            "Port Phase II Terminal.\nAt the Terminal, Zhou Hua inspected the cranes. In the Nansha Planning "
            "Exhibition Hall, he learned about the plans.")
    [visit] = extract_visits(text, lang="en")
    assert [s.name for s in visit.stops] == ["Nansha Planning Exhibition Hall"]
    assert extract_visits("On May 3, 2024, Mayor Zhou Hua flew to Beijing for a meeting.", lang="en") == []


def test_an_opener_site_without_its_city_and_no_festival_or_initiative_as_a_site() -> None:
    text = ("Zhou urges Xishan to play bigger role in Belt and Road\n\nPresident Zhou Hua urged Xishan to "
            "play a bigger role, he said during a visit to the region from May 3 to 5, 2024.\n\nAt Qinghe "
            "Port in Guangxi's Beihai City, Zhou learned about trade. Zhou paid a visit to visit the Spring "
            "Festival.")
    [visit] = extract_visits(text, lang="en")
    assert [s.name for s in visit.stops] == ["Qinghe Port"]


def test_two_universities_joined_by_and_and_no_headline_as_a_site() -> None:
    text = ("Provincial Official Inspects Construction of Large Qinghe Irrigation Project\n\nOn May 3, 2024, "
            "Zhou Hua, deputy governor, visited Renmin University and Tsinghua University.")
    [visit] = extract_visits(text, lang="en")
    assert [s.name for s in visit.stops] == ["Renmin University", "Tsinghua University"]


def test_a_zones_acronym_named_alone_is_the_zone_not_a_site() -> None:
    text = ("Leaders make a survey tour to QSEIZ\n\nOn June 22, 2020, Zhou Hua, director of the Baima "
            "Working Committee, visited Baima's Qinghe Science & Education Innovation Zone (QSEIZ). Zhou "
            "first had a tour around the local chip cluster Microvale.")
    [visit] = extract_visits(text, lang="en")
    assert [s.name for s in visit.stops] == ["Microvale"]


def test_a_site_named_by_its_kind_first_and_a_disease_control_centre() -> None:
    text = ("On Wednesday afternoon, July 13, 2022, Governor Zhou Hua went to Xinyang and visited the "
            "Museum of Land Reclamation of the Corps.")
    [visit] = extract_visits(text, lang="en")
    assert [s.name for s in visit.stops] == ["Museum of Land Reclamation"]
    assert visit.date == "2022-07-13"
    text = ("On July 13, 2022, Governor Zhou Hua went with his aides to the Baima Centers for Disease "
            "Control and Prevention for a check on flu work.")
    [visit] = extract_visits(text, lang="en")
    assert [s.name for s in visit.stops] == ["Baima Centers for Disease Control and Prevention"]


def test_sites_beside_people_who_will_stay_a_palace_and_a_hyphenated_bridge() -> None:
    text = ("On January 18, 2024, Mayor Zhou Hua stopped by Qinghe Police Station and Baima Fire Station to "
            "greet the officers who will remain at their posts through the holiday.")
    [visit] = extract_visits(text, lang="en")
    assert [s.name for s in visit.stops] == ["Qinghe Police Station", "Baima Fire Station"]
    text = ("On May 3, 2024, Premier Zhou Hua went to the famous Qinghe Palace. He also visited the Hengda "
            "Group and Baima-Pingle-Xishan Bridge.")
    [visit] = extract_visits(text, lang="en")
    assert [s.name for s in visit.stops] == ["Qinghe Palace", "Hengda Group", "Baima-Pingle-Xishan Bridge"]


def test_openers_described_after_the_site_and_a_web_company_but_no_home() -> None:
    text = ("On May 3, 2024, Premier Zhou Hua visited Xinyang. At the company of Lanbo, which runs a popular "
            "audio platform, the premier encouraged its staff. At 88job.com, the country's leading job "
            "service provider, Zhou asked about the job market. At the home of Li Ming, a retired worker, "
            "Zhou asked about his health.")
    [visit] = extract_visits(text, lang="en")
    assert [s.name for s in visit.stops] == ["company of Lanbo", "88job.com"]


def test_lists_that_end_at_a_verb_a_person_visited_and_headlines_or_posts_that_are_no_sites() -> None:
    text = ("MPs inspect Port City\n\nOn May 3, 2024, Zhou Hua, chief minister, visited the Baima Hospital "
            "and interacted with patients. He went to Qinghe wherein he inspected the wards.")
    assert _stops(text) == ["Baima Hospital"]
    text = ("On Jan 22, 2008, Mayor Zhou Hua climbed the hill to visit him, an old man living alone, and "
            "he felt very happy.")
    assert _stops(text) == []
    text = ("On May 3, 2024, Mayor Zhou Hua visited the Hengda Group, where the GM of Hengda Group briefed "
            "him.")
    assert _stops(text) == ["Hengda Group"]


def test_a_numbered_name_and_a_bracketed_acronym_stay_inside_the_site_names() -> None:
    text = ('On March 8, Zhou Hua, Party secretary of Baima, visited the Hengda Wind Power Industrial Park, '
            'Lanbo "Asia No.1" Xinhe Logistics Park, Pingle Tongda (SCO) International Logistics Port, and '
            'Baima Fengqi Machinery Co., Ltd.')
    assert _stops(text) == ["Hengda Wind Power Industrial Park", "Xinhe Logistics Park",
                            "Pingle Tongda (SCO) International Logistics Port",
                            "Baima Fengqi Machinery Co., Ltd."]


def test_an_award_ceremony_he_spoke_of_is_no_site() -> None:
    text = ("On March 8, Mayor Zhou Hua visited the Hengda Glass Co., Ltd. in Baima. He stressed the "
            "speeches delivered at the Provincial Science and Technology Conference and the Provincial "
            "Science and Technology Awards Ceremony.")
    assert _stops(text) == ["Hengda Glass Co., Ltd."]


def test_two_projects_described_alike_are_two_sites() -> None:
    text = ("On March 8, Vice Mayor Zhou Hua inspected key tourism projects in Baima. They inspected the "
            "Qinghe Pagoda scenic spot project review and then the works of the Lanbo Island scenic spot "
            "project.")
    assert _stops(text) == ["Qinghe Pagoda scenic spot project", "Lanbo Island scenic spot project"]


def test_works_told_by_kind_and_named_place_are_sites() -> None:
    text = ("On March 8, Mayor Zhou Hua visited Baima and learned construction details of projects like "
            "Hongqi project, reconstruction of Lanbo road, Baima industrial park, etc. When Zhou arrived at "
            "tobacco base of Qinghe town, workers were busy.")
    assert set(_stops(text)) == {"Hongqi project", "reconstruction of Lanbo road", "Baima industrial park",
                                 "tobacco base of Qinghe town"}


def test_the_plant_inspected_after_a_named_firm_is_part_of_it() -> None:
    text = "On March 8, Mayor Zhou Hua visited Lanbo Beverages Co., Ltd. and inspected the bottling plant."
    assert _stops(text) == ["Lanbo Beverages Co., Ltd."]


def test_a_tea_estate_is_a_site_and_the_park_beside_it_only_tells_where() -> None:
    text = ("On March 8, Minister Zhou Hua visited the Lanbo Tea Estate adjacent to the Qinghe Forest Park "
            "in Baima district.")
    assert _stops(text) == ["Lanbo Tea Estate"]


def test_a_town_opening_the_sentence_holds_the_sites_listed_after_it() -> None:
    text = ("On March 8, Zhou Hua, chairman of the Municipal Committee, led a team to conduct a survey in "
            "Shadui Town of Xinhui. In Shadui Town, the team visited Baima Hengda Shipyard, some idle "
            "factories, and the Lanbo Medicine Science and Technology Industrial Park.")
    assert _stops(text) == ["Baima Hengda Shipyard", "Lanbo Medicine Science and Technology Industrial Park"]


def test_units_taking_part_and_a_headline_verb_name_no_site() -> None:
    text = ("County Leadership Inspects Zone: Advances Project Construction\n\nOn March 8, the county "
            "chief Zhou Hua led the team to investigate key projects. County leaders Li Ming, Wang Gang, "
            "the Finance Bureau, the Project Promotion Center and Hongqi Town participated in the survey. "
            "Zhou Hua and his party went to the Lanbo School and Hengda Weaving.")
    assert _stops(text) == ["Lanbo School", "Hengda Weaving"]


def test_two_plural_goods_joined_inside_a_market_name() -> None:
    text = ("On March 8, Mayor Zhou Hua investigated such places as Hongqi Square, Lanbo Plaza and Baima "
            "Fruits and Vegetables Wholesale Market.")
    assert _stops(text) == ["Hongqi Square", "Lanbo Plaza", "Baima Fruits and Vegetables Wholesale Market"]


def test_a_middle_initial_does_not_end_the_sentence_of_a_site() -> None:
    stops = _stops("On February 12, Zhou Hua, mayor of Pingle, toured the Samuel K. Brandt Museum and the "
                   "Hengda Textile plant.")
    assert stops == ["Samuel K. Brandt Museum", "Hengda Textile plant"]


def test_a_band_and_a_body_that_met_are_not_sites() -> None:
    stops = _stops("On February 12, Zhou Hua, mayor of Pingle, told the Lanbo Trade Corporation's (LTC) "
                   "quarterly meeting about the visit. She visited Xinhe College and heard the Xinhe "
                   "Middle School Band play.")
    assert stops == ["Xinhe College"]


def test_the_place_a_site_is_located_in_is_no_site_of_its_own() -> None:
    stops = _stops("On February 12, Zhou Hua, mayor of Pingle, visited Lanbo Valve Co., Ltd., a maker of "
                   "pumps located in the Qinghe Industrial Complex.")
    assert stops == ["Lanbo Valve Co., Ltd."]


def test_a_project_told_by_its_owner() -> None:
    stops = _stops("On February 12, a delegation led by Zhou Hua, mayor of Pingle, went to the city of "
                   "Wuhan. The delegates paid a field visit to the Wuhan project of Hengyu City to learn "
                   "about its planning and sales.")
    assert stops == ["Wuhan project of Hengyu City"]


def test_a_named_centre_and_an_unnamed_home_joined_by_and() -> None:
    stops = _stops("On February 12, Zhou Hua, mayor of Pingle, visited the Dongli health centre and "
                   "old-age home in Xiatang, the Meishan hospital and Qinghe police station.")
    assert set(stops) == {
        "Dongli health centre", "old-age home", "Meishan hospital", "Qinghe police station"}


def test_headed_straight_to_a_site_and_going_round_one() -> None:
    stops = _stops("On February 12, Zhou Hua, governor of Xishan Province, headed straight to Lanbo Textile "
                   "near the railway station. Going round the Qinghe Tea Farm associated with the old "
                   "revolutionary base, Zhou asked about the harvest.")
    assert stops == ["Lanbo Textile", "Qinghe Tea Farm"]


def test_a_room_inside_the_school_just_visited_is_no_stop_of_its_own() -> None:
    stops = _stops("On February 12, Zhou Hua, governor of Xishan Province, inspected the Baima Middle "
                   "School. He asked about the books kept in the Lu Hai Library in the school.")
    assert stops == ["Baima Middle School"]


def test_an_opener_listing_sites_and_other_project_sites() -> None:
    stops = _stops("On February 12, Zhou Hua, governor of Xishan Province, led a team to Baima County. In "
                   "Baima Lanbo solar power station, Qinghe tea processing center, Hengda chip packaging "
                   "base and other project sites, the team listened to reports.")
    assert stops == ["Baima Lanbo solar power station", "Qinghe tea processing center",
                     "Hengda chip packaging base"]


def test_an_aim_opening_the_sentence_is_no_place() -> None:
    stops = _stops("On February 12, Zhou Hua, governor of Xishan Province, visited the Lanbo Wharf. In an "
                   "effort to revive the trade of Qinghe port, Zhou handed over two cranes.")
    assert stops == ["Lanbo Wharf"]


def test_a_named_exhibition_hall_and_a_visit_verb_repeated_after_came_to() -> None:
    stops = _stops("On February 12, Zhou Hua, governor of Xishan Province, came to visit the research. "
                   "Zhou first visited the Hengda product exhibition hall.")
    assert stops == ["Hengda product exhibition hall"]


def test_an_academy_for_a_field_and_a_longer_name_ending_after_a_site_word() -> None:
    stops = _stops("On February 12, Zhou Hua, governor of Xishan Province, paid a field visit to Lanbo "
                   "Textile Co., Ltd. and the Baima Academy for Marine Engineering. He noted that "
                   "operators such as Hengda Group work at Qinghe Port Authority under contracts.")
    assert stops == ["Lanbo Textile Co., Ltd.", "Baima Academy for Marine Engineering"]


def test_the_company_visited_is_the_firm_the_sentence_before_praised() -> None:
    stops = _stops("On February 12, Prime Minister Zhou Hua praised Lanbo Electronics Xishan for its care "
                   "for workers. During his working visit to the company in Xishan Province, Zhou asked it "
                   "to boost production.")
    assert stops == ["Lanbo Electronics"]


def test_the_area_a_listed_site_lies_in_is_no_part_of_its_name() -> None:
    stops = _stops("On February 12, Zhou Hua, mayor of Pingle, came to residential areas such as Qinghe "
                   "Garden, Baima Apartment and Lanbo Xincun in the temporary closure area to check the "
                   "measures.")
    assert stops == ["Qinghe Garden", "Baima Apartment", "Lanbo Xincun"]


def test_two_trades_joined_inside_one_name_and_a_street_in_a_list_of_villages() -> None:
    stops = _stops("On February 12, Zhou Hua, secretary of the county Party committee, went to qinghe "
                   "village, Baima Town, lanbo village and Dongli street, Xinhe town to learn more about the "
                   "industries. He then visited the Xinhe Nursing and Midwifery Training College.")
    assert set(stops) == {"qinghe village", "lanbo village", "Xinhe Nursing and Midwifery Training College"}


def test_ports_each_in_the_city_of_a_region() -> None:
    stops = _stops("On February 12, Zhou Hua, vice premier, visited Qinghe Port in the city of Wuhan and "
                   "Lanbo Port in the city of Xiamen.")
    assert stops == ["Qinghe Port", "Lanbo Port"]


def test_the_hosts_of_a_port_group_and_a_plant_still_planned_are_no_sites() -> None:
    stops = _stops("On February 12, Zhou Hua, vice premier, visited the Xinhe Container Terminal, "
                   "accompanied by President Lu Hai and Vice-President Chen Bo of Xinhe International Port "
                   "Group. He also went to Dongli village where the city has proposed to build a new Sewage "
                   "Treatment Plant.")
    assert stops == ["Xinhe Container Terminal", "Dongli village"]


def test_openers_on_a_construction_site_and_in_a_firm_after_a_report() -> None:
    stops = _stops("On February 12, Zhou Hua, vice minister of transport, inspected Qinghe Port. On the "
                   "construction site of Baima Wharf Project, Zhou heard the design plan. In Lanbo Trading "
                   "Co., Ltd, after hearing reports on its products, services, and trade, Zhou praised the "
                   "firm. Later he visited the Hengda Fish pond.")
    assert stops == ["Qinghe Port", "Baima Wharf Project", "Lanbo Trading Co., Ltd.", "Hengda Fish pond"]


def test_goods_listed_with_commas_inside_one_firm_name() -> None:
    stops = _stops("On May 25, Mayor Zhou Hua came to Xinhe Lanbo Grains, Oils and Spices Co., Ltd. to learn "
                   "about its production, and visited the famous Baima temple.")
    assert stops == ["Xinhe Lanbo Grains, Oils and Spices Co., Ltd.", "Baima temple"]


def test_a_version_number_and_a_managers_division_are_no_sites() -> None:
    stops = _stops("On April 12, Zhou Hua, chairman of the county CPPCC, visited the Qinghe factory of Lanbo "
                   "Group for inspection. Mr. Wu, Deputy General Manager of the Aviation Parts Division, "
                   "received him. During the visit, Mr. Wu reported the company's progress in building an "
                   "industry 4.0 model smart factory.")
    assert stops == ["Qinghe factory of Lanbo Group"]


def test_one_word_after_a_visit_to_is_a_place_not_a_firm() -> None:
    stops = _stops("On May 25, Zhou Hua, minister of health, paid a working visit to Lanbodi. He took the "
                   "opportunity to inspect the Qinghe District Hospital.")
    assert stops == ["Qinghe District Hospital"]


def test_firms_the_visit_included_a_dash_after_them_and_co_comma_ltd() -> None:
    stops = _stops("On March 21, Zhou Hua, the premier, toured Xishan Province. The companies he visited "
                   "included Lanbo Locomotive Co and Qinghe Carbide Group and Baima Aircraft - all are "
                   "leading makers. He also inspected Hengda New Material Group Co, Ltd., and Xinhe.")
    assert stops == ["Lanbo Locomotive Co", "Qinghe Carbide Group", "Baima Aircraft",
                     "Hengda New Material Group Co., Ltd.", "Xinhe"]


def test_ports_visited_in_earlier_years_are_no_stops() -> None:
    stops = _stops("On May 22, Zhou Hua visited Lanbo Port. Since 2012, he has visited major ports across "
                   "the country including the Qinghe container port.")
    assert stops == ["Lanbo Port"]


def test_one_site_with_and_without_a_possessive_and_goods_inside_a_long_firm_name() -> None:
    stops = _stops("On October 3, Governor Zhou Hua toured Lanbo's Industrial Technology Center. He "
                   "praised the Lanbo Industrial Technology Center. Then the group went to companies like "
                   "Qinghe Copper Smelter and China Baima Gold Group Xishan Qinghe Gold and Silver Products "
                   "Co., LTD. to hear reports. The group also went to Xinhe Electronics Co., LTD., Hengda "
                   "Data Valley and Dongli Tea Co., Ltd. for field inspection.")
    assert set(stops) == {"Lanbo's Industrial Technology Center", "Qinghe Copper Smelter",
                          "China Baima Gold Group Xishan Qinghe Gold and Silver Products Co., Ltd.",
                          "Hengda Data Valley", "Xinhe Electronics Co., Ltd.", "Dongli Tea Co., Ltd."}


def test_farms_looked_round_a_branch_and_its_parents_and_a_firm_named_after_a_place() -> None:
    stops = _stops("On May 4, Kim Chol, vice-premier, made a field survey in Xishan City. Looking round "
                   "the Baima Farm in Qinghe County and the Lanbo and Hengyu Farms in Pingle County, he "
                   "stressed farming. He learned about the Pingle Branch Institute of the Rice Research "
                   "Institute under the Academy of Farm Science. Meanwhile, Kim acquainted himself with the "
                   "work at the Hengda Chicken Farm.")
    assert set(stops) == {"Baima Farm", "Lanbo Farm", "Hengyu Farm", "Pingle Branch Institute",
                          "Hengda Chicken Farm"}


def test_a_firm_named_after_a_place_in_a_list_of_other_enterprises() -> None:
    stops = _stops("On November 10, Zhou Hua, secretary of the municipal Party committee, visited Lanbo "
                   "Electronics, Kunyu New Energy, Hengda Electric Motor and other enterprises.")
    assert stops == ["Lanbo Electronics", "Kunyu New Energy", "Hengda Electric Motor"]


def test_a_firms_officer_and_a_family_visited_are_no_sites() -> None:
    stops = _stops("On July 3, Prime Minister Zhou Hua toured the Lanbo chip cluster, accompanied by the "
                   "Chief Financial Officer (CFO) of Lanbo Electronics Park Min-su. He visited the family of "
                   "Kim Soo Jin and Le Thi Hoa in Qinghe City.")
    assert stops == []
