"""Chinese visits over days and places: a tour reported day by day, a visit the article only
recalls, the counties the visited sites are addressed in (fictional sentences)."""

from __future__ import annotations

from crawler.visits import extract_visits


def test_a_tour_reported_day_by_day_gives_every_day() -> None:
    text = ("3月10日，市委书记王立东到青山县调研，先后来到红星食品有限公司、东湖村。\n"
            "11日上午，王立东来到白沙县，察看了新源精密科技有限公司。"
            "次日，他前往北岭镇南坡村走访慰问。")
    [visit] = extract_visits(text, published="2024-03-13", lang="zh")
    assert visit.days() == ["2024-03-10", "2024-03-11", "2024-03-12"]


def test_a_later_day_that_is_no_visit_or_not_the_next_day_does_not_extend_it() -> None:
    text = ("3月10日，市委书记王立东到青山县调研，先后来到红星食品有限公司、东湖村。"
            "11日，全市安全生产工作会议召开。"
            "15日，王立东来到白沙县，察看了新源精密科技有限公司。")
    [visit] = extract_visits(text, published="2024-03-16", lang="zh")
    assert visit.days() == ["2024-03-10"]


def test_a_visit_recalled_years_later_is_no_visit() -> None:
    text = ("2017年11月19日，省委书记周海明来到东湖村，察看了村里的蔬菜大棚。"
            "七年过去了，村党支部书记李强说，村里的变化大家都看得见。")
    assert extract_visits(text, published="2025-03-21", lang="zh") == []
    [visit] = extract_visits(text, published="2017-11-20", lang="zh")
    assert visit.date == "2017-11-19"


def test_the_county_a_visited_site_is_addressed_in_is_a_region() -> None:
    text = ("6月3日，市委书记赵明远带队调研，先后来到青田县北山镇东岭村、宏达电子科技有限公司、"
            "丽水市龙泉县农业示范园。")
    [visit] = extract_visits(text, published="2024-06-04", lang="zh")
    assert visit.regions == ["青田县", "丽水市", "龙泉县"]


def test_a_city_inside_a_firms_name_is_no_region() -> None:
    text = "6月3日，市委书记赵明远带队调研，先后来到东岭村、青岛市融合装备科技有限公司。"
    [visit] = extract_visits(text, published="2024-06-04", lang="zh")
    assert visit.regions == []


def test_a_list_runs_on_over_a_comma_through_a_segment_of_several_sites() -> None:
    text = ("4月9日，市委书记赵明远先后赴东岭生态农业园、白沙展示馆，青田县北山果园区、南湖新区智能产业园、"
            "宏达竹木有限公司、丽川锯床特色机械装备创新服务综合体、新源精密机械股份有限公司等十多个单位实地调研。")
    [visit] = extract_visits(text, published="2024-04-10", lang="zh")
    assert [s.name for s in visit.stops] == [
        "东岭生态农业园", "白沙展示馆", "青田县北山果园区", "南湖新区智能产业园", "宏达竹木有限公司",
        "丽川锯床特色机械装备创新服务综合体", "新源精密机械股份有限公司"]
    assert visit.regions == ["青田县"]


def test_companions_listed_by_name_alone_include_names_that_are_also_words() -> None:
    text = ("5月8日，省委书记周海明到青田县调研，先后来到东岭村、宏达电子有限公司。"
            "省民政厅副厅长级干部吴立新等陪同调研。陪同调研的市上领导有：何平、才智、江涛、伍一川。")
    [visit] = extract_visits(text, published="2024-05-09", lang="zh")
    assert [p.name for p in visit.accompanying] == ["吴立新", "何平", "才智", "江涛", "伍一川"]


def test_dated_paragraphs_with_their_own_leads_are_separate_visits() -> None:
    text = ("11月15日，市委书记简海明到东岭镇调研，先后来到东岭村、宏达食品有限公司。\n"
            "11月16日，副市长冉立新带队检查校园安全，来到青山实验中学和运河小学。")
    first, second = extract_visits(text, published="2024-11-17", lang="zh")
    assert (first.date, [o.name for o in first.officials]) == ("2024-11-15", ["简海明"])
    assert (second.date, [o.name for o in second.officials]) == ("2024-11-16", ["冉立新"])
    assert [s.name for s in second.stops] == ["青山实验中学", "运河小学"]


def test_dated_paragraphs_of_one_lead_stay_one_tour() -> None:
    text = ("3月10日，市委书记王立东到青山县调研，来到红星食品有限公司。\n"
            "11日，王立东来到白沙县，察看了新源精密科技有限公司。")
    [visit] = extract_visits(text, published="2024-03-13", lang="zh")
    assert visit.days() == ["2024-03-10", "2024-03-11"]


def test_a_list_does_not_run_on_over_a_new_verb_of_going() -> None:
    text = ("1月2日，市委书记陈海涛到东岭镇调研期间，陈海涛深入青山铁路东站、宏达科技有限公司、"
            "成丰茶厂等地，详细了解项目建设情况。")
    [visit] = extract_visits(text, published="2024-01-03", lang="zh")
    assert [s.name for s in visit.stops] == ["青山铁路东站", "宏达科技有限公司", "成丰茶厂"]


def test_a_site_with_its_other_name_in_brackets_keeps_its_site_word() -> None:
    text = "2月18日，市长阚立新先后来到市行政审批局(市政务服务中心)、市档案馆(市方志馆)，看望慰问干部职工。"
    [visit] = extract_visits(text, published="2024-02-19", lang="zh")
    assert [s.name for s in visit.stops] == ["行政审批局(市政务服务中心)", "档案馆(市方志馆)"]


def test_a_visit_on_a_page_updated_months_later_is_still_news_of_that_year() -> None:
    text = ("省发改委领导来我市调研\n信息来源：市发改委 更新时间：2024-09-11 11:50\n"
            "3月8日至9日，省发改委副主任周海明一行来到我市，先后考察了东湖县、西湖区沿海开发项目。"
            "市长助理李强陪同考察。")
    [visit] = extract_visits(text, lang="zh")
    assert visit.days() == ["2024-03-08", "2024-03-09"]
    assert [o.name for o in visit.officials] == ["周海明"]


def test_days_listed_each_with_its_month_are_one_trip() -> None:
    text = ("4月8日，4月10日-11日，市政协副主席林海峰带队赴东港开发区、北岭高新区开展专题调研。")
    [visit] = extract_visits(text, published="2024-04-15", lang="zh")
    assert visit.days()[0] == "2024-04-08" and visit.days()[-1] == "2024-04-11"


def test_a_dateline_that_ends_with_news_from_a_county_is_the_reports_own_date() -> None:
    text = "东江网7月2日青松县消息 7月1日，省台办主任刘伟一行到青松县东湖村看望慰问老党员。"
    [visit] = extract_visits(text, published="2024-07-02", lang="zh")
    assert visit.date == "2024-07-01"


def test_a_date_alone_in_brackets_on_the_headline_is_the_pages_stamp_not_the_visits() -> None:
    text = ("百姓的幸福年这样守护 ( 2024年01月28日 ) 来源: 青松街道\n领导一线慰问\n"
            "除夕夜，区委常委、副区长刘伟一行到东湖村慰问一线社区志愿者和执勤民警。")
    [visit] = extract_visits(text, lang="zh")
    assert visit.date is None
