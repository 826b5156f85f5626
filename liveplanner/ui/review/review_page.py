"""The lead's review of one show: summary against targets, the chart, and the tables and notes.

The page is made once and shown show after show (set_show): its chart and models are refilled,
never rebuilt, so flicking through a season's shows stays quick.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app import review_data
from liveplanner.app.database import Database, StorageError
from liveplanner.app.settings import DEFAULT_CHART_SHARE
from liveplanner.core.enums import NoteCategory
from liveplanner.core.notes import ReviewNote
from liveplanner.core.plan import ShowPlan
from liveplanner.core.product_sales import ProductSales
from liveplanner.core.review import review
from liveplanner.core.review_figures import Review
from liveplanner.core.review_spans import MAX_LAG, Source
from liveplanner.core.runlog import DeskEvent, Run
from liveplanner.ui.flow_layout import FlowLayout
from liveplanner.ui.review.chart import LANES, ReviewChart
from liveplanner.ui.review.notes_panel import NoteDialog, NotesModel, note_place
from liveplanner.ui.review.product_columns import GMV_COLUMN as PRODUCT_GMV_COLUMN
from liveplanner.ui.review.product_columns import product_figure_columns, product_rows
from liveplanner.ui.review.summary_figures import paid_figures, summary_figures
from liveplanner.ui.review.table_columns import (
    by_kind_rows,
    kind_columns,
    product_columns,
    segment_columns,
    segment_rank,
    segment_rows,
)
from liveplanner.ui.review.tables import SORT_ROLE, FiguresModel
from liveplanner.ui.review.target_row import TargetRow
from liveplanner.ui.words import said_of

GOOD, BAD = "#2e8b57", "#c0392b"


def table_view(model: QSortFilterProxyModel | NotesModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def sorted_model(model: FiguresModel) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortLocaleAware(True)  # names in the user's language's order (pinyin for Chinese)
    return proxy


def sort_by(view: QTableView, column: int, order: Qt.SortOrder) -> None:
    """Rows in this order, sorted by the proxy, so the header's arrow names the order the rows
    are in; a click on a header sorts by that column (highest first for figures)."""
    view.setSortingEnabled(True)
    view.sortByColumn(column, order)


GMV_COLUMN = 3  # in the by-kind and by-product tables (table_columns.group_columns)


class Card(QFrame):
    """One summary figure, with its target under it when the show has one."""

    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(7, 4, 7, 4)  # nine of them fit a laptop's width in a row
        layout.setSpacing(1)
        self.caption = QLabel()
        self.value = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.target = QLabel()
        for label in (self.caption, self.value, self.target):
            layout.addWidget(label)

    def set(self, caption: str, value: str, target: str = "", good: bool | None = None) -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.target.setText(target)
        color = "" if good is None else GOOD if good else BAD
        self.target.setStyleSheet(f"color: {color}" if color else "")


class ReviewPage(QWidget):
    import_requested = Signal()
    import_products_requested = Signal()
    compare_requested = Signal()
    export_requested = Signal()
    lag_changed = Signal(int)
    chart_share_changed = Signal(float)
    """The splitter between the chart and the tables was dragged; the chart's share of the
    height it left, to be remembered."""

    def __init__(
        self,
        db: Database,
        lag: int,
        parent: QWidget | None = None,
        chart_share: float = DEFAULT_CHART_SHARE,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.plan: ShowPlan | None = None
        self.runs: list[Run] = []
        self.samples = None
        self.notes: list[ReviewNote] = []
        self.desk: tuple[DeskEvent, ...] = ()  # the live run's desk log: ticks on the chart
        self.product_sales: tuple[ProductSales, ...] = ()
        self.review: Review | None = None
        self.clicked_minute: datetime | None = None

        self.title = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.lag = QSpinBox()
        self.lag.setRange(0, MAX_LAG)
        self.lag.setValue(lag)
        self.lag.setSuffix(self.tr(" min"))
        self.lag.setToolTip(
            self.tr(
                "Orders come in a minute or two after the pitch: each minute's sales are "
                "credited to the segment running this many minutes earlier."
            )
        )
        self.lag.valueChanged.connect(self._lag_changed)
        self.import_button = QPushButton(self.tr("Import metrics…"))
        self.import_button.clicked.connect(self.import_requested)
        self.import_products_button = QPushButton(self.tr("Import product figures…"))
        self.import_products_button.clicked.connect(self.import_products_requested)
        self.note_button = QPushButton(self.tr("Add note…"))
        self.note_button.clicked.connect(self.add_note)
        self.compare_button = QPushButton(self.tr("Compare shows…"))
        self.compare_button.clicked.connect(self.compare_requested)
        self.export_button = QPushButton(self.tr("Export report…"))
        self.export_button.clicked.connect(self.export_requested)

        header = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.source)
        header.addLayout(heading, 1)
        header.addWidget(QLabel(self.tr("Sales credited")))
        header.addWidget(self.lag)
        header.addWidget(QLabel(self.tr("after the pitch")))
        header.addSpacing(16)
        for button in (
            self.import_button,
            self.import_products_button,
            self.note_button,
            self.compare_button,
            self.export_button,
        ):
            header.addWidget(button)

        self.cards = [Card() for _ in range(9)]  # summary_figures.summary_figures
        # The cards wrap onto a second row in a narrow window instead of widening it.
        self.card_row = QWidget()
        cards = FlowLayout(self.card_row, spacing=5)
        for card in self.cards:
            cards.addWidget(card)
        # Whether it paid: a line for each such target the show set (hidden when it set none).
        self.target_row = TargetRow()

        self.lane_boxes: dict[str, QCheckBox] = {}
        lanes = QHBoxLayout()
        lanes.addWidget(QLabel(self.tr("Lanes:")))
        for lane in LANES:
            box = QCheckBox(lane.title().replace("&", "&&"))
            box.setChecked(True)
            box.toggled.connect(lambda on, n=lane.name: self.chart.set_lane_visible(n, on))
            self.lane_boxes[lane.name] = box
            lanes.addWidget(box)
        lanes.addStretch(1)
        self.legend = QLabel(
            self.tr(
                "券 coupon drop · 秒 flash sale · 抽 lucky draw · ✎ note · "
                "drag to pan, wheel to zoom"
            )
        )
        self.legend.setStyleSheet("color: palette(mid)")
        lanes.addWidget(self.legend)

        self.chart = ReviewChart()
        self.chart.segment_clicked.connect(self.select_segment)
        self.chart.minute_clicked.connect(self._minute_clicked)
        self.chart.minute_double_clicked.connect(self._minute_double_clicked)
        self.empty = QLabel(
            self.tr(
                "No minute metrics for this show yet.\n\nImport the platform's minute-by-minute "
                "export (Review ▸ Import metrics…, Ctrl+Shift+I) to see it over the plan."
            )
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.chart_stack = QStackedWidget()
        self.chart_stack.addWidget(self.chart)
        self.chart_stack.addWidget(self.empty)
        # The lanes squeeze (to the chart's own minimum, never over each other) rather than
        # make the window taller than a laptop's screen.

        self.segments = FiguresModel([], segment_rank, self)
        self.kinds = FiguresModel([], parent=self)
        self.products = FiguresModel([], parent=self)
        self.segment_view = table_view(sorted_model(self.segments))
        sort_by(self.segment_view, 0, Qt.SortOrder.AscendingOrder)
        self.segment_view.doubleClicked.connect(lambda _i: self.add_note())
        # The segment chosen in the table is the one highlighted on the chart, and vice versa.
        self.segment_view.selectionModel().selectionChanged.connect(
            lambda *_: self.chart.select_segment(self.selected_segment())
        )
        # The kinds and products that earned most first, and the header says so.
        self.kind_view = table_view(sorted_model(self.kinds))
        sort_by(self.kind_view, GMV_COLUMN, Qt.SortOrder.DescendingOrder)
        self.product_view = table_view(sorted_model(self.products))
        sort_by(self.product_view, GMV_COLUMN, Qt.SortOrder.DescendingOrder)
        # Issue 19: each product's sales from the product export (ui/review/product_columns).
        self.product_sales_model = FiguresModel(product_figure_columns(), parent=self)
        self.product_sales_view = table_view(sorted_model(self.product_sales_model))
        sort_by(self.product_sales_view, PRODUCT_GMV_COLUMN, Qt.SortOrder.DescendingOrder)
        self.notes_model = NotesModel(self)
        self.notes_view = table_view(self.notes_model)
        self.notes_view.horizontalHeader().setSectionResizeMode(
            NotesModel.TEXT, QHeaderView.ResizeMode.Stretch
        )
        self.notes_view.doubleClicked.connect(lambda _i: self.edit_note())
        self.notes_tab = notes_tab = QWidget()
        notes_layout = QVBoxLayout(notes_tab)
        notes_layout.setContentsMargins(0, 4, 0, 0)
        notes_buttons = QHBoxLayout()
        self.edit_note_button = QPushButton(self.tr("Change…"))
        self.edit_note_button.clicked.connect(self.edit_note)
        self.delete_note_button = QPushButton(self.tr("Delete"))
        self.delete_note_button.clicked.connect(self.delete_note)
        add = QPushButton(self.tr("Add note…"))
        add.clicked.connect(self.add_note)
        for button in (add, self.edit_note_button, self.delete_note_button):
            notes_buttons.addWidget(button)
        notes_buttons.addStretch(1)
        notes_layout.addLayout(notes_buttons)
        notes_layout.addWidget(self.notes_view)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.segment_view, self.tr("By segment"))
        self.tabs.addTab(self.kind_view, self.tr("By kind"))
        self.tabs.addTab(self.product_view, self.tr("By product"))
        self.tabs.addTab(self.product_sales_view, self.tr("Products"))
        self.tabs.addTab(notes_tab, self.tr("Notes"))

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.chart_stack)
        self.splitter.addWidget(self.tabs)
        self.splitter.setChildrenCollapsible(False)
        self.set_chart_share(chart_share)
        self.splitter.handle(1).installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        # Tight between the rows above the chart: on a laptop every pixel they keep is the
        # table's (five rows at 1366x705 with the row of whether the show paid).
        layout.setSpacing(3)
        layout.addLayout(header)
        layout.addWidget(self.card_row)
        layout.addWidget(self.target_row)
        layout.addLayout(lanes)
        layout.addWidget(self.splitter, 1)

    # The split between chart and tables

    def chart_share(self) -> float:
        """The chart's part of the height the splitter shares between it and the tables."""
        chart, tables = self.splitter.sizes()
        return chart / (chart + tables) if chart + tables else DEFAULT_CHART_SHARE

    def set_chart_share(self, share: float) -> None:
        # Sizes are weights until the splitter has its height, then pixels: the same share.
        whole = max(1000, self.splitter.height())
        self.splitter.setSizes([round(whole * share), whole - round(whole * share)])
        # A taller or shorter window keeps the proportion.
        self.splitter.setStretchFactor(0, round(share * 100))
        self.splitter.setStretchFactor(1, 100 - round(share * 100))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter.handle(1) and event.type() == QEvent.Type.MouseButtonRelease:
            # Once the drag ends, not at every pixel of it.
            share = self.chart_share()
            self.set_chart_share(share)
            self.chart_share_changed.emit(share)
        return super().eventFilter(watched, event)

    # Loading

    def set_show(self, show_id: int) -> None:
        """Load a show's plan, runs, metrics and notes and show its review. StorageError passes
        up to the caller, which says why; the page then keeps the show it had."""
        read = review_data.review_inputs(self.db, show_id)
        self.plan, self.runs, self.samples, self.notes = (
            read.plan,
            read.runs,
            read.samples,
            read.notes,
        )
        self.product_sales = read.product_sales
        self.desk = read.desk
        self.recompute()

    def recompute(self) -> None:
        assert self.plan is not None
        self.review = review(
            self.plan, self.runs, self.samples, self.lag.value(), self.product_sales
        )
        self._fill()

    def _lag_changed(self, value: int) -> None:
        if self.plan is not None:
            self.recompute()
        self.lag_changed.emit(value)

    def _fill(self) -> None:
        assert self.plan is not None and self.review is not None
        result, plan = self.review, self.plan
        zone = ZoneInfo(plan.show.time_zone)
        self.title.setText(plan.show.title)
        self.source.setText(self.source_text(result, zone))
        has_data = len(result.minutes) > 0
        self.chart.set_review(result, plan, self.notes, self.desk)
        self.chart_stack.setCurrentWidget(self.chart if has_data else self.empty)
        with_data = self.chart.lanes_with_data()
        for name, box in self.lane_boxes.items():
            box.setEnabled(name in with_data)
            box.setToolTip("" if name in with_data else self.tr("Not in this show's export"))
        self._fill_cards()
        self.segments.set_rows(segment_rows(result), segment_columns(plan, result.source))
        self.kinds.set_rows(by_kind_rows(result), kind_columns())
        self.products.set_rows(result.by_product, product_columns(plan))
        self.notes_model.set_notes(self.notes, plan)
        self.product_sales_model.set_rows(product_rows(result))
        self.tabs.setTabText(
            self.tabs.indexOf(self.notes_tab),
            self.tr("Notes (%1)").replace("%1", str(len(self.notes))),
        )
        self.segment_view.resizeColumnsToContents()

    def source_text(self, result: Review, zone: ZoneInfo) -> str:
        if result.source is Source.ACTUAL:
            run = next(r for r in self.runs if r.id == result.run_id)
            text = self.tr("Segment times as they ran: the live run of %1.").replace(
                "%1", run.started_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            )
        else:
            text = self.tr("Segment times as planned: the show has no live run on the timer.")
        totals = result.totals
        if totals.minutes and totals.show_minutes:
            # What the lead needs to know: how much of the show the export covers.
            if totals.missing_minutes:
                covered = self.tr("%1 minutes of data; %2 of the show's %3 minutes have none.")
            else:
                covered = self.tr("%1 minutes of data, covering all of the show's %3 minutes.")
            text += " " + covered.replace("%1", str(totals.minutes)).replace(
                "%2", str(totals.missing_minutes)
            ).replace("%3", str(totals.show_minutes))
        elif totals.minutes:
            text += " " + self.tr("%1 minutes of data, %2 missing.").replace(
                "%1", str(totals.minutes)
            ).replace("%2", str(totals.missing_minutes))
        outside = sum(o.minutes for o in result.outside)
        if outside:
            text += " " + self.tr(
                "%1 of them lie outside the script: see the rows before or after it."
            ).replace("%1", str(outside))
        return text

    def _fill_cards(self) -> None:
        assert self.review is not None
        for card, figure in zip(self.cards, summary_figures(self.review), strict=True):
            card.set(figure.caption, figure.value, figure.target, figure.met)
        self.target_row.set(paid_figures(self.review))

    # Selection

    def select_segment(self, segment_id: int) -> None:
        """Select the segment's row (whatever the table's sort) and bring the table to front."""
        self.tabs.setCurrentWidget(self.segment_view)
        proxy = self.segment_view.model()
        for row, figures in enumerate(self.segments.rows):
            if figures.segment_id == segment_id:
                index = proxy.mapFromSource(self.segments.index(row, 0))
                self.segment_view.selectRow(index.row())
                self.segment_view.scrollTo(index)
                return

    def selected_segment(self) -> int | None:
        rows = self.segment_view.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.segment_view.model().mapToSource(rows[0])
        return self.segments.rows[source.row()].segment_id

    def _minute_clicked(self, minute: datetime) -> None:
        self.clicked_minute = minute

    def _minute_double_clicked(self, minute: datetime) -> None:
        self.clicked_minute = minute
        self.add_note()

    # Notes

    def add_note(self) -> None:
        """A note on the minute last clicked on the chart (and its segment), else on the
        segment selected in the table, else on the whole show."""
        if self.plan is None:
            return
        segment = self.selected_segment()
        minute = self.clicked_minute
        if minute is not None and self.review is not None:
            at_minute = self.review.segment_at(minute.replace(second=30))
            segment = at_minute if at_minute is not None else segment
        draft = ReviewNote(0, self.plan.show.id, NoteCategory.OTHER, "", "", segment, minute)
        zone = ZoneInfo(self.plan.show.time_zone)
        dialog = NoteDialog(note_place(draft, self.plan, zone), parent=self)
        if dialog.exec() != NoteDialog.DialogCode.Accepted:
            return
        category, text, owner = dialog.values()
        self._store(
            lambda: review_data.add_note(
                self.db, self.plan.show.id, category, text, owner, segment, minute
            )
        )
        self.clicked_minute = None

    def _selected_note(self) -> ReviewNote | None:
        rows = self.notes_view.selectionModel().selectedRows()
        return self.notes_model.notes[rows[0].row()] if rows else None

    def edit_note(self) -> None:
        note = self._selected_note()
        if note is None or self.plan is None:
            return
        zone = ZoneInfo(self.plan.show.time_zone)
        dialog = NoteDialog(note_place(note, self.plan, zone), note, self)
        if dialog.exec() != NoteDialog.DialogCode.Accepted:
            return
        category, text, owner = dialog.values()
        self._store(
            lambda: review_data.update_note(
                self.db, note.id, note.version, category=category, text=text, owner=owner
            )
        )

    def delete_note(self) -> None:
        note = self._selected_note()
        if note is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete note"),
            self.tr("Delete this note?\n\n%1").replace("%1", note.text),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._store(lambda: review_data.delete_note(self.db, note.id))

    def _store(self, write: Callable[[], object]) -> None:
        assert self.plan is not None
        try:
            write()
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Not done"), said_of(exc))
        self.notes = review_data.show_notes(self.db, self.plan.show.id)
        self._fill()
