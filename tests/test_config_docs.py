"""Config that documents itself: config/inspectwatch.toml shows every key with its true default,
README's configuration table lists every key, and config errors name a source by its name."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from core.config import ConfigError, Settings, load_config

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^(?P<commented>#\s*)?(?P<key>[a-z_]+)\s*=\s*(?P<value>.*?)\s*(?:#\s*(?P<note>.*))?$")
SECTION = re.compile(r"^\[(?P<name>[a-z]+)\]")


def documented_keys() -> dict[str, tuple[Any, str | None]]:
    """``section.key`` -> (the value written, the note after ``default:``) from config/inspectwatch.toml."""
    found: dict[str, tuple[Any, str | None]] = {}
    section = ""
    for line in (ROOT / "config" / "inspectwatch.toml").read_text(encoding="utf-8").splitlines():
        if (header := SECTION.match(line)) is not None:
            section = header["name"] + "."
            continue
        match = LINE.match(line)
        if match is None:
            continue
        value = tomllib.loads(f"v = {match['value']}")["v"]
        note = (match["note"] or "").partition("default:")[2].strip() or None
        found[section + match["key"]] = (value, note)
    return found


def defaults(model: type[BaseModel] = Settings, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel):
            out.update(defaults(info.annotation, f"{name}."))
        else:
            out[prefix + name] = info.default
    return out


def same(default: Any, written: str) -> bool:
    text = re.split(r"[,;]", written)[0].strip()
    if default is None:
        return text.startswith(("none", "the sender"))
    if isinstance(default, bool):
        return text == str(default).lower()
    return text == str(default)


def test_every_key_is_shown_with_its_true_default() -> None:
    shown, truth = documented_keys(), defaults()
    assert sorted(truth) == sorted(shown), "keys missing from (or unknown to) config/inspectwatch.toml"
    for key, (value, note) in shown.items():
        if note is not None:
            assert same(truth[key], note), f"{key}: the file says default {note!r}, it is {truth[key]!r}"
        else:
            assert value == truth[key], f"{key}: {value!r} written without a note; default {truth[key]!r}"


def test_readme_lists_every_key_with_its_default() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for key, default in defaults().items():
        row = next((line for line in readme.splitlines() if line.startswith(f"  | `{key}` |")), None)
        assert row is not None, f"README's configuration table has no row for {key}"
        cell = row.split("|")[2].strip().strip("`")
        assert same(default, cell) or cell == str(default).rstrip("0").rstrip("."), (key, cell, default)


def test_an_error_names_the_source(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text(
        '[[sources]]\nname = "jinan-en"\ncms = "hanwb"\nstart_urls = ["https://a.example/"]\n',
        encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.problems == [
        f"{tmp_path}/sources.toml: sources['jinan-en'].cms: expected one of hanweb, trs, wordpress, feed, "
        "generic; got 'hanwb'"]
