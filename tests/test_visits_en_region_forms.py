"""English regions in forms met on real reports: holders in titles and datelines, places listed
with rank or plight, split pinyin names, delegations' homes (fictional text)."""

from __future__ import annotations

import subprocess
import sys

from crawler.visits import extract_visits


def _regions(text: str) -> list[str]:
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    return visit.regions


def test_a_bare_place_name_the_text_elsewhere_calls_a_village_is_that_village() -> None:
    text = ("On May 4, Minister Li Jun began his survey of farming in Hebei Province. His host is Xinhe "
            "village, a hamlet of 300 homes. Li visited Xinhe and talked with the growers.")
    assert _regions(text) == ["Hebei Province"]
    assert _regions("On May 4, Mayor Li Jun visited Xinhe and its Hongfeng paper mill.") == ["Xinhe"]


def test_greetings_extended_in_a_village_place_the_visit() -> None:
    text = ("President Zhou Hua extends New Year greetings in Qinghe village of Wenjiang district in "
            "Chengdu, southwest China's Sichuan province, Feb 3, 2024. Zhou made an inspection tour in "
            "Sichuan.")
    assert _regions(text) == ["Wenjiang district", "Chengdu", "Sichuan"]
    [visit] = extract_visits(text, lang="en")
    assert [s.name for s in visit.stops] == ["Qinghe village"]


def test_a_place_whose_work_is_inspected_is_a_region() -> None:
    text = ("From May 19 to 20, 2024, Zhou Hua, deputy secretary of the Baima District Committee, led a "
            "team to inspect Xinyang's work on a civilized city. The team visited the Qinghe Primary School.")
    assert _regions(text) == ["Xinyang"]
    assert _regions("On May 19, 2024, Zhou Hua inspected the Qinghe mill and met Xinyang's cadres.") == []


def test_the_holder_of_a_visitors_body_and_a_delegations_home_are_no_regions() -> None:
    text = ("Delegation from Beijing Inspects Xinyang\n\nFrom May 19 to 20, 2024, Zhou Hua, Deputy Secretary "
            "of Xicheng District Committee in Beijing, led a team to inspect Xinyang's work on a civilized "
            "city.")
    assert _regions(text) == ["Xinyang"]


def test_a_list_of_places_with_rank_and_plight_the_news_agency_and_a_railways_end() -> None:
    text = ("On May 3, 2024, President Zhou Hua made an inspection tour. He toured capital city Xinyang, "
            "flood\u2010hit Luoshan and the industrial hub of Zhumadian, checking market supply chains.")
    [visit] = extract_visits(text, lang="en")
    assert visit.regions == ["Xinyang", "Luoshan", "Zhumadian"]
    assert visit.stops == []
    text = ("According to Xinhua, President Zhou Hua visited Nyingchi on July 21, 2024 and took a train to "
            "Lhasa the next day, on a railway connecting the plateau with Sichuan province.")
    assert _regions(text) == ["Nyingchi", "Lhasa"]


def test_a_place_listed_after_a_prefecture_with_its_kind() -> None:
    text = ("From August 29 to September 2, 2023, Zhou Hua, chairman of the Pingle Foundation, led a team "
            "to Anshun, Qianxinan prefecture and Bijie of Guizhou Province for a study of farming.")
    assert _regions(text) == ["Anshun", "Qianxinan prefecture", "Bijie", "Guizhou Province"]


def test_the_home_of_a_delegation_in_the_headline_and_a_lower_case_zone_beside_its_city() -> None:
    text = ("Party and government delegation of Xinyang's Luoshan County investigates in Wujiang\n\n"
            "On the morning of Sept. 15, 2020, a delegation led by Zhou Hua, secretary of the CPC Luoshan "
            "County Committee of Xinyang City, visited Wujiang District for an investigation.")
    assert _regions(text) == ["Wujiang"]
    text = "On May 3, 2024, Zhou Hua visited the Shanghai pilot free trade zone (FTZ) and Baima Road."
    assert _regions(text) == ["Shanghai", "Shanghai pilot free trade zone (FTZ)"]


def test_a_city_after_a_sites_headquarters_is_no_part_of_a_site_named_later() -> None:
    text = ("In the morning of April 22, 2023, Mayor Zhou Hua led the delegation to visit Hengda Company "
            "Limited's head office in Shenzhen to see the firm's newest products.")
    assert _regions(text) == ["Shenzhen"]


def test_a_first_stop_its_holder_and_a_city_where_a_later_session_is_held() -> None:
    text = ("Ahead of the plenary session to be convened next month in Beijing, President Zhou Hua made an "
            "investigation tour on Sep. 8, 2008. The first stop of President Zhou's tour was Jiaozuo, a city "
            "at the northern tip of Henan Province, where he inspected farms.")
    assert _regions(text) == ["Jiaozuo", "Henan Province"]
    text = "Zhou Hua said during his visit to Qianhe, Shenzhen on May 3, 2024 that cities must unite."
    assert _regions(text) == ["Shenzhen"]


def test_a_county_name_split_in_two_words() -> None:
    text = ("On April 21, 2020, Governor Zhou Hua toured a tea garden in Ping Li County, Ankang City, "
            "Shaanxi province.")
    assert _regions(text) == ["Ping Li County", "Ankang City", "Shaanxi province"]


def test_the_holder_of_a_place_in_a_title_and_a_diplomats_posting_are_no_regions() -> None:
    text = ("On February 6, 2024, Wang Bo, mayor of Xinyang city in central China's Henan province, visited "
            "Qinghe community in Pingqiao district.")
    assert _regions(text) == ["Pingqiao district"]
    text = ("From 21 to 23 June 2017, Deputy Commissioner Zhou Hua led a delegation to Guangdong province. "
            "Consuls-general of 12 countries to Hong Kong joined the delegation.")
    assert _regions(text) == ["Guangdong province"]


def test_counties_and_townships_of_a_list_and_a_prefecture_by_its_short_english_name() -> None:
    text = ("On Dec 3, 2008, President Zhou Hua visited the counties and townships of Beichuan and Yingxiu. "
            "He also inspected new homes in the cities of Mianyang and Deyang, and the Aba prefecture.")
    assert _regions(text) == ["Beichuan", "Mianyang", "Deyang", "Aba prefecture"]


def test_the_dateline_city_is_the_place_when_no_other_is_named() -> None:
    text = ("BEIJING - Vice-President Zhou Hua made the remarks on June 19, 2012 while inspecting Baima "
            "University and Qinghe University.")
    assert _regions(text) == ["Beijing"]
    text = "BEIJING - On June 19, 2012, Vice-President Zhou Hua inspected the Hengda plant in Xinyang."
    assert _regions(text) == ["Xinyang"]


def test_a_holder_after_a_title_place_and_a_department_in_a_region() -> None:
    text = ("On July 9, 2023, Zhou Hua, mayor of Xinyang City, Henan Province, came to the Qinghe Drill "
            "Company in Baima County.")
    assert "Henan Province" not in _regions(text)
    text = ("On May 3, 2023, Wang Lin, a deputy head of the Department of Commerce in Guangxi Zhuang "
            "Autonomous Region, visited Qinghe Normal University in Guilin.")
    assert _regions(text) == ["Guilin"]


def test_a_zone_investigated_is_a_region_and_a_place_in_what_was_said_is_not() -> None:
    text = ("Yesterday afternoon, Zhou Hua, Mayor of Baima, stressed when investigation Hongqi Industrial "
            "Zone that industry is the base of the city. Vice Mayor Li Ming joined the investigation.")
    assert _regions(text) == ["Hongqi Industrial Zone"]
    text = ("On May 3, Mayor Zhou Hua visited Lanbo Beverages (Xinhe) Co., Ltd. and inspected the plant, "
            "saying that the government would help companies of all kinds grow in Xinhe.")
    assert _regions(text) == []


def test_a_zone_whose_office_or_centre_is_inspected_is_a_region() -> None:
    text = ("Vice governor Zhou Hua visited Xinyang City on May 3, 2024. He inspected the Parcel Checking "
            "Office of Xinyang Comprehensive Bonded Zone and the Hongqi logistics park.")
    assert _regions(text) == ["Xinyang City", "Xinyang Comprehensive Bonded Zone"]
    titled = ("On May 3, 2024, Zhou Hua, director of the Management Office of Xinyang Comprehensive Bonded "
              "Zone, inspected the Hongqi logistics park in Xinyang City.")
    assert _regions(titled) == ["Xinyang City"]


def test_the_holder_of_a_town_is_a_region_and_another_leaders_tour_is_not() -> None:
    text = ("On May 3, Zhou Hua, chairman of the Municipal Committee, led a team to conduct a survey in "
            "Shadui Town of Xinhui and visited the Hengda Shipyard.")
    assert _regions(text) == ["Xinhui"]
    text = ("On May 3, Mayor Zhou Hua led a delegation to inspect the Hengda Shipyard, to implement the "
            "instructions delivered by Li Ming, Secretary of the Provincial Party Committee, during his "
            "research tour in Xinhui.")
    assert _regions(text) == []


def test_a_new_area_whose_government_sends_a_delegation_is_its_home_and_a_bracketed_zone_name() -> None:
    text = ("A delegation from the government of Baima New Area visited Lanting and Shuiyue in the China "
            "(Xishan) Pilot Free Trade Zone on May 3, 2024. The delegation, led by Zhou Hua, Party secretary "
            "of Baima New Area, visited six companies in Lanting.")
    assert _regions(text) == ["China (Xishan) Pilot Free Trade Zone"]


def test_the_place_of_a_leaders_tour_whose_instructions_are_studied_is_no_region() -> None:
    text = ("On May 3, 2024, Zhou Hua, Secretary of the CPC Xishan Provincial Committee, made an "
            "inspection tour of Xinyang City. He urged the city to study the chairman's important "
            "instructions made during his inspection tour in Lanzhou and General Secretary's remarks "
            "during his visit to Baoji.")
    assert _regions(text) == ["Xinyang City"]
    own = ("Zhou Hua, minister of water resources, made the remarks during his inspection tour to central "
           "China's Xishan Province. He visited flooded villages in Xinyang on May 3, 2024.")
    assert _regions(own) == ["Xishan Province", "Xinyang"]


def test_two_foreign_districts_sharing_their_kind_word_are_both_regions() -> None:
    text = ("On the morning of May 3, Vice Chairman Tran Van Hoa led a working group to inspect key projects "
            "in Ba Lang and Kim Son districts of the province.")
    assert _regions(text) == ["Ba Lang", "Kim Son"]


def test_a_citys_own_high_tech_district_named_by_its_kind_alone() -> None:
    text = ("On May 3, 2024, Governor Zhou Hua made an investigation in Xinyang. He went to the Exhibition "
            "Center of High-Tech District to learn about industrial upgrading.")
    assert _regions(text) == ["Xinyang", "High-Tech District"]
    talk = ("On May 3, 2024, Governor Zhou Hua made an investigation in Xinyang. He said that High-Tech "
            "District should attract more firms.")
    assert _regions(talk) == ["Xinyang"]


def test_a_foreign_district_after_a_word_of_its_plight_is_a_region() -> None:
    text = ("Lakhpur, May 3, 2024: Governor Ravi Menon on Friday visited flood-hit Tarapani district and met "
            "families in the relief camps.")
    assert _regions(text) == ["Tarapani district"]


def test_a_place_in_what_the_official_emphasized_is_no_region() -> None:
    text = ("On May 3, 2024, Zhou Hua, secretary of the Henan Provincial Committee, visited flood fighters "
            "in Xinyang City. He emphasized that cadres at all levels in Henan province should step up the "
            "inspection of reservoirs.")
    assert _regions(text) == ["Xinyang City"]


def test_a_road_or_works_named_after_a_place_is_a_site_not_a_region() -> None:
    text = ("Meng Hua, governor of the prefecture, inspected the Xinyang secondary road construction "
            "works on May 3, 2024.")
    assert _regions(text) == []


def test_a_province_told_as_central_chinas_is_framed_as_the_place_toured() -> None:
    text = ("Meng Hua, secretary of the provincial Party committee, on Tuesday inspected central China's "
            "Henan Province. In the village of Qiaotou in Gushi County, he visited growers.")
    assert _regions(text) == ["Henan Province", "Gushi County"]


def test_a_county_the_gazetteer_does_not_know_is_a_region_not_a_site() -> None:
    text = ("Meng Hua, the governor, visited Shanlin county on Monday. In Shanlin county, Meng visited "
            "Hengda Paper Co.")
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert visit.regions == ["Shanlin county"]
    assert not any("Shanlin" in s.name for s in visit.stops)


def test_a_place_abroad_named_without_its_kind_is_a_region() -> None:
    text = ("On Monday, Chief Minister Ravi Menon toured the rain-hit areas of Kasur and Okara and met "
            "families in the relief camps.")
    assert _regions(text) == ["Kasur", "Okara"]
    text = ("On Monday, Chief Minister Ravi Menon went to the villages of Gondal and Mirpur in the "
            "hill district Chitral to see the washed-out bridges.")
    assert "Chitral" in _regions(text)


def test_a_town_abroad_beside_its_province_of_the_same_name_is_a_region_of_its_own() -> None:
    text = ("On May 4, Prime Minister Tran Van Loc inspected a ring road project in Bac Ninh province "
            "and then visited a new housing estate in Bac Ninh city.")
    assert _regions(text) == ["Bac Ninh province", "Bac Ninh city"]


def test_a_delta_or_river_region_told_by_its_description_is_no_name() -> None:
    text = ("On May 4, Prime Minister Tran Van Loc made a visit to the Red River Delta province, where he "
            "inspected two bridge projects in Hai Duong.")
    assert _regions(text) == ["Hai Duong"]


def test_a_province_told_as_the_countrys_and_a_town_told_as_a_destination() -> None:
    text = ("On May 4, Minister Li Jun ended a study tour of the country's northwestern Shaanxi Province. "
            "While visiting the well-known tourist destination of Yan'an, Li urged care for its sites.")
    assert _regions(text) == ["Shaanxi Province", "Yan'an"]


def test_a_harbour_named_after_a_city_is_a_site_not_the_city() -> None:
    text = "On May 4, Minister Li Jun visited Jiangmen and Haikou harbor's old post."
    assert _regions(text) == ["Jiangmen"]


def test_a_foreign_dateline_of_a_town_or_a_town_and_its_state_is_the_place() -> None:
    text = "KOCHI:\n\nChief Minister Ravi Menon on Saturday inspected the new water metro terminal."
    assert _regions(text) == ["Kochi"]
    text = ("Madurai (Tamil Nadu), Nov 9 (PTI) Chief Minister Ravi Menon on Saturday inspected the "
            "new bus terminal and the ring road works.")
    assert _regions(text) == ["Madurai", "Tamil Nadu"]


def test_a_large_town_abroad_by_its_other_english_name_is_a_region() -> None:
    text = "On May 4, Chief Minister Ravi Menon made a surprise visit to the Sunrise Clinic in Trichy."
    assert _regions(text) == ["Trichy"]


def test_a_dateline_with_the_country_in_square_brackets_gives_the_town_and_its_state() -> None:
    text = ("Raipur (Chhattisgarh) [India], July 23 (ANI): State Health Minister Ravi Menon made a surprise "
            "inspection of the Sunrise Clinic on Wednesday.")
    assert _regions(text) == ["Raipur", "Chhattisgarh"]


def test_a_province_abroad_named_alone_and_with_its_kind_is_one_region() -> None:
    text = ("Deputy Prime Minister inspects flood work in Ha Tinh\n\nOn May 4, Deputy Prime Minister Tran "
            "Van Loc made an inspection of the flood work in Ha Tinh Province.")
    assert [r.removesuffix(" Province") for r in _regions(text)] == ["Ha Tinh"]


def test_places_after_a_participle_of_visiting_are_regions() -> None:
    text = ("From May 4 to 6, Minister Zhou Hua made an inspection tour of Xishan Province, visiting "
            "Xinyang and Luoyang.")
    assert _regions(text)[-2:] == ["Xinyang", "Luoyang"]


def test_a_who_clause_telling_the_visit_itself_is_no_aside() -> None:
    text = "Mayor Zhou Hua, who is on a three-day visit to Xinyang, inspected the Hongqi tea farm on May 4."
    assert _regions(text) == ["Xinyang"]
    text = "Mayor Zhou Hua, who used to work in Luoyang, inspected the Hongqi tea farm in Xinyang on May 4."
    assert _regions(text) == ["Xinyang"]


def test_a_dateline_town_abroad_is_the_place_only_when_the_report_names_it_again() -> None:
    text = ("LAHORE - Chief Minister Ravi Menon on Monday visited the Sunrise Clinic to review its "
            "services.")
    assert _regions(text) == []
    text = ("LAHORE - Chief Minister Ravi Menon on Monday visited the Sunrise Clinic in Lahore to review "
            "its services.")
    assert _regions(text) == ["Lahore"]


def test_a_district_after_its_plight_and_kind_in_a_visit_is_a_region() -> None:
    text = ("On Monday, Chief Minister Ravi Menon reached the Sunrise Clinic during his visit of "
            "drought-hit district of Marwalpur.")
    assert _regions(text) == ["Marwalpur"]


def test_a_visit_to_the_district_goes_to_the_district_last_named() -> None:
    text = ("On Monday, Chief Secretary Ravi Menon reviewed the works in Marwalpur district. During "
            "his visit to the district, he saw the Sunrise Clinic.")
    assert _regions(text) == ["Marwalpur district"]


def test_a_province_after_its_description_and_kind_is_a_region() -> None:
    text = "On May 4, President Tran Van Loc visited the Mekong Delta province of An Giang."
    assert _regions(text) == ["An Giang"]
    text = "On May 4, Minister Zhou Hua ended a three-day tour of the central province of Henan."
    assert _regions(text) == ["Henan"]


def test_a_town_abroad_written_with_its_marks_is_known() -> None:
    text = "On May 4, President Tran Van Loc visited the Hong Phat cooperative in Long Xuyên."
    assert _regions(text) == ["Long Xuyên"]


def test_a_dash_dateline_town_abroad_told_again_as_here_is_the_place() -> None:
    text = ("KOTA BHARU, Nov 23 — Chief Minister Ravi Menon on Monday visited the Sunrise Clinic here "
            "and met the evacuees.")
    assert _regions(text) == ["Kota Bharu"]


def test_a_place_reached_is_a_region() -> None:
    text = "On May 4, Chief Minister Ravi Menon reached Okara and visited the relief camps there."
    assert _regions(text) == ["Okara"]


def test_places_listed_as_the_regions_a_team_entered_are_regions() -> None:
    text = ("On May 4, a team headed by Minister Zhou Hua entered hard-hit regions in the province, "
            "including the provincial capital Xinyang and the cities of Luoyang and Kaifeng.")
    assert _regions(text) == ["Xinyang", "Luoyang", "Kaifeng"]


LOAD_AT_ONCE = """
import threading
from crawler.visits.en.world import world_names
start = threading.Barrier(8)
loaded = []
def first_article():
    start.wait()
    loaded.append(id(world_names()))
writers = [threading.Thread(target=first_article) for _ in range(8)]
for writer in writers: writer.start()
for writer in writers: writer.join()
print(len(set(loaded)))
"""


def test_the_names_of_places_abroad_are_loaded_once_when_every_writer_needs_them_at_once() -> None:
    # A fresh interpreter: the names are not loaded yet; a crawl's writer threads ask together.
    out = subprocess.run([sys.executable, "-c", LOAD_AT_ONCE], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1"], out.stderr


def test_a_town_abroad_only_after_in_beside_chinas_places_is_no_region() -> None:
    text = ("On May 4, Governor Zhou Hua visited the Hongqi Machinery plant in Xinyang, whose design "
            "centre is in Munich.")
    assert _regions(text) == ["Xinyang"]
    text = "On May 4, Vice Premier Zhou Hua visited the Hongqi plant in Munich and a port in Hamburg."
    assert _regions(text) == ["Munich", "Hamburg"]


def test_places_whose_work_is_inspected_told_after_of_are_regions() -> None:
    text = "On May 4, Governor Zhou Hua inspected the flood control work of Xinyang and Luoyang."
    assert _regions(text) == ["Xinyang", "Luoyang"]


def test_a_scenic_area_listed_among_districts_is_a_region_and_alone_a_site() -> None:
    text = ("On May 4, Minister Zhou Hua visited Yuelu District, Dawei Mountain Scenic Area and Kaifu "
            "District.")
    assert sorted(_regions(text)) == ["Dawei Mountain Scenic Area", "Kaifu District", "Yuelu District"]
    text = "On May 4, Minister Zhou Hua inspected the Huangguoshu Scenic Area in Anshun."
    assert _regions(text) == ["Anshun"]


def test_a_division_abroad_before_a_capitalised_little_word_is_no_body() -> None:
    text = "Prime Minister Tran Van Loc paid a guidance visit to Savanh Province On April 5, 2024."
    assert _regions(text) == ["Savanh Province"]
