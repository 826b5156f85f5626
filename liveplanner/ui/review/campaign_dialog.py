"""Review ▸ Campaigns…: the campaigns, each one's title, dates and targets (GMV above, the rest
on the Targets tab, read as the Show panel reads a show's), the shows it counts, where it stands
against its target with what each remaining show must bring, its pace chart, GMV by platform and
by show, and its best and worst segment kinds and products; exported as a PDF or XLSX report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app import campaigns
from liveplanner.app.campaigns import Campaign, CampaignFigures
from liveplanner.app.database import Database, StorageError
from liveplanner.app.shows import list_shows
from liveplanner.core.plan import Targets
from liveplanner.core.target_inputs import TARGET_INPUTS, written
from liveplanner.ui import labels
from liveplanner.ui.editor import paid_targets
from liveplanner.ui.review import figures as shown
from liveplanner.ui.review.campaign_chart import PaceChart
from liveplanner.ui.review.campaign_report import (
    best_and_worst_html,
    export_campaign_report,
    state_text,
)
from liveplanner.ui.screen_fit import fit_to_screen
from liveplanner.ui.words import said_of


def _yuan_text(fen: int | None) -> str:
    return "" if fen is None else f"{fen / 100:.2f}".removesuffix(".00")


def _target_label(name: str) -> str:
    """A target's label as the Show panel words it (its Targets fields), units included."""
    own = {
        "viewers": QCoreApplication.translate("ShowForm", "Target viewers"),
        "conversion_bp": QCoreApplication.translate("ShowForm", "Target conversion (%)"),
        "new_followers": QCoreApplication.translate("ShowForm", "Target new followers"),
        "interaction_bp": QCoreApplication.translate("ShowForm", "Target interaction (%)"),
    }
    return own.get(name) or paid_targets.field_label(f"target_{name}") or name


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]], numeric: Sequence[int]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class ShowPicker(QDialog):
    """The shows to add: each a checkable line (Space ticks the current one)."""

    def __init__(self, db: Database, held: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add shows to the campaign"))
        self.list = QListWidget()
        for summary in list_shows(db):
            if summary.id in held:
                continue
            item = QListWidgetItem(
                f"{summary.planned_start:%Y-%m-%d %H:%M} · "
                f"{labels.platform(summary.platform)} · {summary.title}"
            )
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick the shows the campaign counts:")))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(560, 480))

    def chosen(self) -> list[int]:
        return [
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


class CampaignDialog(QDialog):
    def __init__(
        self,
        db: Database,
        lag: int,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.lag = db, lag
        self.today = today or date.today()
        self.campaign: Campaign | None = None  # the one on show; None: a new one being made
        self.figures: CampaignFigures | None = None
        self.setWindowTitle(self.tr("Campaigns"))

        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._chosen)
        self.new_button = QPushButton(self.tr("&New"))
        self.new_button.clicked.connect(self.start_new)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.clicked.connect(self.delete_current)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Campaigns")))
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)
        side = QWidget()
        side.setLayout(left)

        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Double 11 big promotion"))
        self.starts = QDateEdit()
        self.ends = QDateEdit()
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("yuan, e.g. 200万"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self.save)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c0392b")
        self.problem.setWordWrap(True)
        form = QGridLayout()
        form.addWidget(QLabel(self.tr("Title")), 0, 0)
        form.addWidget(self.title, 0, 1, 1, 3)
        form.addWidget(QLabel(self.tr("GMV target")), 0, 4)
        form.addWidget(self.target, 0, 5)
        form.addWidget(QLabel(self.tr("From")), 1, 0)
        form.addWidget(self.starts, 1, 1)
        form.addWidget(QLabel(self.tr("to")), 1, 2)
        form.addWidget(self.ends, 1, 3)
        form.addWidget(self.save_button, 1, 5)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        form.setColumnStretch(5, 1)

        self.cards: dict[str, QLabel] = {}
        cards = QGridLayout()
        captions = {
            "gmv": self.tr("GMV so far"),
            "target": self.tr("Target"),
            "gap": self.tr("Still to reach"),
            "remaining": self.tr("Shows to come"),
            "needed": self.tr("Each needs"),
            "orders": self.tr("Orders"),
            "roi": self.tr("ROI"),
            "uv_value": self.tr("UV value"),
        }
        for i, (key, caption) in enumerate(captions.items()):
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setStyleSheet("border-left: 3px solid #d9822b; padding-left: 6px")
            self.cards[key] = label
            label.setProperty("caption", caption)
            cards.addWidget(label, i // 4, i % 4)
        self.chart = PaceChart()
        self.chart.setMinimumHeight(160)
        progress = QWidget()
        progress_layout = QVBoxLayout(progress)
        progress_layout.addLayout(cards)
        progress_layout.addWidget(self.chart, 1)

        self.shows_table = _table(
            [
                self.tr("Start"),
                self.tr("Platform"),
                self.tr("Title"),
                self.tr("GMV"),
                self.tr("State"),
            ]
        )
        self.add_button = QPushButton(self.tr("&Add shows…"))
        self.add_button.clicked.connect(self.add_shows)
        self.remove_button = QPushButton(self.tr("&Remove show"))
        self.remove_button.clicked.connect(self.remove_show)
        show_buttons = QHBoxLayout()
        show_buttons.addWidget(self.add_button)
        show_buttons.addWidget(self.remove_button)
        show_buttons.addStretch(1)
        shows_page = QWidget()
        shows_layout = QVBoxLayout(shows_page)
        shows_layout.addWidget(self.shows_table, 1)
        shows_layout.addLayout(show_buttons)

        self.platform_table = _table([self.tr("Platform"), self.tr("Shows"), self.tr("GMV")])
        self.kind_table = _table(
            [self.tr("Segment kind"), self.tr("Segments"), self.tr("GMV"), self.tr("GMV / min")]
        )
        self.product_table = _table(
            [self.tr("Product"), self.tr("Shows"), self.tr("Sold"), self.tr("GMV")]
        )
        self.best_worst = QLabel()
        self.best_worst.setWordWrap(True)
        self.best_worst.setTextFormat(Qt.TextFormat.RichText)
        self.best_worst.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        breakdown = QWidget()
        breakdown_layout = QGridLayout(breakdown)
        breakdown_layout.addWidget(self.platform_table, 0, 0)
        breakdown_layout.addWidget(self.best_worst, 0, 1)
        breakdown_layout.addWidget(self.kind_table, 1, 0)
        breakdown_layout.addWidget(self.product_table, 1, 1)
        breakdown_layout.setRowStretch(0, 1)
        breakdown_layout.setRowStretch(1, 2)

        # The campaign's other targets, as the Show panel's Targets fields read them (GMV is in
        # the form above); saved with the title and dates by Save.
        self.target_edits: dict[str, QLineEdit] = {}
        targets_page = QWidget()
        target_grid = QGridLayout(targets_page)
        for i, target in enumerate(t for t in TARGET_INPUTS if t.name != "gmv_fen"):
            edit = QLineEdit()
            label = QLabel(_target_label(target.name))
            label.setBuddy(edit)
            target_grid.addWidget(label, i % 5, (i // 5) * 2)
            target_grid.addWidget(edit, i % 5, (i // 5) * 2 + 1)
            self.target_edits[target.name] = edit
        for column in (1, 3, 5):
            target_grid.setColumnStretch(column, 1)
        target_grid.addWidget(
            QLabel(self.tr("Saved with Save; an empty field sets no target.")), 5, 0, 1, 6
        )
        target_grid.setRowStretch(6, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(progress, self.tr("Progress"))
        self.tabs.addTab(shows_page, self.tr("Shows"))
        self.tabs.addTab(breakdown, self.tr("What earned"))
        self.tabs.addTab(targets_page, self.tr("Targets"))

        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.problem)
        right.addWidget(self.tabs, 1)
        main = QWidget()
        main.setLayout(right)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(main)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 900])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            self.tr("&Export campaign report…"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.export_button.clicked.connect(self.export_report)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(1200, 680))
        self.reload()

    # Reading

    def reload(self, chosen: int | None = None) -> None:
        """Refill the list, keeping (or moving to) campaign `chosen`."""
        keep = chosen if chosen is not None else (self.campaign.id if self.campaign else None)
        found = campaigns.list_campaigns(self.db)
        self.list.blockSignals(True)
        self.list.clear()
        for campaign in found:
            item = QListWidgetItem(campaign.title)
            item.setToolTip(f"{campaign.title}\n{campaign.starts_on} – {campaign.ends_on}")
            item.setData(Qt.ItemDataRole.UserRole, campaign.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, c in enumerate(found) if c.id == keep), 0 if found else -1)
        if row >= 0:
            self.list.setCurrentRow(row)
            self._chosen(row)
        else:
            self.start_new()

    def _chosen(self, row: int) -> None:
        if row < 0:
            return
        campaign_id = int(self.list.item(row).data(Qt.ItemDataRole.UserRole))
        try:
            self.figures = campaigns.figures(self.db, campaign_id, self.today, self.lag)
        except StorageError as exc:
            self.problem.setText(said_of(exc))
            return
        self.campaign = self.figures.campaign
        self.problem.clear()
        self._show_form(self.campaign)
        self._show_figures(self.figures)

    def _show_form(self, campaign: Campaign | None) -> None:
        today = QDate(self.today.year, self.today.month, self.today.day)
        self.title.setText(campaign.title if campaign else "")
        self.starts.setDate(QDate(campaign.starts_on) if campaign else today)
        self.ends.setDate(QDate(campaign.ends_on) if campaign else today.addDays(10))
        self.target.setText(_yuan_text(campaign.targets.gmv_fen) if campaign else "")
        for name, edit in self.target_edits.items():
            edit.setText(written(campaign.targets, name) if campaign else "")
        for widget in (self.add_button, self.remove_button, self.delete_button):
            widget.setEnabled(campaign is not None)
        self.export_button.setEnabled(campaign is not None)

    def _card(self, key: str, value: str, note: str = "", met: bool | None = None) -> None:
        colour = "#2e8b57" if met else "#c0392b" if met is False else "#555"
        caption = self.cards[key].property("caption")
        self.cards[key].setText(
            f'<span style="color:#555">{caption}</span><br>'
            f'<span style="font-size:14pt; font-weight:bold">{value}</span>'
            + (f'<br><span style="color:{colour}">{note}</span>' if note else "")
        )

    def _show_figures(self, result: CampaignFigures | None) -> None:
        t = result.totals if result else None
        target = result.campaign.targets.gmv_fen if result else None
        gmv = t.gmv_fen if t else None
        met = None if target is None or gmv is None else gmv >= target
        share = "" if target is None or gmv is None or not target else f"{gmv / target:.0%}"
        self._card("gmv", shown.yuan(gmv), share, met)
        self._card("target", shown.yuan(target))
        self._card("gap", shown.yuan(result.gap_fen if result else None))
        missing = len(result.without_figures) if result else 0
        self._card(
            "remaining",
            shown.count(result.remaining_shows if result else None),
            # Past shows with no metrics are neither done nor to come: said, not hidden.
            self.tr("%n without figures", "", missing) if missing else "",
            False if missing else None,
        )
        self._card("needed", shown.yuan(result.needed_per_show_fen if result else None))
        self._card("orders", shown.count(t.orders if t else None))
        self._card("roi", shown.times(t.efficiency.roi if t else None))
        self._card("uv_value", shown.yuan_cents(t.efficiency.uv_value_fen if t else None))
        self.chart.set_figures(result)
        _fill(
            self.shows_table,
            [
                [
                    f"{s.planned_start:%Y-%m-%d %H:%M}",
                    labels.platform(s.platform),
                    s.title,
                    shown.yuan(s.sums.gmv_fen),
                    state_text(result, s),
                ]
                for s in (result.shows if result else ())
            ],
            [3],
        )
        _fill(
            self.platform_table,
            [
                [labels.platform(p.platform), str(p.shows), shown.yuan(p.gmv_fen)]
                for p in (result.by_platform if result else ())
            ],
            [1, 2],
        )
        _fill(
            self.kind_table,
            [
                [
                    labels.segment_kind(k.kind),
                    str(k.segments),
                    shown.yuan(k.gmv_fen),
                    shown.yuan(k.gmv_per_min_fen),
                ]
                for k in (result.by_kind if result else ())
            ],
            [1, 2, 3],
        )
        _fill(
            self.product_table,
            [
                [p.name or p.link, str(p.shows), shown.count(p.sold), shown.yuan(p.gmv_fen)]
                for p in (result.products if result else ())
            ],
            [1, 2, 3],
        )
        self.best_worst.setText(best_and_worst_html(result) if result else "")

    # Editing

    def start_new(self) -> None:
        """Empty the form for a new campaign (made on Save)."""
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.campaign, self.figures = None, None
        self._show_form(None)
        self._show_figures(None)
        self.problem.clear()
        self.title.setFocus()

    def _typed_targets(self) -> Targets | str:
        """The targets as typed, or why one cannot be read, naming its field (the GMV target's
        own refusal quotes what was typed, which says enough beside its one field)."""
        values: dict[str, int | None] = {}
        for target in TARGET_INPUTS:
            edit = self.target_edits.get(target.name, self.target)
            try:
                values[target.name] = target.parse(edit.text())
            except ValueError as exc:
                if edit is self.target:
                    return said_of(exc)
                return f"{_target_label(target.name)}: {said_of(exc)}"
        return Targets(**values)

    def save(self) -> None:
        targets = self._typed_targets()
        if isinstance(targets, str):
            self.problem.setText(targets)
            return
        try:
            if self.campaign is None:
                made = campaigns.create_campaign(
                    self.db,
                    self.title.text(),
                    self.starts.date().toPython(),
                    self.ends.date().toPython(),
                    targets,
                )
            else:
                made = campaigns.update_campaign(
                    self.db,
                    self.campaign.id,
                    self.campaign.version,
                    self.title.text(),
                    self.starts.date().toPython(),
                    self.ends.date().toPython(),
                    targets,
                )
        except (ValueError, StorageError) as exc:
            self.problem.setText(said_of(exc))
            return
        self.problem.clear()
        self.reload(made.id)

    def delete_current(self) -> None:
        if self.campaign is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete campaign"),
            self.tr("Delete the campaign “%1”? Its shows stay as they are.").replace(
                "%1", self.campaign.title
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        campaigns.delete_campaign(self.db, self.campaign.id)
        self.campaign = None
        self.reload()

    def add_shows(self) -> None:
        if self.campaign is None:
            return
        picker = ShowPicker(self.db, self.campaign.show_ids, self)
        if picker.exec() != QDialog.DialogCode.Accepted or not picker.chosen():
            return
        self._change(lambda cid: campaigns.add_shows(self.db, cid, picker.chosen()))

    def remove_show(self) -> None:
        row = self.shows_table.currentRow()
        if self.figures is None or not 0 <= row < len(self.figures.shows):
            return
        show_id = self.figures.shows[row].show_id
        self._change(lambda cid: campaigns.remove_shows(self.db, cid, [show_id]))

    def _change(self, change: Callable[[int], Campaign]) -> None:
        assert self.campaign is not None
        try:
            change(self.campaign.id)
        except StorageError as exc:
            self.problem.setText(said_of(exc))
            return
        self.reload(self.campaign.id)

    def export_report(self) -> None:
        if self.figures is not None:
            export_campaign_report(self.figures, self)
