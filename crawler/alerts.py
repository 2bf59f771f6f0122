"""The admin's alert when a source breaks: once per breakage, by plain SMTP.

Built with :mod:`email.message` and sent by :class:`core.mail.Mailer` (the
digests' SMTP client) using ``[smtp]`` of inspectwatch.toml (the password
comes from the environment variable ``smtp.password_env`` and is never logged). Without ``admin`` or
``smtp.host`` the alert is only logged.
"""

from __future__ import annotations

import logging
from email.message import EmailMessage
from email.utils import make_msgid

from core.config import Settings
from core.db.engine import Database
from core.mail import Mailer, MailError, to_wire
from crawler.source_health import mark_alerted

logger = logging.getLogger(__name__)


def build_alert(settings: Settings, source: str, reason: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.smtp.sender
    message["To"] = settings.admin or ""
    message["Subject"] = f"[inspectwatch] source {source} is broken"
    message["Message-ID"] = make_msgid(domain="inspectwatch")
    message.set_content(
        f"The news source {source!r} looks broken.\n\n{reason}\n\n"
        "Check its list page in a browser and, if the layout changed, update its adapter or its\n"
        f"selectors in sources.toml. `inspectwatch status` shows its recent runs.\n"
        f"`inspectwatch crawl --source {source}` tries it again.\n")
    return message


def alert_broken(db: Database, settings: Settings, source: str, reason: str) -> bool:
    """Mail the admin about a newly broken source; True once the server accepted it."""
    logger.warning("source %s: %s", source, reason)
    if not settings.admin or not settings.smtp.host:
        logger.warning("no alert sent for %s: set `admin` and [smtp] host in inspectwatch.toml", source)
        return False
    try:
        with Mailer(settings.smtp) as mailer:
            mailer.send(to_wire(build_alert(settings, source, reason)))
    except MailError as exc:
        logger.error("alert for %s not sent (%s: %s); will retry after the next crawl",
                     source, type(exc).__name__, exc)
        return False
    mark_alerted(db, source)
    return True
