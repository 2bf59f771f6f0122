"""The mails the web pages send: the sign-up confirmation, and the manage link for a known address.

Both are plain text with one link, sent through the project's SMTP client
(:mod:`core.mail`) after the page has been answered, so the answer takes the
same time whether or not a mail goes out. A failure is logged; the reader
can submit the form again.
"""

from __future__ import annotations

import logging
from email.message import EmailMessage
from email.utils import make_msgid

from core.config import Settings
from core.mail import Mailer, MailError, to_wire
from notifier.signups import Signup
from notifier.tokens import CONFIRM_MAX_AGE, make_link_token

log = logging.getLogger(__name__)


def link(settings: Settings, path: str) -> str:
    return settings.digest.base_url.rstrip("/") + path


def build_link_mail(settings: Settings, secret: str, signup: Signup) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.smtp.sender
    message["To"] = signup.email
    message["Message-ID"] = make_msgid(domain="inspectwatch")
    if signup.mail == "confirm":
        token = make_link_token(secret, "confirm", signup.subscriber_id, signup.email)
        message["Subject"] = "Confirm your inspectwatch subscription"
        message.set_content(
            f"Someone, probably you, asked for inspectwatch digests at {signup.email}.\n\n"
            f"To confirm, open this link and press Confirm:\n\n  {link(settings, '/confirm/' + token)}\n\n"
            f"The link works for {CONFIRM_MAX_AGE.days} days. If you did not ask, ignore this mail: "
            "nothing more will be sent.\n")
    else:
        token = make_link_token(secret, "manage", signup.subscriber_id, signup.email)
        message["Subject"] = "Your inspectwatch subscription"
        message.set_content(
            f"Someone, probably you, asked to subscribe {signup.email}, which is already subscribed.\n\n"
            f"To change your watches or schedule, use:\n\n  {link(settings, '/manage/' + token)}\n")
    return message


def send_link_mail(settings: Settings, secret: str, signup: Signup) -> None:
    """Send the mail ``signup`` asks for; log, never raise, when it cannot go out."""
    try:
        with Mailer(settings.smtp) as mailer:
            mailer.send(to_wire(build_link_mail(settings, secret, signup)))
    except (MailError, ValueError) as exc:
        log.error("%s mail to subscriber %d not sent: %s", signup.mail, signup.subscriber_id, exc)
        return
    log.info("%s mail sent to subscriber %d", signup.mail, signup.subscriber_id)
