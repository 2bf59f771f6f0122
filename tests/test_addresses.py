"""The plain-address fast path in core/addresses.py agrees with email-validator."""

from __future__ import annotations

import random
import subprocess
import sys

import email_validator
import pytest

from core.addresses import _SPECIAL_USE, AddressError, Mailbox, _plain, check_address, check_mailbox

PLAIN = ["ana@example.org", "Li.Wei+digest@Mail.Example.CN", "x_y-z@a1.b-2.co", "o'neil@example.travel",
         "a@b.cd", "user#1@sub.domain.example.net", "{tag}~@example.org"]
ODD = ["a@b", "a..b@example.org", ".a@example.org", "a.@example.org", "a@x--y.org", "a@xn--nxasmq6b.com",
       "a@-x.org", "a@x-.org", "a@x.o", "a@example.org.", "a@1.23", "a@example.123", "a@localhost",
       "a@mail.local", "a@foo.test", "a@printer.invalid", "a@x.onion", "a@1.in-addr.arpa",
       "\"a b\"@example.org", "a@[192.0.2.1]", "ana@exämple.org", "anä@example.org", "a b@example.org",
       "a@b@example.org", "a,b@example.org", "a:victim@example.com", "Ana <ana@example.org>",
       "x" * 65 + "@example.org", "a@" + "b" * 64 + ".org", "a@" + ".".join(["abcdefghi"] * 26) + ".org"]


def _library(text: str, display_name: bool = False) -> Mailbox | None:
    try:
        found = email_validator.validate_email(text, check_deliverability=False,
                                               allow_display_name=display_name)
    except email_validator.EmailNotValidError:
        return None
    return Mailbox(found.display_name or "", found.local_part, found.domain)


def test_special_use_domains_are_the_libraries() -> None:
    assert sorted(_SPECIAL_USE) == sorted(email_validator.SPECIAL_USE_DOMAIN_NAMES)


@pytest.mark.parametrize("text", PLAIN)
def test_plain_addresses_take_the_fast_path_with_the_libraries_result(text: str) -> None:
    assert _plain(text) is not None
    assert _plain(text) == _library(text)


NAMED = ["inspectwatch <alerts@example.org>", "City Desk<desk@example.cn>", "a-b_c <x@y.org>"]
ODD_NAMED = ["<alerts@example.org>", "Mr. X <x@example.org>", "\"Q\" <x@example.org>", "a  b <x@example.org>",
             "A <x@example.local>", "A <x@example.org> ", "A <x@example.org>>", "A <<x@example.org>"]


@pytest.mark.parametrize("text", NAMED)
def test_plain_names_take_the_fast_path_with_the_libraries_result(text: str) -> None:
    assert _plain(text, display_name=True) is not None
    assert _plain(text, display_name=True) == _library(text, display_name=True)
    assert _plain(text) is None


@pytest.mark.parametrize("text", ODD_NAMED)
def test_other_names_go_to_the_library(text: str) -> None:
    assert _plain(text, display_name=True) is None


@pytest.mark.parametrize("text", ODD)
def test_anything_else_goes_to_the_library(text: str) -> None:
    assert _plain(text) is None
    verdict = _library(text)
    if verdict is None:
        with pytest.raises(AddressError):
            check_address(text)
    else:
        assert check_address(text) == verdict.address.lower()


def test_random_strings_never_pass_the_fast_path_unless_the_library_agrees() -> None:
    rng = random.Random(20261201)
    pieces = ["a", "Z", "0", "9", ".", "-", "_", "+", "..", "--", "org", "local", "test", "é", " ", "<", "'",
              "xn--", "co", ".arpa", "a" * 60, "@", ">", "  ", '"']

    def part(most: int) -> str:
        return "".join(rng.choice(pieces) for _ in range(rng.randint(1, most)))

    taken = 0
    for _ in range(30000):
        text = part(4) + "@" + part(5) + rng.choice([".org", ".cn", ".local", ".1", ".", ""])
        named = rng.random() < 0.5
        if named:
            text = part(3) + rng.choice(["", " ", "  "]) + "<" + text + rng.choice([">", "", "> "])
        fast = _plain(text, display_name=named)
        if fast is not None:
            taken += 1
            assert fast == _library(text, display_name=named), text
    assert taken > 100  # the generator does reach the fast path


def test_plain_addresses_do_not_import_email_validator() -> None:
    code = ("import sys; from core.addresses import check_address, check_mailbox; "
            "check_address('Ana@Example.ORG'); check_mailbox('alerts@example.org'); "
            "print('email_validator' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_checks_give_what_they_gave_before() -> None:
    sender = Mailbox("inspectwatch", "alerts", "example.org")
    assert check_mailbox("inspectwatch <alerts@example.org>") == sender
    assert check_mailbox('"inspectwatch" <alerts@example.org>') == sender
    assert check_address(" Ana@Example.ORG ") == "ana@example.org"
    with pytest.raises(AddressError, match="special-use"):
        check_address("ana@mail.local")
