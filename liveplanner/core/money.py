"""Money as integer fen (1/100 yuan) and shares as integer basis points: exact, never float."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from liveplanner.core.refused import Refused

BP_PER_WHOLE = 10_000  # basis points in 100 %

# The multipliers written after an amount, as platforms' exports and people write them (1.2万,
# 3.5亿, 1.2w): read alike by the export reader (formats/cells.py) and typed inputs (core/inputs).
UNITS = {
    "万": Decimal(10_000),
    "w": Decimal(10_000),
    "W": Decimal(10_000),
    "亿": Decimal(100_000_000),
}


def yuan_to_fen(text: str | int | Decimal) -> int:
    """'12.50' -> 1250. Refuses more than two decimals rather than rounding money silently."""
    try:
        amount = Decimal(str(text).strip())
    except InvalidOperation:
        raise Refused(f"not an amount of money: {text!r}", "input.not_money", text=text) from None
    if not amount.is_finite():
        raise Refused(f"not an amount of money: {text!r}", "input.not_money", text=text)
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise Refused(
            f"more than two decimals (fen) in {text!r}", "input.money_decimals", text=text
        )
    return int(fen)


def format_yuan(fen: int) -> str:
    """1250 -> '12.50'; 1200 -> '12'."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}" if cents == 0 else f"{sign}{whole}.{cents:02d}"


def percent_to_bp(text: str | int | Decimal) -> int:
    """'12.5' (per cent) -> 1250 basis points."""
    try:
        value = Decimal(str(text).strip().rstrip("%").strip())
    except InvalidOperation:
        raise Refused(f"not a percentage: {text!r}", "input.not_percent", text=text) from None
    if not value.is_finite():
        raise Refused(f"not a percentage: {text!r}", "input.not_percent", text=text)
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_percent(bp: int) -> str:
    """1250 -> '12.5%'."""
    value = Decimal(bp) / 100
    text = f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
    return f"{text}%"
