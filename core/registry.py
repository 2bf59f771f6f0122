"""Checking a name against one of the registries (CMS families in :mod:`core.cms`, article
languages in :mod:`core.languages`) when the config is read."""

from __future__ import annotations

from collections.abc import Mapping


def registered(value: object, registry: Mapping[str, str]) -> str:
    """``value`` when the registry lists it; else ValueError naming what it lists."""
    if isinstance(value, str) and value in registry:
        return value
    raise ValueError(f"expected one of {', '.join(registry)}; got {value!r}")
