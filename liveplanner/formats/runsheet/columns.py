"""The columns of a run sheet (整场脚本) and the words that name segment kinds, in Chinese and
English: what the importer recognises and what the exporter writes.

Header names are compared as formats.headers.normalise compares them (NFKC, lower case, no spaces, a
unit in brackets set apart), so "时长(分钟)" is the duration column with its unit "分钟".
"""

import re
import unicodedata
from enum import StrEnum

from liveplanner.core.enums import Role, SegmentKind
from liveplanner.formats.headers import normalise


class Field(StrEnum):
    """What a run-sheet column holds."""

    POSITION = "position"
    START = "start"
    DURATION = "duration"
    KIND = "kind"
    TITLE = "title"
    PRODUCT = "product"
    SKU = "sku"
    LIST_PRICE = "list_price"
    LIVE_PRICE = "live_price"
    STOCK = "stock"
    OFFER = "offer"
    TALKING_POINTS = "talking_points"
    HOST = "host"
    CO_HOST = "co_host"
    FLOOR_CONTROL = "floor_control"
    CUSTOMER_SERVICE = "customer_service"
    OPS = "ops"
    TECH = "tech"
    NOTES = "notes"


ROLE_OF_FIELD: dict[Field, Role] = {
    Field.HOST: Role.HOST,
    Field.CO_HOST: Role.CO_HOST,
    Field.FLOOR_CONTROL: Role.FLOOR_CONTROL,
    Field.CUSTOMER_SERVICE: Role.CUSTOMER_SERVICE,
    Field.OPS: Role.OPS,
    Field.TECH: Role.TECH,
}
FIELD_OF_ROLE = {role: field for field, role in ROLE_OF_FIELD.items()}

# Names seen in teams' sheets, normalised (lower case, no spaces). The first of each is what the
# exporter writes in Chinese.
_NAMES: dict[Field, tuple[str, ...]] = {
    Field.POSITION: ("序号", "编号", "顺序", "no.", "no", "#", "number", "seq"),
    Field.START: (
        "时间", "时间段", "开始时间", "时间节点", "时段", "开播时间", "time", "start",
        "starttime", "clock", "timeslot",
    ),
    Field.DURATION: ("时长", "用时", "分钟", "环节时长", "duration", "length", "mins", "minutes"),
    Field.KIND: (
        "环节", "直播环节", "环节类型", "类型", "流程", "板块", "segment", "kind", "type",
        "section", "segmenttype",
    ),
    Field.TITLE: ("内容", "环节内容", "标题", "主题", "直播内容", "title", "content", "topic"),
    Field.PRODUCT: (
        "商品", "产品", "商品名称", "产品名称", "款式", "品名", "product", "item", "productname",
    ),
    Field.SKU: (
        "链接号", "链接", "上架链接", "商品链接号", "商品id", "商品编号", "货号", "sku", "link",
        "linkno.", "linkno", "productid",
    ),
    Field.LIST_PRICE: (
        "原价", "日常价", "吊牌价", "划线价", "市场价", "listprice", "originalprice", "rrp", "msrp",
    ),
    Field.LIVE_PRICE: (
        "直播价", "到手价", "活动价", "直播间价格", "现价", "liveprice", "price", "saleprice",
        "dealprice",
    ),
    Field.STOCK: ("库存", "备货", "库存数", "直播库存", "stock", "inventory", "units", "qty"),
    Field.OFFER: (
        "优惠/福利", "优惠", "福利", "优惠福利", "福利机制", "优惠机制", "机制", "玩法",
        "活动", "offer", "offers", "promo", "promos", "benefit", "benefits", "deal",
    ),
    Field.TALKING_POINTS: (
        "话术要点", "话术", "讲解要点", "卖点", "核心卖点", "话术/卖点", "讲解内容",
        "talkingpoints", "keypoints", "script", "sellingpoints", "pitch",
    ),
    Field.HOST: ("主播", "主讲", "host", "anchor", "presenter"),
    Field.CO_HOST: ("助播", "副播", "co-host", "cohost", "assistant"),
    Field.FLOOR_CONTROL: ("场控", "中控", "floorcontrol", "floor", "floormanager"),
    Field.CUSTOMER_SERVICE: ("客服", "customerservice", "cs", "support"),
    Field.OPS: ("运营", "ops", "operations"),
    Field.TECH: ("技术", "tech", "technician"),
    Field.NOTES: ("备注", "说明", "注意事项", "notes", "note", "remarks", "comments"),
}  # fmt: skip
_BY_NAME = {name: field for field, names in _NAMES.items() for name in names}

# What the exporter writes as headers.
HEADERS: dict[str, dict[Field, str]] = {
    "zh": {field: names[0] for field, names in _NAMES.items()},
    "en": {
        Field.POSITION: "No.",
        Field.START: "Time",
        Field.DURATION: "Duration",
        Field.KIND: "Segment",
        Field.TITLE: "Content",
        Field.PRODUCT: "Product",
        Field.SKU: "Link no.",
        Field.LIST_PRICE: "List price",
        Field.LIVE_PRICE: "Live price",
        Field.STOCK: "Stock",
        Field.OFFER: "Offer",
        Field.TALKING_POINTS: "Talking points",
        Field.HOST: "Host",
        Field.CO_HOST: "Co-host",
        Field.FLOOR_CONTROL: "Floor control",
        Field.CUSTOMER_SERVICE: "Customer service",
        Field.OPS: "Ops",
        Field.TECH: "Tech",
        Field.NOTES: "Notes",
    },
}

# Fields that make a row a segment; a header must name one of them.
SEGMENT_FIELDS = frozenset({Field.START, Field.DURATION, Field.KIND, Field.TITLE})


def field_of(header: object) -> Field | None:
    """The field a header names, or None."""
    if header is None:
        return None
    name, _unit = normalise(header)
    if name in _BY_NAME:  # "时间：" is a label beside a value, not a column's header
        return _BY_NAME[name]
    before, _slash, _unit = name.partition("/")  # 时长/分钟
    return _BY_NAME.get(before) if _slash else None


def header_unit(header: object) -> str:
    """The unit in a header's brackets or after a slash: "时长(秒)", "时长/秒" -> "秒"."""
    name, unit = normalise(header)
    if not unit and name not in _BY_NAME and "/" in name:
        unit = name.partition("/")[2]
    return unit


# Kind words, most specific first: a 秒杀款讲解 is a product intro, 开场福袋 a lucky draw and
# 开场福利 an opening. Chinese words are found inside the cell; English ones as whole words.
_KIND_WORDS: tuple[tuple[SegmentKind, tuple[str, ...], str], ...] = (
    (SegmentKind.PRODUCT_INTRO, ("产品讲解", "讲解", "过款"), r"product intro\w*"),
    (SegmentKind.FLASH_SALE, ("秒杀", "抢购"), r"flash ?sales?|flash"),
    (SegmentKind.LUCKY_DRAW, ("抽奖", "福袋", "红包"), r"lucky ?draws?|giveaways?|draws?"),
    (SegmentKind.OPENING, ("开场", "暖场", "开播", "预热"), r"opening|warm-?up"),
    (SegmentKind.COUPON_DROP, ("发券", "优惠券", "领券", "福利"), r"coupons?|vouchers?"),
    (SegmentKind.CLOSING, ("收尾", "结尾", "下播", "预告", "总结"), r"closing|wrap(?:-?up)?|outro"),
    (
        SegmentKind.QA,
        ("答疑", "互动", "连麦", "问答", "聊天"),
        r"q ?& ?a|qa|questions?|interaction|chat",
    ),
    (SegmentKind.PRODUCT_INTRO, ("介绍", "试用", "展示", "产品"), r"products?|pitch|demo"),
)
_KIND_PATTERNS = tuple(
    (kind, words, re.compile(rf"\b(?:{english})\b")) for kind, words, english in _KIND_WORDS
)
# The exporter's words, one per kind; the importer knows them all.
KIND_LABELS: dict[str, dict[SegmentKind, str]] = {
    "zh": {
        SegmentKind.OPENING: "开场",
        SegmentKind.PRODUCT_INTRO: "产品讲解",
        SegmentKind.COUPON_DROP: "发券",
        SegmentKind.FLASH_SALE: "秒杀",
        SegmentKind.LUCKY_DRAW: "抽奖",
        SegmentKind.QA: "答疑",
        SegmentKind.CLOSING: "收尾",
        SegmentKind.OTHER: "其他",
    },
    "en": {
        SegmentKind.OPENING: "Opening",
        SegmentKind.PRODUCT_INTRO: "Product intro",
        SegmentKind.COUPON_DROP: "Coupon drop",
        SegmentKind.FLASH_SALE: "Flash sale",
        SegmentKind.LUCKY_DRAW: "Lucky draw",
        SegmentKind.QA: "Q&A",
        SegmentKind.CLOSING: "Closing",
        SegmentKind.OTHER: "Other",
    },
}
_EXACT_KIND = {
    label.lower().replace(" ", ""): kind
    for labels in KIND_LABELS.values()
    for kind, label in labels.items()
}

# A row whose segment cell says only this marks the end of the show, not a segment.
_END_WORDS = frozenset({"下播", "结束", "直播结束", "end", "endofshow", "offair"})


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower().replace(" ", "")


def kind_of(text: object) -> SegmentKind | None:
    """The segment kind a cell's words name ("产品讲解：蓝牙耳机", "Flash sale #2"), or None."""
    if text is None:
        return None
    key = _key(str(text))
    if not key:
        return None
    if key in _EXACT_KIND:
        return _EXACT_KIND[key]
    spaced = unicodedata.normalize("NFKC", str(text)).lower()
    for kind, words, english in _KIND_PATTERNS:
        if any(word in key for word in words) or english.search(spaced):
            return kind
    return None


def is_end_marker(text: object) -> bool:
    return text is not None and _key(str(text)) in _END_WORDS
