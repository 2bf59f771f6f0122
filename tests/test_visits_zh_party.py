"""Who is on a Chinese visit, on clause shapes seen in wider reading (fictional articles of each kind)."""

from __future__ import annotations

from crawler.visits import extract_visits


def _names(people: list) -> list[str]:
    return [p.name for p in people]


def test_officials_calling_on_the_visiting_team_are_not_on_its_visit() -> None:
    text = ("5月6日，省防汛检查组组长刘伟率检查组到我市检查防汛工作。副省长陈明陪同检查，"
            "市委书记王立、市长赵强到驻地看望检查组。检查组先后到青松水库、东湖泵站检查。"
            "副市长李红看望检查组，副市长孙丽陪同检查。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["刘伟"] and _names(visit.accompanying) == ["陈明", "孙丽"]


def test_coming_to_a_place_after_a_title_is_no_name() -> None:
    text = "市领导来东湖开展挂钩项目督导\n5月6日下午，市委常委、宣传部长刘伟来东湖区督导挂钩重点项目。"
    text += "刘伟一行先后到华兴电子有限公司、青松物流园等处。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["刘伟"]


def test_a_rare_surname_after_a_list_title_begins_a_companion() -> None:
    text = ("5月6日，市委书记刘伟到青石镇调研，市领导产立新、戴红梅参加。"
            "刘伟先后来到华兴电子有限公司、红星村。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.accompanying) == ["产立新", "戴红梅"]
    text = "5月6日，市委书记刘伟到青石镇调研产业发展，先后来到华兴电子有限公司、红星村。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["刘伟"] and visit.accompanying == []


def test_a_ministrys_department_head_leads_a_visit() -> None:
    text = ("6月6日上午，国家发展改革委社会司司长刘明带领调研组成员，来到东湖区青松花园小区和知音西苑小区"
            "对城镇老旧小区改造工作进行调研。")
    [visit] = extract_visits(text, published="2024-06-07", lang="zh")
    assert _names(visit.officials) == ["刘明"]
    text = "5月6日，市长刘伟到华兴电子有限公司长沙分公司调研。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["刘伟"]


def test_a_lecture_given_at_a_training_meeting_is_no_visit() -> None:
    text = ("全市中心组学习工作会议暨学习秘书培训班举行\n"
            "本报讯 昨日下午，全市中心组学习工作会议举行。\n"
            "近年来，各级对干部学习抓得很紧，省里和东阳市先后出台了配套办法，"
            "让中心组学习更加规范。\n"
            "会议邀请机关工委宣传科科长刘明作《怎样用好学习规则》辅导报告。他结合规则条文，"
            "逐条讲解了集体研讨怎么组织、关于调研及调研文章怎么写、督查通报怎么开展等。")
    assert extract_visits(text, published="2024-06-07", lang="zh") == []


def test_an_official_giving_a_talk_on_a_titled_theme_does_not_lead_the_visit() -> None:
    text = ("11月3日，市政协人口资源环境委员会在青石县举办“委员讲堂”活动，市政协副主席刘伟出席活动并讲话。"
            "刘伟一行先后前往董家村、鹿苑村等地，实地调研农旅融合项目。"
            "市政协委员、青石县副县长陈明以《在田园上写诗》为题作辅导讲座。")
    [visit] = extract_visits(text, published="2024-11-04", lang="zh")
    assert _names(visit.officials) == ["刘伟"]


def test_a_lead_going_unannounced_leads_not_the_town_officials_who_hurry_over() -> None:
    text = ("东阳新闻\n昨天下午，市委书记刘伟不打招呼、轻车简从，深入青石区白沙镇韩村调研村级组织换届情况。"
            "刘伟走进村“两委”办公楼。白沙镇党委书记陈明和韩村党总支书记王立等镇村两级干部闻讯分别赶到。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["刘伟"]


def test_firms_touring_a_port_with_its_manager_introducing_it_is_no_visit() -> None:
    text = ("6月22日上午，来自东阳、青石的两家港口企业组团到东湖中心港参观考察，交流业务。\n"
            "当天上午，东阳港口发展有限公司董事长王立、青石港务有限公司副总经理李清携公司人员来到东湖中心港码头，"
            "王立、李清一行首先参观中心港码头4#5#港池，东湖中心港码头运营办主任刘伟向他们详细介绍了码头运营现状。")
    assert extract_visits(text, published="2024-06-23", lang="zh") == []


def test_a_reception_station_visited_is_no_reception() -> None:
    text = ("6月4日,县委副书记、县长刘伟先后到青松镇任韩村、大韩村,"
            "高速出入口跨区机收接待站督导检查“三夏”生产工作。副县长陈明参加。")
    [visit] = extract_visits(text, published="2024-06-05", lang="zh")
    assert _names(visit.officials) == ["刘伟"]


def test_a_party_committee_before_a_title_is_no_companion() -> None:
    text = ("5月6日，县委常委、副县长刘伟赴东湖镇督导项目建设情况。"
            "镇党委书记王强、党委副书记陈明、副镇长赵亮陪同督导。区纪委常委李华参加督查。刘伟一行深入华兴电子有限公司建设现场。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.accompanying) == ["王强", "陈明", "赵亮", "李华"]


def test_a_town_head_named_before_the_title_who_accompanies_is_a_companion() -> None:
    text = ("5月6日上午，副县长刘伟赴东湖镇督导道路工程，刘伟一行在王强镇长和国土所负责同志陪同下"
            "视察了青松小镇、中学路等多处现场。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.accompanying) == ["王强"]


def test_of_officials_listed_as_attending_the_one_whose_party_then_visits_leads() -> None:
    text = ("5月6日，青石区举办社区养老协商议事活动。市政协副主席刘伟，市政协副秘书长王强，"
            "区政协副主席赵敏出席活动。\n会前，刘伟一行实地视察了青松养老服务中心建设现场。")
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["刘伟"] and _names(visit.accompanying) == ["王强", "赵敏"]


def test_a_bureau_after_a_companion_named_under_a_shared_title_is_no_person() -> None:
    text = "5月6日上午，县长刘伟深入青石镇检查防汛工作。县交通局长王强、公安局政委赵敏陪同检查。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == ["刘伟"] and _names(visit.accompanying) == ["王强", "赵敏"]


def test_the_head_of_an_inspection_team_leads_and_an_official_who_reports_on_a_matter_takes_part() -> None:
    text = ("为开展年度集中视察，省人大常委会组织部分代表组成视察组，前往青州、华县两地。\n3月6日至7日，"
            "代表们先后走进华兴工业园、青松软件园实地视察。\n3月7日下午，视察组召开汇报会，副省长赵敏就两地"
            "产业布局作汇报。\n本次视察由省人大常委会副主任刘伟担任视察组组长。")
    [visit] = extract_visits(text, lang="zh", url="http://x.cn/2022-03/08/c_77.htm")
    assert [o.name for o in visit.officials] == ["刘伟"]
    assert [o.name for o in visit.accompanying] == ["赵敏"]
    assert (visit.date, visit.end_date) == ("2022-03-06", "2022-03-07")


def test_a_bureau_or_a_government_named_after_a_listed_companion_begins_the_next_title() -> None:
    text = ("4月2日，区长刘伟一行到青松医院检查工作。副区长王强、区卫生健康局局长赵敏、"
            "华兴医药集团总经理钱进、东山街道办事处主任孙涛一同检查。")
    [visit] = extract_visits(text, lang="zh")
    assert _names(visit.accompanying) == ["王强", "赵敏", "孙涛"]
    text = ("10月8日，区长刘伟到华兴园区调研。区政协副主席王强、区人民政府副区长赵敏，"
            "以及区人大常委会办公室、园区管委会负责同志陪同。")
    [visit] = extract_visits(text, lang="zh")
    assert _names(visit.accompanying) == ["王强", "赵敏"]


def test_a_delegation_that_comes_to_a_city_only_to_hold_talks_reports_no_visit() -> None:
    text = ("6月3日，华县县委书记刘伟带领华县党政代表团来到青州市，与青州市委书记王强等领导座谈交流，"
            "就深化两地协作交换意见。")
    assert extract_visits(text, lang="zh") == []
    text = ("6月3日，华县县委书记刘伟带领华县党政代表团来到青州市，与青州市委书记王强座谈交流。座谈结束后，"
            "代表团一行参观了青州电子公司、青州产业园。")
    [visit] = extract_visits(text, lang="zh")
    assert _names(visit.accompanying) == ["王强"]


def test_an_official_who_reports_on_a_matter_at_the_meeting_after_the_tour_takes_part() -> None:
    text = ("9月2日，县长刘伟深入青松镇、华兴镇检查秋粮收购工作。当天下午的推进会上，"
            "县粮食局局长王强就收购进度进行了汇报。")
    [visit] = extract_visits(text, lang="zh")
    assert _names(visit.accompanying) == ["王强"]


def test_names_alone_that_come_along_in_a_sentence_of_their_own_take_part() -> None:
    text = ("4月12日，市政协副主席刘伟带领委员视察华兴社区食堂和青松日间照料中心，"
            "了解助老服务开展情况。王强、赵敏陪同。")
    [visit] = extract_visits(text, lang="zh")
    assert _names(visit.accompanying) == ["王强", "赵敏"]


def test_a_local_official_who_welcomes_the_visitors_takes_part() -> None:
    text = ("7月9日，省交通厅厅长刘伟一行来我市调研，先后察看了华兴物流园、青松码头。副市长赵敏陪同调研。"
            "在随后的座谈会上，市委副书记、市长王强对刘厅长一行来我市调研表示感谢。")
    [visit] = extract_visits(text, lang="zh")
    assert _names(visit.accompanying) == ["赵敏", "王强"]
