"""Bytes and strings as they arrive -> text detente can code, with every repair recorded.

``decode_text(data, where)`` decides what a file's bytes are: UTF-8 (with or without a byte-order
mark), UTF-16 or UTF-32 (by their byte-order mark, or UTF-16 without one when every other byte is NUL),
or binary (a NUL byte in the first 8 KB of something that is not UTF-16). Invalid UTF-8 is replaced by
U+FFFD and NUL bytes found later in a text file become spaces; both are recorded as problems naming the
line, never passed on unseen. ``clean_string`` does the same for strings that come out of JSON, where
``"\\ud800"`` decodes to a lone surrogate that no encoder can write back out.

What it does not do: guess legacy 8-bit encodings (Latin-1, cp1252): a text that is not valid UTF-8 is
decoded with replacement and the problem says so.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from detente.model import Problem

BINARY_SNIFF = 8192  # a NUL byte in the first 8 KB: a binary file (as git and grep decide)
_SURROGATE = re.compile("[\ud800-\udfff]")
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Decoded:
    """Text read from bytes (``None`` when the bytes are not text), the encoding it was read with, and
    the problems met (a binary file's rejection among them)."""

    text: str | None
    encoding: str
    problems: tuple[Problem, ...] = ()


def sniff_encoding(head: bytes) -> tuple[str, int] | None:
    """(encoding, length of the byte-order mark) of the start of a file; None when it looks binary.

    A byte-order mark decides; without one, bytes whose odd (or even) positions are nearly all NUL are
    UTF-16 LE (BE) text; any other NUL in the first 8 KB means binary; everything else is read as UTF-8."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    sample = head[:BINARY_SNIFF]
    if b"\x00" not in sample:
        return "utf-8", 0
    pairs = len(sample) // 2
    if pairs >= 2:
        odd_nul = sample[1 : 2 * pairs : 2].count(0)
        even_nul = sample[0 : 2 * pairs : 2].count(0)
        if odd_nul >= 0.9 * pairs and even_nul <= 0.1 * pairs:
            return "utf-16-le", 0
        if even_nul >= 0.9 * pairs and odd_nul <= 0.1 * pairs:
            return "utf-16-be", 0
    return None


def decode_text(data: bytes, where: str) -> Decoded:
    """The text of a whole file (see the module docstring for what is decided and recorded)."""
    sniffed = sniff_encoding(data)
    if sniffed is None:
        return Decoded(None, "binary", (Problem("ingest", "binary file (NUL bytes in its first 8 KB), not text; skipped", where),))
    encoding, bom = sniffed
    body = data[bom:]
    problems: list[Problem] = []
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1 if encoding == "utf-8" else None
        name = "UTF-8" if encoding == "utf-8" else encoding.upper()
        at = f"{where}:{line}" if line else where
        problems.append(Problem("ingest", f"invalid {name} at byte {exc.start + bom}; undecodable bytes replaced by U+FFFD", at))
        text = body.decode(encoding, errors="replace")
    text, more = clean_string(text, where, count_lines=True)
    return Decoded(text, encoding, tuple(problems) + more)


def clean_string(value: str, where: str, *, field: str | None = None, count_lines: bool = False) -> tuple[str, tuple[Problem, ...]]:
    """``value`` with lone surrogates replaced by U+FFFD and NUL characters by spaces (the length, and so
    every offset, is kept), and a problem for each kind of repair."""
    problems: list[Problem] = []
    label = f"field {field!r}: " if field else ""
    if "\x00" in value:
        at = value.index("\x00")
        line = f"{where}:{value.count(chr(10), 0, at) + 1}" if count_lines else where
        problems.append(Problem("ingest", f"{label}{value.count(chr(0))} NUL byte(s) in the text (first at character {at}) replaced by spaces", line))
        value = value.replace("\x00", " ")
    found = _SURROGATE.search(value)
    if found:
        n = len(_SURROGATE.findall(value))
        line = f"{where}:{value.count(chr(10), 0, found.start()) + 1}" if count_lines else where
        problems.append(Problem("ingest", f"{label}{n} lone UTF-16 surrogate(s) (such as \\u{ord(found.group()):04x}, first at character {found.start()}) replaced by U+FFFD", line))
        value = _SURROGATE.sub("\ufffd", value)
    return value, tuple(problems)


def clean_value(value: object) -> object:
    """A JSON value with lone surrogates in its strings replaced (for metadata that is passed on
    untouched otherwise); no problem is recorded for metadata, which is not coded."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value.replace("\x00", " "))
    return value
