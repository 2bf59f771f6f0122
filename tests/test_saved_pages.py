"""Each CMS family's adapter on saved pages: a list page's links, an article page's title, date and body.

The pages in tests/fixtures/pages/ are fictional, in the shape the real
portals serve; each is parsed from an ``HtmlResponse`` with no crawl, the way
Scrapy callbacks are tested. An article page also reads the same through
``extract`` (no selectors: the family is told by the page's markers).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response, XmlResponse

from core.config import Selectors, SourceConfig
from crawler.adapters import Adapter, adapter_for
from crawler.article import extract_article, family_of

PAGES = Path(__file__).parent / "fixtures" / "pages"
GENERIC = Selectors(article_links="ul.news-list li a", next_page="//a[@class='next-page']/@href",
                    title="h2.headline", date="span.pub-date", body="div.story")
FURNITURE = ("打印本页", "关闭窗口", "分享到", "责任编辑", "当前位置", "Share", "Related", "Copyright",
             "Home")


def adapter(cms: str, start: str) -> Adapter:
    return adapter_for(SourceConfig.model_validate({
        "name": f"saved-{cms}", "cms": cms, "start_urls": [start],
        "selectors": GENERIC if cms == "generic" else None}))


def response(name: str, url: str) -> Response:
    kind = XmlResponse if name.endswith(".xml") else HtmlResponse
    return kind(url=url, body=(PAGES / name).read_bytes(), request=Request(url, meta={"page": 1}))


LISTS = [  # cms, list page, its URL, article links, next list page
    ("hanweb", "hanweb_list.html", "http://www.linchuan.example.gov.cn/col/col2608/index.html",
     ["http://www.linchuan.example.gov.cn/art/2024/5/14/art_2608_91203.html",
      "http://www.linchuan.example.gov.cn/art/2024/5/13/art_2608_91188.html",
      "http://www.linchuan.example.gov.cn/art/2024/5/11/art_2608_91150.html"],
     "http://www.linchuan.example.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=4&endrecord=6&perpage=3"),
    ("trs", "trs_list.html", "http://www.nanjiang.example.gov.cn/xwzx/zwyw/index.html",
     ["http://www.nanjiang.example.gov.cn/xwzx/zwyw/202404/t20240409_881023.html",
      "http://www.nanjiang.example.gov.cn/xwzx/zwyw/202404/t20240408_881011.html"],
     "http://www.nanjiang.example.gov.cn/xwzx/zwyw/index_1.html"),
    ("wordpress", "wordpress_list.html", "https://harbourline.example.net/category/china/",
     ["https://harbourline.example.net/2024/06/03/governor-visits-port-logistics-park/",
      "https://harbourline.example.net/2024/06/01/city-opens-new-library/"],
     "https://harbourline.example.net/category/china/page/2/"),
    ("feed", "feed_list.xml", "https://en.qingshan.example.gov.cn/news/feed.xml",
     ["https://en.qingshan.example.gov.cn/news/2024-07/08/content_5521.html",
      "https://en.qingshan.example.gov.cn/news/2024-07/06/content_5514.html"],
     "https://en.qingshan.example.gov.cn/news/feed.xml?page=2"),
    ("generic", "generic_list.html", "http://www.donghu.example.gov.cn/news/list_1.html",
     ["http://www.donghu.example.gov.cn/news/show.php?id=318",
      "http://www.donghu.example.gov.cn/news/show.php?id=317"],
     "http://www.donghu.example.gov.cn/news/list_2.html"),
]


@pytest.mark.parametrize(("cms", "name", "url", "links", "following"), LISTS, ids=[c[0] for c in LISTS])
def test_list_page_gives_article_links_and_the_next_page(cms: str, name: str, url: str, links: list[str],
                                                        following: str) -> None:
    listing = adapter(cms, url).parse_list(response(name, url))
    assert [item.url for item in listing.items] == links
    assert listing.next is not None and listing.next.url == following
    assert all(isinstance(item.published, date) for item in listing.items)


ARTICLES = [  # cms, family its markers tell, article page, URL, title, date, first and last body lines
    ("hanweb", "hanweb", "hanweb_article.html",
     "http://www.linchuan.example.gov.cn/art/2024/5/14/art_2608_91203.html",
     "市委书记周立群到柳溪镇调研乡村振兴工作", "2024-05-14",
     "5月13日，市委书记周立群到柳溪镇调研乡村振兴工作，先后来到柳溪镇杏林村、临川绿源茶业有限公司，"
     "实地察看茶园建设和村集体经济发展情况。", "市领导吴海燕参加调研。"),
    ("trs", "trs", "trs_article.html", "http://www.nanjiang.example.gov.cn/xwzx/zwyw/202404/t20240409_881023.html",
     "副市长韩雪梅调研春季农业生产", "2024-04-09",
     "4月8日，副市长韩雪梅到白沙县调研春季农业生产，先后来到白沙县丰禾种植专业合作社、南江市种子站，"
     "了解春播备耕和种子供应情况。", "韩雪梅指出，要抓好农资保障和技术服务，确保春播工作有序推进。"),
    ("wordpress", "wordpress", "wordpress_article.html",
     "https://harbourline.example.net/2024/06/03/governor-visits-port-logistics-park/",
     "Governor visits port logistics park in Beilun", "2024-06-03",
     "On June 2, Governor Fang Yiming visited the Beilun Port Logistics Park in Ningbo, where he inspected "
     "the cold-chain warehouses and talked with managers of Haitong Shipping Co., Ltd. about export orders.",
     "Fang urged local officials to keep supply chains stable and to help small exporters find new markets."),
    ("feed", "other", "feed_article.html", "https://en.qingshan.example.gov.cn/news/2024-07/08/content_5521.html",
     "Mayor Lu Jianhua inspects flood-control works", "2024-07-08",
     "On July 7, Mayor Lu Jianhua inspected flood-control works along the Qing River in Shuangqiao District, "
     "checking the Hekou sluice gate and the emergency supplies depot of the district.",
     "Lu asked for round-the-clock duty during the rainy season."),
    ("generic", "other", "generic_article.html", "http://www.donghu.example.gov.cn/news/show.php?id=318",
     "区长冯建军走访辖区重点企业", "2024-08-20",
     "8月19日，区长冯建军走访东湖区重点企业，先后来到东湖精密机械有限公司、华川新材料科技有限公司，"
     "详细了解企业生产经营情况。", "冯建军表示，要持续优化营商环境，帮助企业解决实际困难。"),
]


@pytest.mark.parametrize(("cms", "family", "name", "url", "title", "published", "first", "last"), ARTICLES,
                         ids=[a[0] for a in ARTICLES])
def test_article_page_gives_title_date_and_clean_body(cms: str, family: str, name: str, url: str, title: str,
                                                      published: str, first: str, last: str) -> None:
    page = adapter(cms, url).parse_article(response(name, url))
    assert (page.title, page.published) == (title, published)
    lines = page.text.splitlines()
    assert (lines[0], lines[-1]) == (first, last)
    assert not any(noise in page.text for noise in FURNITURE), page.text
    assert family_of((PAGES / name).read_bytes().decode("gb18030" if cms == "trs" else "utf-8")) == family


@pytest.mark.parametrize("name", [a[2] for a in ARTICLES if a[0] != "generic"])
def test_extract_reads_a_saved_page_as_the_crawl_does(name: str) -> None:
    cms, _, _, url, *_ = next(a for a in ARTICLES if a[2] == name)
    crawled = adapter(cms, url).parse_article(response(name, url))
    assert extract_article((PAGES / name).read_bytes(), url) == crawled
