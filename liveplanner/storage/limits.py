"""What a column can hold, checked before a write, so a value that does not fit is refused with
a message instead of failing deep in the database (or, on SQLite, being kept as it is)."""

from typing import Any

from sqlalchemy import BigInteger, Integer, String, Table

from liveplanner.storage.errors import InvalidValueError

_MAX_INT = 2**31 - 1
_MAX_BIGINT = 2**63 - 1


def check_columns(table: Table, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name not in table.c or value is None:
            continue
        column_type = table.c[name].type
        label = name.removesuffix("_fen").removesuffix("_bp").replace("_", " ")
        if isinstance(value, str) and isinstance(column_type, String) and column_type.length:
            if len(value) > column_type.length:
                raise InvalidValueError(
                    f"{label} is {len(value)} characters long; at most {column_type.length} fit"
                )
        elif isinstance(value, int) and not isinstance(value, bool):
            if isinstance(column_type, BigInteger):
                largest = _MAX_BIGINT
            elif isinstance(column_type, Integer):
                largest = _MAX_INT
            else:
                continue
            if value > largest:
                raise InvalidValueError(f"{label} {value} is too large")
