"""Cells a spreadsheet must show as typed: text that a spreadsheet program would run as a formula
(=, +, -, @, or a tab or carriage return in front) is marked as plain text."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def starts_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)
