"""Cells a spreadsheet must show as typed: text that a spreadsheet program would run as a formula
(=, +, -, @, or a tab or carriage return in front) is marked as plain text, and control characters
that a workbook's XML cannot hold are written as escapes."""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def starts_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


# XML 1.0 holds no C0 control but tab, newline and carriage return, and openpyxl refuses the whole
# workbook for one of them (a title pasted with an ESC in it). They are shown as `\x1b`, as the
# command line shows them.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def storable(value: object) -> object:
    if isinstance(value, str):
        return _NOT_IN_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    return value
