"""Places named only inside an official's title or inside a firm's bracketed name are no regions
of a Chinese visit (fictional articles)."""

from __future__ import annotations

from crawler.visits import extract_visits


def _regions(text: str) -> list[str]:
    [visit] = extract_visits(text, lang="zh")
    return visit.regions


def test_a_zone_in_the_leads_title_is_no_region() -> None:
    text = ("5月6日至7日，青川市政协副主席、平河县县长、长兴开发区管委会主任刘伟带队到我县考察对接，"
            "平河县副县长王强参加。华阳县县长赵敏全程陪同。"
            "考察团先后走进青松农业开发有限公司、华兴花卉市场、东湖村等地。")
    assert not any("长兴" in r for r in _regions(text))


def test_a_place_in_brackets_inside_a_firms_name_is_no_region() -> None:
    text = ("4月1日，县长刘伟带队到我县考察华兴农业公司。"
            "当天，县人民政府还和青松(泉州)实业有限公司签订了合作协议。")
    assert "泉州" not in _regions(text)


def test_a_city_whose_body_is_visited_next_in_a_list_of_counties_is_a_region() -> None:
    text = ("6月3日，省政协副主席刘伟带队到湖州调研，市政协主席王强陪同。当天下午，"
            "调研组又考察了长兴县、安吉县政协工作开展情况。")
    assert _regions(text) == ["湖州", "长兴县", "安吉县"]


def test_our_city_is_not_the_one_in_a_companions_title() -> None:
    text = ("6月20日，德州市委常委、副市长刘伟带领党政考察团来我市考察乡村振兴工作。"
            "济宁市农业农村局局长王强，我市副市长赵敏陪同。考察团一行实地考察了青松生物科技有限公司和华兴村。")
    assert "济宁市" not in _regions(text)
