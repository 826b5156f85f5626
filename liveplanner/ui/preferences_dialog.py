"""File ▸ Preferences…: when the run timer warns, and where backups of the local file go.

The language and the theme are in the View menu, the database in File ▸ Database….
"""

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app import settings
from liveplanner.app.backups import make_backup_folder
from liveplanner.app.settings import Preferences
from liveplanner.ui.file_dialogs import choose_folder


class PreferencesDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.preferences = preferences

        self.warning = QSpinBox()
        self.danger = QSpinBox()
        for box, value in (
            (self.warning, preferences.timer_warning_s),
            (self.danger, preferences.timer_danger_s),
        ):
            box.setRange(0, settings.MAX_TIMER_THRESHOLD_S)
            box.setSuffix(self.tr(" s"))
            box.setValue(value)
        # Red comes after amber: the red threshold cannot pass the amber one.
        self.danger.setMaximum(self.warning.value())
        self.warning.valueChanged.connect(self.danger.setMaximum)
        timer_hint = QLabel(
            self.tr(
                "How long before the end of a segment the host's countdown turns amber, then "
                "red. 0 turns a colour off. Applies to the next run you start."
            )
        )
        timer_hint.setWordWrap(True)
        timer = QGroupBox(self.tr("Run timer"))
        timer_form = QFormLayout(timer)
        timer_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        timer_form.addRow(self.tr("&Amber before the end"), self.warning)
        timer_form.addRow(self.tr("&Red before the end"), self.danger)
        timer_form.addRow(timer_hint)

        self.backup_dir = QLineEdit(preferences.backup_dir)
        self.backup_dir.setPlaceholderText(str(settings.default_backup_dir()))
        self.backup_dir.setClearButtonEnabled(True)
        choose = QPushButton(self.tr("C&hoose…"))
        choose.clicked.connect(self.choose_backup_dir)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_dir, 1)
        folder_row.addWidget(choose)
        backup_hint = QLabel(
            self.tr(
                "Copies of the database file on this computer are written here (every 30 "
                "minutes while something changed, and on quitting). Empty: the backups folder "
                "beside the database. Backups made before stay where they are. A team server "
                "backs itself up."
            )
        )
        backup_hint.setWordWrap(True)
        backups = QGroupBox(self.tr("Backups"))
        backup_form = QFormLayout(backups)
        folder_label = QLabel(self.tr("&Folder"))
        folder_label.setBuddy(self.backup_dir)
        backup_form.addRow(folder_label, folder_row)
        backup_form.addRow(backup_hint)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(timer)
        layout.addWidget(backups)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def choose_backup_dir(self) -> None:
        # The folder typed (or in use), else where the default one is, made at the first backup.
        typed = self.backup_dir.text().strip()
        chosen = choose_folder(
            self,
            self.tr("Backup folder"),
            Path(typed).expanduser() if typed else None,
            settings.default_backup_dir(),
            settings.data_dir(),
        )
        if chosen is not None:
            self.backup_dir.setText(str(chosen))

    def chosen_backup_dir(self) -> str | None:
        """The folder typed, made ready ("" for the default); None, after saying why, when it
        cannot be used."""
        text = self.backup_dir.text().strip()
        if not text:
            return ""
        folder = Path(text).expanduser()
        problem = ""
        if not folder.is_absolute():
            problem = self.tr("Give the whole path of the folder, such as %1.").replace(
                "%1", str(settings.default_backup_dir())
            )
        else:
            try:
                make_backup_folder(folder)
            except OSError as exc:
                problem = (
                    self.tr("The folder %1 cannot be made: %2")
                    .replace("%1", str(folder))
                    .replace("%2", exc.strerror or str(exc))
                )
        if problem:
            QMessageBox.warning(self, self.tr("Backup folder"), problem)
            self.backup_dir.setFocus()
            return None
        return "" if folder == settings.default_backup_dir() else str(folder)

    def accept(self) -> None:
        folder = self.chosen_backup_dir()
        if folder is None:
            return
        self.preferences = replace(
            self.preferences,
            timer_warning_s=self.warning.value(),
            timer_danger_s=min(self.danger.value(), self.warning.value()),
            backup_dir=folder,
        )
        super().accept()
