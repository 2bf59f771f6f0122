"""English stops: industry-tail names, 'such enterprises as', generic objects, zones (fictional)."""

from __future__ import annotations

from crawler.visits import extract_visits


def _visit(text: str):  # type: ignore[no-untyped-def]
    [visit] = extract_visits(text, published="2024-02-13", lang="en")
    return visit


def test_such_enterprises_as_and_industry_tails() -> None:
    visit = _visit("On February 12, Yang Lifeng, executive vice mayor, visited such enterprises as Hengda "
                   "Glass, Ruijin Packaging and Lanbo Equipment Manufacturing to learn about production.")
    names = [s.name for s in visit.stops]
    assert names == ["Hengda Glass", "Ruijin Packaging", "Lanbo Equipment Manufacturing"]


def test_plural_kinds_and_people_are_not_stops() -> None:
    visit = _visit("On February 12, Liu Guo, Vice Premier, went to Pingle City and visited locals lifted "
                   "out of poverty and cadres stationed in villages. He also visited rural villages and "
                   "urban communities.")
    assert visit.stops == []


def test_a_development_zone_visited_is_a_region_not_a_stop() -> None:
    visit = _visit("On February 12, Yang Lifeng, executive vice mayor, visited the manufacturing "
                   "enterprises in Pingle High-tech Zone and the Hengda Glass Co., Ltd.")
    assert "Pingle High-tech Zone" in visit.regions
    assert [s.name for s in visit.stops] == ["Hengda Glass Co., Ltd."]


def test_and_inside_a_name_and_lower_case_site_words() -> None:
    visit = _visit("On February 12, Li Jian, Party secretary of Pingle, visited the Jiangyin Examination and "
                   "Approval Bureau, Fengtai Machinery and Equipment Manufacturing and the Chenling "
                   "hydrological station.")
    assert {s.name for s in visit.stops} == {
        "Jiangyin Examination and Approval Bureau", "Fengtai Machinery and Equipment Manufacturing",
        "Chenling hydrological station"}


def test_the_units_companions_come_from_are_not_stops() -> None:
    visit = _visit("On February 12, Chang Ming, vice mayor, led a team to inspect the Hengda cable project. "
                   "Relevant leaders from the Municipal Government Office and the Bureau of Industry and "
                   "Information Technology accompanied the inspection.")
    assert [s.name for s in visit.stops] == ["Hengda cable project"]


def test_a_named_object_without_a_site_word() -> None:
    visit = _visit("On February 12, Premier Li visited Pingle Baiyun in Kunming, the provincial capital.")
    assert [s.name for s in visit.stops] == ["Pingle Baiyun in Kunming"]


def test_a_site_after_companions_from_a_zone_and_lanes() -> None:
    visit = _visit("On February 12, Shen Ping, District Secretary, accompanied by relevant leaders of the "
                   "Economic Development Zone, went to the Dongfang Testing Equipment Base. Later he came "
                   "to Waidong Lane and visited old party members.")
    assert {s.name for s in visit.stops} == {"Dongfang Testing Equipment Base", "Waidong Lane"}


def test_named_sites_without_site_words_in_a_list() -> None:
    visit = _visit("On May 3, Zhao Ming, vice governor, went to Hongfeng Boiler Room and Linhe Chemicals to "
                   "inspect production.")
    assert [s.name for s in visit.stops] == ["Hongfeng Boiler Room", "Linhe Chemicals"]


def test_a_description_after_a_name_marks_the_site() -> None:
    visit = _visit("On May 3, Zhao Ming, vice governor, visited Hengda, a new energy car maker, and Lanbo, "
                   "a battery producer.")
    assert [s.name for s in visit.stops] == ["Hengda", "Lanbo"]


def test_one_site_named_twice_with_the_same_description() -> None:
    visit = _visit("On May 3, Chang Ming, vice mayor, led a team to inspect Hengyu new fibre spinning line "
                   "project. Chang visited the work site of HYF's new fibre spinning line project.")
    assert len(visit.stops) == 1


def test_a_county_before_and_a_second_verb_is_no_stop() -> None:
    visit = _visit("After the session on February 12, Governor Zhou Ming went to Feidong County and "
                   "inspected the Linhe Chemicals plant and the Hongda Village.")
    assert [s.name for s in visit.stops] == ["Linhe Chemicals plant", "Hongda Village"]
    assert visit.regions == ["Feidong County"]


def test_a_site_in_a_zone_is_the_stop_and_the_zone_a_region() -> None:
    visit = _visit("On February 12, Governor Zhou Ming inspected the Linhe Chemicals plant in the Pingle "
                   "Economic and Technological Development Zone.")
    assert [s.name for s in visit.stops] == ["Linhe Chemicals plant"]
    assert visit.regions == ["Pingle Economic and Technological Development Zone"]


def test_a_named_object_with_its_city_and_province() -> None:
    visit = _visit("On February 12, Zhou Ming, secretary of the municipal Party committee, inspected "
                   "Linhe Chemicals in Xiangyang, Hubei.")
    assert [s.name for s in visit.stops] == ["Linhe Chemicals in Xiangyang"]


def test_unnamed_schools_and_clinics_count_beside_named_sites() -> None:
    text = ("On May 4, Premier Li Wei visited Xinhe Village. He also visited a health center and a school in "
            "Lishu township.")
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert [s.name for s in visit.stops] == ["Xinhe Village", "health center", "school"]


def test_lower_case_site_words_after_a_place_name() -> None:
    visit = _visit("On February 12, Zhao Ming, vice governor, inspected the Huaiyin port and the Yanchang "
                   "Petroleum refinery.")
    assert [s.name for s in visit.stops] == ["Huaiyin port", "Yanchang Petroleum refinery"]
    assert visit.regions == []


def test_a_site_introduced_before_its_visit_and_a_then_at_opener() -> None:
    visit = _visit("Mayor Zhao Ming inspected companies in Luoshan County on February 12. Luoshan Lanhai "
                   "Foods is a leading maker of frozen dumplings. Zhao walked into its workshop. Then at "
                   "the Yangshan Road construction site, he urged builders to be careful.")
    assert [s.name for s in visit.stops] == ["Luoshan Lanhai Foods", "Yangshan Road construction site"]


def test_a_partner_of_the_site_is_no_stop() -> None:
    lead = "On February 12, Mayor Zhao Ming visited the Hongfeng Steel Plant"
    for text in (lead + ", which signed a cooperation deal with Baowu Steel Group last year.",
                 lead + " and saw its new products developed with Tsinghua University."):
        assert [s.name for s in _visit(text).stops] == ["Hongfeng Steel Plant"], text


def test_a_site_where_the_leading_official_stands() -> None:
    visit = _visit("On February 12, Mayor Zhao Ming inspected flood control work. Standing on the dike of "
                   "the Nanwan Reservoir, Zhao asked about the water level. He learned about the production "
                   "of pumps at Xinyang Huarui Auto.")
    assert [s.name for s in visit.stops] == ["Nanwan Reservoir", "Xinyang Huarui Auto"]


def _names(text: str) -> list[str]:
    """The stops of every visit found (a trip to a fair abroad may report none)."""
    return [s.name for v in extract_visits(text, published="2024-02-13", lang="en") for s in v.stops]


def test_a_list_after_including_keeps_names_without_site_words() -> None:
    assert _names("On February 12, Mayor Li Jun visited several enterprises, including Jiahe Textiles, "
                  "Hengda Auto Parts and Shenghua Chemical.") == [
        "Jiahe Textiles", "Hengda Auto Parts", "Shenghua Chemical"]


def test_each_opener_of_a_sentence_is_a_stop() -> None:
    names = _names("On February 12, Mayor Li Jun inspected industrial projects in Luoshan County. At Jiahe "
                   "Textiles, he asked about orders; at Hengda Auto Parts, he watched the assembly line.")
    assert names == ["Jiahe Textiles", "Hengda Auto Parts"]


def test_a_kind_said_once_before_the_names() -> None:
    names = _names("On February 12, Mayor Li Jun visited the villages of Hongxing, Dongshuang and Xiaowan "
                   "in Luoshan County.")
    assert names == ["Hongxing", "Dongshuang", "Xiaowan"]


def test_one_word_company_names_beside_named_ones() -> None:
    assert _names("On February 12, Mayor Li Jun inspected Yutong Bus, Zoomlion and Pinggao Electric.") == [
        "Yutong Bus", "Zoomlion", "Pinggao Electric"]


def test_a_project_named_by_the_work_on_it_and_a_housing_site() -> None:
    names = _names("On February 12, Mayor Li Jun went to Shihe District to inspect the progress of the "
                   "Xinyang Olympic Sports Center and the Beihu Wetland restoration. He also toured the "
                   "Jordan Downs housing site.")
    assert names == ["Xinyang Olympic Sports Center", "Beihu Wetland restoration",
                     "Jordan Downs housing site"]


def test_one_word_company_visited_but_no_country_or_person() -> None:
    assert _names("On February 12, Mayor Li Jun visited Gengli to learn about its production.") == ["Gengli"]
    assert _names("On February 12, Mayor Li Jun visited CATL to learn about battery production.") == ["CATL"]
    for text in ("On February 12, Mayor Li Jun visited Singapore to attend a trade fair.",
                 "On February 12, Mayor Li Jun visited Zhang Wei, a retired veteran, in Luoshan County.",
                 "On February 12, Mayor Li Jun visited Wang, a retired veteran, in Luoshan County."):
        assert _names(text) == [], text


def test_lists_of_one_word_names_and_a_kind_said_after() -> None:
    for text in ("On February 12, Mayor Li Hua successively came to Hengtai, Jiuding and Lanbo to learn "
                 "about production.",
                 "On February 12, Mayor Li Hua investigated Hengtai, Jiuding, Lanbo and other enterprises.",
                 "On February 12, Mayor Li Hua went to Pingqiao District. He inspected Hengtai, Jiuding and "
                 "Lanbo one after another."):
        assert _names(text) == ["Hengtai", "Jiuding", "Lanbo"], text


def test_a_part_of_the_site_named_before_it() -> None:
    assert _names("On February 12, Mayor Li Hua inspected the project sites of Hengtai Phase II and Jiuding "
                  "Smart Factory.") == ["Hengtai Phase II", "Jiuding Smart Factory"]


def test_people_and_places_in_a_list_are_no_stops() -> None:
    assert _names("On February 12, Mayor Li Hua visited Wang, Li and other families in Dongshuang "
                  "Village.") == ["Dongshuang Village"]
    assert _names("On February 12, Mayor Li Hua investigated Xinyang, Luoyang and other places.") == []


def test_a_part_of_a_site_named_again_without_its_owner_is_the_same_stop() -> None:
    assert _names("On February 12, Mayor Li Hua and his delegation went to Hengtai Machinery to investigate "
                  "Party building. They came to the Hengtai Machinery Party Activity Center (High tech Zone) "
                  "to learn more about the daily management of the Party Activity Center.") == [
        "Hengtai Machinery"]


def test_the_stops_included_and_a_part_of_a_named_site() -> None:
    assert _names("On February 12, Mayor Li Hua inspected key projects. The stops included the Hengtai "
                  "Phase II project, the Jiuding smart factory and the Beihu Wetland Park.") == [
        "Hengtai Phase II project", "Jiuding smart factory", "Beihu Wetland Park"]
    assert _names("On February 12, Mayor Li Hua visited the Hengtai Group's headquarters and its new plant "
                  "in Pingqiao District.") == ["Hengtai Group"]


def test_a_company_introduced_before_the_sentence_that_visits_it() -> None:
    assert _names("Founded in 1998, Hengtai Group is a leading textile company in Xinyang. On February 12, "
                  "Mayor Zhou Ming visited the company.") == ["Hengtai Group"]


def test_parts_named_before_their_sites_in_one_list() -> None:
    assert _names("On February 12, Mayor Li Hua went to the production line of Hengtai Group and the "
                  "construction site of Jiuding Phase II.") == ["Hengtai Group", "Jiuding Phase II"]


def test_a_sites_customer_is_no_stop_and_a_theater_is_one() -> None:
    assert _names("On February 12, Mayor Li Hua inspected Hengtai Group, a supplier of Huawei "
                  "Technologies.") == ["Hengtai Group"]
    assert _names("On February 12, Mayor Li Hua visited Hengtai Group and watched a gala at the Xinyang "
                  "Grand Theater.") == ["Hengtai Group", "Xinyang Grand Theater"]


def test_a_name_that_goes_on_as_a_policy_or_an_event_is_no_site() -> None:
    assert _names("On February 12, Mayor Li Hua visited Hengtai Group to learn about its part in the Belt "
                  "and Road Initiative.") == ["Hengtai Group"]


def _stops(text: str) -> list[str]:
    return [s.name for s in _visit(text).stops]


def test_a_town_of_a_district_is_a_place_not_a_site() -> None:
    assert _stops("On February 12, Zhou Ming, vice mayor, went to Hongqi Town of Pingle District to inspect "
                  "rural projects. The group visited Xinhe Foods and the Dongli tea base.") == [
        "Xinhe Foods", "Dongli tea base"]


def test_a_site_in_a_county_and_another_site() -> None:
    assert _stops("On February 12, Zhou Ming, vice mayor, visited the shelters at No. 2 Middle School in "
                  "Pingle County and Xinhe Town Party School in Dongli County.") == [
        "No. 2 Middle School", "Xinhe Town Party School"]


def test_a_list_ends_before_what_the_party_did_next() -> None:
    assert _stops("On February 12, Zhou Ming, Party chief of the district, first went to the Xinhe Store "
                  "of Hongmart at Dongli Rd and were briefed on the store's sales, management, quality "
                  "control, and safety procedures.") == ["Xinhe Store of Hongmart"]


def test_names_sharing_a_plural_site_noun() -> None:
    text = ("On February 12, Zhou Ming, the county head, inspected the fire exits of the bus station.\n\n"
            "Walking into Xinhe and Hongmart supermarkets, Zhou Ming inspected the fire exits and asked "
            "about prices.")
    assert {"Xinhe supermarket", "Hongmart supermarket"} <= set(_stops(text))
    # not a list of bodies ending in a lower-case kind
    text = ("On February 12, the group led by Zhou Ming, vice governor, visited the Hongda paper mill and "
            "met officials from Pingle provincial government, Pingle Development and Reform Commission, and "
            "entrepreneurial enterprises.")
    assert not any(name.endswith("enterprise") for name in _stops(text))


def test_an_event_a_delegations_home_and_a_city_are_not_sites() -> None:
    text = ("A delegation from the Pingle Research Center led by its president Zhou Ming visited Xinhe "
            "Village on February 12. At the symposium on rural work in Xinhe Village, Zhou Ming spoke. "
            "In the city of Ningbo, Zhou visited the Hongda paper mill.")
    assert _stops(text) == ["Xinhe Village", "Hongda paper mill"]


def test_estuaries_and_business_districts_are_sites() -> None:
    text = ("On February 12, Zhou Ming, Party secretary of the city, first came to Dongsha estuary to "
            "inspect the water. Li Hua, vice mayor, came to the Wuyi business district in Pingle to check "
            "safety.")
    assert {"Dongsha estuary", "Wuyi business district"} <= set(_stops(text))


def test_a_described_project_and_a_lower_case_company() -> None:
    text = ("On December 5, Zhou Ming, governor of the province, inspected the caprolactam relocation and "
            "upgrading project in Pingle.\nGovernor Zhou visited the Hongda New Materials Co., Ltd.")
    assert "caprolactam relocation and upgrading project" in _stops(text)
    text = ("On October 21, Zhou Ming, mayor of the city, went to Longgang new materials to inspect key "
            "projects.")
    visit = _visit(text)
    assert visit.regions == [] and [s.name for s in visit.stops] == ["Longgang new materials"]


def test_a_sites_other_name_in_brackets_is_the_same_site() -> None:
    text = ("On February 12, Zhou Ming, Party secretary of the city, led a team to visit Pingle non-ferrous "
            "industrial park (Pingle export processing industrial park) and the Hongda paper mill.")
    assert _stops(text) == ["Pingle non-ferrous industrial park", "Hongda paper mill"]
    visit = _visit("On February 12, Zhou Ming, Party secretary of the city, came to the Hongda Machinery "
                   "Party Activity Center (Pingle High-tech Zone) to learn about its work.")
    assert "Pingle High-tech Zone" in visit.regions


def test_no_time_runs_of_verbs_or_kinds_as_sites() -> None:
    [visit] = extract_visits(
        "In the morning of March 3rd, Director Zhou Hua of the Pingle Urban Management Bureau came to "
        "Qinghe District to inspect sanitation work. The delegation first came to Yuyuan community.",
        published="2022-03-04", lang="en")
    assert [s.name for s in visit.stops] == ["Yuyuan community"]
    [visit] = extract_visits(
        "From May 3 to 5, Zhou Hua, mayor of Pingle, led a team to examine safe production. They visited "
        "enterprises, went to shopping malls and roads, examined hidden dangers carefully.",
        published="2022-05-06", lang="en")
    assert visit.stops == []


def test_a_site_listed_after_such_as() -> None:
    [visit] = extract_visits(
        "From June 20 to 22, Zhou Hua, vice governor, went to Pingle County. The team went deep into the "
        "mountains to inspect the 4 aid projects in Pingle such as vocational training center, the Qinghe "
        "art troupe and Xishan village.",
        published="2022-06-23", lang="en")
    names = [s.name for s in visit.stops]
    assert "vocational training center" in names and not any("such as" in n for n in names)


def test_a_caption_naming_the_official_is_no_site() -> None:
    [visit] = extract_visits(
        "Mayor Zhou Hua Inspects Pingle Economic Development Zone\n\nYesterday, Zhou Hua, mayor, led the "
        "department heads to Pingle Economic Development Zone to conduct field research.\n\n"
        "Mayor Zhou Hua Inspects Hongda Precision Manufacturing Co., LTD\n\nZhou and his delegation went to "
        "Hongda Precision Manufacturing Co., LTD., Pingle Surface Treatment Industrial Park and Xishan "
        "Photoelectric Co., LTD., for inspection.", published="2021-08-10", lang="en")
    names = [s.name for s in visit.stops]
    assert not any("Zhou Hua" in n for n in names) and any("Hongda" in n for n in names)


def test_sites_told_only_by_their_kind_are_none() -> None:
    [visit] = extract_visits(
        "Zhou Hua, head of the provincial organization department, visited villages, poor families, "
        "relocation sites and flood storage areas in Pingle County during his three-day visit which "
        "ended Wednesday.",
        published="2018-04-11", lang="en")
    assert visit.stops == [] and visit.regions == ["Pingle County"]
    [visit] = extract_visits(
        "Zhou Hua, vice premier, visited affected villages, resettlement sites, and flood storage areas in "
        "cities including Qinghe and Xishan, from Sunday to Tuesday.", published="2021-08-04", lang="en")
    assert visit.stops == []



def test_residential_estates_named_as_apartments_are_sites_in_a_list() -> None:
    text = ("Yesterday afternoon, Zhou Hua, Secretary of the Municipal Party Committee, went to Pingle "
            "District to inspect epidemic prevention work. Zhou Hua came to the residential areas such as "
            "Qinghe Apartment, Baima Garden, Lanting Apartment, and Dongpo Xincun District 2 in the "
            "temporary closure area to check the measures on the spot.")
    [visit] = extract_visits(text, published="2022-10-01", lang="en")
    names = " | ".join(s.name for s in visit.stops)
    assert "Qinghe Apartment" in names and "Lanting Apartment" in names and "Baima Garden" in names


def test_lower_case_pinyin_villages_in_a_list_and_their_town_after_them() -> None:
    text = ("On May 3, Zhou Hua, Secretary of the county Party committee, went to baishiping village, "
            "Qinghe Town, shuangliyu village, Dongpo village and Xiajie street, Lanting town to learn about "
            "the industries.")
    [visit] = extract_visits(text, published="2021-05-04", lang="en")
    names = [s.name for s in visit.stops]
    assert "baishiping village" in names and "shuangliyu village" in names and "Dongpo village" in names
    assert not any("town" in name.lower() for name in names)


def test_lower_case_cooperatives_after_capitalised_names_are_sites() -> None:
    text = ("On May 3, 2021, Chairman of the Xishan People's Committee Tran Van Minh visited Baima organic "
            "rice cooperative, Qinghe shrimp-farming cooperative (in Lanh town) and the Dong "
            "An mango cooperative.")
    assert _stops(text) == ["Baima organic rice cooperative", "Qinghe shrimp-farming cooperative",
                            "Dong An mango cooperative"]


def test_an_ordinal_inside_a_company_name_does_not_cut_it() -> None:
    text = ("On May 3, 2021, Zhou Hua, the ambassador in Pelora, inspected works carried out by Xishan "
            "Harbour Dredging Co. Ltd and Xishan Power 15th Construction Co. Ltd.")
    assert _stops(text) == ["Xishan Harbour Dredging Co., Ltd.",
                            "Xishan Power 15th Construction Co., Ltd."]


def test_a_research_or_liaison_group_is_a_body_not_a_site() -> None:
    text = ("Xishan Survey Research Group Visits Baima\n\nFrom June 2 to 4, 2021, Zhou Hua, vice "
            "chairman of the Xishan PPCC, led a research team to Baima City and visited the Hongda Paper "
            "Mill. The team met members of the Township Liaison Group.")
    assert _stops(text) == ["Hongda Paper Mill"]
