"""What every platform export's columns and rows share, whether it is read minute by minute
(formats/metrics) or product by product (formats/products): the units a header's bracket names
("成交金额(万元)"), total rows (合计, 总计, Total), and a known name found among a header's other
words ("LIVE GMV", "直播间商品点击次数") unless the header says it is another figure of it (a share,
a rate, an average, a price, a target or an estimate)."""

import unicodedata
from collections.abc import Mapping
from typing import TypeVar

from liveplanner.formats.headers import normalise, words

# The factor from a header's unit to the stored one: money in fen, counts as counts.
MONEY_SCALES = {"": 100, "元": 100, "yuan": 100, "¥": 100, "$": 100, "usd": 100, "rmb": 100}
MONEY_SCALES |= {"万元": 1_000_000, "万": 1_000_000, "分": 1, "fen": 1, "cents": 1}
COUNT_SCALES = {"": 1, "人": 1, "次": 1, "个": 1, "单": 1, "件": 1, "笔": 1, "万": 10_000}
COUNT_SCALES |= {"万人": 10_000, "万次": 10_000}

_SHOWN_CHARS = 40  # a cell quoted in a message is cut after this many characters


def shown_cell(text: str) -> str:
    """A long cell (400 digits) cut for a one-line message, saying how long it is."""
    if len(text) > _SHOWN_CHARS:
        return f"{text[:_SHOWN_CHARS]}… ({len(text)} characters)"
    return text


TOTAL_WORDS = ("合计", "总计", "汇总", "小计", "total", "sum")


def is_total(cell: object) -> bool:
    """Whether a cell says its row is a total row: 合计, 总计, 汇总, 小计, Total or Sum alone, or
    followed by a colon, a bracket or a figure ("合计:", "Total (all)", "总计 12"), not by more
    of a name: 合计充电宝套装, 总计划, Totally Wireless and Total Care are products."""
    if not isinstance(cell, str):
        return False
    text = unicodedata.normalize("NFKC", cell).strip().lower()
    for word in TOTAL_WORDS:
        if text.startswith(word):
            rest = text[len(word) :].lstrip(" :-–—_/")
            return not rest or rest[0] in "([【" or rest[0].isdigit()
    return False


# What makes a header another figure than the one it names. Chinese ones are looked for
# anywhere in the header, English ones as whole words ("rate" is no mark inside "generate").
OTHER_FIGURE_ZH = (
    "占比", "比例", "率", "人均", "平均", "均价", "单价", "客单", "环比", "同比", "排名", "目标",
    "预估", "预计", "价值", "增长", "变化",
)  # fmt: skip
OTHER_FIGURE_EN = frozenset(
    {
        "per", "rate", "ratio", "avg", "average", "mean", "share", "rank", "target", "value",
        "price", "growth", "change", "estimated", "forecast", "pct", "percent",
    }
)  # fmt: skip
_MOST_WORDS = 4  # a known English name is at most this many words ("average watch time")

Named = TypeVar("Named")


def other_figure(header: object) -> bool:
    """Whether the header marks a share, rate, average, price … rather than the figure itself."""
    name, _unit = normalise(header)
    if "%" in str(header) or any(mark in name for mark in OTHER_FIGURE_ZH):
        return True
    return bool(OTHER_FIGURE_EN & set(words(header)))


def names_in(header: object, known: Mapping[str, Named]) -> set[Named]:
    """What the known names (normalised, as formats.headers makes them) found among the
    header's words name: a Chinese name of two characters or more anywhere in it, an English
    one as whole words. The pairs of words looked at stay linear in a header's length."""
    name, _unit = normalise(header)
    latin = words(header)
    found = {
        meant
        for known_name, meant in known.items()
        if not known_name.isascii() and len(known_name) >= 2 and known_name in name
    }
    for first in range(len(latin)):
        for last in range(first + 1, min(first + _MOST_WORDS, len(latin)) + 1):
            joined = "".join(latin[first:last])
            meant = known.get(joined)
            if meant is not None and joined.isascii():
                found.add(meant)
    return found
