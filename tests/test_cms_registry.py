"""One CMS registry (core.cms.CMS_ADAPTERS): config validation accepts its names and nothing else,
and the crawler builds each source's adapter from the class it names."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request, Response

from core.cms import CMS_ADAPTERS
from core.config import ConfigError, SourceConfig, load_config
from crawler.adapters import LIST, Adapter, Listing, ListItem, adapter_class, adapter_for


class OneLinkAdapter(Adapter):
    """A family added for this test: its list page's first link is its only article."""

    def parse_list(self, response: Response) -> Listing:
        href = response.css("a::attr(href)").get()
        return Listing([ListItem(response.urljoin(href))] if href else [])


def source(cms: str) -> SourceConfig:
    return SourceConfig.model_validate({"name": "x", "cms": cms, "start_urls": ["https://a.example/list"]})


def test_every_registered_family_names_an_adapter_class() -> None:
    assert list(CMS_ADAPTERS) == ["hanweb", "trs", "wordpress", "feed", "generic"]
    for cms in CMS_ADAPTERS:
        assert issubclass(adapter_class(cms), Adapter)
        assert isinstance(adapter_for(source(cms)), adapter_class(cms))


def test_a_family_added_to_the_registry_is_valid_config_and_gets_its_adapter(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sources.toml").write_text(
        '[[sources]]\nname = "x"\ncms = "onelink"\nstart_urls = ["https://a.example/list"]\n',
        encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.problems == [
        f"{tmp_path}/sources.toml: sources['x'].cms: expected one of hanweb, trs, wordpress, feed, generic; "
        "got 'onelink'"]
    monkeypatch.setitem(CMS_ADAPTERS, "onelink", f"{__name__}:OneLinkAdapter")
    [configured] = load_config(tmp_path).sources
    adapter = adapter_for(configured)
    assert type(adapter).__name__ == "OneLinkAdapter"
    [request] = adapter.start_requests()
    assert request.meta["kind"] == LIST
    page = HtmlResponse("https://a.example/list", body=b'<a href="/art/1.html">one</a>', encoding="utf-8",
                        request=Request("https://a.example/list"))
    assert [i.url for i in adapter.parse_list(page).items] == ["https://a.example/art/1.html"]


def test_a_registry_entry_that_is_no_adapter_class_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(CMS_ADAPTERS, "broken", "core.registry:registered")
    expected = r"CMS_ADAPTERS\['broken'\]: 'core.registry:registered' is not an Adapter class"
    with pytest.raises(TypeError, match=expected):
        adapter_class("broken")
