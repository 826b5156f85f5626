"""A show file's bytes parsed as JSON, keeping what no show file can hold (NaN, Infinity, a
number past any field's range) as written, so the schema refuses it at its path."""

import json
import math

from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.showfile.spec import FORMAT, MAX_NESTING, Document

_DIGITS = 19  # of the largest whole number any field takes (2**63 - 1)


class _Literal:
    """What JSON text holds but no show file can: NaN, Infinity, a number past any field's
    range (an integer of thousands of digits, which int() refuses, or 1e400). Kept as written,
    so that the schema refuses it at its path like any value of the wrong type."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def _whole(text: str) -> int | _Literal:
    return int(text) if len(text.lstrip("-")) <= _DIGITS else _Literal(text)


def _real(text: str) -> float | _Literal:
    value = float(text)
    return value if math.isfinite(value) else _Literal(text)


_BLANK = b"\xef\xbb\xbf \t\r\n"  # a UTF-8 byte order mark and white space


def _parse(data: bytes, file_name: str) -> Document:
    try:
        document = json.loads(data, parse_constant=_Literal, parse_int=_whole, parse_float=_real)
    except RecursionError:
        raise _too_deep(file_name, "the file", "lists or objects nested hundreds deep") from None
    except ValueError as exc:  # JSONDecodeError, or UnicodeDecodeError for binary data
        # A broken JSON object gets its line and column; anything else (a workbook, a picture
        # picked by mistake) is simply not a show file.
        if isinstance(exc, json.JSONDecodeError) and data.lstrip(_BLANK).startswith(b"{"):
            raise ImportRefused(
                "bad_json", file=file_name, line=exc.lineno, column=exc.colno, detail=exc.msg
            ) from None
        raise ImportRefused("not_a_show_file", file=file_name) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused("not_a_show_file", file=file_name)
    return document


def _too_deep(file_name: str, path: str, value: str) -> ImportRefused:
    return ImportRefused(
        "show_file_invalid",
        file=file_name,
        path=path,
        value=value,
        expected=f"lists and objects nested at most {MAX_NESTING} deep",
    )
