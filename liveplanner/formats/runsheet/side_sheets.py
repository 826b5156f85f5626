"""The sheets an exported run sheet carries beside it, so that importing it again loses nothing:
the show's settings, the team, the products with their cost, the promos with every limit, each
release and each cue. A team's own sheet has none of them; the run sheet alone is then read.

Sheets are recognised by their header row (in Chinese or English), not by their names.
"""

from dataclasses import dataclass
from typing import TypeVar

from liveplanner.core.enums import Platform, PromoKind, Role, ShowStatus

SHOW, TEAM, PRODUCTS, PROMOS, RELEASES, CUES = (
    "show",
    "team",
    "products",
    "promos",
    "releases",
    "cues",
)


@dataclass(frozen=True, slots=True)
class PartSheet:
    key: str
    titles: tuple[str, str]  # (zh, en)
    columns: tuple[tuple[str, str, str], ...]  # (key, zh header, en header)

    def header(self, language: str) -> list[str]:
        return [col[1] if language == "zh" else col[2] for col in self.columns]

    def title(self, language: str) -> str:
        return self.titles[0] if language == "zh" else self.titles[1]


PART_SHEETS: tuple[PartSheet, ...] = (
    PartSheet(SHOW, ("场次", "Show"), (("field", "项目", "Field"), ("value", "内容", "Value"))),
    PartSheet(TEAM, ("团队", "Team"), (("name", "姓名", "Name"), ("role", "角色", "Role"))),
    PartSheet(
        PRODUCTS,
        ("商品", "Products"),
        (
            ("id", "商品编号", "Product no."),
            ("sku", "链接号", "Link no."),
            ("name", "商品", "Product"),
            ("list_price", "原价", "List price"),
            ("live_price", "直播价", "Live price"),
            ("unit_cost", "成本价", "Unit cost"),
            ("stock", "库存", "Stock"),
        ),
    ),
    PartSheet(
        PROMOS,
        ("优惠", "Promos"),
        (
            ("id", "优惠编号", "Promo no."),
            ("kind", "类型", "Kind"),
            ("name", "名称", "Name"),
            ("product", "商品编号", "Product no."),
            ("quantity", "数量", "Quantity"),
            ("face_value", "面额", "Face value"),
            ("threshold", "门槛", "Threshold"),
            ("special_price", "秒杀价", "Flash price"),
            ("per_user_limit", "每人限", "Per-user limit"),
            ("budget", "预算", "Budget"),
            ("notes", "备注", "Notes"),
        ),
    ),
    PartSheet(
        RELEASES,
        ("发放", "Releases"),
        (
            ("segment", "序号", "No."),
            ("promo", "优惠编号", "Promo no."),
            ("offset", "时点", "At"),
            ("quantity", "数量", "Quantity"),
        ),
    ),
    PartSheet(
        CUES,
        ("分工", "Cues"),
        (
            ("segment", "序号", "No."),
            ("offset", "时点", "At"),
            ("role", "角色", "Role"),
            ("person", "人员", "Person"),
            ("cue", "提示", "Cue"),
        ),
    ),
)
PART_BY_KEY = {part.key: part for part in PART_SHEETS}

# The show sheet's rows: (key, zh, en).
SHOW_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("title", "标题", "Title"),
    ("planned_start", "开播时间", "Planned start"),
    ("time_zone", "时区", "Time zone"),
    ("platform", "平台", "Platform"),
    ("room", "直播间", "Room"),
    ("status", "状态", "Status"),
    ("planned_end", "计划结束", "Planned end"),
    ("hard_stop", "最晚下播", "Hard stop"),
    ("max_discount", "最大折扣(%)", "Maximum discount (%)"),
    ("min_margin", "最低毛利率(%)", "Minimum margin (%)"),
    ("target_gmv", "目标GMV(元)", "Target GMV"),
    ("target_viewers", "目标观看人数", "Target viewers"),
    ("target_conversion", "目标转化率(%)", "Target conversion (%)"),
    ("target_followers", "目标新增粉丝", "Target new followers"),
    ("target_interaction", "目标互动率(%)", "Target interaction (%)"),
    ("benefit_every", "福利间隔不超过(分钟)", "A benefit at least every (min)"),
    ("benefit_rest", "两档福利至少间隔(分钟)", "Rest after a benefit (min)"),
    ("intro_limit", "产品讲解不超过(分钟)", "Product intro at most (min)"),
    ("mix_target", "内容占比目标(%)", "Mix target (%)"),
    ("notes", "备注", "Notes"),
)

ROLE_WORDS: dict[Role, tuple[str, str]] = {
    Role.HOST: ("主播", "Host"),
    Role.CO_HOST: ("助播", "Co-host"),
    Role.FLOOR_CONTROL: ("场控", "Floor control"),
    Role.CUSTOMER_SERVICE: ("客服", "Customer service"),
    Role.OPS: ("运营", "Ops"),
    Role.TECH: ("技术", "Tech"),
}
PROMO_WORDS: dict[PromoKind, tuple[str, str]] = {
    PromoKind.COUPON: ("优惠券", "Coupon"),
    PromoKind.FLASH_SALE: ("秒杀", "Flash sale"),
    PromoKind.LUCKY_DRAW: ("抽奖", "Lucky draw"),
    PromoKind.GIFT: ("赠品", "Gift"),
}
PLATFORM_WORDS: dict[Platform, tuple[str, str]] = {
    Platform.DOUYIN: ("抖音", "Douyin"),
    Platform.TAOBAO: ("淘宝直播", "Taobao Live"),
    Platform.KUAISHOU: ("快手", "Kuaishou"),
    Platform.TIKTOK: ("TikTok Shop", "TikTok Shop"),
    Platform.CHANNELS: ("视频号", "WeChat Channels"),
    Platform.OTHER: ("其他", "Other"),
}
STATUS_WORDS: dict[ShowStatus, tuple[str, str]] = {
    ShowStatus.DRAFT: ("草稿", "Draft"),
    ShowStatus.APPROVED: ("已审批", "Approved"),
    ShowStatus.LIVE: ("直播中", "Live"),
    ShowStatus.DONE: ("已结束", "Done"),
    ShowStatus.REVIEWED: ("已复盘", "Reviewed"),
}


E = TypeVar("E")


def word(words: dict[E, tuple[str, str]], value: E, language: str) -> str:
    return words[value][0 if language == "zh" else 1]


def value_of(words: dict[E, tuple[str, str]], text: str) -> E | None:
    """The enum value a word names, in either language or as its code ("douyin")."""
    key = text.strip().lower().replace(" ", "")
    for value, (zh, en) in words.items():
        if key in {zh.lower().replace(" ", ""), en.lower().replace(" ", ""), str(value)}:
            return value
    return None


def part_of(header: list[object]) -> PartSheet | None:
    """Which of our sheets a header row is, in either language."""
    cells = [str(c).strip() for c in header if c is not None and str(c).strip()]
    for part in PART_SHEETS:
        if cells in (part.header("zh"), part.header("en")):
            return part
    return None
