"""The desk's words: the release checklist's items, when a cue is due, who ticked what."""

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from liveplanner.core.live_desk import DeskItem, ItemKind, Tick
from liveplanner.core.schedule import format_duration


def item_kind(kind: ItemKind) -> str:
    """The release checklist's words: 上架, 改价, 发券 and 开抽 on a Chinese screen."""
    return {
        ItemKind.CUE: QCoreApplication.translate("DeskTexts", "Cue"),
        ItemKind.LIST: QCoreApplication.translate("DeskTexts", "Put on the shelf"),
        ItemKind.PRICE: QCoreApplication.translate("DeskTexts", "Set the price"),
        ItemKind.COUPON: QCoreApplication.translate("DeskTexts", "Release coupons"),
        ItemKind.DRAW: QCoreApplication.translate("DeskTexts", "Start the draw"),
    }[kind]


def item_text(item: DeskItem, who: str = "") -> str:
    """ "Price (改价): 秒杀 ×1000", with the person's name before a cue that is theirs."""
    text = f"{who} · {item.text}" if who else item.text
    if item.quantity and str(item.quantity) not in item.text:  # a cue's words may say it
        text += f" ×{item.quantity}"
    return (
        QCoreApplication.translate("DeskTexts", "%1: %2")
        .replace("%1", item_kind(item.kind))
        .replace("%2", text)
    )


def due_text(due_s: float) -> str:
    whole = round(due_s)
    if whole > 0:
        return QCoreApplication.translate("DeskTexts", "in %1").replace(
            "%1", format_duration(whole)
        )
    if whole == 0:
        return QCoreApplication.translate("DeskTexts", "now")
    return QCoreApplication.translate("DeskTexts", "%1 late").replace("%1", format_duration(-whole))


def tick_text(tick: Tick, what: str, zone: ZoneInfo) -> str:
    """ "19:42:05 王磊 · Price (改价): 秒杀": when, who and what."""
    return f"{clock(tick.at, zone)}  {tick.actor} · {what}"


def clock(at: datetime, zone: ZoneInfo) -> str:
    return at.astimezone(zone).strftime("%H:%M:%S")
