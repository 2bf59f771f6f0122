"""Signed unsubscribe tokens and the endpoint, over real HTTP on loopback."""

from __future__ import annotations

import base64
import hashlib
import hmac
import urllib.error
import urllib.request

import pytest
from itsdangerous import URLSafeSerializer
from sqlalchemy import select

from core.config import DigestSettings, SubscriberConfig
from core.db.engine import Database
from core.db.models import SubscriberRow
from notifier.subscribers import import_subscribers, list_subscribers
from notifier.tokens import make_link_token, read_link_token
from notifier.unsubscribe import SecretMissing, make_token, read_token, resolve_secret
from notifier.web.server import start_server

SECRET = "unsubscribe-test-secret"


def test_tokens_round_trip_and_resist_tampering():
    token = make_token(SECRET, 7, "ana@example.org")
    assert read_token(SECRET, token).subscriber_id == 7
    assert read_token("other-secret", token) is None
    forged = make_token("guess", 7, "ana@example.org")
    assert read_token(SECRET, forged) is None
    payload, mac = token.split(".")
    other = make_token(SECRET, 8, "bo@example.org").split(".")[0]
    assert read_token(SECRET, f"{other}.{mac}") is None  # someone else's id with ana's signature
    for junk in ("", ".", "abc", "!!!.???", payload, f"{payload}.{mac[:-2]}"):
        assert read_token(SECRET, junk) is None


def test_secret_comes_from_the_named_variable(monkeypatch):
    settings = DigestSettings(secret_env="IW_TEST_SECRET")
    monkeypatch.delenv("IW_TEST_SECRET", raising=False)
    with pytest.raises(SecretMissing, match="IW_TEST_SECRET"):
        resolve_secret(settings)
    assert resolve_secret(settings, "explicit") == "explicit"
    monkeypatch.setenv("IW_TEST_SECRET", "from-env")
    assert resolve_secret(settings) == "from-env"


@pytest.fixture
def served(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'unsub.db'}")
    import_subscribers(db, [SubscriberConfig(email="ana@example.org", watches=["carbon"]),
                            SubscriberConfig(email="bo@example.org", watches=["steel"])])
    server = start_server(db, SECRET, "127.0.0.1", 0)
    yield db, server.url
    server.stop()
    db.close()


def request(url, method="GET", data=None):
    req = urllib.request.Request(url, method=method, data=data)
    try:
        with urllib.request.urlopen(req, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def statuses(db):
    return {row.email: row.status for row in list_subscribers(db)}


def _id(db, email):
    with db.session() as session:
        return session.scalar(select(SubscriberRow.id).where(SubscriberRow.email == email))


def test_get_confirms_and_post_unsubscribes(served):
    db, base = served
    link = f"{base}/unsubscribe?token={make_token(SECRET, _id(db, 'ana@example.org'), 'ana@example.org')}"
    status, page = request(link)
    assert status == 200 and "Unsubscribe ana@example.org?" in page and 'method="post"' in page
    assert statuses(db)["ana@example.org"] == "active"  # a GET (link scanners) changes nothing
    status, page = request(link, "POST", b"List-Unsubscribe=One-Click")
    assert status == 200 and "ana@example.org will receive no more" in page
    assert statuses(db) == {"ana@example.org": "unsubscribed", "bo@example.org": "active"}
    assert request(link, "POST", b"List-Unsubscribe=One-Click")[0] == 200  # repeating is harmless


def test_the_pages_speak_the_digests_language(served):
    """A Chinese reader's digest links with lang=zh: the confirmation, the result and the refusal
    are in Chinese, and the form posts back to the same language."""
    from core.config import DigestSettings, SmtpSettings
    from notifier.unsubscribe import unsubscribe_links

    db, base = served
    token = make_token(SECRET, _id(db, "ana@example.org"), "ana@example.org")
    link = unsubscribe_links(DigestSettings(base_url=base), SmtpSettings(), token, "zh").https
    assert link.endswith("&lang=zh")
    status, page = request(link)
    assert status == 200 and '<html lang="zh">' in page and "退订 ana@example.org？" in page
    assert "lang=zh" in page.split('action="')[1].split('"')[0]
    status, page = request(link, "POST", b"List-Unsubscribe=One-Click")
    assert status == 200 and "已退订" in page and "Unsubscribed" not in page
    status, page = request(f"{base}/unsubscribe?token=x.y&lang=zh")
    assert status == 403 and "此链接无效" in page
    assert unsubscribe_links(DigestSettings(base_url=base), SmtpSettings(), token).https.endswith(token)


def test_forged_and_tampered_tokens_get_403_and_change_nothing(served):
    db, base = served
    bo_id = _id(db, "bo@example.org")
    forged = make_token("not-the-secret", bo_id, "bo@example.org")
    real = make_token(SECRET, bo_id, "bo@example.org")
    tampered = make_token(SECRET, bo_id, "bo@example.org")[:-3] + "AAA"
    swapped = make_token(SECRET, bo_id, "ana@example.org")  # a valid signature on a mismatched pair
    for token in (forged, tampered, swapped, "", "x.y"):
        assert request(f"{base}/unsubscribe?token={token}", "POST", b"List-Unsubscribe=One-Click")[0] == 403
    assert request(f"{base}/unsubscribe?token={forged}")[0] == 403
    assert statuses(db) == {"ana@example.org": "active", "bo@example.org": "active"}
    assert request(f"{base}/elsewhere")[0] == 404
    assert request(f"{base}/healthz") == (200, "ok\n")
    assert request(f"{base}/unsubscribe?token={real}")[0] == 200


def _old_format_token(secret: str, subscriber_id: int, email: str) -> str:
    """An unsubscribe token as digests sent before the one signing scheme carry it:
    base64url("<id>:<email>") . base64url(HMAC-SHA256(secret, b"unsubscribe\\0" + payload)), unpadded."""
    payload = f"{subscriber_id}:{email}".encode()
    mac = hmac.new(secret.encode(), b"unsubscribe\0" + payload, hashlib.sha256).digest()
    return ".".join(base64.urlsafe_b64encode(part).decode().rstrip("=") for part in (payload, mac))


def test_new_links_use_the_one_scheme_and_links_already_sent_still_work(served):
    """New unsubscribe tokens are signed like every other link token (itsdangerous, purpose
    ``unsubscribe``, refused for any other purpose); a token made the old way, in a digest already
    sent, still confirms and unsubscribes, and a tampered one is still refused."""
    db, base = served
    ana, bo = _id(db, "ana@example.org"), _id(db, "bo@example.org")
    token = make_token(SECRET, ana, "ana@example.org")
    assert URLSafeSerializer(SECRET, salt="inspectwatch-unsubscribe").loads(token) == [ana, "ana@example.org"]
    assert read_link_token(SECRET, "manage", token) is None
    assert read_token(SECRET, make_link_token(SECRET, "manage", ana, "ana@example.org")) is None
    old = _old_format_token(SECRET, bo, "bo@example.org")
    assert read_token(SECRET, old) == read_token(SECRET, make_token(SECRET, bo, "bo@example.org"))
    for bad in (_old_format_token("not-the-secret", bo, "bo@example.org"), old[:-3] + "AAA"):
        assert request(f"{base}/unsubscribe?token={bad}", "POST", b"List-Unsubscribe=One-Click")[0] == 403
    status, page = request(f"{base}/unsubscribe?token={old}")
    assert status == 200 and "Unsubscribe bo@example.org?" in page
    assert request(f"{base}/unsubscribe?token={old}", "POST", b"List-Unsubscribe=One-Click")[0] == 200
    assert statuses(db) == {"ana@example.org": "active", "bo@example.org": "unsubscribed"}
