"""Chinese extraction on the kinds of text real articles bring (fictional sentences of each kind)."""

from __future__ import annotations

from crawler.visits import extract_visits
from crawler.visits.chinese_noise import is_pinyin_syllable, strip_noise


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
