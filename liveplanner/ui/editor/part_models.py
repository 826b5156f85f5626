"""Table models for a show's parts: team, products, promos, and one segment's cues and releases.

One generic model over column descriptions; each table says how its cells read, how they are
typed and what a typed value changes. Edits become EditPart commands on the document's stack.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from liveplanner.app.row_diff import Remove, Reorder, row_steps
from liveplanner.core.enums import PromoKind, Role
from liveplanner.core.inputs import parse_count, parse_money, parse_offset
from liveplanner.core.money import format_percent, format_yuan
from liveplanner.core.plan import Duty, Product, Promo, Release, TeamMember
from liveplanner.core.rules import Severity, price_floor
from liveplanner.core.schedule import format_duration
from liveplanner.ui import labels
from liveplanner.ui.editor import commands, roles
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.editor.finding_texts import describe
from liveplanner.ui.editor.segment_model import ERROR_TINT, WARNING_TINT
from liveplanner.ui.words import said_of

Index = QModelIndex | QPersistentModelIndex
Choices = list[tuple[str, object]]


def _yuan(fen: int | None) -> str:
    return "" if fen is None else format_yuan(fen)


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Column:
    title: Callable[[], str]
    show: Callable[[Any], str]
    field: str | None = None  # the part's field this cell edits (and findings name)
    edit: Callable[[Any], object] | None = None  # the editor's starting value
    read: Callable[[object], object] | None = None  # typed value -> the field's new value
    choices: Callable[[], Choices] | None = None
    numeric: bool = False


class PartTableModel(QAbstractTableModel):
    """Rows of one kind of part, as `rows()` selects them from the document's plan."""

    def __init__(
        self,
        document: ShowDocument,
        kind: type,
        entity: str,
        columns: Sequence[Column],
        rows: Callable[[], Sequence[Any]],
    ) -> None:
        super().__init__(document)
        self._doc, self.kind, self._entity = document, kind, entity
        self._columns, self._select = list(columns), rows
        self._rows: list[Any] = list(rows())
        document.parts_changed.connect(self.refresh)
        document.plan_changed.connect(self._repaint)

    def refresh(self) -> None:
        """Follow the plan row by row, so views keep their current cell, selection and editor."""
        new = list(self._select())
        by_id = {p.id: p for p in new}
        for step in row_steps([p.id for p in self._rows], [p.id for p in new]):
            if isinstance(step, Remove):
                self.beginRemoveRows(QModelIndex(), step.row, step.row)
                del self._rows[step.row]
                self.endRemoveRows()
            elif isinstance(step, Reorder):
                self.layoutAboutToBeChanged.emit()
                old_rows = {p.id: row for row, p in enumerate(self._rows)}
                kept = {p.id: p for p in self._rows}
                self._rows = [kept[i] for i in step.order]
                new_rows = {p.id: row for row, p in enumerate(self._rows)}
                moved = {old_rows[i]: new_rows[i] for i in old_rows}
                for index in self.persistentIndexList():
                    self.changePersistentIndex(
                        index, self.index(moved[index.row()], index.column())
                    )
                self.layoutChanged.emit()
            else:
                self.beginInsertRows(QModelIndex(), step.row, step.row)
                self._rows.insert(step.row, by_id[step.key])
                self.endInsertRows()
        for row, part in enumerate(new):
            if self._rows[row] != part:
                self._rows[row] = part
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def _repaint(self) -> None:
        # Names, floors and findings can change with any edit of the plan.
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1)
            )

    def part_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, part_id: int) -> int | None:
        return next((r for r, p in enumerate(self._rows) if p.id == part_id), None)

    def column_of_field(self, field: str | None) -> int:
        return next((c for c, col in enumerate(self._columns) if col.field == field), 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title() if 0 <= section < len(self._columns) else None
        return None

    def _findings(self, part: Any, column: Column) -> list:
        return [
            f
            for f in self._doc.findings
            if f.entity == self._entity and f.entity_id == part.id and f.field == column.field
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        part, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.show(part)
        if role == Qt.ItemDataRole.EditRole:
            return column.edit(part) if column.edit else column.show(part)
        if role == roles.CHOICES:
            return column.choices() if column.choices else None
        if role == roles.ID:
            return part.id
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole) and column.field:
            found = self._findings(part, column)
            if not found:
                return None
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(describe(f) for f in found)
            return ERROR_TINT if any(f.severity is Severity.ERROR for f in found) else WARNING_TINT
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._columns[index.column()].read is not None and self._doc.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        part, column = self._rows[index.row()], self._columns[index.column()]
        if column.read is None or column.field is None:
            return False
        try:
            new = column.read(value)
        except ValueError as exc:
            self._doc.edit_refused.emit(f"{column.title()}: {said_of(exc)}")
            return False
        command = commands.EditPart.if_changed(self._doc, self.kind, part.id, {column.field: new})
        if command is None:
            return False
        self._doc.undo_stack.push(command)
        return not command.failed


def _money_column(title: Callable[[], str], field: str) -> Column:
    return Column(
        title,
        lambda part: _yuan(getattr(part, field)),
        field,
        read=lambda value: parse_money("" if value is None else str(value)),
        numeric=True,
    )


def _count_column(title: Callable[[], str], field: str) -> Column:
    return Column(
        title,
        lambda part: _count(getattr(part, field)),
        field,
        read=lambda value: parse_count("" if value is None else str(value)),
        numeric=True,
    )


def _text(value: object) -> str:
    text = str(value).strip()
    if not text:
        raise ValueError(QCoreApplication.translate("PartTableModel", "cannot be empty"))
    return text


def _optional_id(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _offset(value: object) -> int:
    return parse_offset("" if value is None else str(value))


def team_model(doc: ShowDocument) -> PartTableModel:
    def person(value: object) -> int:
        return doc.person_named(_text(value)).id

    columns = [
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Person"),
            lambda m: doc.person_name(m.person_id),
            "person_id",
            edit=lambda m: doc.person_name(m.person_id),
            read=person,
        ),
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Role"),
            lambda m: labels.role(m.role),
            "role",
            edit=lambda m: m.role.value,
            read=lambda v: Role(str(v)),
            choices=lambda: [(labels.role(r), r.value) for r in Role],
        ),
    ]
    return PartTableModel(doc, TeamMember, "team_member", columns, lambda: doc.plan.team)


def product_model(doc: ShowDocument) -> PartTableModel:
    def floor(p: Product) -> str:
        return _yuan(price_floor(p, doc.plan.show.min_margin_bp))

    def discount(p: Product) -> str:
        if not p.list_price_fen or p.live_price_fen is None:
            return ""
        return format_percent((p.list_price_fen - p.live_price_fen) * 10_000 // p.list_price_fen)

    columns = [
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "SKU"),
            lambda p: p.sku,
            "sku",
            read=lambda v: str(v).strip(),
        ),
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Name"),
            lambda p: p.name,
            "name",
            read=_text,
        ),
        _money_column(
            lambda: QCoreApplication.translate("PartTableModel", "List price"), "list_price_fen"
        ),
        _money_column(
            lambda: QCoreApplication.translate("PartTableModel", "Live price"), "live_price_fen"
        ),
        _money_column(
            lambda: QCoreApplication.translate("PartTableModel", "Unit cost"), "unit_cost_fen"
        ),
        _count_column(lambda: QCoreApplication.translate("PartTableModel", "Stock"), "stock"),
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Price floor"), floor, numeric=True
        ),
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Discount"), discount, numeric=True
        ),
    ]
    return PartTableModel(doc, Product, "product", columns, lambda: doc.plan.products)


def promo_model(doc: ShowDocument) -> PartTableModel:
    def products() -> Choices:
        return [(QCoreApplication.translate("PartTableModel", "(all products)"), None)] + [
            (p.name, p.id) for p in doc.plan.products
        ]

    def product_name(p: Promo) -> str:
        product = doc.plan.product(p.product_id)
        return (
            product.name
            if product
            else QCoreApplication.translate("PartTableModel", "(all products)")
        )

    def released(p: Promo) -> str:
        total = sum(r.quantity for r in doc.plan.releases if r.promo_id == p.id)
        return str(total) if total else ""

    columns = [
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Kind"),
            lambda p: labels.promo_kind(p.kind),
            "kind",
            edit=lambda p: p.kind.value,
            read=lambda v: PromoKind(str(v)),
            choices=lambda: [(labels.promo_kind(k), k.value) for k in PromoKind],
        ),
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Name"),
            lambda p: p.name,
            "name",
            read=_text,
        ),
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Product"),
            product_name,
            "product_id",
            edit=lambda p: p.product_id,
            read=_optional_id,
            choices=products,
        ),
        _count_column(lambda: QCoreApplication.translate("PartTableModel", "Quantity"), "quantity"),
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Released"), released, numeric=True
        ),
        _money_column(
            lambda: QCoreApplication.translate("PartTableModel", "Face value"), "face_value_fen"
        ),
        _money_column(
            lambda: QCoreApplication.translate("PartTableModel", "Special price"),
            "special_price_fen",
        ),
        _money_column(
            lambda: QCoreApplication.translate("PartTableModel", "Threshold"), "threshold_fen"
        ),
        _count_column(
            lambda: QCoreApplication.translate("PartTableModel", "Per user"), "per_user_limit"
        ),
        _money_column(lambda: QCoreApplication.translate("PartTableModel", "Budget"), "budget_fen"),
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Notes"),
            lambda p: p.notes,
            "notes",
            read=lambda v: str(v),
        ),
    ]
    return PartTableModel(doc, Promo, "promo", columns, lambda: doc.plan.promos)


def duty_model(doc: ShowDocument, segment_id: Callable[[], int | None]) -> PartTableModel:
    def people() -> Choices:
        ids = list(dict.fromkeys(m.person_id for m in doc.plan.team))
        return [(QCoreApplication.translate("PartTableModel", "(anyone in the role)"), None)] + [
            (doc.person_name(i), i) for i in ids
        ]

    columns = [
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "At (m:ss)"),
            lambda d: format_duration(d.offset_s),
            "offset_s",
            read=_offset,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Role"),
            lambda d: labels.role(d.role) if d.role else "",
            "role",
            edit=lambda d: d.role.value if d.role else None,
            read=lambda v: Role(str(v)) if v else None,
            choices=lambda: (
                [(QCoreApplication.translate("PartTableModel", "(none)"), None)]
                + [(labels.role(r), r.value) for r in Role]
            ),
        ),
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Person"),
            lambda d: doc.person_name(d.person_id),
            "person_id",
            edit=lambda d: d.person_id,
            read=_optional_id,
            choices=people,
        ),
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Cue"),
            lambda d: d.cue,
            "cue",
            read=_text,
        ),
    ]
    return PartTableModel(
        doc,
        Duty,
        "duty",
        columns,
        lambda: sorted(
            (d for d in doc.plan.duties if d.segment_id == segment_id()),
            key=lambda d: (d.offset_s, d.id),
        ),
    )


def release_model(doc: ShowDocument, segment_id: Callable[[], int | None]) -> PartTableModel:
    def promo_name(r: Release) -> str:
        promo = doc.plan.promo(r.promo_id)
        return promo.name if promo else ""

    columns = [
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Promo"),
            promo_name,
            "promo_id",
            edit=lambda r: r.promo_id,
            read=lambda v: int(v),  # type: ignore[call-overload]
            choices=lambda: [(p.name, p.id) for p in doc.plan.promos],
        ),
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "At (m:ss)"),
            lambda r: format_duration(r.offset_s),
            "offset_s",
            read=_offset,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("PartTableModel", "Quantity"),
            lambda r: str(r.quantity),
            "quantity",
            read=lambda v: parse_count(str(v)) or 0,
            numeric=True,
        ),
    ]
    return PartTableModel(
        doc,
        Release,
        "release",
        columns,
        lambda: sorted(
            (r for r in doc.plan.releases if r.segment_id == segment_id()),
            key=lambda r: (r.offset_s, r.id),
        ),
    )
