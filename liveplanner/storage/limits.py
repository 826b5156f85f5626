"""What a column can hold, checked before a write, so a value that does not fit is refused with
a message instead of failing deep in the database (or, on SQLite, being kept as it is)."""

from typing import Any

from sqlalchemy import BigInteger, Integer, String, Table, Text

from liveplanner.core.plan import MAX_TEXT
from liveplanner.storage.errors import InvalidValueError

_MAX_INT = 2**31 - 1
_MAX_BIGINT = 2**63 - 1


def check_columns(table: Table, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name not in table.c or value is None:
            continue
        column_type = table.c[name].type
        label = name.removesuffix("_fen").removesuffix("_bp").replace("_", " ")
        if isinstance(value, str) and isinstance(column_type, String):
            # A Text column holds a show's free text: unbounded in the database, not in a show.
            limit = column_type.length or (MAX_TEXT if isinstance(column_type, Text) else None)
            if limit and len(value) > limit:
                raise InvalidValueError(
                    f"{label} is {len(value)} characters long; at most {limit} fit",
                    code="storage.too_long",
                    figures={"field": label, "length": len(value), "most": limit},
                )
        elif isinstance(value, int) and not isinstance(value, bool):
            if isinstance(column_type, BigInteger):
                largest = _MAX_BIGINT
            elif isinstance(column_type, Integer):
                largest = _MAX_INT
            else:
                continue
            if value > largest:
                raise InvalidValueError(
                    f"{label} {value} is too large",
                    code="storage.too_large",
                    figures={"field": label, "value": value},
                )
