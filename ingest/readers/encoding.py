"""Decode the bytes of a text-like file (txt, csv, html) into ``str``.

charset-normalizer alone is not enough for our sources: measured on short Korean lines it
reports CP949 as UTF-16-BE or Big5 (CP949 Hangul byte pairs are also valid UTF-16
Hangul code points). So the cheap, certain signals come first and charset-normalizer is
the fallback for everything else:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. NUL bytes: BOM-less UTF-16 if they sit on one parity (ASCII in UTF-16), else binary;
3. strict UTF-8 (multi-byte UTF-8 almost never decodes by accident);
4. CP949 vs BOM-less UTF-16 by how much of each decoding is plausible Korean text;
5. charset-normalizer.

Whatever wins must still look like text (few control or unassigned characters), so
binary junk named ``.txt`` fails instead of producing garbage.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from stkg.ingest.errors import BinaryContent, UndetectableEncoding

# Python codec names that strip the BOM, so ``data.decode(Decoded.encoding)`` gives the text.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Share of code units whose high (or low) byte is NUL for BOM-less UTF-16 to be assumed;
# Korean prose has a space every few syllables, so real files sit far above this.
_UTF16_NUL_SHARE = 0.1
# A decoding this plausible (see _plausibility) is accepted in step 4.
_PLAUSIBLE = 0.9
# More junk characters than this share means the bytes are not text.
_MAX_JUNK_SHARE = 0.01
_SAMPLE_CHARS = 100_000


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool = False  # True when only charset-normalizer's statistics decided


def decode_text(data: bytes, document: str) -> Decoded:
    """Decode ``data``; raise ``BinaryContent``/``UndetectableEncoding`` naming ``document``."""
    decoded = _decode(data, document)
    _refuse_junk(decoded, document)
    return decoded


def _decode(data: bytes, document: str) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, document, with_bom=True)
    if b"\x00" in data:
        utf16 = _utf16_by_nul_parity(data)
        if utf16 is None:
            raise BinaryContent(
                document,
                "the file contains NUL bytes, so it is binary data, not text",
                hint="check that it is really a text file",
            )
        return _strict(data, utf16, document, with_bom=False)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = _most_plausible(data)
    if best is not None:
        return best
    return _guess(data, document)


def _strict(data: bytes, encoding: str, document: str, *, with_bom: bool) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        how = "its byte-order mark" if with_bom else "its NUL-byte pattern"
        raise UndetectableEncoding(
            document,
            f"{how} says {encoding}, but byte {exc.start} is not valid {encoding}",
            hint="re-save the file as UTF-8",
        ) from exc


def _utf16_by_nul_parity(data: bytes) -> str | None:
    units = len(data) // 2
    if units == 0 or len(data) % 2:
        return None
    even = data[0::2].count(0) / units
    odd = data[1::2].count(0) / units
    if odd >= _UTF16_NUL_SHARE and even <= odd / 4:
        return "utf-16-le"  # ASCII 'A' is 41 00 in little-endian
    if even >= _UTF16_NUL_SHARE and odd <= even / 4:
        return "utf-16-be"
    return None


def _most_plausible(data: bytes) -> Decoded | None:
    candidates = ["cp949"] + (["utf-16-le", "utf-16-be"] if len(data) % 2 == 0 else [])
    scored: list[tuple[float, int, Decoded]] = []
    for order, encoding in enumerate(candidates):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Ties go to CP949 (lowest order): Korean legacy files are far more common.
        scored.append((_plausibility(text), -order, Decoded(text, encoding)))
    if not scored:
        return None
    score, _, best = max(scored, key=lambda item: (item[0], item[1]))
    return best if score >= _PLAUSIBLE else None


def _plausibility(text: str) -> float:
    """Share of characters that Korean/English prose is made of."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return 0.0
    return sum(_char_weight(ch) for ch in sample) / len(sample)


def _char_weight(ch: str) -> float:
    code = ord(ch)
    if 0x20 <= code < 0x7F or ch in "\t\n\r" or 0xAC00 <= code <= 0xD7A3:
        return 1.0
    for low, high in _PLAUSIBLE_RANGES:
        if low <= code <= high:
            return 1.0
    if 0x4E00 <= code <= 0x9FFF:  # Hanja: used in Korean text, but sparingly
        return 0.5
    return 0.0


_PLAUSIBLE_RANGES = (
    (0x00A0, 0x00FF),  # Latin-1 punctuation and letters (·, ×, é)
    (0x2010, 0x205E),  # general punctuation (‘’ “” … ※)
    (0x2160, 0x2199),  # roman numerals, arrows
    (0x2460, 0x24FF),  # circled numbers ①
    (0x25A0, 0x25FF),  # geometric shapes □ ○ ▶ (bullets in Korean documents)
    (0x3000, 0x303F),  # CJK punctuation 「」
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0x3200, 0x32FF),  # enclosed CJK ㈜
    (0xFF01, 0xFF60),  # full-width forms
)


def _guess(data: bytes, document: str) -> Decoded:
    match = from_bytes(data).best()
    if match is None:
        raise UndetectableEncoding(
            document,
            "no text encoding fits its bytes",
            hint="re-save the file as UTF-8",
        )
    return Decoded(str(match), match.encoding, guessed=True)


def _is_junk(ch: str) -> bool:
    if ch in "\t\n\r\f\v":
        return False
    return ch == "\ufffd" or unicodedata.category(ch) in {"Cc", "Cs", "Co", "Cn"}


def _refuse_junk(decoded: Decoded, document: str) -> None:
    sample = decoded.text[:_SAMPLE_CHARS]
    if not sample:
        return
    junk = sum(1 for ch in sample if _is_junk(ch))
    if junk / len(sample) > _MAX_JUNK_SHARE:
        raise BinaryContent(
            document,
            f"decoded as {decoded.encoding}, {junk} of {len(sample)} characters are control "
            "or unassigned characters, so it is binary data, not text",
            hint="check that it is really a text file",
        )
