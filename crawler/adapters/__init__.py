"""Site adapters, one per CMS family, chosen by ``cms`` in sources.toml."""

from __future__ import annotations

from core.config import SourceConfig

from .base import ARTICLE, LIST, MORE, Adapter, ArticleParts, Listing, ListItem, ParseFailure
from .feed import FeedAdapter
from .generic import GenericAdapter
from .hanweb import HanwebAdapter
from .trs import TrsAdapter
from .wordpress import WordpressAdapter

ADAPTERS: dict[str, type[Adapter]] = {
    "hanweb": HanwebAdapter,
    "trs": TrsAdapter,
    "wordpress": WordpressAdapter,
    "feed": FeedAdapter,
    "generic": GenericAdapter,
}


def adapter_for(source: SourceConfig) -> Adapter:
    return ADAPTERS[source.cms](source)


__all__ = ["ADAPTERS", "ARTICLE", "LIST", "MORE", "Adapter", "ArticleParts", "ListItem", "Listing",
           "ParseFailure", "adapter_for"]
