"""A metric's name found among a header's other words: "LIVE GMV", "SKU orders" or
"直播间商品点击次数" are read as the metric they name, as platforms rename and respell their
columns (TikTok Shop's order and view columns come in several spellings).

Weaker than a whole name: such a column is read only when exactly one metric's name is in it,
nothing in it says it is another figure of that metric (a share, a rate, an average, a price, a
target or an estimate), its unit is one the metric takes, and no other column of the file has the
metric already (rows._columns sees to the last).
"""

from liveplanner.core.metrics import METRICS, MetricKind
from liveplanner.formats.export_columns import names_in, other_figure
from liveplanner.formats.headers import normalise, words
from liveplanner.formats.metrics.presets import NAMES, ColumnRule, scale_of

_RUNNING_ZH = ("累计",)
_RUNNING_EN = frozenset({"total", "cumulative", "cum", "accumulated"})


def rule_by_words(header: object) -> ColumnRule | None:
    """The rule of the one metric whose name the header holds among other words, or None."""
    name, unit = normalise(header)
    latin = words(header)
    if other_figure(header):
        return None
    found = names_in(header, NAMES)
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
