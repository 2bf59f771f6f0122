"""What every route of the web app is given: :class:`WebContext` (routes import it from here, and
:mod:`notifier.web.app` imports the routes, so the app and its routes form no import circle)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from core.config import Settings
from core.db.engine import Database
from notifier.web.limits import WebLimits


@dataclass(frozen=True)
class WebContext:
    """What the routes need: the web's database, the link-signing secret, the limits, the topics
    that ``topic:`` in a search expands to."""

    db: Database
    secret: str
    limits: WebLimits
    topics: Mapping[str, Sequence[str]] = field(default_factory=dict)
    settings: Settings = field(default_factory=Settings)
