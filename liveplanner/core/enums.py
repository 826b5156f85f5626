"""The trade's fixed vocabularies: platforms, statuses, segment kinds, roles, promo and run kinds.

Values are the stable identifiers stored in the database and printed by the CLI; labels for
people live in the UI's translations.
"""

from enum import StrEnum


class Platform(StrEnum):
    DOUYIN = "douyin"
    TAOBAO = "taobao"
    KUAISHOU = "kuaishou"
    TIKTOK = "tiktok"
    CHANNELS = "channels"  # WeChat Channels (视频号)
    OTHER = "other"


class ShowStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    LIVE = "live"
    DONE = "done"
    REVIEWED = "reviewed"


class SegmentKind(StrEnum):
    OPENING = "opening"
    PRODUCT_INTRO = "product_intro"
    COUPON_DROP = "coupon_drop"
    FLASH_SALE = "flash_sale"
    LUCKY_DRAW = "lucky_draw"
    QA = "qa"
    CLOSING = "closing"
    OTHER = "other"


class ContentCategory(StrEnum):
    """The three parts of a show's content mix that campaign plans set targets for."""

    SHOWCASE = "showcase"
    PROMOTION = "promotion"
    INTERACTION = "interaction"
    OTHER = "other"


CATEGORY_OF_KIND: dict[SegmentKind, ContentCategory] = {
    SegmentKind.PRODUCT_INTRO: ContentCategory.SHOWCASE,
    SegmentKind.COUPON_DROP: ContentCategory.PROMOTION,
    SegmentKind.FLASH_SALE: ContentCategory.PROMOTION,
    SegmentKind.LUCKY_DRAW: ContentCategory.PROMOTION,
    SegmentKind.QA: ContentCategory.INTERACTION,
    SegmentKind.OPENING: ContentCategory.OTHER,
    SegmentKind.CLOSING: ContentCategory.OTHER,
    SegmentKind.OTHER: ContentCategory.OTHER,
}


class Role(StrEnum):
    HOST = "host"
    CO_HOST = "co_host"
    FLOOR_CONTROL = "floor_control"
    CUSTOMER_SERVICE = "customer_service"
    OPS = "ops"
    TECH = "tech"


class PromoKind(StrEnum):
    COUPON = "coupon"
    FLASH_SALE = "flash_sale"
    LUCKY_DRAW = "lucky_draw"
    GIFT = "gift"


class RunKind(StrEnum):
    REHEARSAL = "rehearsal"
    LIVE = "live"


class RunEventKind(StrEnum):
    STARTED = "started"  # the run began (before its first segment)
    SEGMENT_STARTED = "segment_started"
    PAUSED = "paused"
    RESUMED = "resumed"
    SKIPPED = "skipped"
    TIME_ADDED = "time_added"  # seconds may be negative: time removed
    NOTE = "note"
    CLOCK_JUMP = "clock_jump"  # wall clock and monotonic clock disagreed
    ENDED = "ended"


class DeskEventKind(StrEnum):
    """What the live desk logged beside the timer (core.live_desk): kept apart from the timer's
    events, whose clocks place the segments, because any screen on the studio network logs
    these on its own computer's clock."""

    TICKED = "ticked"  # an item ticked off (item: its key; actor: who)
    UNTICKED = "unticked"  # a tick taken back
    RELEASED = "released"  # more units of a promo put out (item: promo:ID; quantity: how many)
    CLAIMED = "claimed"  # a promo's units taken so far (item: promo:ID; quantity: the figure)
    SOLD = "sold"  # a product's units sold so far (item: product:ID; quantity: the figure)
    SOLD_OUT = "sold_out"  # a promo or product gone (item: promo:ID or product:ID)
    # A live alert raised (core.live_alerts; item: alert:NAME; quantity: its headline figure).
    ALERT = "alert"
    # A figure floor control typed into the live feed (item: feed:METRIC; quantity: as stored).
    TYPED = "typed"


class NoteCategory(StrEnum):
    WORKED = "worked"
    PROBLEM = "problem"
    ACTION = "action"
    OTHER = "other"
