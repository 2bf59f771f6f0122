"""How page bytes become text: BOM, the page's declared charset, strict UTF-8, detection, the header.

Chinese portals often send GBK pages under a header that claims UTF-8 or
ISO-8859-1, so the page's own declaration (BOM, ``<meta charset>``, XML
declaration) is trusted first. A declaration the bytes cannot be in is not:
``<meta charset=utf-16>`` readable as ASCII (UTF-16 and UTF-32 text without
a BOM is full of NUL bytes) would turn the page into mojibake, so it is
ignored and the bytes are detected instead.
"""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

logger = logging.getLogger(__name__)

_DECLARED = re.compile(rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?|<\?xml[^>]{0,80}?encoding\s*=\s*["'])"""
                       rb"""([A-Za-z0-9_.:-]{2,30})""", re.I)
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312", "gb_2312-80"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
DETECT_BYTES = 200_000  # charset detection reads this much of a page


def codec_name(name: str) -> str | None:
    """Python's codec for a charset label (GBK and kin as GB18030, its superset); None if unknown."""
    name = name.strip().lower()
    if name in _GB:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def possible(codec: str, body: bytes) -> bool:
    """Whether ``body`` (without a BOM) can be in ``codec``: UTF-16 and UTF-32 text has NUL bytes."""
    if codec.startswith(("utf-16", "utf-32")):
        return b"\x00" in body[:4096]
    return True


def declared_charset(body: bytes) -> str | None:
    """The codec a page declares in its first 4 KB (meta charset or XML declaration), if it could be right."""
    found = _DECLARED.search(body[:4096])
    declared = codec_name(found.group(1).decode("ascii")) if found else None
    if declared is not None and not possible(declared, body):
        logger.info("ignored the declared charset %s: the page has none of the NUL bytes it implies",
                    found.group(1).decode("ascii") if found else declared)
        return None
    return declared


def decode_html(body: bytes, header_charset: str | None = None) -> str:
    """Text of an HTML or XML page: BOM, declared charset, UTF-8, detection, then the header."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, "replace")
    declared = declared_charset(body)
    for codec in filter(None, (declared, "utf-8")):
        try:
            return body.decode(codec)
        except UnicodeDecodeError:
            continue
    best = from_bytes(body[:DETECT_BYTES]).best()
    guess = codec_name(best.encoding) if best is not None else None
    header = codec_name(header_charset) if header_charset else None
    codec = guess or header or declared or "gb18030"
    return body.decode(codec, "replace")
