"""Site adapters, one per CMS family, chosen by ``cms`` in sources.toml from the registry
:data:`core.cms.CMS_ADAPTERS`."""

from __future__ import annotations

import importlib
from functools import cache

from core.cms import CMS_ADAPTERS
from core.config import SourceConfig

from .base import ARTICLE, LIST, MORE, Adapter, ArticleParts, Listing, ListItem, ParseFailure


@cache
def adapter_class(cms: str) -> type[Adapter]:
    """The adapter class the registry names for ``cms`` (KeyError for a family it does not list)."""
    module, _, name = CMS_ADAPTERS[cms].partition(":")
    found = getattr(importlib.import_module(module), name, None)
    if not (isinstance(found, type) and issubclass(found, Adapter)):
        raise TypeError(f"core.cms.CMS_ADAPTERS[{cms!r}]: {CMS_ADAPTERS[cms]!r} is not an Adapter class")
    return found


def adapter_for(source: SourceConfig) -> Adapter:
    return adapter_class(source.cms)(source)


__all__ = ["ARTICLE", "LIST", "MORE", "Adapter", "ArticleParts", "ListItem", "Listing",
           "ParseFailure", "adapter_class", "adapter_for"]
