"""The segment table: one row per segment, its clock times, product, promos and roles.

The model mirrors ShowDocument.plan.segments, following the document's row signals; an edit in
a cell becomes an undo command on the document's stack, never a direct write.
"""

import json
from collections.abc import Sequence
from typing import ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from liveplanner.core.enums import Role, SegmentKind
from liveplanner.core.inputs import parse_count, parse_money, parse_segment_duration
from liveplanner.core.money import format_yuan
from liveplanner.core.plan import Product, Promo, Release, Segment
from liveplanner.core.row_offer import RowOffer, row_offer
from liveplanner.core.rules import Finding, Severity
from liveplanner.core.schedule import format_duration
from liveplanner.ui import labels
from liveplanner.ui.editor import commands, roles
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.editor.finding_texts import describe
from liveplanner.ui.words import said_of

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-liveplanner-segment-ids"

ERROR_TINT = QColor(220, 50, 47, 90)
WARNING_TINT = QColor(230, 160, 0, 80)


class SegmentTableModel(QAbstractTableModel):
    (
        START,
        DURATION,
        KIND,
        TITLE,
        PRODUCT,
        PRICE,
        STOCK,
        PROMO,
        HOST,
        CO_HOST,
        FLOOR,
        NOTES,
    ) = range(12)
    # Cells Delete can empty; a length or a kind cannot be "nothing".
    CLEARABLE: ClassVar[frozenset[int]] = frozenset({TITLE, PRODUCT, HOST, CO_HOST, FLOOR, NOTES})
    ROLE_COLUMNS: ClassVar[dict[int, Role]] = {
        HOST: Role.HOST,
        CO_HOST: Role.CO_HOST,
        FLOOR: Role.FLOOR_CONTROL,
    }
    # Which column shows a finding about a segment's field.
    FIELD_COLUMNS: ClassVar[dict[str, int]] = {
        "duration_s": DURATION,
        "product_id": PRODUCT,
        "host": HOST,
        "co_host": CO_HOST,
        "floor_control": FLOOR,
    }

    def __init__(self, document: ShowDocument) -> None:
        super().__init__(document)
        self._doc = document
        self._rows: list[Segment] = list(document.plan.segments)
        # Clock times as last announced: a row keeps its time until the document re-times the
        # show (plan_changed), so rows never change under the views in mid-insert or removal.
        self._starts: list[str] = self._clock_times()
        self._marks: dict[tuple[int, int], list[Finding]] = {}
        # Each row's offer (price and units) for the plan it was worked out from: data() and
        # flags() ask for it per cell per paint, and a plan is replaced, never changed, on edit.
        self._offers: dict[int, RowOffer] = {}
        self._offers_of: object = None
        document.segments_inserted.connect(self._on_inserted)
        document.segments_removed.connect(self._on_removed)
        document.segments_reordered.connect(self._on_reordered)
        document.segment_changed.connect(self._on_changed)
        document.plan_changed.connect(self._on_plan_changed)
        self._index_findings()

    # Following the document

    def _on_inserted(self, first: int, count: int) -> None:
        self.beginInsertRows(QModelIndex(), first, first + count - 1)
        self._rows[first:first] = self._doc.plan.segments[first : first + count]
        self._starts[first:first] = [""] * count
        self.endInsertRows()

    def _on_removed(self, first: int, count: int) -> None:
        self.beginRemoveRows(QModelIndex(), first, first + count - 1)
        del self._rows[first : first + count]
        del self._starts[first : first + count]
        self.endRemoveRows()

    def _on_reordered(self) -> None:
        self.layoutAboutToBeChanged.emit()
        old_rows = {s.id: row for row, s in enumerate(self._rows)}
        old_starts = {s.id: start for s, start in zip(self._rows, self._starts, strict=True)}
        self._rows = list(self._doc.plan.segments)
        self._starts = [old_starts[s.id] for s in self._rows]
        new_rows = {s.id: row for row, s in enumerate(self._rows)}
        moved_from = {row: new_rows[sid] for sid, row in old_rows.items()}
        for index in self.persistentIndexList():
            if index.row() in moved_from:
                self.changePersistentIndex(
                    index, self.index(moved_from[index.row()], index.column())
                )
        self.layoutChanged.emit()

    def _on_changed(self, row: int) -> None:
        self._rows[row] = self._doc.plan.segments[row]
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _clock_times(self) -> list[str]:
        return [
            f"{s.start.hour:02d}:{s.start.minute:02d}:{s.start.second:02d}"
            for s in self._doc.schedule.slots
        ]

    def _on_plan_changed(self) -> None:
        # Start times, products, promos, names and findings can change for every row.
        self._starts = self._clock_times()
        self._index_findings()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    def _index_findings(self) -> None:
        marks: dict[tuple[int, int], list[Finding]] = {}
        for finding in self._doc.findings:
            if finding.entity != "segment":
                continue
            column = self.FIELD_COLUMNS.get(finding.field or "", self.TITLE)
            for segment_id in finding.about():
                marks.setdefault((segment_id, column), []).append(finding)
        self._marks = marks

    # Reading

    def segment_at(self, row: int) -> Segment:
        return self._rows[row]

    def column_of_field(self, field: str | None) -> int:
        return self.FIELD_COLUMNS.get(field or "", self.TITLE)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 12

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Vertical:
            return super().headerData(section, orientation, role)  # the running number
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Start"),
            self.tr("Length"),
            self.tr("Kind"),
            self.tr("Title"),
            self.tr("Product"),
            self.tr("Live price"),
            self.tr("Stock"),
            self.tr("Promo"),
            self.tr("Host"),
            self.tr("Co-host"),
            self.tr("Floor control"),
            self.tr("Notes"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def _product(self, segment: Segment) -> Product | None:
        return self._doc.plan.product(segment.product_id)

    def _promos(self, segment: Segment) -> str:
        plan = self._doc.plan
        parts = []
        for release in plan.releases:
            if release.segment_id == segment.id:
                promo = plan.promo(release.promo_id)
                if promo is not None:
                    parts.append(f"{promo.name} ×{release.quantity}")
        return ", ".join(parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        segment = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column, segment)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(column, segment)
        if role == roles.CHOICES:
            return self._choices(column)
        if role == roles.ID:
            return segment.id
        if role == Qt.ItemDataRole.BackgroundRole:
            found = self._marks.get((segment.id, column))
            if found:
                errors = any(f.severity is Severity.ERROR for f in found)
                return ERROR_TINT if errors else WARNING_TINT
            if column == self.KIND:
                return labels.KIND_COLORS[segment.kind]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.KIND:
            return QColor("#111111")
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self._marks.get((segment.id, column))
            if found:
                return "\n".join(describe(f) for f in found)
            if column in (self.PRICE, self.STOCK):
                return self._offer_tip(column, self._offer(segment))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.START,
            self.DURATION,
            self.PRICE,
            self.STOCK,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: int, column: int, segment: Segment) -> object:
        product = self._product(segment)
        if column == self.START:
            return self._starts[row]
        if column == self.DURATION:
            return format_duration(segment.duration_s)
        if column == self.KIND:
            return labels.segment_kind(segment.kind)
        if column == self.TITLE:
            return segment.title
        if column == self.PRODUCT:
            return product.name if product else ""
        if column in (self.PRICE, self.STOCK):
            return self._offer_text(column, segment)
        if column == self.PROMO:
            return self._promos(segment)
        if column in self.ROLE_COLUMNS:
            return self._doc.person_name(segment.roles.get(self.ROLE_COLUMNS[column]))
        if column == self.NOTES:
            return segment.notes.replace("\n", " ")
        return None

    def _edit_value(self, column: int, segment: Segment) -> object:
        if column == self.DURATION:
            return format_duration(segment.duration_s)
        if column == self.KIND:
            return segment.kind.value
        if column == self.TITLE:
            return segment.title
        if column == self.PRODUCT:
            return segment.product_id
        if column in (self.PRICE, self.STOCK):
            return self._offer_text(column, segment)
        if column in self.ROLE_COLUMNS:
            return segment.roles.get(self.ROLE_COLUMNS[column])
        if column == self.NOTES:
            return segment.notes
        return None

    def _offer(self, segment: Segment) -> RowOffer:
        plan = self._doc.plan
        if plan is not self._offers_of:
            self._offers, self._offers_of = {}, plan
        found = self._offers.get(segment.id)
        if found is None:
            found = self._offers[segment.id] = row_offer(plan, segment)
        return found

    def _offer_text(self, column: int, segment: Segment) -> str:
        """The price or stock cell: a flash-sale row's are its sale's (RowOffer)."""
        offer = self._offer(segment)
        if column == self.PRICE:
            return "" if offer.price_fen is None else format_yuan(offer.price_fen)
        return "" if offer.units is None else str(offer.units)

    def _offer_tip(self, column: int, offer: RowOffer) -> str | None:
        if not offer.flash:
            return None
        if offer.sale is None and offer.releases:
            return self.tr("Two flash sales are released in this segment: see Promo releases.")
        if offer.sale is None:
            return self.tr(
                "A flash sale: its price and units show here once the Promos tab has a flash "
                "sale of this segment's product."
            )
        if column == self.PRICE:
            return self.tr("Flash-sale price of %1").replace("%1", offer.sale.name)
        return self.tr("Units of %1 put out in this segment").replace("%1", offer.sale.name)

    def _choices(self, column: int) -> list[tuple[str, object]] | None:
        plan = self._doc.plan
        if column == self.KIND:
            return [(labels.segment_kind(k), k.value) for k in SegmentKind]
        if column == self.PRODUCT:
            return [(QCoreApplication.translate("SegmentTableModel", "(none)"), None)] + [
                (p.name, p.id) for p in plan.products
            ]
        if column in self.ROLE_COLUMNS:
            team_ids = list(dict.fromkeys(m.person_id for m in plan.team))
            return [(QCoreApplication.translate("SegmentTableModel", "(none)"), None)] + [
                (self._doc.person_name(pid), pid) for pid in team_ids
            ]
        return None

    # Editing

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self._doc.editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._doc.editable:
            return flags  # a locked script or a read-only window: look, copy, print
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        column = index.column()
        has_product = self._rows[index.row()].product_id is not None
        if (
            column in (self.DURATION, self.KIND, self.TITLE, self.PRODUCT, self.NOTES)
            or column in self.ROLE_COLUMNS
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        if column in (self.PRICE, self.STOCK):
            offer = self._offer(self._rows[index.row()])
            if offer.flash:
                # The sale's price, and its units here (one release, or the first one).
                editable = offer.sale is not None and (
                    column == self.PRICE or len(offer.releases) <= 1
                )
            else:
                editable = has_product
            if editable:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        segment = self._rows[index.row()]
        if all(s.id != segment.id for s in self._doc.plan.segments):
            # Deleted while one of its cells was being typed in: the row is on its way out, and
            # what was typed goes with it.
            return False
        column = index.column()
        try:
            command = self._command_for(segment, column, value)
        except ValueError as exc:
            self._doc.edit_refused.emit(said_of(exc))
            return False
        if command is None:
            return False
        self._doc.undo_stack.push(command)
        return not command.failed

    def _command_for(self, segment: Segment, column: int, value: object) -> commands.Command | None:
        doc = self._doc
        if column in self.ROLE_COLUMNS:
            person = value if isinstance(value, int) else None
            role = self.ROLE_COLUMNS[column]
            if segment.roles.get(role) == person:
                return None
            return commands.SetRole(doc, segment.id, role, person)
        if column in (self.PRICE, self.STOCK):
            offer = row_offer(doc.plan, segment)
            if offer.flash:
                return self._sale_command(offer, segment, column, str(value))
            product = self._product(segment)
            if product is None:
                return None
            if column == self.PRICE:
                change = {"live_price_fen": parse_money(str(value))}
            else:
                change = {"stock": parse_count(str(value))}
            return commands.EditPart.if_changed(doc, Product, product.id, change)
        if column == self.DURATION:
            change = {"duration_s": parse_segment_duration(str(value))}
        elif column == self.KIND:
            change = {"kind": SegmentKind(str(value))}
        elif column == self.TITLE:
            change = {"title": "" if value is None else str(value).strip()}
        elif column == self.PRODUCT:
            change = {"product_id": value if isinstance(value, int) else None}
        elif column == self.NOTES:
            change = {"notes": "" if value is None else str(value)}
        else:
            return None
        return commands.EditSegment.if_changed(doc, segment.id, change)

    def _sale_command(
        self, offer: RowOffer, segment: Segment, column: int, text: str
    ) -> commands.Command | None:
        """A flash-sale row's price is the sale's price; its stock the units the sale puts out
        in this segment (a first release of the sale when it has none here yet)."""
        sale = offer.sale
        if sale is None:
            return None
        if column == self.PRICE:
            change = {"special_price_fen": parse_money(text)}
            return commands.EditPart.if_changed(self._doc, Promo, sale.id, change)
        units = parse_count(text)
        if units is None or len(offer.releases) > 1:
            return None
        if offer.releases:
            change = {"quantity": units}
            return commands.EditPart.if_changed(self._doc, Release, offer.releases[0].id, change)
        return commands.AddPart(self._doc, Release(0, sale.id, segment.id, 0, units))

    # Dragging rows to reorder

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = sorted({self._rows[i.row()].id for i in indexes if i.isValid()}, key=self._row_of_id)
        data = QMimeData()
        data.setData(MIME, json.dumps(ids).encode())
        return data

    def _row_of_id(self, segment_id: int) -> int:
        return next(r for r, s in enumerate(self._rows) if s.id == segment_id)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        ids = json.loads(bytes(data.data(MIME)).decode())
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        command = commands.MoveSegments.to_row(self._doc, ids, target)
        if command is not None:
            self._doc.undo_stack.push(command)
        # The move is done through the document; the view must not remove the dragged rows.
        return False
