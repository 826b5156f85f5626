"""Starting plans for a new show: a 1-hour flash show, a standard 2-hour show, a 3-hour big promo.

Each follows the rhythm campaign plans recommend: a benefit (coupon, flash sale or lucky draw)
every 15 to 30 minutes, short product intros, and each promo right after its product. Products
are placeholders ("Product 1") for the producer to name and price.
"""

from datetime import datetime
from enum import StrEnum

from liveplanner.core.enums import Platform, PromoKind, Role, SegmentKind
from liveplanner.core.plan import DEFAULT_TIME_ZONE, Duty, Product, Promo, Segment, Show, ShowPlan

K = SegmentKind


class Template(StrEnum):
    FLASH_1H = "flash_1h"
    STANDARD_2H = "standard_2h"
    BIG_PROMO_3H = "big_promo_3h"


# (kind, minutes, product number or 0)
_STEPS: dict[Template, tuple[tuple[SegmentKind, int, int], ...]] = {
    Template.FLASH_1H: (
        (K.OPENING, 5, 0),
        (K.LUCKY_DRAW, 3, 0),
        (K.PRODUCT_INTRO, 5, 1),
        (K.FLASH_SALE, 3, 1),
        (K.PRODUCT_INTRO, 5, 2),
        (K.COUPON_DROP, 2, 0),
        (K.PRODUCT_INTRO, 5, 3),
        (K.FLASH_SALE, 3, 3),
        (K.QA, 5, 0),
        (K.PRODUCT_INTRO, 5, 2),
        (K.LUCKY_DRAW, 3, 0),
        (K.PRODUCT_INTRO, 5, 1),
        (K.COUPON_DROP, 2, 0),
        (K.QA, 4, 0),
        (K.CLOSING, 5, 0),
    ),
    Template.STANDARD_2H: (
        (K.OPENING, 6, 0),
        (K.LUCKY_DRAW, 4, 0),
        (K.PRODUCT_INTRO, 7, 1),
        (K.COUPON_DROP, 3, 0),
        (K.PRODUCT_INTRO, 7, 2),
        (K.FLASH_SALE, 4, 2),
        (K.QA, 6, 0),
        (K.PRODUCT_INTRO, 7, 3),
        (K.COUPON_DROP, 3, 3),
        (K.PRODUCT_INTRO, 7, 4),
        (K.LUCKY_DRAW, 4, 0),
        (K.PRODUCT_INTRO, 7, 5),
        (K.FLASH_SALE, 4, 5),
        (K.QA, 8, 0),
        (K.PRODUCT_INTRO, 6, 1),
        (K.COUPON_DROP, 3, 0),
        (K.PRODUCT_INTRO, 6, 2),
        (K.FLASH_SALE, 4, 2),
        (K.PRODUCT_INTRO, 6, 3),
        (K.LUCKY_DRAW, 4, 0),
        (K.QA, 6, 0),
        (K.CLOSING, 8, 0),
    ),
    Template.BIG_PROMO_3H: (
        (K.OPENING, 10, 0),
        (K.LUCKY_DRAW, 5, 0),
        (K.PRODUCT_INTRO, 8, 1),
        (K.COUPON_DROP, 3, 0),
        (K.PRODUCT_INTRO, 8, 2),
        (K.FLASH_SALE, 5, 2),
        (K.QA, 7, 0),
        (K.PRODUCT_INTRO, 8, 3),
        (K.COUPON_DROP, 3, 3),
        (K.PRODUCT_INTRO, 7, 4),
        (K.LUCKY_DRAW, 5, 0),
        (K.PRODUCT_INTRO, 7, 5),
        (K.FLASH_SALE, 5, 5),
        (K.QA, 8, 0),
        (K.OTHER, 3, 0),
        (K.PRODUCT_INTRO, 7, 6),
        (K.COUPON_DROP, 3, 0),
        (K.PRODUCT_INTRO, 7, 1),
        (K.FLASH_SALE, 5, 1),
        (K.PRODUCT_INTRO, 7, 2),
        (K.LUCKY_DRAW, 5, 0),
        (K.QA, 8, 0),
        (K.PRODUCT_INTRO, 7, 3),
        (K.FLASH_SALE, 5, 3),
        (K.PRODUCT_INTRO, 7, 4),
        (K.COUPON_DROP, 3, 0),
        (K.QA, 8, 0),
        (K.LUCKY_DRAW, 5, 0),
        (K.CLOSING, 11, 0),
    ),
}

# Titles in the two languages the app ships; {product} is the placeholder product's name.
_TITLES = {
    "zh": {
        K.OPENING: "开场暖场·福利预告",
        K.PRODUCT_INTRO: "讲解：{product}",
        K.COUPON_DROP: "发券",
        K.FLASH_SALE: "秒杀：{product}",
        K.LUCKY_DRAW: "福袋抽奖",
        K.QA: "答疑互动",
        K.CLOSING: "收尾·下场预告",
        K.OTHER: "中场播报",
        "product": "商品 {n}",
        "coupon": "全场满减券",
        "draw": "福袋",
        "flash": "{product} 秒杀",
        "cue_coupon": "上架优惠券",
        "cue_flash": "上秒杀链接",
        "cue_draw": "发福袋",
    },
    "en": {
        K.OPENING: "Opening: today's deals",
        K.PRODUCT_INTRO: "Intro: {product}",
        K.COUPON_DROP: "Coupon drop",
        K.FLASH_SALE: "Flash sale: {product}",
        K.LUCKY_DRAW: "Lucky draw",
        K.QA: "Q&A",
        K.CLOSING: "Closing: next show",
        K.OTHER: "Break announcement",
        "product": "Product {n}",
        "coupon": "Store-wide coupon",
        "draw": "Lucky bag",
        "flash": "{product} flash sale",
        "cue_coupon": "release the coupons",
        "cue_flash": "put the flash-sale link up",
        "cue_draw": "send the lucky bag",
    },
}


def template_plan(
    template: Template,
    title: str,
    start: datetime,
    platform: Platform = Platform.DOUYIN,
    time_zone: str = DEFAULT_TIME_ZONE,
    language: str = "zh",
) -> ShowPlan:
    """A new show's plan from a template, in `language` ('zh' or 'en')."""
    words = _TITLES.get(language, _TITLES["en"])
    steps = _STEPS[template]
    numbers = sorted({n for _, _, n in steps if n})
    products = tuple(Product(n, f"P{n:02d}", words["product"].format(n=n)) for n in numbers)
    names = {p.id: p.name for p in products}
    coupon = Promo(1, PromoKind.COUPON, words["coupon"])
    draw = Promo(2, PromoKind.LUCKY_DRAW, words["draw"])
    flash_promos = {
        n: Promo(10 + n, PromoKind.FLASH_SALE, words["flash"].format(product=names[n]), n)
        for n in sorted({n for kind, _, n in steps if kind is K.FLASH_SALE})
    }
    segments: list[Segment] = []
    duties: list[Duty] = []
    cues = {K.COUPON_DROP: "cue_coupon", K.FLASH_SALE: "cue_flash", K.LUCKY_DRAW: "cue_draw"}
    for number, (kind, minutes, product) in enumerate(steps, start=1):
        segments.append(
            Segment(
                id=number,
                kind=kind,
                title=words[kind].format(product=names.get(product, "")),
                duration_s=minutes * 60,
                product_id=product or None,
            )
        )
        if kind in cues:
            duties.append(Duty(len(duties) + 1, number, 10, words[cues[kind]], Role.FLOOR_CONTROL))
    show = Show(id=1, title=title, planned_start=start, platform=platform, time_zone=time_zone)
    return ShowPlan(
        show=show,
        segments=tuple(segments),
        products=products,
        promos=(coupon, draw, *flash_promos.values()),
        duties=tuple(duties),
    )
