"""Reading one config file: its TOML, validated by a model, each problem worded for a person.

A problem names the file, the key path (a source by its name, ``sources['jinan-en'].cms``),
what was expected and what was found; :mod:`core.config` gathers them into one ConfigError.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

_HIDDEN_KEYS = ("by_language",)  # Topic's field: in the TOML its languages are the topic's own keys

M = TypeVar("M", bound=BaseModel)


def _label(part: int, node: Any) -> tuple[str, Any]:
    """A list item's label in a key path: a source by its name (``['jinan-en']``), else its index."""
    item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
    name = item.get("name") if isinstance(item, dict) and "start_urls" in item else None
    return (f"[{name!r}]" if isinstance(name, str) and name else f"[{part}]"), item


def _key_path(loc: tuple[int | str, ...], data: Any = None) -> str:
    path, node = "", data
    for part in loc:
        if isinstance(part, int):
            label, node = _label(part, node)
            path += label
            continue
        node = node.get(part) if isinstance(node, dict) else None
        path = f"{path}.{part}" if path else part
    return path or "(top level)"


def _describe(error: Any) -> str:
    kind, found = error["type"], error.get("input")
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        return "unknown key (not one of the documented keys)"
    if kind == "literal_error":
        expected = error["ctx"]["expected"].replace("'", "")
        expected = expected.replace(" or ", ", ")
        return f"expected one of {expected}; got {found!r}"
    message = str(error["msg"]).removeprefix("Value error, ")
    if message.startswith("expected"):
        return message
    return f"expected {message[:1].lower()}{message[1:]}; got {found!r}"


def _loc(error: Any) -> tuple[int | str, ...]:
    """Where an error is: a model-wide check names its key in ``ctx["key"]``."""
    key = (error.get("ctx") or {}).get("key")
    loc = tuple(part for part in error["loc"] if part not in _HIDDEN_KEYS)
    return (*loc, key) if key else loc


def _validate(path: Path, model: type[M], data: dict[str, Any]) -> tuple[M | None, list[str]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [f"{path}: {_key_path(_loc(e), data)}: {_describe(e)}" for e in exc.errors()]


def _read_toml(path: Path) -> tuple[dict[str, Any], list[str]]:
    if not path.exists():
        return {}, []
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")), []
    except tomllib.TOMLDecodeError as exc:
        return {}, [f"{path}: not valid TOML: {exc}"]
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [f"{path}: cannot be read: {exc}"]


def load_file(path: Path, model: type[M], problems: list[str]) -> M:
    """``model`` read from the TOML file at ``path`` (empty when the file is missing); each problem
    is added to ``problems`` and the model's defaults are returned instead."""
    data, errors = _read_toml(path)
    problems.extend(errors)
    parsed, errors = _validate(path, model, data)
    problems.extend(errors)
    return parsed if parsed is not None else model()
