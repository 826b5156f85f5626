"""Which column of a product export holds which figure: a preset's layout, else the header's
name, else a known name among the header's words, or the user's mapping (`--map HEADER=FIELD`).

Header names are compared as formats.headers.normalise compares them, so "成交金额（元）" and
"成交金额(元)" are one name, the unit in brackets read apart ("万元", "万").
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from liveplanner.formats.export_columns import (
    COUNT_SCALES,
    MONEY_SCALES,
    names_in,
    other_figure,
)
from liveplanner.formats.headers import normalise


class ProductField(StrEnum):
    """What a product export's column holds; the value is what `--map HEADER=FIELD` names."""

    NAME = "name"
    LINK = "link"  # the link number (链接号) or the platform's product id
    EXPOSURES = "exposures"
    CLICKS = "clicks"
    ADD_TO_CART = "add_to_cart"
    SOLD = "sold"
    GMV = "gmv"  # money, stored in fen
    REFUNDS = "refunds"  # money, stored in fen


TEXT_FIELDS = frozenset({ProductField.NAME, ProductField.LINK})
MONEY_FIELDS = frozenset({ProductField.GMV, ProductField.REFUNDS})
# The ProductSales attribute each figure is stored as.
ATTRIBUTES = {
    ProductField.EXPOSURES: "exposures",
    ProductField.CLICKS: "clicks",
    ProductField.ADD_TO_CART: "add_to_cart",
    ProductField.SOLD: "sold",
    ProductField.GMV: "gmv_fen",
    ProductField.REFUNDS: "refunds_fen",
}

# Names seen in exports, per field, the surest first: when two columns name one field (商品ID
# and 链接号), the earlier name is read and the other is left out with a notice.
_NAMES: dict[ProductField, tuple[str, ...]] = {
    ProductField.NAME: (
        "商品名称", "商品名", "商品标题", "商品", "宝贝名称", "宝贝标题", "产品名称",
        "productname", "product", "producttitle", "itemname", "title",
    ),
    ProductField.LINK: (
        "链接号", "链接序号", "商品序号", "讲解序号", "序号", "商品id", "商品编号", "宝贝id",
        "商品链接id", "link", "linkno", "productid", "itemid", "sku", "skuid",
    ),
    ProductField.EXPOSURES: (
        "商品曝光次数", "商品曝光人数", "商品曝光", "曝光次数", "曝光人数", "曝光", "曝光量",
        "impressions", "productimpressions", "exposures", "productexposures", "views",
        "productviews",
    ),
    ProductField.CLICKS: (
        "商品点击次数", "商品点击人数", "商品点击", "点击次数", "点击人数", "点击", "点击量",
        "clicks", "productclicks",
    ),
    ProductField.ADD_TO_CART: (
        "加购人数", "加购次数", "加购件数", "加购数", "加购", "加入购物车人数", "加入购物车次数",
        "addtocart", "addtocarts", "cartadds", "addedtocart",
    ),
    ProductField.SOLD: (
        "成交件数", "销量", "成交商品件数", "成交数量", "销售件数", "支付件数", "itemssold",
        "unitssold", "sold", "quantitysold",
    ),
    ProductField.GMV: (
        "成交金额", "销售额", "成交额", "商品成交金额", "支付金额", "gmv", "revenue", "sales",
        "paidamount",
    ),
    ProductField.REFUNDS: (
        "退款金额", "退款额", "退货金额", "成功退款金额", "refunds", "refundamount", "refunded",
        "refund",
    ),
}  # fmt: skip
NAMES = {name: field for field, names in _NAMES.items() for name in names}
# Names too general to be looked for among a header's words: "商品" is in 商品点击次数 too.
_WORD_NAMES = {
    name: field
    for name, field in NAMES.items()
    if name not in {"商品", "product", "title", "序号", "sold", "sales", "views", "link"}
}
_RANK = {name: rank for names in _NAMES.values() for rank, name in enumerate(names)}


@dataclass(frozen=True, slots=True)
class FieldRule:
    """A column read as `field`; `scale` turns the file's unit into the stored one (fen for
    money, counts otherwise); text fields have 1."""

    field: ProductField
    scale: Decimal = Decimal(1)
    rank: int = 0  # among columns naming one field, the lowest is read


def scale_of(field: ProductField, unit: str) -> Decimal | None:
    """The factor from the header's unit to the stored one, None when it is not the field's."""
    if field in TEXT_FIELDS:
        return Decimal(1)
    factor = (MONEY_SCALES if field in MONEY_FIELDS else COUNT_SCALES).get(unit)
    return None if factor is None else Decimal(factor)


def rule_by_name(header: object) -> FieldRule | None:
    """The rule a header's whole name gives, or None."""
    name, unit = normalise(header)
    field = NAMES.get(name)
    if field is None:
        return None
    scale = scale_of(field, unit)
    return None if scale is None else FieldRule(field, scale, _RANK[name])


def rule_by_words(header: object) -> FieldRule | None:
    """The rule of the one field whose name the header holds among other words ("直播间商品
    点击次数", "LIVE GMV"), unless it marks another figure (a rate, a share, a price …)."""
    if other_figure(header):
        return None
    found = names_in(header, _WORD_NAMES)
    if len(found) != 1:
        return None
    (field,) = found
    scale = scale_of(field, normalise(header)[1])
    return None if scale is None else FieldRule(field, scale, len(_RANK) + 1)


def rule_for(field: ProductField, header: object) -> FieldRule:
    """The rule for a column the user says holds `field`: the header's unit where it is one the
    field takes ("(万元)"), else the field's usual unit (yuan, counts)."""
    scale = scale_of(field, normalise(header)[1]) or scale_of(field, "")
    assert scale is not None  # a field's usual unit is always known
    return FieldRule(field, scale, -1)


@dataclass(frozen=True, slots=True)
class ProductPreset:
    name: str  # used on the command line (--preset)
    label: str  # the platform's own name for the export
    columns: dict[str, ProductField]  # normalised header -> field


def _preset(name: str, label: str, columns: dict[str, ProductField]) -> ProductPreset:
    return ProductPreset(name, label, {normalise(h)[0]: f for h, f in columns.items()})


F = ProductField
PRODUCT_PRESETS: dict[str, ProductPreset] = {
    preset.name: preset
    for preset in (
        _preset(
            "douyin",
            "抖音 · 商品明细 / 商品列表",
            {
                "商品名称": F.NAME, "商品ID": F.LINK, "商品曝光人数": F.EXPOSURES,
                "曝光": F.EXPOSURES, "商品点击人数": F.CLICKS, "点击": F.CLICKS,
                "加购": F.ADD_TO_CART, "加购人数": F.ADD_TO_CART, "成交件数": F.SOLD,
                "销量": F.SOLD, "成交金额": F.GMV, "GMV": F.GMV, "退款金额": F.REFUNDS,
            },
        ),
        _preset(
            "taobao-live",
            "淘宝直播 · 商品分析",
            {
                "宝贝名称": F.NAME, "商品名称": F.NAME, "宝贝ID": F.LINK, "商品ID": F.LINK,
                "商品曝光次数": F.EXPOSURES, "商品点击次数": F.CLICKS, "加购件数": F.ADD_TO_CART,
                "加购人数": F.ADD_TO_CART, "成交件数": F.SOLD, "成交金额": F.GMV,
                "退款金额": F.REFUNDS,
            },
        ),
        _preset(
            "tiktok-shop",
            "TikTok Shop · Product list",
            {
                "Product name": F.NAME, "Product ID": F.LINK, "Impressions": F.EXPOSURES,
                "Clicks": F.CLICKS, "Add to cart": F.ADD_TO_CART, "Items sold": F.SOLD,
                "Units sold": F.SOLD, "GMV": F.GMV, "Refunds": F.REFUNDS,
            },
        ),
    )
}  # fmt: skip


def detect_preset(headers: list[str]) -> ProductPreset | None:
    """The preset naming the most of the file's headers, and at least three of them."""
    names = {normalise(h)[0] for h in headers}
    best: ProductPreset | None = None
    best_count = 2
    for preset in PRODUCT_PRESETS.values():
        count = len(set(preset.columns) & names)
        if count > best_count:
            best, best_count = preset, count
    return best
