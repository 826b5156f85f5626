"""The sheets liveplanner writes beside an exported run sheet (side_sheets.py), read back: the
show's settings, the team, products with their cost, promos with every limit, releases and cues.
Releases and cues name segments by the run sheet's 序号, so rows can be moved or deleted there."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, time
from typing import TypeVar
from zoneinfo import ZoneInfo

from liveplanner.core.enums import PromoKind, Role
from liveplanner.core.inputs import check_show_time, parse_offset
from liveplanner.core.money import percent_to_bp
from liveplanner.core.plan import Duty, Product, Promo, Release, Rhythm, Targets, time_zone
from liveplanner.core.rhythm_inputs import parse_minutes, parse_mix
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.runsheet.cells import (
    EXPECTED_COUNT,
    EXPECTED_PRICE,
    read_count,
    read_price,
    text_of,
)
from liveplanner.formats.runsheet.side_sheets import (
    CUES,
    PART_BY_KEY,
    PLATFORM_WORDS,
    PRODUCTS,
    PROMO_WORDS,
    PROMOS,
    RELEASES,
    ROLE_WORDS,
    SHOW,
    SHOW_FIELDS,
    STATUS_WORDS,
    TEAM,
    value_of,
)
from liveplanner.formats.sheets import RawSheet

_EXPECTED_WHEN = "expected a date and time in the years 2000 to 2099, such as 2026-11-11 20:00"
_EXPECTED_ZONE = "expected an IANA time zone such as Asia/Shanghai"

Cells = dict[str, object]  # one row of a sheet, by column key
R = TypeVar("R")
E = TypeVar("E")


@dataclass(frozen=True, slots=True)
class Book:
    """What the companion sheets hold; None where the workbook has no such sheet."""

    show: dict[str, object]  # Show fields by name, "targets" a Targets
    team: tuple[tuple[str, Role], ...] | None = None
    products: tuple[Product, ...] | None = None
    promos: tuple[Promo, ...] | None = None
    releases: tuple[tuple[str, int, Release], ...] = ()  # (segment 序号, sheet row, release)
    cues: tuple[tuple[str, int, str, Duty], ...] = ()  # (segment 序号, sheet row, person, cue)
    promo_sheet: str = ""
    release_sheet: str = ""
    cue_sheet: str = ""
    read: tuple[str, ...] = ()

    def flash_positions(self) -> frozenset[str]:
        """The 序号 of the run-sheet rows this workbook gives a flash-sale release: their
        price and stock cells are the sale's (core/row_offer), whatever the row's kind."""
        flash = {p.id for p in self.promos or () if p.kind is PromoKind.FLASH_SALE}
        return frozenset(position for position, _n, r in self.releases if r.promo_id in flash)


class _Sheet:
    """One companion sheet's rows as {key: cell}, with refusals naming its cells."""

    def __init__(self, sheet: RawSheet, key: str, file_name: str) -> None:
        self.name = sheet.name
        self.where = f"{file_name} ▸ {sheet.name}"
        part = PART_BY_KEY[key]
        zh = [str(c).strip() for c in sheet.rows[0] if c is not None] == part.header("zh")
        self.headers = dict(
            zip((c[0] for c in part.columns), part.header("zh" if zh else "en"), strict=True)
        )
        self.rows = [
            (number, dict(zip(self.headers, row, strict=False)))
            for number, row in enumerate(sheet.rows[1:], start=2)
            if any(text_of(c) for c in row)
        ]

    def refuse(self, number: int, cells: Cells, key: str, what: tuple[str, str]) -> ImportRefused:
        return ImportRefused(
            "bad_cell",
            file=self.where,
            row=number,
            column=self.headers[key],
            value=text_of(cells.get(key)),
            what=what[0],
            expected=what[1],
        )

    def read(
        self,
        number: int,
        cells: Cells,
        key: str,
        reader: Callable[[object], R],
        what: tuple[str, str],
    ) -> R:
        try:
            return reader(cells.get(key))
        except ValueError:  # CellValueError and the percent and time readers' errors
            raise self.refuse(number, cells, key, what) from None

    def word(
        self, number: int, cells: Cells, key: str, words: dict[E, tuple[str, str]], what: str
    ) -> E:
        """An enum value named in either language or by its code."""
        found = value_of(words, text_of(cells.get(key)))
        if found is None:
            expected = "expected one of " + ", ".join(w[0] for w in words.values())
            raise self.refuse(number, cells, key, (what, expected))
        return found


_PRICE = ("a price", EXPECTED_PRICE)
_COUNT = ("a count", EXPECTED_COUNT)
_TIME = ("a time in the segment", "expected m:ss such as 0:30, or seconds")
_PERCENT = ("a percentage", "expected a percentage such as 12.5")


_MINUTES = ("a number of minutes", "expected whole minutes such as 20")
_MIX = ("a content mix", "expected three percentages adding up to 100, such as 40 / 35 / 25")


def _minutes(least: int) -> Callable[[object], int | None]:
    return lambda cell: parse_minutes(text_of(cell), least)


def _percent(cell: object) -> int | None:
    text = text_of(cell)
    return percent_to_bp(text) if text else None


def _zone(cell: object) -> ZoneInfo:
    return time_zone(text_of(cell))


def _offset(cell: object) -> int:
    """When in its segment a release or cue comes: "0:30" (m:ss), or seconds. Excel keeps a
    typed 0:30 as the time of day 00:30, which here still means 30 seconds."""
    if isinstance(cell, time):
        return (
            cell.hour * 60 + cell.minute
            if not cell.second
            else cell.hour * 3600 + cell.minute * 60 + cell.second
        )
    text = text_of(cell)
    if not text:
        return 0
    return parse_offset(text)


def _show(sheet: _Sheet) -> dict[str, object]:
    labels = {label: key for key, zh, en in SHOW_FIELDS for label in (zh, en)}
    cells = {labels.get(text_of(c.get("field"))): (n, c) for n, c in sheet.rows}
    fields: dict[str, object] = {}

    def get(key: str, reader: Callable[[object], R], what: tuple[str, str]) -> R | None:
        if key not in cells:
            return None
        number, row = cells[key]
        return sheet.read(number, row, "value", reader, what)

    zone = None
    if "time_zone" in cells and text_of(cells["time_zone"][1].get("value")):
        zone = sheet.read(*cells["time_zone"], "value", _zone, ("a time zone", _EXPECTED_ZONE))
        fields["time_zone"] = zone.key

    def when(cell: object) -> datetime | None:
        if isinstance(cell, datetime):
            moment = cell
        elif not (text := text_of(cell)):
            return None
        else:
            moment = datetime.fromisoformat(text)
        check_show_time(moment)  # a year 9999 was stored, then broke every view of the show
        return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment

    for key in ("title", "room", "notes"):
        if key in cells:
            fields[key] = text_of(cells[key][1].get("value"))
    for key in ("planned_start", "planned_end", "hard_stop"):
        fields[key] = get(key, when, ("a date and time", _EXPECTED_WHEN))

    def enum(key: str, words: dict[E, tuple[str, str]]) -> None:
        if key in cells and text_of(cells[key][1].get("value")):
            fields[key] = sheet.word(*cells[key], "value", words, f"a {key}")

    enum("platform", PLATFORM_WORDS)
    enum("status", STATUS_WORDS)
    fields["max_discount_bp"] = get("max_discount", _percent, _PERCENT)
    fields["min_margin_bp"] = get("min_margin", _percent, _PERCENT)
    fields["targets"] = Targets(
        gmv_fen=get("target_gmv", read_price, _PRICE),
        viewers=get("target_viewers", read_count, _COUNT),
        conversion_bp=get("target_conversion", _percent, _PERCENT),
        new_followers=get("target_followers", read_count, _COUNT),
        interaction_bp=get("target_interaction", _percent, _PERCENT),
    )
    mix = get("mix_target", lambda cell: parse_mix(text_of(cell)), _MIX) or (None, None, None)
    fields["rhythm"] = Rhythm(
        benefit_every_s=get("benefit_every", _minutes(1), _MINUTES),
        benefit_rest_s=get("benefit_rest", _minutes(0), _MINUTES),
        intro_limit_s=get("intro_limit", _minutes(1), _MINUTES),
        mix_showcase_bp=mix[0],
        mix_promotion_bp=mix[1],
        mix_interaction_bp=mix[2],
    )
    return fields


_ONCE = "expected a number given once in this column, such as 3"


def _unique(sheet: _Sheet, ids: list[int], what: str) -> None:
    """Refuse an id that is missing (0) or given twice: the other sheets refer to them."""
    seen: set[int] = set()
    for (number, cells), given in zip(sheet.rows, ids, strict=True):
        if given < 1 or given in seen:
            raise sheet.refuse(number, cells, "id", (what, _ONCE))
        seen.add(given)


def _known(sheet: _Sheet, key: str, refs: list[int | None], known: set[int], what: str) -> None:
    """Refuse a reference to a product or promo the workbook does not have."""
    for (number, cells), ref in zip(sheet.rows, refs, strict=True):
        if ref is not None and ref not in known:
            raise sheet.refuse(number, cells, key, (what, "expected a number its sheet gives"))


def read_book(parts: dict[str, RawSheet], file_name: str) -> Book:
    """Read the companion sheets found beside a run sheet, refusing a cell it cannot read."""
    sheets = {key: _Sheet(raw, key, file_name) for key, raw in parts.items()}
    book = Book(show=_show(sheets[SHOW]) if SHOW in sheets else {}, read=tuple(sheets))
    if TEAM in sheets:
        s = sheets[TEAM]
        team = tuple(
            (text_of(c.get("name")), s.word(n, c, "role", ROLE_WORDS, "a role"))
            for n, c in s.rows
            if text_of(c.get("name"))
        )
        book = replace(book, team=team)
    if PRODUCTS in sheets:
        s = sheets[PRODUCTS]
        products = tuple(
            Product(
                int(s.read(n, c, "id", read_count, _COUNT) or 0),
                sku=text_of(c.get("sku")),
                name=text_of(c.get("name")) or text_of(c.get("sku")),
                list_price_fen=s.read(n, c, "list_price", read_price, _PRICE),
                live_price_fen=s.read(n, c, "live_price", read_price, _PRICE),
                unit_cost_fen=s.read(n, c, "unit_cost", read_price, _PRICE),
                stock=s.read(n, c, "stock", read_count, _COUNT),
            )
            for n, c in s.rows
        )
        _unique(s, [p.id for p in products], "a product no.")
        book = replace(book, products=products)
    if PROMOS in sheets:
        s = sheets[PROMOS]
        promos = tuple(
            Promo(
                int(s.read(n, c, "id", read_count, _COUNT) or 0),
                s.word(n, c, "kind", PROMO_WORDS, "a promo kind"),
                text_of(c.get("name")),
                product_id=s.read(n, c, "product", read_count, _COUNT),
                quantity=s.read(n, c, "quantity", read_count, _COUNT),
                face_value_fen=s.read(n, c, "face_value", read_price, _PRICE),
                special_price_fen=s.read(n, c, "special_price", read_price, _PRICE),
                threshold_fen=s.read(n, c, "threshold", read_price, _PRICE),
                per_user_limit=s.read(n, c, "per_user_limit", read_count, _COUNT),
                budget_fen=s.read(n, c, "budget", read_price, _PRICE),
                notes=text_of(c.get("notes")),
            )
            for n, c in s.rows
        )
        _unique(s, [p.id for p in promos], "a promo no.")
        if book.products is not None:
            known = {p.id for p in book.products}
            _known(s, "product", [p.product_id for p in promos], known, "a product no.")
        book = replace(book, promos=promos, promo_sheet=s.name)
    if RELEASES in sheets:
        s = sheets[RELEASES]
        releases = tuple(
            (
                text_of(c.get("segment")),
                n,
                Release(
                    i,
                    int(s.read(n, c, "promo", read_count, _COUNT) or 0),
                    0,
                    s.read(n, c, "offset", _offset, _TIME),
                    int(s.read(n, c, "quantity", read_count, _COUNT) or 0),
                ),
            )
            for i, (n, c) in enumerate(s.rows, start=1)
        )
        if book.promos is not None:
            known = {p.id for p in book.promos}
            _known(s, "promo", [r.promo_id for _p, _n, r in releases], known, "a promo no.")
        book = replace(book, releases=releases, release_sheet=s.name)
    if CUES in sheets:
        s = sheets[CUES]
        cues = tuple(
            (
                text_of(c.get("segment")),
                n,
                text_of(c.get("person")),
                Duty(
                    i,
                    0,
                    s.read(n, c, "offset", _offset, _TIME),
                    text_of(c.get("cue")),
                    role=s.word(n, c, "role", ROLE_WORDS, "a role")
                    if text_of(c.get("role"))
                    else None,
                ),
            )
            for i, (n, c) in enumerate(s.rows, start=1)
        )
        book = replace(book, cues=cues, cue_sheet=s.name)
    return book
