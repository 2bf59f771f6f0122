"""English regions: a county named with the city or province that holds it (fictional sentences)."""

from __future__ import annotations

import pytest

from crawler.visits import extract_visits


def _regions(text: str) -> list[str]:
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    return visit.regions


@pytest.mark.parametrize(("text", "expected"), [
    ("Zhang Wei, Vice-President of the Center, led a survey group to Fengyang county in Anhui province "
     "on May 3.", {"Fengyang", "Anhui"}),
    ("Chinese Vice Premier Li Ming talks with villagers in Shuanghe Village of Xingren County, southwest "
     "China's Guizhou Province. Li made an inspection tour in Guizhou from May 1 to 3.",
     {"Xingren", "Guizhou"}),
    ("On May 3, Zhao Ming, Secretary of the Provincial Party Committee, inspected Pingluo County and "
     "Dawukou District of Shizuishan City.", {"Pingluo", "Dawukou", "Shizuishan"}),
])
def test_container_named_with_the_county(text: str, expected: set[str]) -> None:
    assert {r.split()[0] for r in _regions(text)} == expected


def test_holder_only_in_a_title_is_not_a_region() -> None:
    text = ("Chen Lan, Party secretary of Deqing county, Huzhou city, Zhejiang province, inspected rural "
            "tourism projects in Deqing county on May 3.")
    assert [r.split()[0] for r in _regions(text)] == ["Deqing"]


def test_city_framed_with_in_stays_beside_its_county() -> None:
    text = ("On the morning of March 14, Duan Ming, secretary of the Chifeng Municipal CPC Committee, "
            "accompanied by the magistrate of Ningcheng County, inspected the Hongfeng boiler plant "
            "in Chifeng.")
    assert "Chifeng" in {r.split()[0] for r in _regions(text)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Vice Premier Li Ming made the remarks during an inspection tour in north China's Hebei Province "
     "from May 1 to 3. He went to Zhangjiakou City and visited the Xinhe Village.", {"Hebei", "Zhangjiakou"}),
    ("On May 3, Mr Shen Ping, Zhonglou District Secretary, inspected the Dongfang Testing Base.", set()),
    ("On May 3, Wang Hui inspects Tianquan County Modern Agricultural Park and Yucheng District.",
     {"Yucheng"}),
    ("On May 3, Premier Li visited a clinic in Lishu township, of Xiangcheng district in Suzhou "
     "city.", {"Xiangcheng", "Suzhou"}),
])
def test_tour_frames_titles_site_names_and_towns(text: str, expected: set[str]) -> None:
    assert {r.split()[0] for r in _regions(text)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("On May 3, Zhao Ming, vice governor, visited the cities of Xuchang and Luohe to inspect flood control.",
     {"Xuchang", "Luohe"}),
    ("In Huainan, Zhao Ming, vice governor, visited the Hongda paper mill and the Xinhe Village on May 3.",
     {"Huainan"}),
    ("From May 3 to 5, Zhao Ming, vice governor, conducted research in Xuchang, Luohe and Zhoukou.",
     {"Xuchang", "Luohe", "Zhoukou"}),
])
def test_city_lists_openers_and_site_names(text: str, expected: set[str]) -> None:
    assert {r.split()[0] for r in _regions(text)} == expected


def test_a_chain_of_containers_gives_each_region() -> None:
    text = ("On May 5, Zhou Ming, governor, went to Shouxian county, Huainan city, east China's Anhui "
            "province, to visit the Hongda paper mill.")
    [visit] = extract_visits(text, published="2024-05-13", lang="en")
    assert visit.regions == ["Shouxian county", "Huainan city", "Anhui province"]


def test_cities_after_a_title_and_a_visit_verb_are_regions() -> None:
    # "Secretary ... visited the cities of": the visit verb ends the title, so "of" is the cities'.
    text = "On May 5, Party Secretary Xu Wen visited the cities of Xuchang and Luohe."
    assert _regions(text) == ["Xuchang", "Luohe"]


@pytest.mark.parametrize(("text", "expected"), [
    ("On May 4, Chairman of the Provincial People's Committee Nguyen Van Hung inspected the Hung Phu "
     "Industrial Park project in Tien Hai district.", ["Tien Hai district"]),
    ("Deputy Prime Minister Tran Hong Ha on May 4 inspected the Long Thanh airport project in Dong Nai "
     "province.", ["Dong Nai province"]),
    ("On May 4, Secretary Wang Hua inspected a battery project in Suining Economic and Technological "
     "Development Zone.", ["Suining Economic and Technological Development Zone"]),
    ("On May 4, Mayor Li Jun visited the Xinhe District Party Committee.", []),
])
def test_areas_named_with_their_kind_outside_the_gazetteer(text: str, expected: list[str]) -> None:
    assert _regions(text) == expected


def test_a_place_inside_a_sites_name_is_no_region() -> None:
    text = "On May 4, Mayor Li Jun visited the Pingle County People's Hospital and Pingle No. 1 School."
    assert _regions(text) == []


def test_a_place_name_the_text_calls_a_village_is_a_site() -> None:
    text = ("On May 4, Mayor Li Jun inspected the Hongfeng Steel Plant. He then visited Xinhe, a village "
            "known for its tea.")
    [visit] = extract_visits(text, published="2024-05-06", lang="en")
    assert visit.regions == []
    assert "Xinhe" in [s.name for s in visit.stops]
    assert _regions("On May 4, Mayor Li Jun visited Xinhe, a county in Hebei province.") == [
        "Xinhe", "Hebei province"]


def test_a_foreign_province_after_its_country_in_the_possessive() -> None:
    [visit] = extract_visits("A delegation led by Wang Hua, vice governor of Henan province, paid a visit to "
                             "Vietnam's Lao Cai province on May 4 and toured the Kim Thanh border gate.",
                             published="2024-05-10", lang="en")
    assert visit.regions == ["Lao Cai province"]


def test_routes_and_places_things_go_to_are_no_regions() -> None:
    text = ("On May 4, Mayor Li Jun inspected the Beijing-Hong Kong-Macao Expressway and the "
            "Hongfeng Steel Plant, whose products are sold to Shanghai and Guangzhou.")
    [visit] = extract_visits(text, published="2024-05-12", lang="en")
    assert visit.regions == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Wang Hua made an inspection tour of Anhui's Huainan and Bengbu on May 3.",
     {"Huainan", "Bengbu", "Anhui"}),
    ("Premier Li Ming visited Kunming, capital of Yunnan Province, on May 3.", {"Kunming", "Yunnan"}),
    ("On May 3, Premier Li Ming inspected Jiangxi's Ganzhou and visited the Ruijin revolutionary site.",
     {"Ganzhou", "Jiangxi"}),
])
def test_holders_before_and_after_and_a_place_naming_a_site(text: str, expected: set[str]) -> None:
    assert {r.split()[0] for r in _regions(text)} == expected


def test_a_region_and_a_zone_are_no_stops_and_a_date_ends_a_list() -> None:
    [visit] = extract_visits("On May 3, Premier Li Ming inspected Jiangxi's Ganzhou. In Ganzhou, he visited "
                             "Huaihe Energy and Xinji Coal Mine on May 3. He also went to Huainan Economic "
                             "and Technological Development Zone.", published="2024-05-04", lang="en")
    assert [s.name for s in visit.stops] == ["Huaihe Energy", "Xinji Coal Mine"]


def test_a_province_named_after_its_description() -> None:
    assert _regions("Deputy Prime Minister Le Minh Khai on May 3 paid a working visit to the Mekong Delta "
                    "province of Soc Trang.") == ["Soc Trang"]


@pytest.mark.parametrize(("text", "expected"), [
    ("On May 4, Governor Wang Kai visited Xixian, a county under Xinyang city, to inspect rice planting.",
     {"Xixian", "Xinyang"}),
    ("On May 4, Governor Wang Kai, who used to work in Luoyang, visited Hengtai Group in Xinyang.",
     {"Xinyang"}),
    ("On May 4, Governor Wang Kai led a team from Zhengzhou to Xinyang to inspect flood control.",
     {"Xinyang"}),
])
def test_a_county_under_its_city_a_past_post_and_a_party_going_from_a_to_b(
        text: str, expected: set[str]) -> None:
    assert {r.split()[0] for r in _regions(text)} == expected


def test_areas_and_districts_named_by_their_kind_are_zones() -> None:
    [visit] = extract_visits("On May 4, Mayor Li Hua visited the Yangshan Bonded Port Area.",
                             published="2024-05-06", lang="en")
    assert (visit.regions, visit.stops) == (["Yangshan Bonded Port Area"], [])
    assert _regions("On May 4, Mayor Li Hua visited the Pingqiao Industrial Cluster District.") == [
        "Pingqiao Industrial Cluster District"]


def test_a_place_in_quoted_speech_is_not_where_the_visit_went() -> None:
    assert _regions("On May 4, Li Jian, Party secretary of Xinyang, visited Wuxi. \"We also welcome the Wuxi "
                    "government to visit Luoyang and give suggestions,\" Li added.") == ["Wuxi"]


def test_an_opener_placing_the_official_and_a_tour_named_by_its_place() -> None:
    assert _regions("On May 3, Premier Li Ming visited Luoshan County. In Dongshuang village in suburban "
                    "Xinyang, Premier Li brought gifts to the villagers.") == ["Luoshan County", "Xinyang"]
    assert _regions("On May 3, district officials embarked on an inspection tour Pingqiao, with the aim of "
                    "welcoming the new year. Officials inspected two key projects.") == ["Pingqiao"]


@pytest.mark.parametrize(("text", "expected"), [
    ("On May 4, Governor Wang Kai visited the Liangshan Yi Autonomous Prefecture.", {"Liangshan"}),
    ("On May 4, Governor Wang Kai visited Dengfeng, a county-level city administered by Zhengzhou.",
     {"Dengfeng", "Zhengzhou"}),
])
def test_an_autonomous_prefecture_and_a_city_administered_by_another(text: str, expected: set[str]) -> None:
    assert {r.split()[0] for r in _regions(text)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Deputy Prime Minister Tran Hong Ha on May 4 inspected the Van Don Expressway in the northern province "
     "of Quang Ninh.", ["Quang Ninh"]),
    ("Prime Minister Pham Minh Chinh visited the central city of Da Nang on May 4.", ["Da Nang"]),
    ("Deputy Prime Minister Le Minh Khai inspected the Tan Son Nhat airport in Ho Chi Minh City on May 4.",
     ["Ho Chi Minh City"]),
])
def test_foreign_provinces_and_cities_named_with_their_kind(text: str, expected: list[str]) -> None:
    assert _regions(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the province framed as the place after a direction word, with a county of it named later
    ("A senior official inspected flood relief work in southwest China's Guizhou Province on May 3. "
     "Zhou Ming, head of the provincial department, visited villages in Pingtang County.",
     {"Guizhou", "Pingtang"}),
    ("During a research tour in northeastern Jilin Province on May 2 and 3, Zhou Ming, vice premier, "
     "visited the Baishan paper mill and shanty towns in Yanbian.", {"Jilin", "Yanbian"}),
    # a survey of the province, then its cities
    ("A group led by Zhou Ming, president of the Center, surveyed Hebei Province on May 3. The group "
     "visited the cities of Langfang and Baoding.", {"Hebei", "Langfang", "Baoding"}),
    # "the provinces of X and Y", "counties and cities such as A, B and C"
    ("Zhou Ming, vice premier, made an inspection trip on May 3 to the country's northeastern provinces "
     "of Heilongjiang and Jilin.", {"Heilongjiang", "Jilin"}),
    ("On May 3, provincial leaders led by Zhou Ming, Party secretary, started to inspect 12 poorer "
     "counties and cities such as Fenghuang, Mayang, and Lianyuan.", {"Fenghuang", "Mayang", "Lianyuan"}),
])
def test_provinces_and_lists_framed_as_the_place(text: str, expected: set[str]) -> None:
    assert {r.split()[0] for r in _regions(text)} == expected


@pytest.mark.parametrize("text", [
    # a mall or a project called "... City" in a Chinese article is a site, not a city of another country
    "On May 3, Zhou Ming, Party chief of the district, inspected the Joy City to check the mall's roof.",
    "On May 3, Zhou Ming, Party chief of the district, paid a field visit to the project of Sunshine City.",
    # the district in the official's title ("head of the Wudang district") is not where he went
    "On May 3, a delegation led by Zhou Ming, head of the Wudang district, visited the Hongda paper mill.",
    # a district the gazetteer does not hold, named only in the official's title
    "On May 3, Zhou Ming, deputy secretary and director of Wanbailin District, led a group to investigate "
    "the Hongda paper mill.",
    # a county in what someone said is not a place of the visit
    "On May 3, Zhou Ming, vice mayor, inspected the Hongda paper mill. Li Hua, Party secretary of the "
    "county, thanked him for the inspection and said that Pingle County will speed up its projects.",
])
def test_names_that_are_not_the_place_of_the_visit(text: str) -> None:
    assert _regions(text) == []


def test_a_holder_after_located_in() -> None:
    text = ("A delegation led by Zhou Ming, head of the district, paid a visit on May 3 to the cities of "
            "Pingdingshan and Luohe – located in central China's Henan province – to seek deals.")
    assert {r.split()[0] for r in _regions(text)} == {"Pingdingshan", "Luohe", "Henan"}
    text = text.replace("central China's Henan", "Central China's Henan")
    assert {r.split()[0] for r in _regions(text)} == {"Pingdingshan", "Luohe", "Henan"}


@pytest.mark.parametrize(("text", "expected"), [
    # the units that report come from their districts; the party's own district is where it is from
    ("On May 3, Zhou Ming, Party secretary, came to the Xinhe reservoir in Pingle County and listened to "
     "reports from Dongli District, Baiyun District and Heshan City.", {"Pingle"}),
    ("On May 3, Zhou Ming, vice mayor, and officials from three bureaus including the Finance Office "
     "visited Dongli Village of Hongqi Town in Pingle County.", {"Pingle"}),
    ("A delegation led by Zhou Ming, vice-chairman of the CPPCC Lixia district committee, visited Wudang "
     "district on May 3. The delegation was from Lixia district of Jinan.", {"Wudang"}),
    # an autonomous prefecture named by two peoples, in lower case
    ("On May 3, Zhou Ming, vice governor, visited a waterworks in Xiangxi Tujia and Miao autonomous "
     "prefecture.", {"Xiangxi"}),
    # a business district named after a county is a site
    ("On May 3, Zhou Ming, Party secretary of the city, came to the Wuyi business district in Changsha to "
     "check safety.", {"Changsha"}),
])
def test_places_the_party_comes_from_and_named_areas(text: str, expected: set[str]) -> None:
    assert {r.split()[0] for r in _regions(text)} == expected


def test_a_foreign_province_named_twice_is_one_region() -> None:
    text = ("Vice President Tran Thi Lan paid a visit to the central province of Quang Binh on May 3.\n\n"
            "Vice President Tran Thi Lan pays a visit and presents gifts in Quang Binh Province. (Photo: VNA)"
            "\n\nShe presented 400 gifts.")
    assert [r.removesuffix(" Province") for r in _regions(text)] == ["Quang Binh"]


def test_a_continent_named_is_no_other_country() -> None:
    text = ("On May 3, Zhou Ming, vice governor, inspected the Harbour City site and also visited Asia's "
            "largest dredger working on the project.")
    assert _regions(text) == []


def test_a_county_named_only_inside_a_site_name_is_no_region() -> None:
    text = ("On June 23, Vice Governor Zhou Hua came to Pingle to inspect epidemic prevention. She visited "
            "the clinic of the Xishan County Center for Disease Control and Prevention.")
    assert _regions(text) == ["Pingle"]


def test_a_forestry_district_is_a_county_level_region() -> None:
    text = ("Li Ming, vice governor of the province, led an inspection of wetland protection in the "
            "Shennongjia forestry district in Central China's Hubei province from June 7 to 9. The team "
            "visited the Qingshan Nature Museum.")
    [visit] = extract_visits(text, published="2022-06-12", lang="en")
    assert any(r.startswith("Shennongjia") for r in visit.regions)


def test_the_city_the_party_flies_back_to_is_no_region() -> None:
    text = ("On May 3, Zhou Hua, head of the central delegation, visited Baoji and talked with residents. "
            "The delegation flew back to Beijing in the afternoon after visiting Qinghe Village.")
    assert [r.split()[0] for r in _regions(text)] == ["Baoji"]


def test_a_province_naming_the_people_met_is_no_region() -> None:
    text = ("From July 7 to 9, Governor Zhou Hua led a delegation to Shannan City. The delegation visited "
            "the Jiangxi cadres working in Shannan and the Qinghe Hospital.")
    assert [r.split()[0] for r in _regions(text)] == ["Shannan"]


def test_a_prefecture_named_after_its_kind_is_a_region() -> None:
    text = ("On May 3, Zhou Hua led the delegation to Yining. Other groups of the delegation visited the "
            "prefecture of Tacheng and the city of Hami.")
    assert {r.split()[0] for r in _regions(text)} == {"Yining", "Tacheng", "Hami"}


def test_an_earlier_tour_the_visit_follows_gives_no_region() -> None:
    text = ("President Zhou Hua made an inspection tour to the cities of Yining and Hami on Wednesday and "
            "Thursday. The visit follows his inspection tour in neighboring Baoji City on Monday and "
            "Tuesday.")
    assert {r.split()[0] for r in _regions(text)} == {"Yining", "Hami"}


def test_a_city_naming_its_leaders_is_no_region() -> None:
    text = "On May 3, Hami city leaders visited the Qinghe airport project in Yining to greet the builders."
    assert [r.split()[0] for r in _regions(text)] == ["Yining"]


def test_a_province_inspected_in_the_news_agency_form_holds_the_city_visited() -> None:
    text = ("Zhou Hua, general secretary of the Pingle Party, on Monday inspected south China's Guangdong "
            "Province. He went first to the city of Maoming, where he toured the Qinghe fish farm.")
    assert {r.split()[0] for r in _regions(text)} == {"Guangdong", "Maoming"}


def test_cities_including_a_list_and_a_capitalised_compass_word() -> None:
    text = ("Vice Premier Zhou Hua visited flood-hit farms and Qinghe Bridge in cities including Zhengzhou, "
            "Xinxiang and Hebi from Sunday to Tuesday.")
    assert {r.split()[0] for r in _regions(text)} == {"Zhengzhou", "Xinxiang", "Hebi"}
    text = ("President Zhou Hua chats with villagers during his visit to the Qinghe Old Town of Lijiang in "
            "Southwest China's Yunnan province on Wednesday. The tour took Zhou to the cities of Lijiang and "
            "Kunming.")
    assert {r.split()[0] for r in _regions(text)} == {"Yunnan", "Lijiang", "Kunming"}


def test_a_district_or_city_in_brackets_after_a_foreign_site_is_a_region() -> None:
    text = ("On May 3, 2021, Chairman of the Xishan People's Committee Tran Van Minh visited the Lanh Phu "
            "vegetable cooperative (Dao Lanh city) and the Binh An fruit cooperative (Cao Loc district).")
    [visit] = extract_visits(text, lang="en")
    assert visit.regions == ["Dao Lanh city", "Cao Loc district"]


@pytest.mark.parametrize("how", ["flew to flooded", "rushed to quake-hit", "went to seriously flooded",
                                 "inspected the provincial capital"])
def test_a_place_gone_to_after_its_plight_or_rank_is_a_region(how: str) -> None:
    text = f"On July 3, Zhou Hua, governor of Anhui, {how} Bozhou to inspect the relief work."
    assert "Bozhou" in {r.split()[0] for r in _regions(text)}
