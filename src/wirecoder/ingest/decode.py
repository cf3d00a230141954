"""Bytes to text: refuse binary data, then decode by BOM, declared charset, UTF-8, detection.

Order (the first that decodes strictly wins):

1. a byte-order mark (UTF-8, UTF-16, UTF-32): the BOM is an encoding mark, not
   text, so it is removed and ``encoding`` says ``"utf-8 (BOM)"``;
2. a declared charset: the HTTP ``Content-Type`` header (WARC), else an HTML
   ``<meta charset>`` / ``http-equiv`` in the first 4 KB: ``"windows-1251 (declared)"``;
3. UTF-8: ``"utf-8"``;
4. charset-normalizer's guess: ``"cp1252 (detected)"``.

UTF-16 and UTF-32 text without a BOM is recognised by its NUL bytes (all in the
same byte position of each code unit) and decodes as ``"utf-16-le (no BOM)"``. A
declared UTF-16/32 over bytes with no NUL byte is not believed (browsers read a
``<meta charset=utf-16>`` as UTF-8): such bytes go on to UTF-8 and detection.

Nothing is normalised: line ends, non-breaking spaces and control characters
stay as the bytes say. Data with NUL bytes (and not UTF-16/32), many control
characters (a leading run of up to 4 KB of them, shorter than the text after it,
is not counted: debris before an article is kept, not judged) or mostly 0xFF bytes (erased flash, padding) is
binary and gives an ``InputError`` of kind ``binary``.
"""

from __future__ import annotations

import codecs
import re
from typing import Optional

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of common binary formats, so the message can say what the file looks like.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)

# C0 controls other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13)) + b"\x7f"
MAX_CONTROL_RATIO = 0.05  # above this share of control bytes, data is not text
LEADING_DEBRIS = 4096  # a leading run of control bytes up to this long is not counted
MAX_FF_RATIO = 0.3  # above this share of 0xFF bytes (never in UTF-8, rare in legacy text), data is not text

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",  # XHTML's XML declaration
    re.IGNORECASE,
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)

# Legacy single-byte charsets; browsers read a declared latin-1 as windows-1252.
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
                   "ascii": "cp1252", "iso8859-1": "cp1252", "iso_8859-1": "cp1252"}


def check_not_binary(data: bytes, source: str) -> None:
    """Raise InputError(kind="binary") when `data` is not text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{source}: binary data ({what}), not text", kind="binary")
    if any(data.startswith(bom) for bom, name in _BOMS if name != "utf-8") or utf16_32_without_bom(data):
        return  # UTF-16/32 text is full of NUL bytes
    head = data[:65536]
    if b"\x00" in head:
        raise InputError(f"{source}: binary data (NUL bytes), not text", kind="binary")
    lead = len(head) - len(head.lstrip(_CONTROL_BYTES + b" \t\r\n\x0b\x0c"))
    body = head[lead:] if lead <= LEADING_DEBRIS and lead < len(head) - lead else head
    controls = len(body) - len(body.translate(None, _CONTROL_BYTES))
    if head and (not body or controls / len(body) > MAX_CONTROL_RATIO):
        raise InputError(
            f"{source}: binary data ({len(head) - len(head.translate(None, _CONTROL_BYTES))} control bytes in the "
            f"first {len(head)}), not text", kind="binary"
        )
    if head and head.count(0xFF) / len(head) > MAX_FF_RATIO:
        raise InputError(f"{source}: binary data ({head.count(0xFF)} bytes 0xFF in the first {len(head)}), not text",
                         kind="binary")


def utf16_32_without_bom(data: bytes) -> Optional[str]:
    """The codec of UTF-16 or UTF-32 text that has no BOM, told by where its NUL bytes are; else None.

    Text in these encodings has NUL bytes in the high bytes of its code units (every
    ASCII space and letter), all in the same position of the unit; binary data with
    NULs has them anywhere. The data must also decode strictly, to text with few control
    characters and some whitespace.
    """
    head = data[:8192]
    nuls = head.count(0)
    if len(head) < 8 or nuls < len(head) * 0.05:
        return None
    by_position = [sum(1 for i in range(k, len(head), 4) if head[i] == 0) for k in range(4)]
    candidates = []
    if by_position[3] == len(range(3, len(head), 4)) and len(data) % 4 == 0:
        candidates.append("utf-32-le")
    if by_position[0] == len(range(0, len(head), 4)) and len(data) % 4 == 0:
        candidates.append("utf-32-be")
    odd, even = by_position[1] + by_position[3], by_position[0] + by_position[2]
    if len(data) % 2 == 0:
        if odd >= 0.95 * nuls:
            candidates.append("utf-16-le")
        elif even >= 0.95 * nuls:
            candidates.append("utf-16-be")
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:20000]
        controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\x0b\x0c")
        spaces = sum(1 for ch in sample if ch.isspace())
        # Text has spaces or line breaks (at least one character in a hundred); repeated binary units do not.
        if sample.strip() and controls <= MAX_CONTROL_RATIO * len(sample) and spaces >= len(sample) / 100:
            return codec
    return None


def header_charset(content_type: Optional[str]) -> Optional[str]:
    """The charset named in an HTTP Content-Type header value, if any."""
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return m.group(1).strip().lower() if m else None


def meta_charset(data: bytes) -> Optional[str]:
    """The charset an HTML page declares in a <meta> in its first 4 KB, if any."""
    m = _META_CHARSET.search(data[:4096])
    return (m.group(1) or m.group(2)).decode("ascii", "replace").strip().lower() if m else None


def decode(data: bytes, source: str, *, declared: Optional[str] = None, html: bool = False) -> tuple[str, str]:
    """(text, how it was decoded) for `data`; raises InputError when it is binary or undecodable.

    `declared` is a charset from the transport (an HTTP header); with `html`, a
    <meta> charset in the page is used when the transport names none.
    """
    check_not_binary(data, source)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(name), f"{name} (BOM)"
            except UnicodeDecodeError as exc:
                raise InputError(f"{source}: starts with a {name} BOM but is not {name}: {exc}",
                                 kind="undecodable") from None
    codec = utf16_32_without_bom(data)
    if codec:
        return data.decode(codec), f"{codec} (no BOM)"
    if declared is None and html:
        declared = meta_charset(data)
    if declared:
        text = _decode_declared(data, declared)
        if text is not None:
            return text
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guessed = _detect(data)
    if guessed is not None:
        return guessed
    raise InputError(f"{source}: cannot decode the bytes (not UTF-8, no declared charset that fits, "
                     "no charset detected)", kind="undecodable")


def _decode_declared(data: bytes, declared: str) -> Optional[tuple[str, str]]:
    codec = _WHATWG_ALIASES.get(declared, declared)
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return None  # an unknown charset name: fall through to UTF-8 and detection
    if name.startswith(("utf-16", "utf-32")) and b"\x00" not in data:
        return None  # UTF-16/32 markup would be full of NUL bytes: the declaration is wrong (browsers: UTF-8)
    if not name.startswith(("utf-8", "utf-16", "utf-32")) and _is_multibyte_utf8(data):
        # A legacy charset declared over bytes that are valid multi-byte UTF-8: the
        # declaration is stale (a common server default); chance UTF-8 validity is rare.
        return data.decode("utf-8"), f"utf-8 (valid UTF-8; declared {declared} ignored)"
    try:
        return data.decode(codec), f"{declared} (declared)"
    except UnicodeDecodeError:
        if codec == "cp1252":  # five bytes are undefined in cp1252; latin-1 reads them all
            return data.decode("latin-1"), f"{declared} (declared)"
        return None


def _is_multibyte_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes) -> Optional[tuple[str, str]]:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:200_000]))
    if not matches:
        return None
    best_chaos = min(m.chaos for m in matches)
    tied = [m.encoding for m in matches if m.chaos <= best_chaos + 0.01]
    # Short texts tie between Latin code pages; cp1252 is by far the most common of them.
    order = (["cp1252"] if "cp1252" in tied else []) + tied
    for enc in order:
        try:
            return data.decode(enc), f"{enc} (detected)"
        except (UnicodeDecodeError, LookupError):
            continue
    return None
