"""A metric's name found among a header's other words: "LIVE GMV", "SKU orders" or
"直播间商品点击次数" are read as the metric they name, as platforms rename and respell their
columns (TikTok Shop's order and view columns come in several spellings).

Weaker than a whole name: such a column is read only when exactly one metric's name is in it,
nothing in it says it is another figure of that metric (a share, a rate, an average, a price, a
target or an estimate), its unit is one the metric takes, and no other column of the file has the
metric already (rows._columns sees to the last).
"""

from liveplanner.core.metrics import METRICS, MetricKind
from liveplanner.formats.headers import normalise, words
from liveplanner.formats.metrics.presets import NAMES, ColumnRule, scale_of

# What makes a header another figure than the metric it names. Chinese ones are looked for
# anywhere in the header, English ones as whole words ("rate" is no mark inside "generate").
_OTHER_FIGURE_ZH = (
    "占比", "比例", "率", "人均", "平均", "均价", "单价", "客单", "环比", "同比", "排名", "目标",
    "预估", "预计", "价值", "增长", "变化",
)  # fmt: skip
_OTHER_FIGURE_EN = frozenset(
    {
        "per", "rate", "ratio", "avg", "average", "mean", "share", "rank", "target", "value",
        "price", "growth", "change", "estimated", "forecast", "pct", "percent",
    }
)  # fmt: skip
_RUNNING_ZH = ("累计",)
_RUNNING_EN = frozenset({"total", "cumulative", "cum", "accumulated"})
_MOST_WORDS = 4
_LATIN_NAMES = {name: metric for name, metric in NAMES.items() if name.isascii()}
# Two characters at least: a one-character Chinese name would be found everywhere.
_CHINESE_NAMES = {
    name: metric for name, metric in NAMES.items() if not name.isascii() and len(name) >= 2
}


def rule_by_words(header: object) -> ColumnRule | None:
    """The rule of the one metric whose name the header holds among other words, or None."""
    name, unit = normalise(header)
    latin = words(header)
    if "%" in str(header) or any(mark in name for mark in _OTHER_FIGURE_ZH):
        return None
    if _OTHER_FIGURE_EN & set(latin):
        return None
    found = {metric for known, metric in _CHINESE_NAMES.items() if known in name}
    for first in range(len(latin)):
        # A known English name is at most a few words ("average watch time"): the pairs stay
        # linear in a header's length, however long a hostile one is.
        for last in range(first + 1, min(first + _MOST_WORDS, len(latin)) + 1):
            joined = "".join(latin[first:last])
            if joined in _LATIN_NAMES:
                found.add(_LATIN_NAMES[joined])
    if len(found) != 1:
        return None  # none, or two metrics' names: not ours to guess
    (metric_name,) = found
    scale = scale_of(metric_name, unit)
    if scale is None:
        return None
    running = any(mark in name for mark in _RUNNING_ZH) or bool(_RUNNING_EN & set(latin))
    kind = METRICS[metric_name].kind
    if running:
        if kind is MetricKind.INSTANT:
            return None  # a running total of a reading means nothing
        kind = MetricKind.CUMULATIVE
    return ColumnRule(metric_name, kind, scale)
