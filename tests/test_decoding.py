"""Page bytes to text: a declared charset the bytes cannot be in is ignored, the rest is trusted."""

from __future__ import annotations

import codecs

import pytest

from crawler.article import extract_article
from crawler.decoding import decode_html

ASCII_PAGE = ('<html><head><meta charset="{}"><title>Mayor visits Qinghe</title></head><body>'
              "<h1>Mayor visits Qinghe</h1><p>On March 30, Mayor Li Wenhua went to Qinghe County and "
              "visited Qinghe Intelligent Equipment to learn about production.</p></body></html>")


@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "utf-16be", "utf-32", "UTF-32LE"])
@pytest.mark.parametrize("pad", ["", " "])  # odd and even lengths: an even one decodes as UTF-16 "fine"
def test_impossible_utf16_or_32_declaration_is_ignored(label: str, pad: str) -> None:
    page = ASCII_PAGE.format(label) + pad
    assert decode_html(page.encode("ascii")) == page
    article = extract_article(page.encode("ascii"))
    assert article.title == "Mayor visits Qinghe" and "Qinghe County" in article.text


def test_impossible_declaration_over_gbk_falls_back_to_detection() -> None:
    page = ASCII_PAGE.format("utf-16").replace("Mayor visits Qinghe", "市长到青河县调研")
    assert decode_html(page.encode("gb18030")) == page


BOMS = [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE)]


@pytest.mark.parametrize("codec, bom", BOMS)
def test_real_utf16_and_32_pages_still_decode(codec: str, bom: bytes) -> None:
    page = ASCII_PAGE.format("utf-16").replace("Mayor visits Qinghe", "市长到青河县调研")
    assert decode_html(bom + page.encode(codec)) == page


def test_declared_gbk_under_a_utf8_header_is_trusted() -> None:
    page = ASCII_PAGE.format("gbk").replace("Mayor visits Qinghe", "市长到青河县调研")
    assert decode_html(page.encode("gbk"), header_charset="utf-8") == page
