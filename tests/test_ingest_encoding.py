"""Encoding detection: BOMs, UTF-8, UTF-16, windows-1256, ISO-8859-6, and binary junk."""

from __future__ import annotations

import pytest

from marsad.ingest.encoding import DecodeError, decode_bytes, sniff_binary

ARABIC = "افتتحت هيئة المياه الوطنية محطة تحلية جديدة على الساحل الشمالي بطاقة كبيرة. " * 4


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256", "iso-8859-6", "utf-16", "utf-16-le",
                                      "utf-16-be", "utf-8-sig"])
def test_encoding_decode_bytes_roundtrips_arabic(encoding: str) -> None:
    decoded = decode_bytes(ARABIC.encode(encoding))
    assert decoded.text.lstrip("\ufeff") == ARABIC


def test_encoding_windows_1256_is_not_mistaken_for_iso_8859_6() -> None:
    # the two code pages place Arabic letters differently; the wrong one reads as junk
    assert decode_bytes(ARABIC.encode("cp1256")).encoding == "cp1256"
    assert decode_bytes(ARABIC.encode("iso-8859-6")).encoding == "iso-8859-6"


def test_encoding_invalid_utf8_bytes_are_replaced_not_fatal() -> None:
    data = ARABIC.encode("utf-8")
    data = data[:41] + b"\xff\xfe\xfd" + data[41:]
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert "invalid UTF-8" in decoded.note
    assert "\ufffd" in decoded.text and "الساحل الشمالي" in decoded.text


@pytest.mark.parametrize(("data", "code"), [(b"", "empty"), (b" \n\t ", "empty"),
                                            (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
                                            (bytes(range(256)) * 8, "binary")])
def test_encoding_rejects_empty_and_binary(data: bytes, code: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert info.value.code == code


def test_encoding_sniff_binary_names_the_format() -> None:
    assert sniff_binary(b"\xff\xd8\xff\xe0" + bytes(100)) == "JPEG image"
    assert sniff_binary(b"%PDF-1.7\n") == "PDF document"
    assert sniff_binary(ARABIC.encode("utf-8")) is None
