"""The project egg deployed to Scrapyd nodes: the installed code and this scheduler's config, one zip.

Scrapyd runs a job from an egg: a zip holding the project's packages and
``EGG-INFO/entry_points.txt``, whose ``[scrapy] settings`` entry names the settings
module. :func:`build_egg` writes one from the packages as installed here (``core``
and ``crawler``: the spider, its pipelines and the store; never the notifier) and a
generated settings module, :data:`SETTINGS_MODULE`, that carries the crawl's config
files (``inspectwatch.toml``, ``sources.toml``, ``topics.toml``; subscribers stay
here) and hands them to :func:`crawler.node_settings.node_settings`. It also puts
the egg first on the node's ``sys.path``, so a job runs the code that was deployed.

The version is a hash of the content: the same code and config give the same
version, so a node that has it is not sent it again.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import zipfile
from pathlib import Path

PACKAGES = ("core", "crawler")
CONFIG_FILES = ("inspectwatch.toml", "sources.toml", "topics.toml")
SETTINGS_MODULE = "inspectwatch_node"
SKIP_SUFFIXES = (".pyc", ".pyo")
_STAMP = (1980, 1, 1, 0, 0, 0)  # fixed, so that the same files give the same bytes

NODE_MODULE = '''"""Settings of the inspectwatch egg on a Scrapyd node (written by crawler.egg): the crawl's
config files, and this egg's code first on sys.path."""

import os
import sys

_EGG = os.path.dirname(__file__)
if _EGG in sys.path:
    sys.path.remove(_EGG)
sys.path.insert(0, _EGG)

CONFIG = {config!r}

from crawler.node_settings import node_settings  # noqa: E402

globals().update(node_settings(CONFIG, origin=_EGG))
'''


def package_files(name: str) -> list[tuple[str, bytes]]:
    """(path in the egg, content) of every file of an installed package, caches left out."""
    module = importlib.import_module(name)
    root = Path(str(module.__file__)).parent
    files = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in SKIP_SUFFIXES:
            files.append(((Path(name) / path.relative_to(root)).as_posix(), path.read_bytes()))
    return files


def config_texts(directory: Path) -> dict[str, str]:
    """The config files the crawl reads, from ``directory`` (those that exist)."""
    return {name: (directory / name).read_text(encoding="utf-8")
            for name in CONFIG_FILES if (directory / name).is_file()}


def egg_version(files: list[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256()
    for path, data in files:
        digest.update(path.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:16]


def _metadata(version: str) -> list[tuple[str, bytes]]:
    info = f"Metadata-Version: 1.1\nName: inspectwatch\nVersion: {version}\n"
    return [("EGG-INFO/PKG-INFO", info.encode()),
            ("EGG-INFO/entry_points.txt", f"[scrapy]\nsettings = {SETTINGS_MODULE}\n".encode()),
            ("EGG-INFO/top_level.txt", "\n".join([*PACKAGES, SETTINGS_MODULE]).encode() + b"\n")]


def build_egg(config_dir: Path) -> tuple[str, bytes]:
    """(version, egg bytes) for the installed code and the config in ``config_dir``."""
    files = [file for name in PACKAGES for file in package_files(name)]
    node = NODE_MODULE.format(config=config_texts(Path(config_dir)))
    files.append((f"{SETTINGS_MODULE}.py", node.encode("utf-8")))
    version = egg_version(files)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as egg:
        for path, data in [*files, *_metadata(version)]:
            egg.writestr(zipfile.ZipInfo(path, _STAMP), data, zipfile.ZIP_DEFLATED)
    return version, buffer.getvalue()
