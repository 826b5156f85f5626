"""Import metrics: a platform export read, shown and checked before anything is stored.

The file is read off the GUI thread; the dialog then shows what was found (encoding, layout,
header row, the minutes covered), the column mapping (editable), a preview of the rows as read,
and every warning. A file whose minutes miss the show's time asks for a choice first (move it onto
the show's date, or import it as it is); until one is made Import is off and Enter does nothing.
A show that has metrics already says so from the start, and Import asks before replacing them
(Cancel is the default: a stray Enter replaces nothing; SQLite is backed up first).
Import stores the samples, also off the GUI thread, in one transaction: Cancel, or any failure,
leaves the show's metrics as they were.

import_layout.py makes the widgets, import_preview.py fills the preview, import_storing.py stores.
"""

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QListWidgetItem,
    QMessageBox,
    QStyle,
    QTableWidgetItem,
    QWidget,
)

from liveplanner.app.database import Database, StorageError
from liveplanner.app.review_data import show_runs, stored_metrics
from liveplanner.core.metrics import METRICS, MetricKind
from liveplanner.core.plan import ShowPlan, time_zone
from liveplanner.core.review_spans import on_air
from liveplanner.core.schedule import schedule
from liveplanner.formats.metrics.presets import ColumnRule, rule_for
from liveplanner.formats.metrics.reader import read_metrics
from liveplanner.formats.metrics.records import Column, DateMismatch, ImportOptions, MetricsImport
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.sheets import read_file
from liveplanner.ui import file_dialogs, labels
from liveplanner.ui.review.import_layout import ImportDialogLayout
from liveplanner.ui.review.import_preview import _display
from liveplanner.ui.review.import_storing import MetricsStoring
from liveplanner.ui.review.import_texts import problem_text
from liveplanner.ui.review.jobs import Cancelled, Job, Progress
from liveplanner.ui.screen_fit import fit_to_screen
from liveplanner.ui.words import said_of

EXPORT_FILTER = "*.csv *.txt *.tsv *.xlsx *.json"


class MetricsImportDialog(ImportDialogLayout, MetricsStoring, QDialog):
    imported = QtSignal(int, str)  # samples stored, file name

    def __init__(
        self, db: Database, plan: ShowPlan, parent: QWidget | None = None, path: str = ""
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.plan = plan
        self.data: bytes | None = None
        self.result: MetricsImport | None = None
        self.mapping: dict[int, ColumnRule | None] = {}
        self.job: Job | None = None
        self.shown_columns: tuple[Column, ...] = ()
        self._again = False  # options changed while a read was running
        # The file's minutes against the show's time (from the read without a shift), and the
        # days the user chose to move them by.
        self.mismatch: DateMismatch | None = None
        self.shift_days = 0
        self.ran = on_air(plan, show_runs(db, plan.show.id))
        # What Import would replace; read again when Import is pressed.
        self.stored = stored_metrics(db, plan.show.id)
        self.question: QMessageBox | None = None  # "replace them?", while it is open
        self.setWindowTitle(self.tr("Import metrics — %1").replace("%1", plan.show.title))
        self._build()
        fit_to_screen(self, QSize(1100, 760))
        if path:
            self.open_file(path)

    # Reading

    def choose_file(self) -> None:
        path = file_dialogs.open_file(
            self,
            file_dialogs.FileKind.METRICS,
            self.tr("Choose the platform's export"),
            self.tr("Exports (%1);;All files (*)").replace("%1", EXPORT_FILTER),
        )
        if path is not None:
            self.open_file(str(path))

    def open_file(self, path: str) -> None:
        # Nothing of the file read before stays on show: this one is read, or refused, afresh.
        self.file_edit.setText(path)
        self.mapping = {}
        self._forget_date_choice()
        self._clear_read()
        try:
            self.data = read_file(Path(path))
        except ImportRefused as refused:
            self.data = None
            self._show_error(problem_text(refused.problem))
            return
        except OSError as exc:
            self.data = None
            self._show_error(
                self.tr("Cannot read %1: %2")
                .replace("%1", path)
                .replace("%2", exc.strerror or str(exc))
            )
            return
        self.read()

    def _day_chosen(self) -> None:
        self.day_chosen = True

    def _options_changed(self) -> None:
        if self.data is not None:
            self._forget_date_choice()  # other dates or zone: the file is checked again
            self.read()

    def options(self) -> ImportOptions | None:
        """The options as the form gives them; None (and a message) when the zone is unknown."""
        try:
            zone = time_zone(self.zone_edit.text().strip())
        except ValueError:
            self._show_error(
                self.tr("“%1” is not a time zone; expected such as Asia/Shanghai").replace(
                    "%1", self.zone_edit.text()
                )
            )
            return None
        chosen = self.date_edit.date()
        times = schedule(self.plan)
        return ImportOptions(
            zone=zone,
            day=date(chosen.year(), chosen.month(), chosen.day()) if self.day_chosen else None,
            default_day=date(chosen.year(), chosen.month(), chosen.day()),
            preset=self.preset_box.currentData(),
            columns=self.mapping or None,
            instant_rule=self.instant_box.currentData(),
            planned=(times.start, times.end),
            ran=self.ran,
            shift_days=self.shift_days,
        )

    def read(self) -> None:
        """Read the file with the current options, off the GUI thread."""
        if self.job is not None:
            self._again = True
            self.job.cancel()
            return
        options = self.options()
        if options is None or self.data is None:
            return
        data, name = self.data, Path(self.file_edit.text()).name

        def work(progress: Progress) -> MetricsImport:
            return read_metrics(data, name, options, progress)

        self._run(work, self._read_done, self.tr("Reading the file…"))

    def _read_done(self, result: MetricsImport) -> None:
        self.result = result
        self.error.hide()
        self.summary.setText(self._summary_text(result))
        self._fill_columns(result.columns, result.time_column)
        self.preview_model.set_result(result)
        self.warnings.clear()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for warning in result.warnings:
            self.warnings.addItem(QListWidgetItem(icon, problem_text(warning)))
        if not result.warnings:
            self.warnings.addItem(self.tr("None: every row was read as it is."))
        if not result.shift_days:
            self._show_mismatch(result.mismatch)
        self._update_import_button()

    # The file's dates against the show's

    def _show_mismatch(self, mismatch: DateMismatch | None) -> None:
        self.mismatch = mismatch
        self.mismatch_box.setVisible(mismatch is not None)
        if mismatch is None:
            return

        def when(moment: datetime) -> str:
            return moment.strftime("%Y-%m-%d %H:%M")

        self.mismatch_text.setText(
            self.tr(
                "The file runs from %1 to %2, but the show is on %3 to %4: none of its minutes "
                "falls in the show. Is it another day's export? Choose what to do before "
                "importing:"
            )
            .replace("%1", when(mismatch.start))
            .replace("%2", when(mismatch.end))
            .replace("%3", when(mismatch.show_start))
            .replace("%4", when(mismatch.show_end))
        )
        self.shift_choice.setText(
            self.tr("Move it onto the show's date (%1)").replace(
                "%1", mismatch.show_day.isoformat()
            )
        )

    def _date_chosen(self, _button: object, checked: bool) -> None:
        if not checked or self.mismatch is None:
            return
        shift = self.mismatch.shift_days if self.shift_choice.isChecked() else 0
        if shift != self.shift_days:
            self.shift_days = shift
            self.read()
        self._update_import_button()

    def _forget_date_choice(self) -> None:
        self.mismatch = None
        self.shift_days = 0
        self.date_choice.setExclusive(False)  # so that neither can be ticked again
        for button in (self.shift_choice, self.keep_choice):
            button.setChecked(False)
        self.date_choice.setExclusive(True)
        self.mismatch_box.hide()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_import_button()  # the button box made Import the default as it showed

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # With the dates' choice open, Enter presses no button the dialog happens to default to.
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not self.dates_settled():
            event.accept()
            return
        super().keyPressEvent(event)

    def dates_settled(self) -> bool:
        """The file is of the show's time, or the user chose what to do with it."""
        return self.mismatch is None or self.date_choice.checkedButton() is not None

    def _update_import_button(self) -> None:
        ready = (
            self.result is not None
            and self.error.isHidden()
            and self.job is None
            and self.dates_settled()
        )
        self.import_button.setEnabled(ready)
        # Enter imports only what the user has settled: with a choice open, no default button.
        self.import_button.setDefault(self.dates_settled())
        self.import_button.setAutoDefault(self.dates_settled())

    def _summary_text(self, result: MetricsImport) -> str:
        preset = result.preset
        layout = labels.layout(preset.name, preset.label) if preset else self.tr("by header names")
        header = (
            self.tr("header on row %1").replace("%1", str(result.header_row))
            if result.header_row
            else self.tr("JSON records")
        )
        span = ""
        if result.start is not None and result.end is not None:
            span = self.tr("%1 to %2").replace("%1", result.start.strftime("%m-%d %H:%M"))
            span = span.replace("%2", result.end.strftime("%m-%d %H:%M"))
        figures = self.tr("%1 rows, %2 minutes with data (%3)")
        figures = figures.replace("%1", f"{result.rows_read:,}")
        figures = figures.replace("%2", f"{result.minutes:,}").replace("%3", span)
        totals = []
        for metric in ("gmv", "orders", "online_viewers"):
            summary = result.summaries.get(metric)
            if summary is None:
                continue
            if summary.total is None:
                name = self.tr("peak %1").replace("%1", labels.metric(metric))
                totals.append(f"{name} {_display(metric, summary.peak)}")
            else:
                totals.append(f"{labels.metric(metric)} {_display(metric, summary.total)}")
        parts = [
            self.tr("Encoding: %1").replace("%1", result.encoding),
            self.tr("Layout: %1").replace("%1", layout),
            header,
            figures,
        ]
        return " · ".join(parts) + ("<br>" + " · ".join(totals) if totals else "")

    def _fill_columns(self, columns: tuple[Column, ...], time_column: int) -> None:
        self.shown_columns = columns
        self.columns.setRowCount(len(columns))
        for row, column in enumerate(columns):
            name = QTableWidgetItem(column.header or self.tr("(no header)"))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.columns.setItem(row, 0, name)
            if column.position == time_column:
                time_item = QTableWidgetItem(self.tr("Time"))
                time_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                time_item.setForeground(QColor("#2b7a4b"))
                self.columns.setCellWidget(row, 1, None)
                self.columns.setItem(row, 1, time_item)
                continue
            box = self._metric_box(column.rule)
            box.currentIndexChanged.connect(
                lambda _i, position=column.position, header=column.header, combo=box: (
                    self._mapping_changed(position, header, combo)
                )
            )
            self.columns.setCellWidget(row, 1, box)

    def _metric_box(self, rule: ColumnRule | None) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("Not imported"), None)
        for name, metric in METRICS.items():
            box.addItem(labels.metric(name), f"{name}:{metric.kind.value}")
            if metric.kind is not MetricKind.INSTANT:
                running = self.tr("%1 (running total)").replace("%1", labels.metric(name))
                box.addItem(running, f"{name}:{MetricKind.CUMULATIVE.value}")
        if rule is not None:
            box.setCurrentIndex(max(0, box.findData(f"{rule.metric}:{rule.kind.value}")))
        return box

    def _mapping_changed(self, position: int, header: str, box: QComboBox) -> None:
        choice = box.currentData()  # "metric:kind", or None for a column left out
        if choice is None:
            self.mapping[position] = None
        else:
            name, kind = choice.split(":")
            self.mapping[position] = rule_for(name, MetricKind(kind), header)
        # Every other column keeps what it was read as, so one change moves one column.
        for column in self.shown_columns:
            if column.position not in self.mapping and column.position != position:
                self.mapping[column.position] = column.rule
        self.read()

    # Jobs

    def _run(self, work, on_success, label: str) -> None:  # type: ignore[no-untyped-def]
        self.job = Job(work)
        self.job.progress.connect(self.progress.setValue)
        self.job.succeeded.connect(on_success)
        self.job.failed.connect(self._failed)
        self.job.succeeded.connect(self._job_ended)
        self.job.failed.connect(self._job_ended)
        self.progress.setValue(0)
        self.progress.setFormat(label + " %p%")
        self.progress_box.show()
        self.import_button.setEnabled(False)
        self.job.start()

    def _job_ended(self, _outcome: object) -> None:
        if self.job is not None:
            self.job.wait()
        self.job = None
        self.progress_box.hide()
        self._update_import_button()
        if self._again:
            self._again = False
            self.read()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            if not self._again:
                self.summary.setText(self.tr("Cancelled: nothing was stored."))
            return
        if isinstance(exc, ImportRefused):
            self._show_error(problem_text(exc.problem))
            if exc.columns:  # the file was read far enough to map its columns: let them be fixed
                self._fill_columns(exc.columns, exc.time_column)
        elif isinstance(exc, StorageError):
            self._show_error(self.tr("Nothing was stored: %1").replace("%1", said_of(exc)))
        else:
            self._show_error(
                self.tr("Nothing was stored: an unexpected error (%1)").replace("%1", repr(exc))
            )

    def _show_error(self, message: str) -> None:
        self._clear_read()
        self.error.setText(message)
        self.error.show()
        self.import_button.setEnabled(False)

    def _clear_read(self) -> None:
        """Forget what the last read showed (summary, columns, preview, warnings, error)."""
        self.result = None
        self.summary.clear()
        self.error.clear()
        self.error.hide()
        self.shown_columns = ()
        self.columns.setRowCount(0)
        self.preview_model.set_result(None)
        self.warnings.clear()
        self.import_button.setEnabled(False)

    def cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def done(self, code: int) -> None:
        # Closing while a job runs: stop it and wait, so no thread outlives its window.
        if self.job is not None:
            self.job.cancel()
            self.job.wait()
        super().done(code)
