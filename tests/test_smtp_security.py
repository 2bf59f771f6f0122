"""SMTP with STARTTLS, with implicit TLS, and with a login, against a real aiosmtpd on loopback.

The server's certificate is issued by a throwaway CA made here; the client trusts it through
SSL_CERT_FILE (what OpenSSL's default verify paths read), so the certificate and host name are
checked exactly as in production. A wrong password or an untrusted certificate leaves the
digest pending.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from samples import SAMPLE_TOPICS, sample_config, seeded_database
from sqlalchemy import select

from core.config import SubscriberConfig
from core.db.engine import utcnow
from core.db.models import Delivery
from core.mail import MailConfigError
from jobs.demo.smtp import EphemeralController, RecordingHandler
from notifier.delivery import send_due_digests
from notifier.match_queue import queue_new_matches
from notifier.subscribers import import_subscribers

SECRET = "test-secret"
NOW = dt.datetime(2023, 3, 30, 1, 0)
PASSWORD = "correct horse battery staple"


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _certificate(subject: str, key: Any, issuer: str, issuer_key: Any, *, ca: bool) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    builder = (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(_name(issuer))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=1))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if not ca:
        names = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ssl.SSLContext]:
    """(CA certificate file, server TLS context with a certificate for 127.0.0.1 it issued)."""
    folder = tmp_path_factory.mktemp("pki")
    ca_key, server_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = _certificate("inspectwatch test CA", ca_key, "inspectwatch test CA", ca_key, ca=True)
    server = _certificate("127.0.0.1", server_key, "inspectwatch test CA", ca_key, ca=False)
    (folder / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (folder / "server.pem").write_bytes(server.public_bytes(serialization.Encoding.PEM))
    (folder / "server.key").write_bytes(server_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(folder / "server.pem", folder / "server.key")
    return folder / "ca.pem", context


class Logins:
    """aiosmtpd authenticator: one user, and a record of every attempt."""

    def __init__(self) -> None:
        self.attempts: list[tuple[str, bool]] = []

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = (isinstance(data, LoginPassword) and data.login == b"digest"
              and data.password == PASSWORD.encode())
        self.attempts.append((mechanism, ok))
        return AuthResult(success=ok, handled=False)


@contextmanager
def server(**options: Any) -> Iterator[tuple[int, RecordingHandler]]:
    handler = RecordingHandler()
    controller = EphemeralController(handler, hostname="127.0.0.1", port=0, **options)
    controller.start()
    try:
        yield controller.port, handler
    finally:
        controller.stop()


@pytest.fixture
def db(tmp_path):
    database = seeded_database(f"sqlite:///{tmp_path / 'tls.db'}")
    import_subscribers(database, [SubscriberConfig(email="ana@example.org", watches=["topic:carbon"],
                                                   frequency="immediate")], now=utcnow())
    queue_new_matches(database, SAMPLE_TOPICS, NOW)
    yield database
    database.close()


def send(db, tmp_path, port: int, security: str, *, username: str | None = "digest", **smtp_options: Any):
    config = sample_config(tmp_path, smtp_port=port)
    smtp = config.settings.smtp.model_copy(update={
        "security": security, "username": username,
        "password_env": "INSPECTWATCH_TEST_SMTP_PASSWORD" if username else None, **smtp_options})
    config = replace(config, settings=config.settings.model_copy(update={"smtp": smtp}))
    return send_due_digests(db, config, NOW, secret=SECRET)


def states(db) -> set[str]:
    with db.session() as session:
        return set(session.scalars(select(Delivery.state)))


def test_starttls_and_login(db, tmp_path, pki, monkeypatch):
    ca, context = pki
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    monkeypatch.setenv("INSPECTWATCH_TEST_SMTP_PASSWORD", PASSWORD)
    logins = Logins()
    with server(tls_context=context, require_starttls=True, authenticator=logins,
                auth_require_tls=True) as (port, handler):
        report = send(db, tmp_path, port, "starttls")
    assert (report.digests_sent, report.errors) == (1, [])
    assert [m.rcpt_tos for m in handler.messages] == [["ana@example.org"]]
    assert logins.attempts and all(ok for _mechanism, ok in logins.attempts)
    assert states(db) == {"sent"}


def test_implicit_tls_and_login(db, tmp_path, pki, monkeypatch):
    ca, context = pki
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    monkeypatch.setenv("INSPECTWATCH_TEST_SMTP_PASSWORD", PASSWORD)
    logins = Logins()
    # aiosmtpd does not count implicit TLS as TLS for AUTH: the whole connection is TLS here
    with server(ssl_context=context, authenticator=logins, auth_require_tls=False) as (port, handler):
        report = send(db, tmp_path, port, "ssl")
    assert (report.digests_sent, report.errors) == (1, [])
    assert len(handler.messages) == 1 and logins.attempts == [("PLAIN", True)]
    assert states(db) == {"sent"}


def test_a_wrong_password_leaves_the_digest_pending(db, tmp_path, pki, monkeypatch):
    ca, context = pki
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    monkeypatch.setenv("INSPECTWATCH_TEST_SMTP_PASSWORD", "wrong")
    with server(tls_context=context, require_starttls=True, authenticator=Logins(),
                auth_require_tls=True) as (port, handler):
        report = send(db, tmp_path, port, "starttls")
    assert report.digests_sent == 0 and handler.messages == []
    assert "MailUnavailable" in report.errors[0] and "535" in report.errors[0]
    assert states(db) == {"pending"}


def test_an_untrusted_certificate_is_refused_and_the_digest_stays_pending(db, tmp_path, pki, monkeypatch):
    _ca, context = pki  # the client is not told about this CA
    monkeypatch.setenv("INSPECTWATCH_TEST_SMTP_PASSWORD", PASSWORD)
    with server(ssl_context=context, authenticator=Logins(), auth_require_tls=False) as (port, handler):
        report = send(db, tmp_path, port, "ssl")
    assert report.digests_sent == 0 and handler.messages == []
    assert "CERTIFICATE_VERIFY_FAILED" in report.errors[0]
    assert states(db) == {"pending"}


def test_a_login_without_tls_is_refused_before_the_password_is_sent(db, tmp_path, monkeypatch):
    """Settings made in code skip the config's check; the mailer refuses them too."""
    monkeypatch.setenv("INSPECTWATCH_TEST_SMTP_PASSWORD", PASSWORD)
    logins = Logins()
    with (server(authenticator=logins, auth_require_tls=False) as (port, handler),
          pytest.raises(MailConfigError, match="allow_plaintext_auth = true")):
        send(db, tmp_path, port, "none")  # settings that cannot work stop the run: nobody is backed off
    assert logins.attempts == [] and handler.messages == []
    assert states(db) == {"pending"}


def test_a_plaintext_login_to_a_loopback_relay_when_spelt_out(db, tmp_path, monkeypatch):
    monkeypatch.setenv("INSPECTWATCH_TEST_SMTP_PASSWORD", PASSWORD)
    logins = Logins()
    with server(authenticator=logins, auth_require_tls=False) as (port, handler):
        report = send(db, tmp_path, port, "none", allow_plaintext_auth=True)
    assert (report.digests_sent, report.errors) == (1, [])
    assert logins.attempts == [("PLAIN", True)] and len(handler.messages) == 1
