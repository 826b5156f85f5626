"""The import window's widgets and their layout: the file, the day and the options on top, what
was found, the date question, the columns beside the preview, the warnings, and the progress
and buttons that stay in view on a short screen."""

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from liveplanner.core.plan import time_zone
from liveplanner.formats.metrics.presets import PRESETS, InstantRule
from liveplanner.ui import labels
from liveplanner.ui.review.import_preview import PreviewModel
from liveplanner.ui.screen_fit import scrolling_body


class ImportDialogLayout:
    """The widgets of MetricsImportDialog, made once; its behaviour is in the dialog."""

    def _build(self) -> None:
        show = self.plan.show
        zone = time_zone(show.time_zone)
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("A CSV, XLSX or JSON export from the platform"))
        choose = QPushButton(self.tr("&Choose file…"))
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(choose)

        self.preset_box = QComboBox()
        self.preset_box.addItem(self.tr("Recognise from the headers"), None)
        for preset in PRESETS.values():
            self.preset_box.addItem(labels.layout(preset.name, preset.label), preset.name)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        local = show.planned_start.astimezone(zone).date()
        self.date_edit.setDate(QDate(local.year, local.month, local.day))
        self.zone_edit = QLineEdit(show.time_zone)
        self.instant_box = QComboBox()
        self.instant_box.addItem(self.tr("As the layout says"), None)
        self.instant_box.addItem(self.tr("Highest reading of the minute"), InstantRule.MAX)
        self.instant_box.addItem(self.tr("Last reading of the minute"), InstantRule.LAST)
        for box in (self.preset_box, self.instant_box):
            box.currentIndexChanged.connect(self._options_changed)
        # The show's date stands in for a date the file does not give (as the command line's
        # default); a date the user sets is theirs, and wins over the file's, as --date does.
        self.day_chosen = False
        self.date_edit.dateChanged.connect(self._day_chosen)
        self.date_edit.dateChanged.connect(self._options_changed)
        self.zone_edit.editingFinished.connect(self._options_changed)

        form = QFormLayout()
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Layout:"), self.preset_box)
        form.addRow(self.tr("Date for times without one:"), self.date_edit)
        form.addRow(self.tr("Time zone of the file:"), self.zone_edit)
        form.addRow(self.tr("Online viewers per minute:"), self.instant_box)

        # The show's metrics already stored: said before anything is chosen, not after Import.
        self.replace_note = QLabel()
        self.replace_note.setWordWrap(True)
        self.replace_note.setObjectName("importReplaces")
        self.replace_note.setStyleSheet("QLabel#importReplaces { color: #b35c00; }")
        self._show_stored(self.stored)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("importError")
        self.error.setStyleSheet("QLabel#importError { color: #c0392b; font-weight: 600; }")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()

        # Another day's export: a choice to make, not a warning to click past.
        self.mismatch_text = QLabel()
        self.mismatch_text.setWordWrap(True)
        self.mismatch_text.setObjectName("importMismatch")
        self.mismatch_text.setStyleSheet(
            "QLabel#importMismatch { color: #b35c00; font-weight: 600; }"
        )
        self.shift_choice = QRadioButton()
        self.keep_choice = QRadioButton(
            self.tr("Import it as it is (its minutes fall outside every segment)")
        )
        self.date_choice = QButtonGroup(self)
        self.date_choice.addButton(self.shift_choice)
        self.date_choice.addButton(self.keep_choice)
        self.date_choice.buttonToggled.connect(self._date_chosen)
        choices = QHBoxLayout()
        choices.setContentsMargins(0, 0, 0, 0)
        choices.addWidget(self.shift_choice)
        choices.addWidget(self.keep_choice)
        choices.addStretch(1)
        self.mismatch_box = QWidget()
        mismatch_layout = QVBoxLayout(self.mismatch_box)
        mismatch_layout.setContentsMargins(0, 0, 0, 0)
        mismatch_layout.addWidget(self.mismatch_text)
        mismatch_layout.addLayout(choices)
        self.mismatch_box.hide()

        self.columns = QTableWidget(0, 2)
        self.columns.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Read as")])
        self.columns.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.columns.verticalHeader().hide()
        self.preview_model = PreviewModel(self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        tables = QSplitter()
        tables.addWidget(self._titled(self.tr("Columns"), self.columns))
        tables.addWidget(self._titled(self.tr("Preview: the first rows as read"), self.preview))
        tables.setSizes([380, 720])

        self.warnings = QListWidget()
        self.warnings.setWordWrap(True)
        self.warnings.setMaximumHeight(110)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_job)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QWidget()
        self.progress_box.setLayout(progress_row)
        self.progress_box.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.store)
        self.buttons.rejected.connect(self.reject)

        body = QVBoxLayout()
        body.addWidget(self.replace_note)
        body.addLayout(form)
        body.addWidget(self.summary)
        body.addWidget(self.error)
        body.addWidget(self.mismatch_box)
        body.addWidget(tables, 1)
        body.addWidget(self._titled(self.tr("Warnings"), self.warnings))
        # The progress and the buttons stay in view on a short screen; the rest scrolls.
        scrolling_body(self, body, self.progress_box, self.buttons)

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(f"<b>{title}</b>")
        column.addWidget(heading)
        column.addWidget(widget)
        return box
