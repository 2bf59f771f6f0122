"""Article extraction: HTML (or bytes) -> title, date, body text."""

from __future__ import annotations

import pytest

from crawler.article import MAX_HTML_CHARS, MAX_TEXT_CHARS, PageSelectors, clip, extract_article

BODY_ZH = "<p>3月29日，县委书记张明到东山村调研。</p><p>他强调，要抓好春耕生产。</p>"


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_gbk_bytes_with_cms_meta_and_trs_body() -> None:
    html = _page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
                 '<meta name="ArticleTitle" content="县委书记到东山村调研">'
                 '<meta name="PubDate" content="2023-03-30 09:12">',
                 '<div class="crumb">您当前所在的位置：首页 &gt; 要闻</div>'
                 f'<div class="TRS_Editor">{BODY_ZH}</div>'
                 '<div>分享到：</div><div>【打印本页】【关闭窗口】</div>')
    page = extract_article(html.encode("gbk"))
    assert page.title == "县委书记到东山村调研"
    assert page.published == "2023-03-30"
    assert page.text == "3月29日，县委书记张明到东山村调研。\n他强调，要抓好春耕生产。"


def test_undeclared_gbk_is_detected() -> None:
    html = _page("<title>东山村调研</title>", f"<div class='TRS_Editor'>{BODY_ZH * 3}</div>")
    page = extract_article(html.encode("gb18030"))
    assert "县委书记张明" in page.text


def test_zjeg_markers() -> None:
    html = _page("<title>标题 - 某市政府</title>",
                 "<div>首页 &gt; 新闻</div><!--ZJEG_RSS.content.begin-->"
                 f"{BODY_ZH}<!--ZJEG_RSS.content.end--><div>扫一扫在手机打开当前页</div>")
    page = extract_article(html)
    assert page.title == "标题"
    assert page.text.startswith("3月29日")
    assert "扫一扫" not in page.text


def test_generic_page_uses_trafilatura_and_url_date() -> None:
    para = ("On March 29, Mayor Wang Lin visited the Longquan Carbon Co., Ltd. plant in Pingyin County, "
            "where he inspected the workshops and talked with workers about production and safety.")
    html = _page("<title>Mayor visits plant | City News</title>",
                 "<nav>Home &gt; News</nav><article><h1>Mayor visits plant</h1>"
                 f"<p>{para}</p><p>{para}</p></article><footer>Print this page</footer>")
    page = extract_article(html, url="http://english.example.gov.cn/art/2023/3/30/art_1.html")
    assert page.title == "Mayor visits plant"
    assert page.published == "2023-03-30"
    assert "Longquan Carbon" in page.text
    assert "Print this page" not in page.text


def test_empty_page() -> None:
    page = extract_article(b"")
    assert (page.title, page.published, page.text) == ("", None, "")


def test_copyright_year_is_not_a_publication_date() -> None:
    html = _page("<title>Visit</title>",
                 "<div id='content'><p>On March 29, Mayor Wang Lin visited the Longquan Carbon plant "
                 "and talked with workers about production and safety in the coming months.</p></div>"
                 "<div class='footer'>Copyright 2024 All rights reserved</div>")
    assert extract_article(html).published is None


HUGE_PARA = ("1日，市委书记王建国到平阴县调研，先后来到山东泉华石墨有限公司、东阿镇南栾湾村。"
             "他强调，要坚持安全生产。")


@pytest.mark.parametrize("editor", ["TRS_Editor", "content"])  # the CMS marker, and trafilatura's path
def test_huge_page_is_cut_to_what_extraction_reads(editor: str) -> None:
    paras = "".join(f"<p>{i} {HUGE_PARA}</p>" for i in range(20_000))  # 1.2 million characters of HTML
    html = f"<html><head><title>巨文</title></head><body><div class='{editor}'>{paras}</div></body></html>"
    assert len(html) > MAX_HTML_CHARS
    page = extract_article(html.encode("utf-8"))
    assert page.truncated and page.title == "巨文"
    assert MAX_TEXT_CHARS - 2_000 <= len(page.text) <= MAX_TEXT_CHARS
    assert page.text.startswith("0 1日，市委书记王建国") and page.text.endswith("要坚持安全生产。")


def test_ordinary_page_is_not_cut() -> None:
    page = extract_article(_page("<title>t</title>", f"<div class='TRS_Editor'><p>{HUGE_PARA}</p></div>"))
    assert not page.truncated and page.text == HUGE_PARA


def test_clip_ends_at_a_line_break() -> None:
    text = "\n".join(f"{i:05d}" + "x" * 94 for i in range(3_000))  # 100-character lines
    assert clip(text, 1_050) == text[:999] == "\n".join(text.splitlines()[:10])
    assert clip("short", 1_050) == "short"


def test_configured_body_is_read_before_the_cms_markers() -> None:
    html = _page("<title>标题</title>",
                 "<!--ZJEG_RSS.content.begin--><p>上级转载稿件摘要，本站不作为正文。这一段不是正文。</p>"
                 f"<!--ZJEG_RSS.content.end--><div class='story'>{BODY_ZH}</div>")
    page = extract_article(html, selectors=PageSelectors(body=("div.story",)))
    assert page.text == "3月29日，县委书记张明到东山村调研。\n他强调，要抓好春耕生产。"
    assert extract_article(html).text.startswith("上级转载稿件摘要")  # no configured body: the markers
