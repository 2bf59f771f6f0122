"""The page reader's selection: CSS on the BeautifulSoup tree, XPath on lxml only when asked for,
and body text from a BeautifulSoup element equal to lxml's reading of the same element."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.article import PageSelectors, extract_article
from crawler.decoding import decode_html
from crawler.page_helpers import html_text, tag_text
from crawler.page_select import ParsedPage, meta

PAGES = Path(__file__).parent / "fixtures" / "pages"

PAGE = """<html><head><title>Fallback title - Portal</title>
<meta NAME="PubDate" content="2024-05-14 09:30"><meta property="OG:Title" content="  Mayor   visits port ">
</head><body><div class="crumb">Home &gt; News</div>
<h1 class="title big">Mayor visits port</h1><span class="date">Published 2024-05-13</span>
<div id="content" class="article-body"><p>First line
of the first paragraph.</p><!-- a note
--><p>市长来到港口，<br>察看
码头建设。</p><div class="share">Share this</div><script>var hidden = 1;</script>
<pre>kept
  as is</pre>tail<p>Last paragraph.</p></div></body></html>"""


def test_css_with_parsel_endings_and_any_case_meta() -> None:
    page = ParsedPage(PAGE)
    assert page.first_text(meta("pubdate")) == "2024-05-14 09:30"
    assert page.first_text(meta("og:title")) == "Mayor visits port"
    assert page.select("span.date::text") == ["Published 2024-05-13"]
    assert page.select("h1::attr(class)") == ["title big"]
    assert page.select("h1.title.big") and not page.select("h1.small")
    assert [tag.name for tag in page.css("div > p")] == ["p", "p", "p"]  # soupsieve, not the fast path
    assert page.first_text("title") == "Fallback title - Portal"
    assert page._tree is None  # no XPath asked, so no lxml tree


def test_xpath_is_evaluated_by_lxml_on_the_same_html() -> None:
    page = ParsedPage(PAGE)
    assert page.first_text("//span[@class='date']/text()") == "Published 2024-05-13"
    assert page.first_text("(//p)[last()]") == "Last paragraph."
    assert page._tree is not None
    selectors = PageSelectors(("//h1",), ("//span[@class='date']",), ("//div[@id='content']",))
    got = extract_article(PAGE, selectors=selectors)
    assert (got.title, got.published) == ("Mayor visits port", "2024-05-13")
    assert got.text.startswith("First line of the first paragraph.\n市长来到港口，\n察看码头建设。")


@pytest.mark.parametrize("html", [PAGE, *(decode_html(p.read_bytes()) for p in sorted(PAGES.glob("*.html")))])
def test_tag_text_reads_an_element_as_html_text_does(html: str) -> None:
    page = ParsedPage(html)
    tree = page.tree()
    for name in ("body", "div", "p", "pre", "ul", "table"):
        ours, theirs = page.tags_named(name), tree.xpath(f"//{name}")
        assert len(ours) == len(theirs)
        for tag, element in zip(ours, theirs, strict=True):
            assert tag_text(tag) == html_text(element)
    assert "Share this" not in tag_text(page.soup.body) and "hidden" not in tag_text(page.soup.body)


def test_a_page_nested_thousands_deep_is_read() -> None:
    depth = 5000
    html = f'<html><body><div class="TRS_Editor">{"<div>x" * depth}{"</div>" * depth}</div></body></html>'
    assert extract_article(html).text.startswith("x\nx\nx\n")


def test_text_no_xml_may_hold_fails_as_lxml_fails_on_it() -> None:
    page = ParsedPage("<div><p>binary\x0cgarbage</p><pre>form\x0cfeed kept</pre></div>")
    with pytest.raises(ValueError, match="U\\+000C"):
        tag_text(page.tags_named("div")[0])
    with pytest.raises(ValueError):
        html_text(page.tree().xpath("//div")[0])
    pre = tag_text(page.tags_named("pre")[0])  # a <pre>'s own text is left as it is, so read
    assert pre == html_text(page.tree().xpath("//pre")[0]) == "form\nfeed kept"
