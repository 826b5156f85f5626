"""Which column of an export holds which canonical metric.

A preset describes one export layout we know (its column headers, its time column, and how its
instantaneous values are kept per minute). Files that match no preset are mapped by header
names alone. Header names are compared after NFKC normalisation, lower case, without spaces and
without a unit in brackets, so "成交金额（元）" and "成交金额(元)" and "成交金额" are one name; the
unit is read from the bracket ("元", "万元", "分").
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TypedDict, Unpack

from liveplanner.core.metrics import METRICS, MetricKind, MetricUnit
from liveplanner.formats.export_columns import COUNT_SCALES, MONEY_SCALES
from liveplanner.formats.headers import normalise


class InstantRule(StrEnum):
    """How several readings of an instantaneous metric within one minute become one."""

    MAX = "max"  # the minute's peak: what platforms' own minute charts show
    LAST = "last"  # the reading at the end of the minute


@dataclass(frozen=True, slots=True)
class ColumnRule:
    """A column read as `metric`; `kind` says whether the file gives a running total, and
    `scale` turns the file's unit into the stored one (fen for money, counts otherwise)."""

    metric: str
    kind: MetricKind
    scale: Decimal = Decimal(1)


@dataclass(frozen=True, slots=True)
class Preset:
    name: str  # used on the command line (--preset)
    label: str  # the platform's own name for the export
    time_column: str
    columns: dict[str, ColumnRule]  # normalised header -> rule
    date_column: str = ""  # a column giving the date for times without a year
    instant_rule: InstantRule = InstantRule.MAX


_SECONDS_SCALES = {"": 1, "秒": 1, "s": 1, "sec": 1, "seconds": 1, "分钟": 60, "分": 60, "min": 60}
_SCALES = {MetricUnit.FEN: MONEY_SCALES, MetricUnit.COUNT: COUNT_SCALES}
_SCALES[MetricUnit.SECONDS] = _SECONDS_SCALES


def scale_of(metric_name: str, unit: str) -> Decimal | None:
    """The factor from the file's unit to the stored one, or None when the unit is not one."""
    factor = _SCALES[METRICS[metric_name].unit].get(unit)
    return None if factor is None else Decimal(factor)


def _rule(metric_name: str, cumulative: bool = False, unit: str = "") -> ColumnRule:
    kind = MetricKind.CUMULATIVE if cumulative else METRICS[metric_name].kind
    scale = scale_of(metric_name, unit)
    assert scale is not None, unit  # presets are written with known units
    return ColumnRule(metric_name, kind, scale)


# Names seen in exports, per metric. A leading 累计 / "total" / "cumulative" marks a running total.
_NAMES: dict[str, tuple[str, ...]] = {
    "online_viewers": (
        "实时在线人数", "在线人数", "实时在线", "在线", "当前在线人数", "同时在线人数",
        "online", "onlineviewers", "concurrentviewers", "currentviewers", "pcu", "pcutotal",
    ),
    "entries": (
        "进入直播间人数", "进入人数", "进场人数", "进房人数", "entries", "enters", "watchucnt",
    ),
    "exits": ("离开直播间人数", "离开人数", "离场人数", "exits", "leaves", "leaveucnt"),
    "views": ("观看人次", "观看次数", "直播间观看次数", "views", "watchcnt"),
    "unique_viewers": ("观看人数", "直播间观看人数", "uniqueviewers", "viewers", "uv"),
    "gmv": (
        "成交金额", "销售额", "成交额", "直播间成交金额", "gmv", "gmvmin", "sales", "revenue",
        "paidamount",
    ),
    "orders": ("成交订单数", "订单数", "成交单数", "成交笔数", "orders", "paidorders"),
    "buyers": ("成交人数", "购买人数", "下单人数", "buyers", "customers"),
    "items_sold": ("成交件数", "销量", "成交商品件数", "itemssold", "unitssold"),
    "product_clicks": ("商品点击次数", "商品点击", "商品点击数", "productclicks", "clicks"),
    "comments": ("评论数", "评论次数", "评论", "comments", "commentcnt"),
    "likes": ("点赞数", "点赞次数", "点赞", "likes", "likecnt"),
    "shares": ("分享数", "分享次数", "分享", "shares", "sharecnt"),
    "new_followers": (
        "新增粉丝数", "新增粉丝", "新增关注", "涨粉数", "涨粉", "newfollowers", "followucnt",
    ),
    "ad_spend": ("投放消耗", "广告消耗", "千川消耗", "消耗", "adspend", "spend", "cost"),
    "add_to_cart": (
        "加购人数", "加购次数", "加购数", "加购", "加入购物车人数", "加入购物车次数", "addtocart",
        "addtocarts", "cartadds",
    ),
    "product_exposures": (
        "商品曝光次数", "商品曝光人数", "商品曝光", "曝光次数", "productexposures",
        "productimpressions", "productviews",
    ),
    "avg_watch_s": (
        "人均观看时长", "平均观看时长", "人均停留时长", "平均停留时长", "停留时长", "人均看播时长",
        "avgwatchtime", "averagewatchtime", "avgviewduration", "avgwatchs",
    ),
}  # fmt: skip
# A header's name (normalised) -> the metric it names.
NAMES = {name: metric for metric, names in _NAMES.items() for name in names}
_CUMULATIVE_MARKS = ("累计", "总", "total", "cumulative", "cum")
TIME_NAMES = frozenset(
    {
        "时间", "时间点", "分钟", "时刻", "统计时间", "日期时间", "采集时间", "记录时间",
        "time", "minute", "datetime", "timestamp", "timeminute", "date/time",
    }
)  # fmt: skip


DATE_NAMES = frozenset({"日期", "直播日期", "开播日期", "date", "sessiondate", "session_date"})


def is_date_name(header: object) -> bool:
    return normalise(header)[0] in DATE_NAMES


def rule_by_name(header: object) -> ColumnRule | None:
    """The rule a header's name implies, or None when it names no metric we know."""
    name, unit = normalise(header)
    cumulative = False
    for mark in _CUMULATIVE_MARKS:
        rest = name.removeprefix(mark).lstrip("_")
        if rest != name and rest in NAMES:
            name, cumulative = rest, True
            break
    metric_name = NAMES.get(name)
    if metric_name is None:
        return None
    scale = scale_of(metric_name, unit)
    if scale is None:
        return None
    if cumulative and METRICS[metric_name].kind is MetricKind.INSTANT:
        return None  # a running total of a reading means nothing
    kind = MetricKind.CUMULATIVE if cumulative else METRICS[metric_name].kind
    return ColumnRule(metric_name, kind, scale)


def rule_for(metric_name: str, kind: MetricKind, header: object) -> ColumnRule:
    """The rule for a column the user says holds `metric_name`: the scale from the header's unit
    when it names one ("(万元)", "(分)"), else the metric's usual unit (yuan, counts)."""
    scale = scale_of(metric_name, normalise(header)[1]) or scale_of(metric_name, "")
    assert scale is not None  # a metric's usual unit is always known
    return ColumnRule(metric_name, kind, scale)


def held_rule(held: str, header: object) -> ColumnRule | None:
    """The rule for a column the user says holds `held`: a metric's name, or "NAME:cumulative"
    for a running total; None when that is no metric (or a running total of a reading)."""
    name, _, kind = held.lower().partition(":")
    if name not in METRICS or kind not in ("", MetricKind.CUMULATIVE.value):
        return None
    if kind and METRICS[name].kind is MetricKind.INSTANT:
        return None
    return rule_for(name, MetricKind(kind or METRICS[name].kind.value), header)


def is_time_name(header: object) -> bool:
    return normalise(header)[0] in TIME_NAMES


class _PresetOptions(TypedDict, total=False):
    date_column: str
    instant_rule: InstantRule


def _preset(
    name: str,
    label: str,
    time_column: str,
    columns: dict[str, ColumnRule],
    **options: Unpack[_PresetOptions],
) -> Preset:
    keyed = {normalise(header)[0]: rule for header, rule in columns.items()}
    return Preset(name, label, normalise(time_column)[0], keyed, **options)


PRESETS: dict[str, Preset] = {
    preset.name: preset
    for preset in (
        _preset(
            "douyin-compass",
            "抖音电商罗盘 · 直播分钟数据",
            "时间",
            {
                "实时在线人数": _rule("online_viewers"),
                "进入直播间人数": _rule("entries"),
                "离开直播间人数": _rule("exits"),
                "成交金额": _rule("gmv"),
                "成交订单数": _rule("orders"),
                "成交人数": _rule("buyers"),
                "商品点击次数": _rule("product_clicks"),
                "评论次数": _rule("comments"),
                "点赞次数": _rule("likes"),
                "新增粉丝数": _rule("new_followers"),
            },
        ),
        _preset(
            "douyin-screen",
            "抖音直播大屏 · 累计数据",
            "时间",
            {
                "实时在线人数": _rule("online_viewers"),
                "累计观看人次": _rule("views", cumulative=True),
                "累计成交金额": _rule("gmv", cumulative=True),
                "累计成交订单数": _rule("orders", cumulative=True),
                "累计成交人数": _rule("buyers", cumulative=True),
                "累计新增粉丝数": _rule("new_followers", cumulative=True),
            },
            instant_rule=InstantRule.LAST,
        ),
        _preset(
            "douyin-gmv-minute",
            "抖音 · 分钟成交 (room_id, session_date, time, gmv_min)",
            "time",
            {"gmv_min": _rule("gmv")},
            date_column="session_date",
        ),
        _preset(
            "douyin-minute-trend",
            "抖音 · minute_trend (JSON)",
            "timeMinute",
            {
                "watchucnt": _rule("entries"),
                "pcutotal": _rule("online_viewers"),
                "leaveucnt": _rule("exits"),
                "commentcnt": _rule("comments"),
                "likecnt": _rule("likes"),
                "followucnt": _rule("new_followers"),
            },
        ),
        _preset(
            "taobao-live",
            "淘宝直播 · 中控台分钟数据",
            "时间",
            {
                "在线人数": _rule("online_viewers"),
                "观看次数": _rule("views"),
                "观看人数": _rule("unique_viewers"),
                "商品点击次数": _rule("product_clicks"),
                "成交笔数": _rule("orders"),
                "成交金额": _rule("gmv"),
                "成交人数": _rule("buyers"),
                "新增粉丝数": _rule("new_followers"),
                "评论数": _rule("comments"),
                "点赞数": _rule("likes"),
                "分享数": _rule("shares"),
            },
        ),
        _preset(
            "kuaishou",
            "快手小店 · 直播分钟数据",
            "时间",
            {
                "在线人数": _rule("online_viewers"),
                "进入直播间人数": _rule("entries"),
                "离开直播间人数": _rule("exits"),
                "成交金额": _rule("gmv"),
                "成交订单数": _rule("orders"),
                "成交件数": _rule("items_sold"),
                "评论数": _rule("comments"),
                "点赞数": _rule("likes"),
                "涨粉数": _rule("new_followers"),
            },
        ),
        _preset(
            "tiktok-shop",
            "TikTok Shop · LIVE Analytics",
            "Time",
            {
                "concurrentviewers": _rule("online_viewers"),
                "views": _rule("views"),
                "viewers": _rule("unique_viewers"),
                "gmv": _rule("gmv"),
                "orders": _rule("orders"),
                "customers": _rule("buyers"),
                "itemssold": _rule("items_sold"),
                "productclicks": _rule("product_clicks"),
                "comments": _rule("comments"),
                "likes": _rule("likes"),
                "shares": _rule("shares"),
                "newfollowers": _rule("new_followers"),
            },
        ),
        _preset(
            "screen-logger",
            "Screen logger · 30-second running totals",
            "采集时间",
            {
                "在线人数": _rule("online_viewers"),
                "累计观看人次": _rule("views", cumulative=True),
                "累计成交金额": _rule("gmv", cumulative=True),
                "累计成交订单数": _rule("orders", cumulative=True),
                "累计点赞数": _rule("likes", cumulative=True),
                "累计评论数": _rule("comments", cumulative=True),
            },
            instant_rule=InstantRule.LAST,
        ),
    )
}


def detect_preset(headers: Iterable[object]) -> Preset | None:
    """The preset that names the file's time column and most of its metric columns.

    Platforms add and drop columns between versions, so at least half of a preset's columns
    must appear, not all; between two presets the one matching more columns wins, then the one
    naming fewer columns the file lacks.
    """
    names = {normalise(h)[0] for h in headers}
    best: tuple[int, int] | None = None
    chosen: Preset | None = None
    for preset in PRESETS.values():
        matched = len(set(preset.columns) & names)
        if preset.time_column not in names or matched * 2 < len(preset.columns):
            continue
        score = (matched, matched - len(preset.columns))
        if best is None or score > best:
            best, chosen = score, preset
    return chosen
