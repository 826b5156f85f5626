"""People's names for the stored identifiers, in the user's language, and the colours of kinds;
stored values (money, durations, times, kinds) as a person reads them, and fields' names."""

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from liveplanner.app.messages.names import METRIC_NAMES, ROLE_NAMES, SEGMENT_KIND_NAMES
from liveplanner.core.enums import (
    ContentCategory,
    Platform,
    PromoKind,
    Role,
    SegmentKind,
    ShowStatus,
)
from liveplanner.core.money import format_percent, format_yuan
from liveplanner.core.schedule import format_duration

EMPTY = "—"  # a field with no value, where a blank could be mistaken for a missing cell
TIME_FORMAT = "%Y-%m-%d %H:%M"


def platform(value: Platform) -> str:
    return {
        Platform.DOUYIN: QCoreApplication.translate("labels", "Douyin"),
        Platform.TAOBAO: QCoreApplication.translate("labels", "Taobao Live"),
        Platform.KUAISHOU: QCoreApplication.translate("labels", "Kuaishou"),
        Platform.TIKTOK: QCoreApplication.translate("labels", "TikTok Shop"),
        Platform.CHANNELS: QCoreApplication.translate("labels", "WeChat Channels"),
        Platform.OTHER: QCoreApplication.translate("labels", "Other"),
    }[value]


def status(value: ShowStatus) -> str:
    return {
        ShowStatus.DRAFT: QCoreApplication.translate("labels", "Draft"),
        ShowStatus.APPROVED: QCoreApplication.translate("labels", "Approved"),
        ShowStatus.LIVE: QCoreApplication.translate("labels", "Live"),
        ShowStatus.DONE: QCoreApplication.translate("labels", "Done"),
        ShowStatus.REVIEWED: QCoreApplication.translate("labels", "Reviewed"),
    }[value]


def segment_kind(value: SegmentKind) -> str:
    return QCoreApplication.translate("labels", SEGMENT_KIND_NAMES[value])


def role(value: Role) -> str:
    # Named once, beside the findings that name roles on the command line too.
    return QCoreApplication.translate("labels", ROLE_NAMES[value])


def promo_kind(value: PromoKind) -> str:
    return {
        PromoKind.COUPON: QCoreApplication.translate("labels", "Coupon"),
        PromoKind.FLASH_SALE: QCoreApplication.translate("labels", "Flash sale"),
        PromoKind.LUCKY_DRAW: QCoreApplication.translate("labels", "Lucky draw"),
        PromoKind.GIFT: QCoreApplication.translate("labels", "Gift"),
    }[value]


def category(value: ContentCategory) -> str:
    return {
        ContentCategory.SHOWCASE: QCoreApplication.translate("labels", "Products"),
        ContentCategory.PROMOTION: QCoreApplication.translate("labels", "Promotions"),
        ContentCategory.INTERACTION: QCoreApplication.translate("labels", "Interaction"),
        ContentCategory.OTHER: QCoreApplication.translate("labels", "Other"),
    }[value]


# Mid-tone colours, readable under dark text in the light theme and light text in the dark one.
KIND_COLORS: dict[SegmentKind, QColor] = {
    SegmentKind.OPENING: QColor("#7fa7d9"),
    SegmentKind.PRODUCT_INTRO: QColor("#6cbf8a"),
    SegmentKind.COUPON_DROP: QColor("#e8b04b"),
    SegmentKind.FLASH_SALE: QColor("#e0735f"),
    SegmentKind.LUCKY_DRAW: QColor("#c48ad6"),
    SegmentKind.QA: QColor("#5fc0c0"),
    SegmentKind.CLOSING: QColor("#8f9bb3"),
    SegmentKind.OTHER: QColor("#b8b8b8"),
}
CATEGORY_COLORS: dict[ContentCategory, QColor] = {
    ContentCategory.SHOWCASE: KIND_COLORS[SegmentKind.PRODUCT_INTRO],
    ContentCategory.PROMOTION: KIND_COLORS[SegmentKind.COUPON_DROP],
    ContentCategory.INTERACTION: KIND_COLORS[SegmentKind.QA],
    ContentCategory.OTHER: KIND_COLORS[SegmentKind.OTHER],
}


def layout(name: str, label: str) -> str:
    """A platform export's layout (formats.metrics.presets) in the user's language; `label`, the
    preset's own, for a layout named nowhere here."""
    names = {
        "douyin-compass": QCoreApplication.translate(
            "labels", "Douyin E-commerce Compass · live minute data"
        ),
        "douyin-screen": QCoreApplication.translate(
            "labels", "Douyin live big screen · running totals"
        ),
        "douyin-gmv-minute": QCoreApplication.translate(
            "labels", "Douyin · GMV per minute (room_id, session_date, time, gmv_min)"
        ),
        "douyin-minute-trend": QCoreApplication.translate("labels", "Douyin · minute_trend (JSON)"),
        "taobao-live": QCoreApplication.translate("labels", "Taobao Live · console minute data"),
        "kuaishou": QCoreApplication.translate("labels", "Kuaishou shop · live minute data"),
        "tiktok-shop": QCoreApplication.translate("labels", "TikTok Shop · LIVE Analytics"),
        "screen-logger": QCoreApplication.translate(
            "labels", "Screen logger · 30-second running totals"
        ),
    }
    return names.get(name, label)


def metric(name: str) -> str:
    """A canonical metric name (core.metrics) as the user's platform calls it."""
    return QCoreApplication.translate("labels", METRIC_NAMES[name])


# Values as a person reads them, outside a table whose column already says what they are.


def named(name: str, text: str) -> str:
    """A name and what it says: "Orders: 12" in English, 订单数：12 with the full-width colon."""
    return QCoreApplication.translate("labels", "%1: %2").replace("%1", name).replace("%2", text)


def money(fen: int | None) -> str:
    """1250 -> '¥12.50'."""
    return EMPTY if fen is None else f"¥{format_yuan(fen)}"


def duration(seconds: int | None) -> str:
    """270 -> '4:30'."""
    return EMPTY if seconds is None else format_duration(seconds)


def percent(bp: int | None) -> str:
    """1250 -> '12.5%'."""
    return EMPTY if bp is None else format_percent(bp)


def moment(value: datetime | None) -> str:
    """An aware time in its own zone (a show's times are in the show's zone)."""
    return EMPTY if value is None else value.strftime(TIME_FORMAT)


def value(value: object) -> str:
    """Any stored value with no unit of its own: kinds by their names, empty as '—'."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, Enum):
        labels_of: dict[type[Enum], Callable[[Any], str]] = {
            Platform: platform,
            ShowStatus: status,
            SegmentKind: segment_kind,
            Role: role,
            PromoKind: promo_kind,
            ContentCategory: category,
        }
        named = labels_of.get(type(value))
        return named(value) if named else str(value.value)
    if isinstance(value, datetime):
        return moment(value)
    return str(value)


def field_value(field: str, stored: object, name_of: Callable[[str, int], str | None]) -> str:
    """A stored field's value as a person reads it: ¥ for fen, % for basis points, m:ss for
    seconds, and for an id (or a role's person) the name `name_of(field, id)` gives."""
    if stored is None or stored == "":
        return EMPTY
    if field.endswith("_fen"):
        return money(_whole(stored))
    if field.endswith("_bp"):
        return percent(_whole(stored))
    if field.endswith("_s"):
        return duration(_whole(stored))
    if field.endswith("_id") or field in {r.value for r in Role}:
        # An id no longer in the show (a product since deleted) is still shown as something.
        return name_of(field, _whole(stored)) or f"#{stored}"
    return value(stored)


def _whole(stored: object) -> int:
    # A value as the history kept it (a JSON number, or text): int() refuses one that is not.
    whole: int = int(stored)  # type: ignore[call-overload]
    return whole


# Fields by the names the editor shows them under: the same words (and translations) as the
# segment table's headers, the show form's labels and the part tables' headers.


def segment_field(name: str) -> str:
    """A segment field, or a role (its value, e.g. 'host') for who plays it in the segment."""
    if name in {r.value for r in Role}:
        return role(Role(name))
    return {
        "kind": QCoreApplication.translate("SegmentTableModel", "Kind"),
        "title": QCoreApplication.translate("SegmentTableModel", "Title"),
        "duration_s": QCoreApplication.translate("SegmentTableModel", "Length"),
        "product_id": QCoreApplication.translate("SegmentTableModel", "Product"),
        "notes": QCoreApplication.translate("SegmentTableModel", "Notes"),
        "talking_points": QCoreApplication.translate("ShowEditor", "Talking points"),
    }.get(name, name)


def show_field(name: str) -> str:
    return (
        {
            "title": QCoreApplication.translate("ShowForm", "Title"),
            "planned_start": QCoreApplication.translate("ShowForm", "Start"),
            "platform": QCoreApplication.translate("ShowForm", "Platform"),
            "status": QCoreApplication.translate("ShowForm", "Status"),
            "room": QCoreApplication.translate("ShowForm", "Room / account"),
            "time_zone": QCoreApplication.translate("ShowForm", "Time zone"),
            "planned_end": QCoreApplication.translate("ShowForm", "Planned end"),
            "hard_stop": QCoreApplication.translate("ShowForm", "Hard stop"),
            "max_discount_bp": QCoreApplication.translate("ShowForm", "Maximum discount (%)"),
            "min_margin_bp": QCoreApplication.translate("ShowForm", "Minimum margin on cost (%)"),
            "target_gmv_fen": QCoreApplication.translate("ShowForm", "Target GMV (yuan)"),
            "target_viewers": QCoreApplication.translate("ShowForm", "Target viewers"),
            "target_conversion_bp": QCoreApplication.translate("ShowForm", "Target conversion (%)"),
            "target_new_followers": QCoreApplication.translate("ShowForm", "Target new followers"),
            "target_interaction_bp": QCoreApplication.translate(
                "ShowForm", "Target interaction (%)"
            ),
            "notes": QCoreApplication.translate("ShowForm", "Notes"),
        }.get(name)
        or paid_target(name)
        or rhythm_field(name)
        or name
    )


def paid_target(name: str) -> str | None:
    """A show's target of whether it paid (ui.editor.paid_targets), by its column."""
    from liveplanner.ui.editor.paid_targets import field_label

    return field_label(name)


def rhythm_field(name: str) -> str | None:
    """A show's rhythm setting (ui.editor.rhythm_fields), by its column."""
    from liveplanner.ui.editor.rhythm_fields import field_label

    return field_label(name)


def part_field(name: str) -> str:
    """A field of a team member, product, promo, cue or release (one name means one thing)."""
    return {
        "person_id": QCoreApplication.translate("PartTableModel", "Person"),
        "role": QCoreApplication.translate("PartTableModel", "Role"),
        "sku": QCoreApplication.translate("PartTableModel", "SKU"),
        "name": QCoreApplication.translate("PartTableModel", "Name"),
        "list_price_fen": QCoreApplication.translate("PartTableModel", "List price"),
        "live_price_fen": QCoreApplication.translate("PartTableModel", "Live price"),
        "unit_cost_fen": QCoreApplication.translate("PartTableModel", "Unit cost"),
        "stock": QCoreApplication.translate("PartTableModel", "Stock"),
        "kind": QCoreApplication.translate("PartTableModel", "Kind"),
        "product_id": QCoreApplication.translate("PartTableModel", "Product"),
        "quantity": QCoreApplication.translate("PartTableModel", "Quantity"),
        "face_value_fen": QCoreApplication.translate("PartTableModel", "Face value"),
        "special_price_fen": QCoreApplication.translate("PartTableModel", "Special price"),
        "threshold_fen": QCoreApplication.translate("PartTableModel", "Threshold"),
        "per_user_limit": QCoreApplication.translate("PartTableModel", "Per user"),
        "budget_fen": QCoreApplication.translate("PartTableModel", "Budget"),
        "notes": QCoreApplication.translate("PartTableModel", "Notes"),
        "offset_s": QCoreApplication.translate("PartTableModel", "At (m:ss)"),
        "cue": QCoreApplication.translate("PartTableModel", "Cue"),
        "promo_id": QCoreApplication.translate("PartTableModel", "Promo"),
    }.get(name, name)
