"""Decode page bytes: BOMs, UTF-8, UTF-16, windows-1256, ISO-8859-6 — and refuse binary junk.

Arabic news sites still serve windows-1256 (and now and then ISO-8859-6). The order of checks is
what makes this robust: a BOM is certain; strict UTF-8 is almost never wrong when it decodes;
UTF-16 without a BOM shows as many NUL bytes in alternate positions; binary formats are known by
their magic numbers or by control bytes; what is left is a single-byte Arabic code page, which we
choose by which decoding yields more Arabic letters and fewer impossible characters (the two
code pages put Arabic letters at different byte values, so the right one reads as Arabic words).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Magic numbers of formats that are never a news page, to reject with a precise reason.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or a DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"SQLite format 3\x00", "SQLite database"),
)

_ARABIC = re.compile("[\u0621-\u064a]")
_LETTERS = re.compile(r"[^\W\d_]")
# Characters a real Arabic text in a single-byte code page would not produce.
_IMPLAUSIBLE = re.compile("[\u0080-\u009f\ufffd]")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and how it was decoded."""

    text: str
    encoding: str
    note: str = ""


class DecodeError(ValueError):
    """The bytes are not a text page; ``code`` is a short machine code (``empty``, ``binary``)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def sniff_binary(data: bytes) -> str | None:
    """Return a description of a known binary format, or ``None`` when ``data`` may be text."""
    head = data[:32]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    sample = data[:4096]
    if not sample:
        return None
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(sample):
        return None
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls / len(sample) > 0.05:
        return f"binary data ({controls} control bytes in the first {len(sample)})"
    return None


def _looks_utf16(sample: bytes) -> str | None:
    """Return ``utf-16-le``/``utf-16-be`` when NULs sit in alternate positions."""
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    nul_even = even.count(0) / len(even)
    nul_odd = odd.count(0) / len(odd)
    # ASCII in UTF-16 puts a NUL in every other byte; Arabic (U+06xx) puts 0x06 there instead.
    six_even = even.count(6) / len(even)
    six_odd = odd.count(6) / len(odd)
    if nul_odd + six_odd > 0.4 and nul_even + six_even < 0.1:
        return "utf-16-le"
    if nul_even + six_even > 0.4 and nul_odd + six_odd < 0.1:
        return "utf-16-be"
    return None


def _score_single_byte(text: str) -> float:
    """Higher when ``text`` reads like Arabic (used to choose between code pages)."""
    letters = len(_LETTERS.findall(text)) or 1
    return len(_ARABIC.findall(text)) / letters - 5 * len(_IMPLAUSIBLE.findall(text)) / letters


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode page bytes to text, detecting the encoding.

    Args:
        data: The raw bytes.
        declared: An encoding a sidecar or an HTTP header declared; tried after BOMs and UTF-8.

    Raises:
        DecodeError: Empty input, or bytes that are a binary format rather than text.
    """
    if not data.strip():
        raise DecodeError("empty file (no bytes or only whitespace)", "empty")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF32_LE, "utf-32")):
        if data.startswith(bom):
            return Decoded(data.decode(enc, errors="replace"), enc, "byte-order mark")
    binary = sniff_binary(data)
    if binary:
        raise DecodeError(f"not a text page: {binary}", "binary")
    utf16 = _looks_utf16(data[:4096])
    if utf16:
        return Decoded(data.decode(utf16, errors="replace"), utf16, "UTF-16 without BOM")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    non_ascii = sum(1 for ch in lenient if ord(ch) > 127) or 1
    if bad / non_ascii < 0.05:
        # A UTF-8 page with a few corrupt bytes (a truncated download, a bad paste): a single-byte
        # code page would turn every Arabic letter into two wrong ones, so keep UTF-8.
        return Decoded(lenient, "utf-8", f"invalid UTF-8 bytes replaced ({bad}; first at byte "
                                         f"{utf8_error.start})")
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    match = _HTML_CHARSET.search(data[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "ignore"))
    candidates += ["cp1256", "iso-8859-6"]
    best: Decoded | None = None
    best_score = float("-inf")
    for enc in dict.fromkeys(c.lower() for c in candidates):
        try:
            codecs.lookup(enc)
        except LookupError:
            continue
        if enc.replace("_", "-") in ("utf-8", "utf8"):
            continue
        text = data.decode(enc, errors="replace")
        score = _score_single_byte(text)
        if score > best_score:
            best, best_score = Decoded(text, enc, "detected by Arabic-letter score"), score
    if best is None or best_score < 0.2:
        # Neither UTF-8 nor an Arabic code page reads well: latin-1 never fails and keeps
        # Western pages (the common case here) intact.
        return Decoded(data.decode("cp1252", errors="replace"), "cp1252",
                       "no Arabic code page fits; decoded as Western (cp1252)")
    return best
