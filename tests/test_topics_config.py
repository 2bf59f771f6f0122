"""Topics keyed by language code: topics.toml's ``en``/``zh`` keys load as before, other language
codes load too, and a key that is no language code is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.config import ConfigError, Topic, load_config

ROOT = Path(__file__).resolve().parent.parent


def write_topics(folder: Path, text: str) -> Path:
    (folder / "topics.toml").write_text(text, encoding="utf-8")
    return folder


def test_the_shipped_topics_load_by_language() -> None:
    carbon = load_config(ROOT / "config").topics["carbon"]
    assert set(carbon.by_language) == {"en", "zh"}
    assert "graphite" in carbon.words("en") and "炭素" in carbon.words("zh")
    assert carbon.words("fr") == []
    assert carbon.keywords == [*carbon.words("en"), *carbon.words("zh")]


def test_any_language_code_is_a_key_and_every_language_counts_for_topic_watches(tmp_path: Path) -> None:
    config = load_config(write_topics(tmp_path, '[topics.carbon]\nen = ["carbon"]\nzh = ["炭素"]\n'
                                                 'fr = ["carbone"]\nzh-Hant = ["碳素"]\n'))
    topic = config.topics["carbon"]
    assert topic.by_language == {"en": ["carbon"], "zh": ["炭素"], "fr": ["carbone"], "zh-Hant": ["碳素"]}
    assert config.topic_keywords() == {"carbon": ["carbon", "炭素", "carbone", "碳素"]}
    assert Topic(en=["steel"], zh=["钢铁"]) == Topic(by_language={"en": ["steel"], "zh": ["钢铁"]})


def test_a_key_that_is_no_language_code_is_named_with_its_topic(tmp_path: Path) -> None:
    write_topics(tmp_path, '[topics.carbon]\nEnglish = ["carbon"]\n[topics.steel]\nen = "steel"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.problems == [
        f"{tmp_path}/topics.toml: topics.carbon: expected language codes such as en or zh as keys; "
        "got 'English'",
        f"{tmp_path}/topics.toml: topics.steel.en: expected input should be a valid list; got 'steel'",
    ]
