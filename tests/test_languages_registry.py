"""One registry of article languages (core.languages): config validation accepts its codes and
nothing else, and visit extraction uses the package each code names."""

from __future__ import annotations

from pathlib import Path

from core.config import ConfigError, load_config
from core.languages import EXTRACTION_PACKAGES
from crawler.visits import EXTRACTORS, extract_visits


def test_every_registered_language_has_an_extractor() -> None:
    assert list(EXTRACTION_PACKAGES) == ["en", "zh"] == list(EXTRACTORS)
    [visit] = extract_visits("On May 4, Mayor Li Jun inspected the Hongfeng Steel Plant.",
                             published="2024-05-06", lang="en")
    assert [o.name for o in visit.officials] == ["Li Jun"]


def test_a_language_outside_the_registry_is_named_with_the_codes(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text(
        '[[sources]]\nname = "x"\ncms = "hanweb"\nstart_urls = ["https://a.example/list"]\n'
        'language = "fr"\n', encoding="utf-8")
    try:
        load_config(tmp_path)
    except ConfigError as error:
        assert error.problems == [
            f"{tmp_path}/sources.toml: sources['x'].language: expected one of en, zh; got 'fr'"]
    else:
        raise AssertionError("a source in French was accepted")
