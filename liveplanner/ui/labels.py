"""People's names for the stored identifiers, in the user's language, and the colours of kinds."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from liveplanner.core.enums import (
    ContentCategory,
    Platform,
    PromoKind,
    Role,
    SegmentKind,
    ShowStatus,
)


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
    return {
        SegmentKind.OPENING: QCoreApplication.translate("labels", "Opening"),
        SegmentKind.PRODUCT_INTRO: QCoreApplication.translate("labels", "Product intro"),
        SegmentKind.COUPON_DROP: QCoreApplication.translate("labels", "Coupon drop"),
        SegmentKind.FLASH_SALE: QCoreApplication.translate("labels", "Flash sale"),
        SegmentKind.LUCKY_DRAW: QCoreApplication.translate("labels", "Lucky draw"),
        SegmentKind.QA: QCoreApplication.translate("labels", "Q&A"),
        SegmentKind.CLOSING: QCoreApplication.translate("labels", "Closing"),
        SegmentKind.OTHER: QCoreApplication.translate("labels", "Other"),
    }[value]


def role(value: Role) -> str:
    return {
        Role.HOST: QCoreApplication.translate("labels", "Host"),
        Role.CO_HOST: QCoreApplication.translate("labels", "Co-host"),
        Role.FLOOR_CONTROL: QCoreApplication.translate("labels", "Floor control"),
        Role.CUSTOMER_SERVICE: QCoreApplication.translate("labels", "Customer service"),
        Role.OPS: QCoreApplication.translate("labels", "Operations"),
        Role.TECH: QCoreApplication.translate("labels", "Tech"),
    }[value]


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


def metric(name: str) -> str:
    """A canonical metric name (core.metrics) as the user's platform calls it."""
    return {
        "online_viewers": QCoreApplication.translate("labels", "Online viewers"),
        "entries": QCoreApplication.translate("labels", "Entries"),
        "exits": QCoreApplication.translate("labels", "Exits"),
        "views": QCoreApplication.translate("labels", "Views"),
        "unique_viewers": QCoreApplication.translate("labels", "Unique viewers"),
        "gmv": QCoreApplication.translate("labels", "GMV"),
        "orders": QCoreApplication.translate("labels", "Orders"),
        "buyers": QCoreApplication.translate("labels", "Buyers"),
        "items_sold": QCoreApplication.translate("labels", "Items sold"),
        "product_clicks": QCoreApplication.translate("labels", "Product clicks"),
        "comments": QCoreApplication.translate("labels", "Comments"),
        "likes": QCoreApplication.translate("labels", "Likes"),
        "shares": QCoreApplication.translate("labels", "Shares"),
        "new_followers": QCoreApplication.translate("labels", "New followers"),
        "ad_spend": QCoreApplication.translate("labels", "Ad spend"),
    }[name]
