"""The offer column of a run sheet (优惠/福利) read as promos where its words are clear, and the
text the exporter writes for a release, which reads back the same.

Clear means every part of the cell is understood: "满99减20券 500张 每人限1张", "秒杀价59元
限量800件", "福袋 20个 价值50元", "¥20 off ¥99, 500 coupons, limit 1 per user". A cell with
anything else in it ("前100名下单送小样") is not guessed at: the caller keeps it as a note and
tells the user.
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from liveplanner.core.enums import PromoKind
from liveplanner.core.money import format_yuan

_NUM = r"(\d+(?:\.\d+)?)(万)?"  # 500, 59.9, 1万
_MONEY = r"[¥$]?\s*(\d+(?:\.\d+)?)\s*(?:元|块|yuan|rmb)?"

# The words that say which kind of promo a clause is about.
_KIND_WORDS: tuple[tuple[PromoKind, re.Pattern[str]], ...] = (
    (PromoKind.FLASH_SALE, re.compile(r"限时秒杀|秒杀|flash\s*sale|flash")),
    (PromoKind.LUCKY_DRAW, re.compile(r"福袋|抽奖|lucky\s*draw|giveaway")),
    (PromoKind.GIFT, re.compile(r"赠品|gift")),
    (
        PromoKind.COUPON,
        re.compile(r"优惠券|券|满减|满\s*\d+(?:\.\d+)?\s*元?\s*[-减]|coupons?|vouchers?|\boff\b"),
    ),
)
_THRESHOLD_FACE = (
    re.compile(rf"满\s*{_MONEY}\s*[-减]\s*{_MONEY}"),  # 满99减20, 满99-20
    re.compile(rf"spend\s*{_MONEY}\s*save\s*{_MONEY}"),
)
# "¥20 off ¥99", "20 off orders over 99"; "¥20 off, 500 coupons" has no threshold.
_FACE_OVER = re.compile(
    rf"{_MONEY}\s*off\s*(?:orders?\s*)?(?:(?:over|on|above|from)\s*[¥$]?|[¥$])\s*(\d+(?:\.\d+)?)"
)
_NO_THRESHOLD = (
    re.compile(rf"{_MONEY}\s*无门槛"),
    re.compile(rf"无门槛\s*{_MONEY}"),
    re.compile(rf"{_MONEY}\s*no[-\s]*threshold"),
)
_FACE_ONLY = (
    re.compile(r"(\d+(?:\.\d+)?)\s*元(?=\s*(?:优惠券|券))"),  # 20元券
    re.compile(rf"{_MONEY}\s*(?:off|coupon|voucher)"),
)
_WORTH = re.compile(rf"(?:价值|worth)\s*{_MONEY}")
_NOT_A_COUNT = r"(?!\d|\s*(?:件|个|张|份|名|单|组|units?|pcs))"  # "秒杀 300件" is a quantity
_SPECIAL = (
    re.compile(rf"(?:秒杀价|秒杀|到手价|特价)\s*[:：]?\s*{_MONEY}{_NOT_A_COUNT}"),
    re.compile(rf"{_MONEY}\s*秒杀"),
    re.compile(rf"flash\s*(?:sale\s*)?(?:price|at)?\s*[:：]?\s*{_MONEY}{_NOT_A_COUNT}"),
)
_PER_USER = (
    re.compile(
        r"(?:每人|每个用户|每个账号|每id)\s*限?\s*(?:领|购|抢|买)?\s*(\d+)\s*(?:张|件|个|份|单|次)?"
    ),
    re.compile(r"限(?:领|购|抢|买)\s*(\d+)\s*(?:张|件|个|份|单|次)"),
    re.compile(r"(?:limit|max)\s*(\d+)\s*(?:\w+\s*)?per\s*(?:user|person|customer|buyer|account)"),
    re.compile(r"(\d+)\s*per\s*(?:user|person|customer|buyer|account)"),
)
_QUANTITY = (
    re.compile(rf"(?:限量|共|总计|数量)?\s*{_NUM}\s*(?:张|件|个|份|名|单|组)"),
    re.compile(rf"{_NUM}\s*(?:coupons?|vouchers?|units?|pcs|prizes?|winners?|bags?)"),
    re.compile(rf"(?:限量|共|[x×*])\s*{_NUM}"),
)
# Words that say nothing beyond what the patterns read.
_FILLER = re.compile(
    r"满减|优惠券|优惠|券|发放|发|放|共|限时|限量|直播间|专享|专属|全场|店铺|通用|无门槛|上架|开抢|"
    r"秒杀|福袋|抽奖|赠品|元|价|"
    r"\b(?:coupons?|vouchers?|flash|sale|lucky|draw|giveaway|gift|each|of|at|the|for|a)\b|"
    r"[\s,，、。.:：;；()（）\[\]【】¥$×*@-]"
)
_SEPARATORS = re.compile(r"[\n;；+＋|]")


@dataclass(frozen=True, slots=True)
class Offer:
    """One promo as a cell names it. `quantity` is the units put out where the cell stands."""

    kind: PromoKind
    quantity: int | None = None
    threshold_fen: int | None = None
    face_value_fen: int | None = None
    special_price_fen: int | None = None
    per_user_limit: int | None = None


@dataclass(frozen=True, slots=True)
class OfferReading:
    offers: tuple[Offer, ...]
    unclear: str  # the part of the cell not understood; "" when all of it was


def _fen(number: str) -> int:
    """Fen of a yuan amount; more than two decimals is no price a sheet means (ValueError)."""
    fen = Decimal(number) * 100
    if fen != fen.to_integral_value():
        raise ValueError(number)
    return int(fen)


def _count(number: str, wan: str | None) -> int:
    value = Decimal(number) * (10_000 if wan else 1)
    if value != value.to_integral_value():
        raise ValueError(number)
    return int(value)


class _Clause:
    """One clause being read: patterns take their matches out of the text as they read them."""

    def __init__(self, text: str) -> None:
        self.text = text

    def take(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        match = pattern.search(self.text)
        if match:
            self.text = self.text[: match.start()] + " " + self.text[match.end() :]
        return match

    def take_first(self, patterns: tuple[re.Pattern[str], ...]) -> re.Match[str] | None:
        for pattern in patterns:
            if match := self.take(pattern):
                return match
        return None

    @property
    def rest(self) -> str:
        return _FILLER.sub("", self.text)


def _kinds(text: str) -> list[PromoKind]:
    found = []
    for kind, pattern in _KIND_WORDS:
        if pattern.search(text):
            found.append(kind)
            text = pattern.sub(" ", text)
    return found


def _read_clause(text: str, kind: PromoKind) -> tuple[Offer, str]:
    clause = _Clause(text)
    values: dict[str, int | None] = {}
    if kind is PromoKind.COUPON:
        if match := clause.take_first(_THRESHOLD_FACE):
            values["threshold_fen"], values["face_value_fen"] = (
                _fen(match.group(1)),
                _fen(match.group(2)),
            )
        elif match := clause.take(_FACE_OVER):
            values["face_value_fen"], values["threshold_fen"] = (
                _fen(match.group(1)),
                _fen(match.group(2)),
            )
        elif match := clause.take_first(_NO_THRESHOLD):
            values["face_value_fen"], values["threshold_fen"] = _fen(match.group(1)), 0
        elif match := clause.take_first(_FACE_ONLY):
            values["face_value_fen"] = _fen(match.group(1))
    if kind is PromoKind.FLASH_SALE and (match := clause.take_first(_SPECIAL)):
        values["special_price_fen"] = _fen(match.group(1))
    if kind in (PromoKind.LUCKY_DRAW, PromoKind.GIFT) and (match := clause.take(_WORTH)):
        values["face_value_fen"] = _fen(match.group(1))
    if match := clause.take_first(_PER_USER):
        values["per_user_limit"] = int(match.group(1))
    if match := clause.take_first(_QUANTITY):
        values["quantity"] = _count(match.group(1), match.group(2))
    return Offer(kind, **values), clause.rest


def read_offers(text: str, default_kind: PromoKind | None = None) -> OfferReading:
    """The offers in a cell. Parts without a promo word ("500张") belong to the offer before
    them, or to `default_kind` (the segment's own kind) when they come first."""
    normal = unicodedata.normalize("NFKC", text).lower().replace("￥", "¥")
    offers: list[Offer] = []
    unclear: list[str] = []
    for part in _SEPARATORS.split(normal):
        if not part.strip():
            continue
        kinds = _kinds(part)
        if len(kinds) > 1 and PromoKind.COUPON in kinds:
            # "秒杀券" / "福袋券": the other word says what it is.
            kinds.remove(PromoKind.COUPON)
        if len(kinds) > 1:
            unclear.append(part.strip())
            continue
        kind = kinds[0] if kinds else (offers[-1].kind if offers else default_kind)
        if kind is None:
            unclear.append(part.strip())
            continue
        try:
            offer, rest = _read_clause(part, kind)
        except ValueError:
            unclear.append(part.strip())
            continue
        if rest:
            unclear.append(part.strip())
        elif not kinds and offers:
            offers[-1] = _merge(offers[-1], offer)
        else:
            offers.append(offer)
    return OfferReading(tuple(offers), "；".join(unclear))


def _merge(first: Offer, more: Offer) -> Offer:
    """An offer with the details of a following clause ("满99减20" then "500张")."""
    values = {
        name: getattr(first, name) if getattr(more, name) is None else getattr(more, name)
        for name in ("quantity", "threshold_fen", "face_value_fen", "special_price_fen")
    }
    limit = first.per_user_limit if more.per_user_limit is None else more.per_user_limit
    return Offer(first.kind, per_user_limit=limit, **values)


def offer_text(offer: Offer, language: str = "zh") -> str:
    """The words the exporter writes for an offer; read_offers reads them back to the same."""
    zh = language == "zh"
    parts: list[str] = []
    if offer.kind is PromoKind.COUPON:
        face, threshold = offer.face_value_fen, offer.threshold_fen
        if face is not None and threshold:
            parts.append(
                f"满{format_yuan(threshold)}减{format_yuan(face)}券"
                if zh
                else f"¥{format_yuan(face)} off ¥{format_yuan(threshold)} coupon"
            )
        elif face is not None and threshold == 0:
            parts.append(
                f"{format_yuan(face)}元无门槛券"
                if zh
                else f"¥{format_yuan(face)} no-threshold coupon"
            )
        elif face is not None:
            parts.append(f"{format_yuan(face)}元券" if zh else f"¥{format_yuan(face)} coupon")
        else:
            parts.append("优惠券" if zh else "coupon")
    elif offer.kind is PromoKind.FLASH_SALE:
        price = offer.special_price_fen
        if price is None:
            parts.append("秒杀" if zh else "flash sale")
        else:
            parts.append(
                f"秒杀价{format_yuan(price)}元" if zh else f"flash sale ¥{format_yuan(price)}"
            )
    else:
        word = {PromoKind.LUCKY_DRAW: ("福袋", "lucky draw"), PromoKind.GIFT: ("赠品", "gift")}
        parts.append(word[offer.kind][0 if zh else 1])
        if offer.face_value_fen is not None:
            value = format_yuan(offer.face_value_fen)
            parts.append(f"价值{value}元" if zh else f"worth ¥{value}")
    if offer.quantity is not None:
        unit = {PromoKind.COUPON: "张", PromoKind.FLASH_SALE: "件"}.get(offer.kind, "份")
        parts.append(f"{offer.quantity}{unit}" if zh else f"×{offer.quantity}")
    if offer.per_user_limit is not None:
        unit = {PromoKind.COUPON: "张", PromoKind.FLASH_SALE: "件"}.get(offer.kind, "份")
        parts.append(
            f"每人限{offer.per_user_limit}{unit}"
            if zh
            else f"limit {offer.per_user_limit} per user"
        )
    return " ".join(parts)
