"""Text from the bytes platforms write: UTF-8 (with or without BOM), GBK/GB18030, UTF-16.

Decoding is strict: a file is read in one encoding without a single replacement character, or
refused. There is no latin-1 fallback, which would turn any bytes into silently wrong text.
"""

import codecs
from dataclasses import dataclass


class DecodingError(ValueError):
    """The bytes are not text in an encoding platforms use; str() says what was tried."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # the name reported to the user
    codec: str  # Python's name for it, to read the same bytes again (pandas)


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 BE"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """Mostly-ASCII UTF-16 shows as a NUL in every other byte; say which half."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes) -> Decoded:
    """The text of an export file, and the encoding it was in."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data, codec, name), name, codec)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        name = "UTF-16 LE" if utf16.endswith("le") else "UTF-16 BE"
        return Decoded(_strict(data, utf16, name), name, utf16)
    if b"\x00" in data:
        raise DecodingError("the file holds binary data, not text: is it really a CSV export?")
    for codec, name in (("utf-8", "UTF-8"), ("gb18030", "GB18030 (GBK)")):
        try:
            return Decoded(data.decode(codec, errors="strict"), name, codec)
        except UnicodeDecodeError:
            continue
    raise DecodingError(
        "the file is neither UTF-8 nor GBK/GB18030 nor UTF-16 text; save it from the platform "
        "again as CSV or XLSX"
    )


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec, errors="strict")
    except UnicodeDecodeError as exc:
        raise DecodingError(
            f"the file starts as {name} but byte {exc.start} is not {name}"
        ) from None
