"""The names the messages put inside their texts (a metric, a segment kind, a role), as the
window's labels say them: marked here once under the context "labels", which ui/labels and the
catalogue's wording both translate."""

from liveplanner.app.translations import QT_TRANSLATE_NOOP
from liveplanner.core.enums import Role, SegmentKind

ROLE_NAMES = {
    Role.HOST: QT_TRANSLATE_NOOP("labels", "Host"),
    Role.CO_HOST: QT_TRANSLATE_NOOP("labels", "Co-host"),
    Role.FLOOR_CONTROL: QT_TRANSLATE_NOOP("labels", "Floor control"),
    Role.CUSTOMER_SERVICE: QT_TRANSLATE_NOOP("labels", "Customer service"),
    Role.OPS: QT_TRANSLATE_NOOP("labels", "Operations"),
    Role.TECH: QT_TRANSLATE_NOOP("labels", "Tech"),
}

SEGMENT_KIND_NAMES = {
    SegmentKind.OPENING: QT_TRANSLATE_NOOP("labels", "Opening"),
    SegmentKind.PRODUCT_INTRO: QT_TRANSLATE_NOOP("labels", "Product intro"),
    SegmentKind.COUPON_DROP: QT_TRANSLATE_NOOP("labels", "Coupon drop"),
    SegmentKind.FLASH_SALE: QT_TRANSLATE_NOOP("labels", "Flash sale"),
    SegmentKind.LUCKY_DRAW: QT_TRANSLATE_NOOP("labels", "Lucky draw"),
    SegmentKind.QA: QT_TRANSLATE_NOOP("labels", "Q&A"),
    SegmentKind.CLOSING: QT_TRANSLATE_NOOP("labels", "Closing"),
    SegmentKind.OTHER: QT_TRANSLATE_NOOP("labels", "Other"),
}

# A canonical metric name (core.metrics) as the user's platform calls it.
METRIC_NAMES = {
    "online_viewers": QT_TRANSLATE_NOOP("labels", "Online viewers"),
    "entries": QT_TRANSLATE_NOOP("labels", "Entries"),
    "exits": QT_TRANSLATE_NOOP("labels", "Exits"),
    "views": QT_TRANSLATE_NOOP("labels", "Views"),
    "unique_viewers": QT_TRANSLATE_NOOP("labels", "Unique viewers"),
    "gmv": QT_TRANSLATE_NOOP("labels", "GMV"),
    "orders": QT_TRANSLATE_NOOP("labels", "Orders"),
    "buyers": QT_TRANSLATE_NOOP("labels", "Buyers"),
    "items_sold": QT_TRANSLATE_NOOP("labels", "Items sold"),
    "product_clicks": QT_TRANSLATE_NOOP("labels", "Product clicks"),
    "comments": QT_TRANSLATE_NOOP("labels", "Comments"),
    "likes": QT_TRANSLATE_NOOP("labels", "Likes"),
    "shares": QT_TRANSLATE_NOOP("labels", "Shares"),
    "new_followers": QT_TRANSLATE_NOOP("labels", "New followers"),
    "ad_spend": QT_TRANSLATE_NOOP("labels", "Ad spend"),
    "add_to_cart": QT_TRANSLATE_NOOP("labels", "Added to cart"),
    "product_exposures": QT_TRANSLATE_NOOP("labels", "Product exposures"),
    "avg_watch_s": QT_TRANSLATE_NOOP("labels", "Average watch time (s)"),
}
