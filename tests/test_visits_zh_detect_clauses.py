"""Chinese detection decided by the clause: what a visit verb's object is, who a team is, and a
lead named after the inspection he heads (fictional articles)."""

from __future__ import annotations

from crawler.visits import extract_visits


def _visits(text: str, **kwargs: str):  # type: ignore[no-untyped-def]
    return extract_visits(text, lang="zh", **kwargs)


def test_calling_on_the_discussion_groups_of_a_session_is_part_of_the_meeting() -> None:
    text = ("本报讯 前天上午，县委副书记刘伟走访了县政协九届三次会议各小组讨论组，看望了参会委员。"
            "刘伟说，委员们要认真履职，为全县发展起到参谋作用。")
    assert _visits(text) == []


def test_a_party_branch_life_meeting_is_a_meeting() -> None:
    text = ("前天上午，市委书记刘伟以普通党员身份参加所在支部的专题组织生活会，同大家交流体会，"
            "深入剖析存在的不足。刘伟勉励青年干部多下基层。")
    assert _visits(text) == []


def test_a_simulated_unannounced_check_is_done_not_planned() -> None:
    text = ("5月3日，区委常委、副区长刘伟带队对青松街道的创卫工作开展模拟暗访，"
            "先后查看了华兴小区、东湖菜市场。")
    [visit] = _visits(text)
    assert [o.name for o in visit.officials] == ["刘伟"]


def test_an_unannounced_check_team_is_the_visiting_party() -> None:
    text = ("5月3日，区委常委、副区长刘伟，区政协副主席王强带队对青松街道开展背街小巷整治回头看。"
            "暗访组先后查看了华兴小区、东湖菜市场等点位。")
    [visit] = _visits(text)
    assert [o.name for o in visit.officials] == ["刘伟", "王强"]


def test_the_heads_of_an_inspection_drive_named_after_it_lead_the_visit() -> None:
    text = ("本报讯 1月20日上午，青松街道开展节前消防安全大检查。这次行动由青松街道党委书记刘伟，"
            "办事处主任王强带队，街道班子成员共同参与。上午9时起，大家逐一巡查了华兴商场、东湖菜市场。")
    [visit] = _visits(text)
    assert [o.name for o in visit.officials] == ["刘伟", "王强"]


def test_a_call_at_a_chamber_told_by_its_host_is_a_visit() -> None:
    text = ("青石市委副书记、市长刘伟一行六人于六月三日访问东湖商会，受到该会副会长王强等的热情接待。\n"
            "王强对刘伟一行来访表示欢迎后说，近日省政府秘书长孙立来东湖考察三天。\n"
            "到访的还有青石市副市长陈明，市政府秘书长赵亮，商务局办公室主任、科员周平。")
    [visit] = _visits(text, published="2024-06-04")
    assert [o.name for o in visit.officials] == ["刘伟"]
    assert [o.name for o in visit.accompanying][:2] == ["陈明", "赵亮"]
    assert "公室" not in [o.name for o in visit.accompanying]
    assert any("东湖商会" in s.name for s in visit.stops)


def test_a_duty_check_inside_the_own_government_and_by_video_is_no_visit() -> None:
    text = ("2月1日上午，市委副书记、市长刘伟检查春节假期值班值守工作。市政府秘书长王强参加。\n"
            "刘伟首先来到市政府总值班室，看望慰问值班人员。\n"
            "在市政府会商室，刘伟通过视频系统连线各区县，强调要把值班要求落到实处。")
    assert _visits(text) == []


def test_a_county_after_a_province_is_no_governor_and_a_name_may_end_in_he() -> None:
    text = ("4月2日，青州省长江县政协副主席陈志和、刘文一行20人来我县考察。"
            "考察组先到东湖乡、西山开发区对两处古城遗址作了现场考察，随后赴青松纺织公司参观。")
    [visit] = _visits(text)
    assert [o.name for o in visit.officials] == ["陈志和", "刘文"]
    assert not any("对" in s.name for s in visit.stops)


def test_a_name_ending_in_a_character_that_makes_a_word_with_dao_still_goes() -> None:
    text = "7月9日，区委书记赵立周到区水务局物资仓库、青松小区、东湖险工段等地调研防汛工作。"
    [visit] = _visits(text)
    assert [s.name for s in visit.stops] == ["水务局物资仓库", "青松小区", "东湖险工段"]


def test_talks_on_studying_a_policy_in_depth_go_nowhere() -> None:
    text = ("4月24日，市长林川与来访的青州市委书记周平一行座谈，"
            "商定两地将深入学习贯彻中央关于对口合作的指示精神。本市领导李明参加相关活动。")
    assert _visits(text, published="2023-04-25") == []


def test_town_leaders_named_by_surname_and_title_only_visit_a_firm() -> None:
    text = ("今天上午青石镇党委刘书记、陈镇长一行来到我司进行走访调研，与公司董事长王明开展了座谈。\n"
            "座谈会后，刘书记、陈镇长在董事长的陪同下到生产车间现场视察。")
    [visit] = _visits(text)
    assert [o.name for o in visit.officials] == ["刘书记", "陈镇长"]
    assert not any("陪同" in s.name for s in visit.stops)


def test_a_lead_called_again_by_surname_and_title_names_nobody_new() -> None:
    text = ("10月8日，东湖区委书记赵林一行莅临我司参观指导工作。赵书记叮嘱要在抓生产的同时守住安全底线。"
            "参观完车间，赵书记又来到品管部，向各位领导简要介绍了检验设备。")
    [visit] = _visits(text, published="2020-10-09")
    assert [o.name for o in visit.officials] == ["赵林"]
    assert visit.accompanying == []


def test_the_leaders_in_charge_of_monitored_projects_are_no_visit() -> None:
    text = ("本报讯12月28日，全市重点工程在线监测平台投入试运行。由市领导包靠的37个工程全部接入平台，"
            "市级领导可通过手机实时查看项目施工现场、远程督导项目进度。")
    assert _visits(text) == []


def test_officials_listed_as_joint_subjects_all_lead_whoever_the_headline_names() -> None:
    text = ("新闻动态\n\n青石市长刘伟来我公司视察调研\n\n"
            "2015年8月3日晚，青石市市长刘伟、副市长王强、市政府副秘书长陈明等市领导一行莅临我公司视察指导。"
            "公司总经理赵亮向市领导介绍了公司情况，并带领市领导到车间参观。")
    [visit] = _visits(text)
    assert [o.name for o in visit.officials] == ["刘伟", "王强", "陈明"]
    assert visit.accompanying == []


def test_named_streets_declared_works_are_the_sites_checked() -> None:
    text = "11月29日上午，副市长刘伟一行先后检查了青松大街、东湖路、乐安街(北路-南路)等工程建设情况。"
    [visit] = _visits(text, published="2017-02-09")
    assert [s.name for s in visit.stops] == ["青松大街", "东湖路", "乐安街(北路-南路)"]


def test_a_business_chamber_head_leading_a_delegation_makes_the_officials_hosts() -> None:
    text = ("本报讯 6月12日，青州商会会长孙立华带领十余位会员企业家来东阳考察，对接合作项目。"
            "市委书记刘伟主持召开座谈会，介绍了我市投资环境。当天，考察团一行先后来到东湖新区的项目现场。"
            "副市长王强陪同考察。")
    assert _visits(text) == []


def test_a_delegation_only_setting_off_with_its_stops_still_ahead_is_no_visit() -> None:
    text = ("由青州市委书记刘伟和市长王强率领的青州市代表团，6日启程赴东江省进行为期四天的学习考察。"
            "在此期间，代表团将重点考察东阳、南湖等市。随同学习考察的还有市人大常委会主任孙立华，"
            "市政协主席钱文博。")
    assert _visits(text) == []


def test_a_towns_leaders_named_by_title_alone_heading_an_inspection_make_a_visit() -> None:
    text = ("3月6日，青松镇主要领导带队开展农村人居环境整治督查。镇副科级以上干部参加活动。"
            "督查组先后到东湖、南岭、北山等8个村，实地查看整治成效。")
    [visit] = _visits(text, published="2024-03-08")
    assert visit.date == "2024-03-06"


def test_an_unannounced_check_joined_by_units_of_discipline_is_the_officials_own_visit() -> None:
    text = ("11月2日，县委副书记、县长刘伟采取“四不两直”方式，对小区供暖、学校食堂建设等实事办理工作"
            "进行暗访，县政府办、纪委监委、督查中心等单位负责同志参加。在青松学校，刘伟一行走进学校食堂，"
            "察看食材储存。")
    [visit] = _visits(text, published="2024-11-04")
    assert [o.name for o in visit.officials] == ["刘伟"]
    assert visit.accompanying == []


def test_a_party_that_inspects_sites_after_a_talk_in_a_town_made_a_visit() -> None:
    text = ("11月3日上午，县政协副主席刘伟、县政协常委王强等一行到青松镇开展宣讲暨委员座谈会。"
            "一行人对青松镇电商物流园、东湖家庭农场进行了调研视察。会上，驻镇委员进行了协商讨论。")
    [visit] = _visits(text, published="2024-11-05")
    assert [o.name for o in visit.officials] == ["刘伟", "王强"]


def test_a_reception_named_in_the_guests_title_is_the_event() -> None:
    text = ("本报讯 昨日下午，副市长刘伟在市行政会议中心会见东江国驻青州总领事王强一行，双方围绕经贸合作"
            "进行交流。据悉，此次是王强上任以来首次访问青州，主要考察青州港、保税区展示交易中心。")
    assert _visits(text, published="2024-01-29") == []


def test_a_delegation_just_arrived_with_its_tour_still_ahead_is_no_visit() -> None:
    text = ("本报东阳4月14日电 以省委书记刘伟为团长、省长王强为副团长的我省党政代表团一行，今天中午抵达东阳，"
            "开始在东江大地进行为期六天的学习考察。学习考察期间，代表团将参加交易会开幕活动。"
            "之后，将先后在东阳、南湖、青州三市进行深入的学习考察。")
    assert _visits(text, published="2024-04-15") == []


def test_an_official_gone_to_a_street_office_to_direct_its_work_made_a_visit() -> None:
    text = ("11月4日，区委常委、副区长刘伟赴青松街道实地调度安全生产和信访稳定工作。会上听取了青松街道"
            "安全生产责任落实等工作汇报。刘伟强调，安全生产是底线工作。")
    [visit] = _visits(text, published="2024-11-06")
    assert [o.name for o in visit.officials] == ["刘伟"]


def test_a_chambers_business_delegation_arriving_to_look_around_is_no_officials_visit() -> None:
    text = ("5月8日，东江省青州商会企业家考察团抵达省会东阳访问考察，会长刘伟任领队。午饭后，考察团参观了"
            "东湖新区数字经济展示中心。省工商联为考察团举行欢迎座谈会，省政协副主席王强出席。")
    assert _visits(text, published="2024-05-10") == []
