"""Chinese extraction on the kinds of text real articles bring (fictional sentences of each kind)."""

from __future__ import annotations

from crawler.visits import extract_visits
from crawler.visits.officials import zh_name_at
from crawler.visits.zh.noise import is_pinyin_syllable, strip_noise


def _names(people: list) -> list[str]:
    return [p.name for p in people]


def test_inline_pinyin_and_at_marks_do_not_split_titles_and_names() -> None:
    text = ("3月4日，縣委副書記、縣長(zhǎng)周立新帶隊(duì)赴清河縣調研，先後來到宏達電子有限公司、東湖村。"
            "副縣長@吳海陪同調(diao)研。")
    [visit] = extract_visits(text, published="2024-03-05", lang="zh")
    assert _names(visit.officials) == ["周立新"]
    assert _names(visit.accompanying) == ["吳海"]
    assert visit.date == "2024-03-04"


def test_only_pinyin_brackets_are_noise() -> None:
    assert strip_noise("市委书(shū)记王海(hǎi)到宏达科技园(二期)") == "市委书记王海到宏达科技园(二期)"
    assert strip_noise("亚欧会议(ASEM)") == "亚欧会议(ASEM)"
    assert is_pinyin_syllable("xian") and is_pinyin_syllable("lǜ") and not is_pinyin_syllable("asem")


def test_page_date_line_is_not_the_visit_date_but_gives_the_year() -> None:
    text = "2024年05月06日 星期一\n5月5日上午，市长钱进到东山县调研，先后来到东山村、华兴电子有限公司。"
    [visit] = extract_visits(text, lang="zh")
    assert visit.date == "2024-05-05"


def test_ranges_and_listed_days_give_every_day() -> None:
    tilde = "4月10~12日，市委书记赵明远带队赴东山县调研，先后来到东山村、华兴电子有限公司。"
    listed = "10月27日、28日，市委书记赵明远深入东山县调研，先后来到东山村、华兴电子有限公司。"
    [visit] = extract_visits(tilde, published="2023-04-26", lang="zh")
    assert visit.days() == ["2023-04-10", "2023-04-11", "2023-04-12"]
    [visit] = extract_visits(listed, url="http://example.cn/news/2016/1107/1.html", lang="zh")
    assert visit.days() == ["2016-10-27", "2016-10-28"]


def test_menu_word_today_is_not_a_date() -> None:
    text = "首页 > 今日头条\n近日，市委书记赵明远到东山县调研，先后来到东山村、华兴电子有限公司。"
    [visit] = extract_visits(text, published="2024-03-07", lang="zh")
    assert visit.date is None


def test_container_named_with_its_county_is_a_region_too() -> None:
    text = "6月2日，省长孙浩到泰州市靖江市调研，先后来到东兴村、华兴电子有限公司。"
    [visit] = extract_visits(text, published="2024-06-03", lang="zh")
    assert visit.regions == ["泰州市", "靖江市"]


def test_everyday_words_are_not_regions_without_their_suffix() -> None:
    text = ("6月2日，副市长孙浩来我县调研，先后来到东兴村、华兴电子有限公司，"
            "要求延长产业链，加强交流与合作。")
    [visit] = extract_visits(text, published="2024-06-03", lang="zh")
    assert visit.regions == []


def test_one_character_city_names_after_coming_verbs() -> None:
    text = ("无锡日报讯 6月2日，省政协副主席孙浩一行来锡调研，先后来到东兴村、华兴电子有限公司。"
            "在锡期间，调研组还察看了运河公园。")
    [visit] = extract_visits(text, published="2024-06-03", lang="zh")
    assert visit.regions == ["无锡"]


def test_town_news_coming_to_the_town_is_not_a_city() -> None:
    text = "6月2日，县委书记孙浩来镇调研，先后来到东兴村、华兴电子有限公司。"
    [visit] = extract_visits(text, published="2024-06-03", lang="zh")
    assert visit.regions == []


def test_two_leads_joined_by_a_comma_and_officials_brought_along() -> None:
    pair = ("9月27日上午，市委副书记、市长贺明远，市委常委、常务副市长曹立兵采取“四不两直”方式"
            "检查督导节前安全生产工作，先后来到东兴商场、华兴电子有限公司。")
    [visit] = extract_visits(pair, published="2024-09-28", lang="zh")
    assert _names(visit.officials) == ["贺明远", "曹立兵"]
    led = ("5月29日，常务副市长郑光明带领市政府副秘书长雷立军、市发改委副主任王小斌，"
           "深入东山县督查重点项目建设，先后查看了东兴村、华兴电子有限公司。")
    [visit] = extract_visits(led, published="2024-05-30", lang="zh")
    assert _names(visit.officials) == ["郑光明"]
    assert _names(visit.accompanying) == ["雷立军", "王小斌"]


def test_names_that_begin_another_name_and_names_ending_in_lai() -> None:
    text = ("3月2日，省委书记陈文卿到东山县调研，先后来到东兴村、华兴电子有限公司。"
            "市咨询委副主任饶鸿来，副市长傅海波，县委书记陈文忠陪同调研。")
    [visit] = extract_visits(text, published="2024-03-03", lang="zh")
    assert _names(visit.officials) == ["陈文卿"]
    assert _names(visit.accompanying) == ["饶鸿来", "傅海波", "陈文忠"]


def test_the_one_who_takes_part_leads_when_nobody_else_does() -> None:
    text = ("10月17日，县人大常委会视察组开展视察。县人大常委会副主任张敬文及部分委员参加视察，"
            "副县长刘柏青陪同。视察组先后来到东兴村、华兴电子有限公司。")
    [visit] = extract_visits(text, published="2024-10-18", lang="zh")
    assert _names(visit.officials) == ["张敬文"]
    assert _names(visit.accompanying) == ["刘柏青"]


def test_inspection_team_on_a_visit_and_discipline_title_of_a_companion() -> None:
    team = ("8月7日，市委第三巡察组组长张建国带队调研东姚镇重点项目，先后来到兴达建材有限公司、"
            "东湖村。")
    companion = ("8月7日，市委书记赵明远到东山县调研，先后来到兴达建材有限公司、东湖村。"
                 "市委常委、市纪委书记、市监委主任孙浩陪同调研。")
    assert _names(extract_visits(team, published="2024-08-08", lang="zh")[0].officials) == ["张建国"]
    [visit] = extract_visits(companion, published="2024-08-08", lang="zh")
    assert _names(visit.accompanying) == ["孙浩"]


def test_meeting_named_as_the_topic_is_no_meeting() -> None:
    text = ("2月26日上午，省政协经济委员会主任赵文博带队，来市政协就政企恳谈会怎样办开展调研。"
            "政协副主席邢冬梅一同调研。")
    [visit] = extract_visits(text, published="2025-02-28", lang="zh")
    assert _names(visit.officials) == ["赵文博"]


def test_notice_telling_leaders_to_inspect_is_no_visit() -> None:
    text = ("为确保节日期间安全生产形势稳定，市安委会决定在全市开展安全生产大检查。"
            "责任要落实到具体领导和个人，主要领导必须亲自带队检查。")
    assert extract_visits(text, published="2024-04-28", lang="zh") == []


def test_the_date_of_the_lead_sentence_governs() -> None:
    text = ("《东山县乡村振兴促进条例》自2024年3月1日起施行。\n"
            "5月5日上午，市长钱进到东山县调研条例落实情况，先后来到东兴村、华兴电子有限公司。")
    [visit] = extract_visits(text, published="2024-05-06", lang="zh")
    assert visit.date == "2024-05-05"


def test_lists_run_on_over_commas_and_brackets() -> None:
    text = ("8月29日，区委书记向明辉深入东山镇、西河乡调研。向明辉先后调研东山镇石河村杨梅基地，"
            "西河乡富硒水稻示范片，南湖镇红光村农业体验园，详细了解产业发展情况。"
            "随后，向明辉来到宏达(食品)产业园、东湖社区，北山镇和平村等地调研。")
    [visit] = extract_visits(text, published="2024-08-31", lang="zh")
    names = [s.name for s in visit.stops]
    for key in ("杨梅基地", "富硒水稻示范片", "农业体验园", "宏达(食品)产业园", "东湖社区", "和平村"):
        assert any(key in name for name in names), (key, names)


def test_officials_leading_groups_of_their_own_are_leads() -> None:
    text = ("今天上午，市委书记朱立新、市政协主席卢明带领观摩A组，市长万华、市人大常委会主任张松"
            "带领观摩B组，在东山县观摩项目建设情况，先后来到华兴电子有限公司、东湖产业园项目。")
    [visit] = extract_visits(text, published="2024-03-07", lang="zh")
    assert _names(visit.officials) == ["朱立新", "卢明", "万华", "张松"]
    assert visit.accompanying == []


def test_officials_written_name_first() -> None:
    text = ("4月10日，省咨询委张明远副主任带队赴东山县开展课题调研。黄小勇部长，王洪海、陈立新委员等参加。"
            "调研组先后来到华兴电子有限公司、东湖村。")
    [visit] = extract_visits(text, published="2024-04-15", lang="zh")
    assert _names(visit.officials) == ["张明远"]
    assert _names(visit.accompanying) == ["黄小勇", "王洪海", "陈立新"]
    leader = "4月11日下午，正在东山考察的习近平总书记来到五指山脚下的水满乡毛纳村。"
    [visit] = extract_visits(leader, published="2024-04-12", lang="zh")
    assert _names(visit.officials) == ["习近平"]


def test_zones_named_as_the_area_visited_are_regions() -> None:
    text = ("3月29日，省政协副主席林立带队来东山市调研。调研组一行赴经开区考察了宏达(东山)高温合金项目。"
            "调研组一行还来到东山开发区规划馆，并在开发区召开座谈会。")
    [visit] = extract_visits(text, published="2024-03-30", lang="zh")
    assert "经开区" in visit.regions
    assert not any("组" in region for region in visit.regions)


def test_regions_listed_as_the_objects_of_a_visit_verb() -> None:
    text = ("5月28日，省委书记王立带领代表团赴贵州省考察。代表团一行重点考察了对口帮扶的黔东南州、黔西南州。"
            "在黔东南州雷山县西江村，王立走进村民家中。")
    [visit] = extract_visits(text, published="2024-05-29", lang="zh")
    assert {"贵州省", "黔东南州", "黔西南州", "雷山县"} <= set(visit.regions)


def test_times_and_aspects_of_a_visit_are_not_sites() -> None:
    text = ("5月6日，市委书记赵明远到东山县调研，先后来到华兴电子有限公司、东湖村。"
            "在调研过程中，赵明远指出，要抓好项目。")
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert [s.name for s in visit.stops] == ["华兴电子有限公司", "东湖村"]


def test_calling_on_discussion_groups_is_no_visit() -> None:
    text = "3月4日，市政协主席李华走访了政协会议各讨论组，听取委员意见。"
    assert extract_visits(text, published="2024-03-05", lang="zh") == []


def test_generic_sites_after_a_place_and_clauses_of_time_are_not_stops() -> None:
    text = ("8月7日，市委书记赵明远调研东山镇重点项目，先后来到兴达建材有限公司、东湖村。"
            "在谋划乡村振兴工作时，赵明远指出，要抓好项目。")
    [visit] = extract_visits(text, published="2024-08-08", lang="zh")
    assert [s.name for s in visit.stops] == ["兴达建材有限公司", "东湖村"]


def test_leads_escorted_by_a_local_official() -> None:
    text = ("5月6日，省长王立新、副省长李海在市委书记赵明远的陪同下来到东山县，"
            "先后察看了华兴电子有限公司、东湖村。")
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert _names(visit.officials) == ["王立新", "李海"]
    assert _names(visit.accompanying) == ["赵明远"]


def test_officials_who_take_part_one_after_another_accompany() -> None:
    text = ("5月6日，市委书记赵明远到东山县调研。副市长钱进，秘书长孙浩先后参加调研。"
            "赵明远先后来到华兴电子有限公司、东湖村。")
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert _names(visit.officials) == ["赵明远"]
    assert _names(visit.accompanying) == ["钱进", "孙浩"]


def test_listed_sites_without_site_words_after_going_into() -> None:
    text = "5月6日，市长钱进到东山县调研，先后走进华辰食品包装、新源精密科技，察看生产线。"
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert [s.name for s in visit.stops] == ["华辰食品包装", "新源精密科技"]


def test_companions_named_without_titles_and_stray_commas() -> None:
    text = ("10月27日，市委书记王东明深入东山县调研，先后来到华兴电子有限公司、东湖村。"
            "市领导陈业飞,、赵建文,、刘付兰分别陪同。"
            "陪同调研、参加座谈会的州上领导有，毛生文、俞成军、杨继安。")
    [visit] = extract_visits(text, published="2024-10-28", lang="zh")
    assert _names(visit.accompanying) == ["陈业飞", "赵建文", "刘付兰", "毛生文", "俞成军", "杨继安"]


def test_hosts_of_the_site_are_not_officials() -> None:
    text = ("5月6日，市委书记赵明远到东山县调研，先后来到华兴电子有限公司、东湖村。"
            "华兴电子有限公司党委书记、董事长周强，东湖村党支部书记吴刚陪同。市商会会长孙立参加调研。")
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert _names(visit.officials) == ["赵明远"]
    assert _names(visit.accompanying) == ["孙立"]


def test_a_chain_of_regions_is_no_site_and_shared_district_names_count_when_gone_to() -> None:
    chain = "5月6日，省长王立新来到江苏省泰州市靖江市调研，察看了华兴电子有限公司。"
    [visit] = extract_visits(chain, published="2024-05-08", lang="zh")
    assert visit.regions == ["江苏省", "泰州市", "靖江市"]
    assert [s.name for s in visit.stops] == ["华兴电子有限公司"]
    shared = "5月6日，市长钱进到市中区调研，察看了华兴电子有限公司。"
    assert extract_visits(shared, published="2024-05-08", lang="zh")[0].regions == ["市中区"]


def test_company_introduced_just_before_the_official_looks_around_is_the_site() -> None:
    text = ("5月6日，市长钱进到东山县调研。华辰电子有限公司始建于1998年，是一家电子企业。"
            "钱进察看了生产线，详细了解企业生产经营情况。")
    [visit] = extract_visits(text, published="2024-05-08", lang="zh")
    assert [s.name for s in visit.stops] == ["华辰电子有限公司"]


def test_a_photo_caption_date_is_the_photo_s() -> None:
    text = ("10月27日，市委书记王东明到首农园区调研。记者白永民摄\n"
            "本报讯 10月27日、28日，市委书记王东明深入东山县调研，先后来到华兴电子有限公司、东湖村。")
    [visit] = extract_visits(text, published="2024-10-29", lang="zh")
    assert visit.days() == ["2024-10-27", "2024-10-28"]


def test_a_research_symposium_is_a_meeting() -> None:
    text = ("5月6日，市委书记赵明远在全市重点项目调研座谈会上强调，要抓项目、促发展。"
            "各县区汇报了重点项目进展情况。")
    assert extract_visits(text, published="2024-05-08", lang="zh") == []


def test_last_listed_place_before_a_category_word_is_a_region() -> None:
    cities = "5月3日，市委书记王海赴许昌、漯河、周口等市调研。"
    counties = "5月3日，市委书记王海赴平阴县、商河县等3个县调研。"
    [visit] = extract_visits(cities, published="2024-05-06", lang="zh")
    assert visit.regions == ["许昌", "漯河", "周口"]
    [visit] = extract_visits(counties, published="2024-05-06", lang="zh")
    assert visit.regions == ["平阴县", "商河县"]


def test_an_official_speaking_at_an_event_others_come_to_inspect_is_no_visit() -> None:
    text = "5月3日，全市招商推介会举行。市长李明致辞。省内外企业纷纷前来考察，签约项目12个。"
    assert extract_visits(text, published="2024-05-06", lang="zh") == []


def test_a_speech_verb_ends_a_two_character_name() -> None:
    assert zh_name_at("李明致辞。", 0) == 2
    assert zh_name_at("王致远到东湖区调研。", 0) == 3


def test_a_study_trip_is_a_visit_and_its_verb_ends_the_site() -> None:
    text = "5月3日，东湖区委书记王海带队赴西湖区学习考察，先后来到华辰电子有限公司学习，区领导李明参加。"
    [visit] = extract_visits(text, published="2024-05-06", lang="zh")
    assert visit.regions == ["西湖区"]
    assert [s.name for s in visit.stops] == ["华辰电子有限公司"]
    only_study = "5月3日，东湖区委书记王海带队赴华辰电子有限公司学习，区领导李明参加。"
    assert len(extract_visits(only_study, published="2024-05-06", lang="zh")) == 1


def test_this_months_day_takes_the_month_of_publication() -> None:
    text = "东湖新闻网讯 本月3日，市委书记王海到东湖区调研。"
    [visit] = extract_visits(text, published="2024-05-06", lang="zh")
    assert visit.date == "2024-05-03"


def test_a_later_day_of_the_same_tour_is_kept() -> None:
    text = "5月3日下午，市委书记王海到东湖区调研。5日上午，王海又到西湖区调研。"
    [visit] = extract_visits(text, published="2024-05-06", lang="zh")
    assert visit.days()[0] == "2024-05-03" and visit.days()[-1] == "2024-05-05"


def test_points_named_by_their_topic_are_no_sites() -> None:
    topics = "5月3日，市长李明到东湖区调研，先后察看了村容村貌、河道治理等点位。"
    sites = "5月3日，市长李明到东湖区调研，先后察看了东湖村、华辰电子有限公司等点位。"
    [visit] = extract_visits(topics, published="2024-05-06", lang="zh")
    assert visit.stops == []
    [visit] = extract_visits(sites, published="2024-05-06", lang="zh")
    assert [s.name for s in visit.stops] == ["东湖村", "华辰电子有限公司"]


def test_the_visit_word_must_belong_to_the_official() -> None:
    speech = "5月3日，市长李明出席开工仪式并致辞。企业纷纷前来考察。"
    assert extract_visits(speech, published="2024-05-06", lang="zh") == []
    after_speech = "5月3日，市长李明致辞后到东湖区调研，察看了华辰电子有限公司。"
    assert len(extract_visits(after_speech, published="2024-05-06", lang="zh")) == 1
    party = ("5月3日上午，副市长李明带领相关部门负责同志到东湖区现场办公。\n"
             "李明一行先后到华辰大道、\n东湖污水处理厂等项目现场，察看工程进度。")
    assert len(extract_visits(party, published="2024-05-06", lang="zh")) == 1


def test_under_the_lead_of_an_official_the_others_come_along() -> None:
    text = "5月3日，在市委书记王海的带领下，市委常委李明、副市长赵刚到东湖区调研。"
    [visit] = extract_visits(text, published="2024-05-06", lang="zh")
    assert _names(visit.officials) == ["王海"]
    assert _names(visit.accompanying) == ["李明", "赵刚"]



def test_a_sites_location_is_a_region_and_progress_words_end_its_name() -> None:
    located = "5月3日，市长李明来到位于东湖区的华辰电子公司，察看生产线。"
    [visit] = extract_visits(located, published="2024-05-06", lang="zh")
    assert visit.regions == ["东湖区"]
    progress = "5月3日，市长李明一行实地察看了华辰新能源汽车零部件项目、新源锂电池生产基地建设进展。"
    [visit] = extract_visits(progress, published="2024-05-06", lang="zh")
    assert [s.name for s in visit.stops] == ["华辰新能源汽车零部件项目", "新源锂电池生产基地"]


def test_links_to_other_stories_after_the_article_are_not_read() -> None:
    text = ("发布时间：2024-05-06 09:30 来源：东湖日报\n"
            "5月5日，市委副书记、市长李明到东湖区调研重点项目建设。副市长王芳参加调研。\n李明一行先后来到华辰新能源电池项目、西山村。\n"
            "相关新闻：市委书记王海到西湖区调研 | 我市召开招商引资大会\n责任编辑：张三")
    [visit] = extract_visits(text, lang="zh")
    assert _names(visit.officials) == ["李明"]
    assert visit.regions == ["东湖区"]
    english = ("On May 4, Mayor Li Jun led a team to Pingle County to inspect industrial development.\n"
               "Li stressed that the county should focus on advanced manufacturing.\n"
               "Related: Vice governor Wang Hua visits Xinyang\n")
    [visit] = extract_visits(english, published="2024-05-06", lang="en")
    assert visit.regions == ["Pingle County"]


def test_a_visit_only_spoken_of_or_planned_is_no_visit() -> None:
    planned = "5月3日，市长李明表示，下一步将赴东湖区考察华辰电子有限公司。"
    assert extract_visits(planned, published="2024-05-06", lang="zh") == []
    done = "5月3日，市长李明到东湖区调研，察看了华辰电子有限公司。李明强调，要抓好安全生产。"
    assert len(extract_visits(done, published="2024-05-06", lang="zh")) == 1


def test_a_place_listed_among_counties_gone_to_is_a_region() -> None:
    text = "30日至31日，市长吴明一行先后前往西塞山区、黄石港区、下陆区、新港园区进行调研。"
    [visit] = extract_visits(text, published="2024-06-02", lang="zh")
    assert visit.regions == ["西塞山区", "黄石港区", "下陆区", "新港园区"]
    assert visit.stops == []
    assert visit.days() == ["2024-05-30", "2024-05-31"]  # days not yet come in June are May's


def test_a_verb_of_leading_ends_the_next_officials_title() -> None:
    text = "5月29日，常务副市长郑明带领副秘书长雷立，深入大荔县、澄城县调研。"
    [visit] = extract_visits(text, published="2024-06-02", lang="zh")
    assert [(o.name, o.title) for o in visit.officials] == [("郑明", "常务副市长")]
    assert [(o.name, o.title) for o in visit.accompanying] == [("雷立", "副秘书长")]


def test_the_reports_dateline_is_no_visit_date_but_dates_the_day_named_alone() -> None:
    text = "东湖新闻网4月30日讯 29日，市长李明到东湖区调研。"
    [visit] = extract_visits(text, published="2024-05-06", lang="zh")
    assert visit.date == "2024-04-29"


def test_more_site_words() -> None:
    text = "5月3日，市长李明先后来到东湖口岸、华辰农场、西山煤矿调研。"
    [visit] = extract_visits(text, published="2024-05-06", lang="zh")
    assert [s.name for s in visit.stops] == ["东湖口岸", "华辰农场", "西山煤矿"]
    english = "Lao Cai Party Secretary Dang Xuan Phong inspected the Kim Thanh border gate on May 4."
    [visit] = extract_visits(english, published="2024-05-06", lang="en")
    assert [s.name for s in visit.stops] == ["Kim Thanh border gate"]


def test_every_listed_leader_before_deng_leads() -> None:
    text = "5月3日，市四套班子领导王海、李明、赵刚、孙丽等到东湖区观摩项目建设。"
    [visit] = extract_visits(text, published="2024-05-06", lang="zh")
    assert _names(visit.officials) == ["王海", "李明", "赵刚", "孙丽"]


def test_a_district_right_before_the_site_gone_to_is_a_region() -> None:
    text = "5月3日，王海书记一行来到东湖区华辰电子有限公司调研。李明区长陪同。"
    [visit] = extract_visits(text, published="2024-05-06", lang="zh")
    assert visit.regions == ["东湖区"]
