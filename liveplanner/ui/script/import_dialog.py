"""Import a run sheet: the sheet read and shown before anything is stored.

The dialog shows what was found (file, sheet, header row), each column and the field it is read
as (change any of them and the sheet is read again), the show's title, start and platform as
the sheet gives them (editable), a preview of the segments, and everything the importer assumed
or could not read into a field. Import stores it as a new show in one transaction.
"""

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app.database import Database, StorageError
from liveplanner.app.plan_import import store_imported_plan
from liveplanner.core.enums import Platform, Role
from liveplanner.core.money import format_yuan
from liveplanner.core.plan import FIRST_SHOW_TIME, LAST_SHOW_TIME, time_zone
from liveplanner.core.schedule import format_duration, schedule
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.runsheet.columns import Field
from liveplanner.formats.runsheet.reader import ScriptOptions, ScriptReading, read_script
from liveplanner.ui import labels
from liveplanner.ui.screen_fit import fit_to_screen, scrolling_body
from liveplanner.ui.script.texts import field_label, problem_text, unread_text
from liveplanner.ui.words import said_of

_WARN = QColor("#b36b00")
_FLAGGED = QColor(255, 193, 7, 60)  # a row the messages below speak of


class ScriptImportDialog(QDialog):
    """Reads `data` (the bytes of `file_name`) at once; `show_id` is set once imported."""

    def __init__(
        self,
        db: Database,
        file_name: str,
        data: bytes,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.file_name = file_name
        self.data = data
        self.options = ScriptOptions(today=today)
        self.reading: ScriptReading | None = None
        self.show_id: int | None = None
        self.setWindowTitle(self.tr("Import run sheet"))

        self.found = QLabel()
        self.found.setWordWrap(True)
        self.title = QLineEdit()
        self.start = QDateTimeEdit()
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start.setCalendarPopup(True)
        self.start.setDateTimeRange(  # only a time a show can have
            QDateTime(FIRST_SHOW_TIME), QDateTime(LAST_SHOW_TIME - timedelta(minutes=1))
        )
        self.platform = QComboBox()
        for platform in Platform:
            self.platform.addItem(labels.platform(platform), platform.value)
        show_form = QFormLayout()
        show_form.addRow(self.tr("Title"), self.title)
        show_form.addRow(self.tr("Start"), self.start)
        show_form.addRow(self.tr("Platform"), self.platform)

        self.mapping = QTableWidget(0, 2)
        self.mapping.setHorizontalHeaderLabels([self.tr("Column in the sheet"), self.tr("Read as")])
        self.mapping.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.mapping.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.mapping.verticalHeader().hide()
        self.preview = QTableWidget(0, 8)
        self.preview.setHorizontalHeaderLabels(
            [
                self.tr("Start"),
                self.tr("Length"),
                self.tr("Kind"),
                self.tr("Title"),
                self.tr("Product"),
                self.tr("Promos"),
                self.tr("Host"),
                self.tr("Row"),
            ]
        )
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.preview.verticalHeader().setDefaultSectionSize(24)
        self.messages = QListWidget()
        self.messages.setWordWrap(True)
        self.totals = QLabel()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(show_form)
        left_layout.addWidget(QLabel(self.tr("Columns")))
        left_layout.addWidget(self.mapping)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.totals)
        right_layout.addWidget(self.preview)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(left)
        top.addWidget(right)
        top.setSizes([400, 800])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.messages)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import as a new show"))
        self.buttons.accepted.connect(self.store)
        self.buttons.rejected.connect(self.reject)
        body = QVBoxLayout()
        body.addWidget(self.found)
        body.addWidget(split, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        scrolling_body(self, body, bottom)  # the buttons stay in view on a short screen
        fit_to_screen(self, QSize(1200, 760))

        self.title.editingFinished.connect(self._title_changed)
        self.start.editingFinished.connect(self._start_changed)  # not on every step of a spin
        self.platform.currentIndexChanged.connect(self._platform_changed)
        self.read()

    # Reading -------------------------------------------------------------------------------

    def read(self) -> None:
        """Read the sheet with the current options and show the outcome."""
        self.messages.clear()
        try:
            self.reading = read_script(self.data, self.file_name, self.options)
        except ImportRefused as exc:
            self.reading = None
            self._refused(exc)
            return
        reading = self.reading
        self._fill_mapping(tuple(zip(reading.headers, reading.mapping, strict=True)))
        self._fill_show()
        self._fill_preview()
        parts = (
            self.tr("; with liveplanner's own sheets (settings, team, products, promos, cues)")
            if reading.parts
            else ""
        )
        self.found.setText(
            self.tr("%1 · %2 · sheet “%3”, header in row %4")
            .replace("%1", reading.file_name)
            .replace("%2", reading.encoding)
            .replace("%3", reading.sheet)
            .replace("%4", str(reading.header_row))
            + parts
        )
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in reading.notices:
            item = QListWidgetItem(icon, problem_text(problem))
            item.setForeground(_WARN)
            self.messages.addItem(item)
        info = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        for unread in reading.unread:
            self.messages.addItem(QListWidgetItem(info, unread_text(unread)))
        if not reading.notices and not reading.unread:
            self.messages.addItem(self.tr("Every cell was read into a field."))
        self.import_button.setEnabled(True)

    def _refused(self, exc: ImportRefused) -> None:
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        item = QListWidgetItem(icon, problem_text(exc.problem))
        item.setForeground(QColor("#c62828"))
        self.messages.addItem(item)
        if exc.columns:
            self.messages.addItem(
                self.tr("Change how a column is read, or set it to “not read”, to try again.")
            )
            self._fill_mapping(exc.columns)
        self.preview.setRowCount(0)
        self.totals.setText("")
        self.found.setText(self.file_name)
        self.import_button.setEnabled(False)
        for widget in (self.title, self.start, self.platform):
            widget.setEnabled(False)  # nothing read to name or place

    def _fill_mapping(self, columns: tuple) -> None:
        self.mapping.setRowCount(len(columns))
        for row, (header, chosen) in enumerate(columns):
            item = QTableWidgetItem(header or f"#{row + 1}")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping.setItem(row, 0, item)
            combo = self.mapping.cellWidget(row, 1)
            if not isinstance(combo, QComboBox):
                combo = QComboBox()
                combo.addItem(field_label(None), None)
                for field in Field:
                    combo.addItem(field_label(field), field.value)
                combo.currentIndexChanged.connect(self._mapping_changed)
                self.mapping.setCellWidget(row, 1, combo)
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(chosen.value if chosen else None))
            combo.blockSignals(False)

    def _fill_show(self) -> None:
        assert self.reading is not None
        show = self.reading.plan.show
        for widget in (self.title, self.start, self.platform):
            widget.blockSignals(True)
        self.title.setText(show.title)
        local = show.planned_start.astimezone(time_zone(show.time_zone)).replace(tzinfo=None)
        self.start.setDateTime(QDateTime(local))
        self.platform.setCurrentIndex(self.platform.findData(show.platform.value))
        for widget in (self.title, self.start, self.platform):
            widget.blockSignals(False)
            widget.setEnabled(True)

    def _fill_preview(self) -> None:
        assert self.reading is not None
        plan, rows = self.reading.plan, self.reading.segment_rows
        slots = schedule(plan).slots
        flagged: dict[int, list[str]] = {}  # sheet row -> what was said about it
        for problem in self.reading.notices:
            if isinstance(row := problem.params.get("row"), int):
                flagged.setdefault(row, []).append(problem_text(problem))
        for unread in self.reading.unread:
            flagged.setdefault(unread.row, []).append(unread_text(unread))
        self.preview.setRowCount(len(plan.segments))
        for row, (segment, slot, sheet_row) in enumerate(
            zip(plan.segments, slots, rows, strict=True)
        ):
            product = plan.product(segment.product_id)
            promos = "; ".join(
                f"{promo.name} ×{r.quantity}"
                for r in plan.releases
                if r.segment_id == segment.id and (promo := plan.promo(r.promo_id))
            )
            host = plan.person(segment.roles.get(Role.HOST))
            product_text = ""
            if product is not None:
                price = product.live_price_fen
                product_text = product.name + (f" ¥{format_yuan(price)}" if price else "")
            values = [
                slot.start.strftime("%H:%M"),
                format_duration(segment.duration_s),
                labels.segment_kind(segment.kind),
                segment.title,
                product_text,
                promos,
                host.name if host else "",
                str(sheet_row),
            ]
            told = flagged.get(sheet_row)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if told:
                    item.setBackground(_FLAGGED)
                    item.setToolTip("\n".join(told))
                self.preview.setItem(row, column, item)
        self.preview.resizeColumnsToContents()
        self.preview.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        total = format_duration(sum(s.duration_s for s in plan.segments))
        self.totals.setText(
            self.tr("%1 segments, %2 long · %3 products · %4 people · %5 promos")
            .replace("%1", str(len(plan.segments)))
            .replace("%2", total)
            .replace("%3", str(len(plan.products)))
            .replace("%4", str(len(plan.people)))
            .replace("%5", str(len(plan.promos)))
        )

    # Changes -------------------------------------------------------------------------------

    def _mapping_changed(self) -> None:
        chosen = []
        for row in range(self.mapping.rowCount()):
            combo = self.mapping.cellWidget(row, 1)
            value = combo.currentData() if isinstance(combo, QComboBox) else None
            chosen.append(Field(value) if value else None)
        self._set(mapping=tuple(chosen))

    def _title_changed(self) -> None:
        if self.reading is None or self.title.text() != self.reading.plan.show.title:
            self._set(title=self.title.text().strip())

    def _start_changed(self) -> None:
        if self.reading is None:
            return
        zone = time_zone(self.reading.plan.show.time_zone)
        naive = self.start.dateTime().toPython()
        assert isinstance(naive, datetime)
        start = naive.replace(tzinfo=zone)
        if start != self.reading.plan.show.planned_start:
            self._set(start=start)

    def _platform_changed(self) -> None:
        self._set(platform=Platform(self.platform.currentData()))

    def _set(self, **changes: Any) -> None:  # ImportOptions' fields by name
        self.options = replace(self.options, **changes)
        self.read()

    # Storing -------------------------------------------------------------------------------

    def store(self) -> None:
        if self.reading is None:
            return
        try:
            self.show_id = store_imported_plan(self.db, self.reading.plan)
        except StorageError as exc:
            self.messages.insertItem(0, said_of(exc))
            return
        self.accept()
