"""The rows of a run sheet made into a plan: segments, products and people matched by name,
promos from clear offer text, cues from role cells that hold actions instead of names."""

import contextlib
import re
from dataclasses import replace
from datetime import date
from pathlib import PurePath
from typing import Any

from liveplanner.core.enums import Platform, PromoKind, Role, SegmentKind
from liveplanner.core.plan import (
    MAX_TEXT,
    MAX_TITLE,
    Duty,
    Person,
    Product,
    Promo,
    Release,
    Segment,
    Show,
    ShowPlan,
    TeamMember,
)
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.runsheet.cells import (
    DITTO,
    UNDECIDED,
    CellValueError,
    names_or_cue,
    read_count,
    read_price,
    text_of,
)
from liveplanner.formats.runsheet.columns import ROLE_OF_FIELD, Field, kind_of
from liveplanner.formats.runsheet.offers import Offer, offer_text, read_offers
from liveplanner.formats.runsheet.sheet_rows import SheetReader, SheetRow, Unread
from liveplanner.formats.runsheet.side_sheets_reader import Book
from liveplanner.formats.runsheet.writer import release_texts

_PROMO_OF_KIND = {
    SegmentKind.COUPON_DROP: PromoKind.COUPON,
    SegmentKind.FLASH_SALE: PromoKind.FLASH_SALE,
    SegmentKind.LUCKY_DRAW: PromoKind.LUCKY_DRAW,
}
_PRODUCT_VALUES = (
    (Field.LIST_PRICE, "list_price_fen"),
    (Field.LIVE_PRICE, "live_price_fen"),
    (Field.STOCK, "stock"),
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


class PlanParts:
    """Collects a plan row by row. Ids are local: 1, 2, 3 … in order of appearance."""

    def __init__(
        self,
        reader: SheetReader,
        products: tuple[Product, ...] = (),
        known: frozenset[str] = frozenset(),
        exported: bool = False,
    ) -> None:
        self.reader = reader
        self.known = known  # names the workbook's team sheet gives: people, whatever they look like
        self.exported = exported  # liveplanner wrote the sheet: an empty title stays empty
        self.above: dict[Field, str] = {}  # each role cell of the row above, for 同上
        self.language = "zh" if any(_CJK.search(h) for h in reader.headers) else "en"
        self.people: dict[str, Person] = {}
        self.team: list[TeamMember] = []
        self.products: list[Product] = []
        # Where in `products` the first product of a name, a link number or both is, and each
        # id's: a sheet of many products looks each up at once instead of scanning them all.
        self.product_at: dict[tuple[str, ...], int] = {}
        self.next_product_id = 1
        for product in products:
            self._add_product(product)
        self.first_row: dict[tuple[int, str], int] = {}  # (product, field) -> row that set it
        self.promos: list[Promo] = []
        self.promo_keys: dict[tuple[object, ...], int] = {}
        self.released: dict[int, list[int | None]] = {}  # promo -> quantities released
        self.releases: list[Release] = []
        self.duties: list[Duty] = []
        self.segments: list[Segment] = []
        self.offer_cells: dict[int, tuple[int, str]] = {}  # segment -> (row, offer text)
        self.last_product: int | None = None

    # people -------------------------------------------------------------------------------
    def person(self, name: str) -> Person:
        if name not in self.people:
            self.people[name] = Person(len(self.people) + 1, name)
        return self.people[name]

    def join_team(self, person: Person, role: Role) -> None:
        if not any(m.person_id == person.id and m.role == role for m in self.team):
            self.team.append(TeamMember(len(self.team) + 1, person.id, role))

    # products -----------------------------------------------------------------------------
    def _values(self, row: SheetRow) -> dict[Field, int | None]:
        values: dict[Field, int | None] = {}
        for key, _name in _PRODUCT_VALUES:
            reader = read_count if key is Field.STOCK else read_price
            try:
                values[key] = reader(row.cells.get(key))
            except CellValueError as exc:
                raise self.reader.refuse(row.number, key, exc.value) from None
        return values

    def _add_product(self, product: Product) -> None:
        at = len(self.products)
        self.products.append(product)
        for key in (("both", product.name, product.sku), ("name", product.name)):
            self.product_at.setdefault(key, at)
        self.product_at.setdefault(("sku", product.sku), at)
        self.product_at[("id", str(product.id))] = at
        self.next_product_id = max(self.next_product_id, product.id + 1)

    def product_of(self, product_id: int | None) -> Product | None:
        at = self.product_at.get(("id", str(product_id)))
        return None if at is None else self.products[at]

    def _find_product(self, name: str, sku: str) -> Product | None:
        """The product a row names: by name and link number when it gives both (teams reuse a
        link slot for the next product, and sell sizes under one name with different links),
        else by whichever it gives."""
        key = ("both", name, sku) if name and sku else ("name", name) if name else ("sku", sku)
        at = self.product_at.get(key)
        return None if at is None else self.products[at]

    def product(self, row: SheetRow, flash: bool) -> tuple[int | None, dict[str, int]]:
        """The row's product (matched or new), and what a flash-sale row's own price and stock
        say about the sale: {"special_price_fen": …, "quantity": …}. A flash-sale row's live
        price and stock are the sale's, never the product's: the rule the editor and the
        exporter follow (core/row_offer)."""
        values = self._values(row)
        name, sku = row.text(Field.PRODUCT), row.text(Field.SKU)
        if not name and not sku:
            return None, {}
        sale = {
            key: value
            for key, value in (
                ("special_price_fen", values[Field.LIVE_PRICE]),
                ("quantity", values[Field.STOCK]),
            )
            if flash and value is not None
        }
        found = self._find_product(name, sku)
        if found is None:
            found = Product(
                self.next_product_id,
                sku=sku,
                name=name or sku,
                list_price_fen=values[Field.LIST_PRICE],
                live_price_fen=None if flash else values[Field.LIVE_PRICE],
                stock=None if flash else values[Field.STOCK],
            )
            self._add_product(found)
            for _key, attr in _PRODUCT_VALUES:
                if getattr(found, attr) is not None:
                    self.first_row[(found.id, attr)] = row.number
            return found.id, sale
        changes: dict[str, Any] = {}  # for replace(), which mypy checks against every field
        for key, attr in _PRODUCT_VALUES:
            value, known = values[key], getattr(found, attr)
            if value is None or value == known or (flash and key is not Field.LIST_PRICE):
                continue
            if known is None:
                changes[attr] = value
                self.first_row[(found.id, attr)] = row.number
            else:
                first = self.first_row.get((found.id, attr))
                shown = str(known if key is Field.STOCK else f"{known / 100:g}")
                params = {
                    "row": row.number,
                    "column": self.reader.column[key],
                    "value": text_of(row.cells[key]),
                    "product": found.name,
                    "first": shown,
                }
                if first is None:  # the workbook's products sheet gave it
                    self.reader.notice("value_differs_sheet", **params)
                else:
                    self.reader.notice("value_differs", first_row=first, **params)
        if changes:
            updated = replace(found, **changes)
            self.products[self.product_at[("id", str(found.id))]] = updated
        return found.id, sale

    # promos -------------------------------------------------------------------------------
    def promo(self, offer: Offer, product_id: int | None) -> int:
        tied = product_id if offer.kind in (PromoKind.FLASH_SALE, PromoKind.GIFT) else None
        key = (
            offer.kind,
            tied,
            offer.threshold_fen,
            offer.face_value_fen,
            offer.special_price_fen,
            offer.per_user_limit,
        )
        if key not in self.promo_keys:
            name = offer_text(replace(offer, quantity=None, per_user_limit=None), self.language)
            product = self.product_of(tied)
            if product is not None:
                name = f"{product.name} {name}"
            promo = Promo(
                len(self.promos) + 1,
                offer.kind,
                name[:MAX_TITLE],
                product_id=tied,
                face_value_fen=offer.face_value_fen,
                special_price_fen=offer.special_price_fen,
                threshold_fen=offer.threshold_fen,
                per_user_limit=offer.per_user_limit,
            )
            self.promos.append(promo)
            self.promo_keys[key] = promo.id
        return self.promo_keys[key]

    def _offers(
        self, row: SheetRow, kind: SegmentKind, sale: dict[str, int], notes: list[str]
    ) -> list[Offer]:
        text = row.text(Field.OFFER)
        offers: list[Offer] = []
        if text:
            reading = read_offers(text, _PROMO_OF_KIND.get(kind))
            if reading.unclear:
                notes.append(f"{self.reader.column[Field.OFFER]}: {text}")
                self.reader.unread.append(
                    Unread(row.number, self.reader.column[Field.OFFER], text, True)
                )
            else:
                offers = list(reading.offers)
        if sale:
            index = next((i for i, o in enumerate(offers) if o.kind is PromoKind.FLASH_SALE), None)
            if index is None:
                offers.append(Offer(PromoKind.FLASH_SALE, **sale))
            else:
                known = offers[index]
                filled: dict[str, Any] = {
                    k: v for k, v in sale.items() if getattr(known, k) is None
                }
                offers[index] = replace(known, **filled)
        return offers

    # rows ---------------------------------------------------------------------------------
    def _role_cell(
        self, row: SheetRow, key: Field, text: str, segment_id: int, roles: dict[Role, int]
    ) -> None:
        """People in a role cell take the role (the first, if the segment has none yet) and
        join the team; an action there is a cue for the role."""
        role = ROLE_OF_FIELD[key]
        if text.lower() in DITTO:
            text = self.above.get(key, "")
        if not text or text.lower() in UNDECIDED:
            return
        names, cue = names_or_cue(text, self.known)
        if cue:
            self.duties.append(Duty(len(self.duties) + 1, segment_id, 0, cue, role=role))
            return
        people = [self.person(n) for n in names]
        roles.setdefault(role, people[0].id)
        for person in people:
            self.join_team(person, role)
        if len(people) > 1:
            self.reader.notice(
                "several_people",
                row=row.number,
                column=self.reader.column[key],
                names="、".join(names),
                first=names[0],
            )

    def add_row(
        self,
        row: SheetRow,
        length: int,
        sheet_promos: bool = False,
        releases_flash: bool = False,
    ) -> None:
        """`releases_flash`: the workbook's own sheets release a flash sale in this row, which
        makes it a flash-sale row whatever its kind."""
        reader = self.reader
        segment_id = len(self.segments) + 1
        notes: list[str] = []
        kind_text, title_text = row.text(Field.KIND), row.text(Field.TITLE)
        kind = kind_of(kind_text) or kind_of(title_text)
        flash = kind is SegmentKind.FLASH_SALE or releases_flash
        product_id, sale = self.product(row, flash)
        # A team's sheet with an empty 内容 cell means the 环节 text says it all; a sheet
        # liveplanner wrote keeps an empty title empty.
        title = title_text or ("" if self.exported and Field.TITLE in reader.column else kind_text)
        if kind is None:
            kind = SegmentKind.PRODUCT_INTRO if product_id else SegmentKind.OTHER
            if kind_text or title_text:
                column = Field.KIND if kind_text else Field.TITLE
                reader.notice(
                    "unknown_kind",
                    row=row.number,
                    column=reader.column[column],
                    value=kind_text or title_text,
                    kind=str(kind),
                )
            if kind_text and title_text and kind_text != title_text:
                notes.append(f"{reader.column[Field.KIND]}: {kind_text}")
            elif kind_text and not title:
                title = kind_text
        if len(title) > MAX_TITLE:
            title_column = reader.column[
                Field.TITLE if Field.TITLE in reader.column else Field.KIND
            ]
            reader.notice("title_cut", row=row.number, column=title_column, limit=MAX_TITLE)
            notes.append(title)
            title = title[:MAX_TITLE]
        if product_id is not None:
            self.last_product = product_id
        roles: dict[Role, int] = {}
        cells = [(key, row.text(key)) for key in ROLE_OF_FIELD] + row.more_roles
        for key, text in cells:
            if text:
                self._role_cell(row, key, text, segment_id, roles)
        for key in ROLE_OF_FIELD:
            if (text := row.text(key)) and text.lower() not in DITTO:
                self.above[key] = text
        for key in ROLE_OF_FIELD:
            if row.text(key).lower() in UNDECIDED and row.text(key):
                notes.append(f"{reader.column[key]}: {row.text(key)}")
        if sheet_promos:
            if text := row.text(Field.OFFER):
                self.offer_cells[segment_id] = (row.number, text)
        else:
            offers = self._offers(row, kind, sale, notes)
            for offer in offers:
                tied = product_id
                if offer.kind is PromoKind.FLASH_SALE and tied is None and self.last_product:
                    tied = self.last_product
                    shown = self.product_of(tied)  # always found: tied is a product read above
                    name = shown.name if shown is not None else str(tied)
                    reader.notice("flash_sale_product", row=row.number, product=name)
                promo_id = self.promo(offer, tied)
                self.released.setdefault(promo_id, []).append(offer.quantity)
                self.releases.append(
                    Release(len(self.releases) + 1, promo_id, segment_id, 0, offer.quantity or 0)
                )
        for header, text in row.extra:
            notes.append(f"{header}: {text}")
            reader.unread.append(Unread(row.number, header, text, True))
        own_notes = row.text(Field.NOTES)
        joined = "\n".join([own_notes, *notes] if own_notes else notes)
        if len(joined) > MAX_TEXT:
            # Each cell fits; the cells kept in the notes beside them may not (see MAX_TEXT).
            raise ImportRefused(
                "notes_too_long",
                file=reader.where,
                row=row.number,
                length=len(joined),
                limit=MAX_TEXT,
            )
        self.segments.append(
            Segment(
                segment_id,
                kind,
                title,
                length,
                product_id=product_id,
                talking_points=row.text(Field.TALKING_POINTS),
                notes=joined,
                roles=roles,
            )
        )

    def plan(self, show: Show, book: Book, positions: dict[str, int]) -> ShowPlan:
        """The plan, with what the workbook's own sheets say over what the rows implied."""
        promos = []
        for promo in self.promos:
            released = self.released.get(promo.id, [])
            counted = [quantity for quantity in released if quantity is not None]
            total = sum(counted) if counted and len(counted) == len(released) else None
            promos.append(replace(promo, quantity=total))
        if book.team is not None:
            self.team = []
            for name, role in book.team:
                self.join_team(self.person(name), role)
        if book.promos is not None:
            promos = list(book.promos)
            self.releases = []
            for position, number, release in book.releases:
                if segment_id := self._segment(position, number, book.release_sheet, positions):
                    self.releases.append(
                        replace(release, id=len(self.releases) + 1, segment_id=segment_id)
                    )
        for position, number, name, duty in book.cues:
            if segment_id := self._segment(position, number, book.cue_sheet, positions):
                person_id = self.person(name).id if name else None
                self.duties.append(
                    replace(
                        duty, id=len(self.duties) + 1, segment_id=segment_id, person_id=person_id
                    )
                )
        plan = ShowPlan(
            show=show,
            segments=tuple(self.segments),
            people=tuple(self.people.values()),
            team=tuple(self.team),
            products=tuple(self.products),
            promos=tuple(promos),
            releases=tuple(self.releases),
            duties=tuple(self.duties),
        )
        for segment_id, (number, text) in self.offer_cells.items():
            if " ".join(text.split()) not in release_texts(plan, segment_id):
                self.reader.notice(
                    "offer_text_ignored",
                    row=number,
                    column=self.reader.column[Field.OFFER],
                    sheet=book.promo_sheet,
                )
        return plan

    def _segment(self, position: str, number: int, sheet: str, positions: dict[str, int]) -> int:
        """The segment a companion row names by its 序号; 0 (told) when the run sheet has none."""
        if position in positions:
            return positions[position]
        self.reader.notice("unknown_segment", sheet=sheet, row=number, position=position)
        return 0


# Dates as title rows write them: with a year (2026-11-11, 2026/11/11, 2026年11月11日) or as
# 11月11日; a bare "1.2" is a version or an amount, not a date.
_DATE = re.compile(
    r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)|(?<!\d)(\d{1,2})月(\d{1,2})[日号]"
)
_SUFFIX = re.compile(r"\s*[:：]\s*run sheet$|\s*(?:整场)?(?:直播)?脚本$", re.IGNORECASE)
_BRACKETED = re.compile(r"《(.+?)》")
_PLATFORMS = (
    (Platform.DOUYIN, ("抖音", "douyin")),
    (Platform.TAOBAO, ("淘宝", "taobao", "点淘")),
    (Platform.KUAISHOU, ("快手", "kuaishou")),
    (Platform.TIKTOK, ("tiktok",)),
    (Platform.CHANNELS, ("视频号", "wechat channels")),
)


def _lines(above: list[list[object]]) -> list[str]:
    return [
        " ".join(t for c in row if (t := text_of(c))) for row in above if any(map(text_of, row))
    ]


def title_and_day(
    above: list[list[object]], file_name: str, today: date
) -> tuple[str, date | None, bool]:
    """The show's title (the first title row, or the file's name), a date written above the
    header, and whether its year was assumed: a date without one is taken in the year that puts
    it nearest to `today`."""
    lines = _lines(above)
    title = PurePath(file_name).stem
    if lines:
        bracketed = _BRACKETED.search(lines[0])
        title = bracketed.group(1) if bracketed else _SUFFIX.sub("", lines[0]) or lines[0]
    found = [match.groups() for line in lines for match in _DATE.finditer(line)]
    for year, month, day, _m, _d in found:  # a date with its year first, wherever it is
        if year:
            with contextlib.suppress(ValueError):
                return title, date(int(year), int(month), int(day)), False
    for _y, _mo, _da, month, day in found:
        if month:
            with contextlib.suppress(ValueError):
                near = [date(today.year + shift, int(month), int(day)) for shift in (-1, 0, 1)]
                return title, min(near, key=lambda d: abs(d - today)), True
    return title, None, False


def guess_platform(above: list[list[object]], file_name: str) -> Platform:
    text = " ".join([*_lines(above), file_name]).lower()
    for platform, words in _PLATFORMS:
        if any(word in text for word in words):
            return platform
    return Platform.DOUYIN
