"""Configuration: the four TOML files of a config directory, validated.

Every model forbids unknown keys, so a typo is an error rather than a
silently ignored setting. :func:`load_config` gathers every problem of every
file and raises one :class:`ConfigError` whose lines name the file, the key
path, what was expected and what was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from core.addresses import check_address, check_mailbox
from core.cms import CMS_ADAPTERS
from core.config_files import load_file
from core.crawl_schedule import parse_schedule
from core.languages import EXTRACTION_PACKAGES
from core.registry import registered
from core.urls import is_web_url

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")  # BCP 47 style: en, zh, zh-Hant


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"expected an IANA time zone such as Asia/Shanghai; got {value!r}") from None
    return value


class SmtpSettings(Strict):
    host: str | None = None
    port: int = Field(default=25, ge=1, le=65535)
    security: Literal["none", "starttls", "ssl"] = "none"
    username: str | None = None
    password_env: str | None = None
    allow_plaintext_auth: bool = False  # log in over an unencrypted connection (a loopback relay)
    sender: str = "inspectwatch <inspectwatch@localhost>"
    timeout: float = Field(default=30.0, gt=0)

    @field_validator("sender")
    @classmethod
    def _sender(cls, value: str) -> str:
        check_mailbox(value)
        return value

    def plaintext_login_problem(self) -> str | None:
        """Why logging in with these settings would send the password in clear, or None when it would not.

        A login needs TLS (``starttls`` or ``ssl``), unless ``security = "none"`` is written out
        together with ``allow_plaintext_auth = true``.
        """
        if not self.username or self.security != "none":
            return None
        if "security" in self.model_fields_set and self.allow_plaintext_auth:
            return None
        return ('expected security = "starttls" or "ssl" when username is set (the password would '
                'cross the network in clear); for a relay on loopback write security = "none" and '
                "allow_plaintext_auth = true")

    @model_validator(mode="after")
    def _no_plaintext_login(self) -> SmtpSettings:
        problem = self.plaintext_login_problem()
        if problem:
            raise PydanticCustomError("plaintext_login", problem, {"key": "security"})
        return self


class CrawlSettings(Strict):
    user_agent: str = "inspectwatch/0.1 (+https://github.com/inspectwatch/inspectwatch)"
    obey_robots: bool = True
    allow_private_networks: bool = False
    max_pages_per_source: int = Field(default=50, ge=1)
    max_links_per_page: int = Field(default=100, ge=1)  # article links followed from one list page
    delay: float = Field(default=1.0, ge=0)  # seconds between requests to a site at first
    max_response_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    download_timeout: float = Field(default=30.0, gt=0)
    crawl_timeout: float = Field(default=1800.0, gt=0)  # per source; its process is killed a bit later
    max_parallel_sources: int = Field(default=16, ge=1)  # sources crawled together in one crawl process
    broken_after_runs: int = Field(default=3, ge=1)
    # Where crawls run: "local" (crawl processes on this machine) or "scrapyd" (jobs on Scrapyd nodes).
    backend: Literal["local", "scrapyd"] = "local"
    scrapyd_urls: list[str] = []  # each node's address, such as http://10.0.0.5:6800
    scrapyd_slots: int = Field(default=4, ge=1)  # jobs one node runs at once (its max_proc)
    scrapyd_database: str | None = None  # the database URL as the nodes reach it; None: `database`
    scrapyd_username: str | None = None  # for nodes behind Scrapyd's HTTP basic auth
    scrapyd_password_env: str | None = None  # the environment variable holding its password

    @field_validator("scrapyd_urls")
    @classmethod
    def _nodes(cls, value: list[str]) -> list[str]:
        for url in value:
            if url != url.strip() or not is_web_url(url):
                raise ValueError(f"expected http:// or https:// URLs of Scrapyd nodes; got {url!r}")
        if len(set(value)) != len(value):
            raise ValueError(f"expected each Scrapyd node once; got {value!r}")
        return value

    @model_validator(mode="after")
    def _backend_has_nodes(self) -> CrawlSettings:
        if self.backend == "scrapyd" and not self.scrapyd_urls:
            raise PydanticCustomError("no_nodes", 'expected at least one Scrapyd node URL when backend = '
                                      '"scrapyd", such as ["http://127.0.0.1:6800"]', {"key": "scrapyd_urls"})
        return self


class DigestSettings(Strict):
    base_url: str = "http://localhost:8080"
    secret_env: str = "INSPECTWATCH_SECRET"
    first_digest_days: int = Field(default=7, ge=1)  # only visits dated within this many days are new
    max_visits: int = Field(default=25, ge=1)  # per digest; the rest are counted, "and N more"
    unsubscribe_mailto: str | None = None

    @field_validator("unsubscribe_mailto")
    @classmethod
    def _mailto(cls, value: str | None) -> str | None:
        if value is not None:
            check_address(value.removeprefix("mailto:"))
        return value


class Settings(Strict):
    database: str = "sqlite:///inspectwatch.db"
    admin: str | None = None
    smtp: SmtpSettings = SmtpSettings()
    crawl: CrawlSettings = CrawlSettings()
    digest: DigestSettings = DigestSettings()

    @field_validator("admin")
    @classmethod
    def _admin(cls, value: str | None) -> str | None:
        return None if value is None else check_address(value)


class Selectors(Strict):
    article_links: str | None = None
    next_page: str | None = None
    title: str | None = None
    date: str | None = None
    body: str | None = None


class SourceConfig(Strict):
    name: str
    cms: str  # a family of the registry, core.cms
    start_urls: list[str] = Field(min_length=1)
    language: str = "zh"  # a code of the registry, core.languages
    schedule: str = "1h"
    timezone: str = "Asia/Shanghai"
    enabled: bool = True
    selectors: Selectors | None = None

    @field_validator("cms", mode="before")
    @classmethod
    def _cms(cls, value: object) -> str:
        return registered(value, CMS_ADAPTERS)

    @field_validator("language", mode="before")
    @classmethod
    def _language(cls, value: object) -> str:
        return registered(value, EXTRACTION_PACKAGES)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError(f"expected letters, digits, '-', '_' or '.'; got {value!r}")
        return value

    @field_validator("start_urls")
    @classmethod
    def _urls(cls, value: list[str]) -> list[str]:
        for url in value:
            if url != url.strip() or not is_web_url(url):
                raise ValueError(f"expected http:// or https:// URLs; got {url!r}")
        return value

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value: str) -> str:
        parse_schedule(value)
        return value

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value: str) -> str:
        return _check_timezone(value)


class SourcesFile(Strict):
    sources: list[SourceConfig] = []

    @model_validator(mode="after")
    def _unique(self) -> SourcesFile:
        names = [s.name for s in self.sources]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"expected unique source names; got {', '.join(dupes)} twice")
        return self


class Topic(Strict):
    """A topic's keywords keyed by language code: in topics.toml the topic's own keys,
    ``en = [...]``, ``zh = [...]``, or any other code (``fr``, ``zh-Hant``)."""

    by_language: dict[str, list[str]] = {}

    @model_validator(mode="before")
    @classmethod
    def _languages(cls, data: Any) -> Any:
        if not isinstance(data, dict) or set(data) == {"by_language"}:
            return data
        for code in data:
            if not isinstance(code, str) or not _LANGUAGE_CODE.match(code):
                raise ValueError(f"expected language codes such as en or zh as keys; got {code!r}")
        return {"by_language": data}

    @property
    def keywords(self) -> list[str]:
        """Every keyword, in every language (a ``topic:`` watch matches any of them)."""
        return [word for words in self.by_language.values() for word in words]

    def words(self, language: str) -> list[str]:
        """The keywords in one language (none when the topic has none in it)."""
        return list(self.by_language.get(language, []))


class TopicsFile(Strict):
    topics: dict[str, Topic] = {}


class SubscriberConfig(Strict):
    email: str
    frequency: Literal["immediate", "daily", "weekly"] = "daily"
    timezone: str = "Asia/Shanghai"
    send_at: str = "08:00"
    weekday: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] = "mon"
    watches: list[str] = Field(min_length=1)
    language: Literal["en", "zh"] | None = None  # of the digests; None: the first watch's script

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        return check_address(value)

    @field_validator("send_at")
    @classmethod
    def _send_at(cls, value: str) -> str:
        if not _HHMM.match(value):
            raise ValueError(f"expected a time HH:MM such as 08:00; got {value!r}")
        return value

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value: str) -> str:
        return _check_timezone(value)


class SubscribersFile(Strict):
    subscribers: list[SubscriberConfig] = []


class ConfigError(Exception):
    """One or more configuration problems, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Config:
    directory: Path
    settings: Settings
    sources: list[SourceConfig]
    topics: dict[str, Topic]
    subscribers: list[SubscriberConfig]

    def source(self, name: str) -> SourceConfig:
        for source in self.sources:
            if source.name == name:
                return source
        known = ", ".join(s.name for s in self.sources) or "none"
        raise ConfigError([f"{self.directory / 'sources.toml'}: no source named {name!r} (known: {known})"])

    def topic_keywords(self) -> dict[str, list[str]]:
        return {name: topic.keywords for name, topic in self.topics.items()}


def load_config(directory: str | Path) -> Config:
    """Read and validate a config directory; raise ConfigError listing every problem."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ConfigError([f"{directory}: config directory does not exist"])
    problems: list[str] = []
    settings = load_file(directory / "inspectwatch.toml", Settings, problems)
    sources = load_file(directory / "sources.toml", SourcesFile, problems)
    topics = load_file(directory / "topics.toml", TopicsFile, problems)
    subscribers = load_file(directory / "subscribers.toml", SubscribersFile, problems)
    if problems:
        raise ConfigError(problems)
    return Config(directory, settings, sources.sources, topics.topics, subscribers.subscribers)


def load_subscribers_file(path: str | Path) -> list[SubscriberConfig]:
    """Read a subscribers.toml-shaped file (for `subscribers import`)."""
    problems: list[str] = []
    parsed = load_file(Path(path), SubscribersFile, problems)
    if not Path(path).exists():
        problems.append(f"{path}: file does not exist")
    if problems:
        raise ConfigError(problems)
    return parsed.subscribers
