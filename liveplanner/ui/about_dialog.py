"""Help ▸ About liveplanner: the version, what it runs on, and where its files are, so a user
can say all of it when asking for help."""

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liveplanner import __version__
from liveplanner.app import logs, settings


class AboutDialog(QDialog):
    def __init__(self, database: str, backups: str, parent: QWidget | None = None) -> None:
        """`database`: the database in use, as the user should read it (a file's path, or a
        server's URL without its password); `backups`: where its backups go."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("About liveplanner"))
        heading = QLabel(f"liveplanner {__version__}")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        summary = QLabel(
            self.tr("Plan, rehearse, run and review live-stream shopping shows (直播带货).")
        )
        summary.setWordWrap(True)

        self.facts: list[tuple[str, str]] = [
            (self.tr("Version"), __version__),
            (self.tr("Qt"), f"PySide6 {PySide6.__version__}, Qt {qVersion()}"),
            (self.tr("Python"), f"{platform.python_version()} ({platform.platform(terse=True)})"),
            (self.tr("Data folder"), str(settings.data_dir())),
            (self.tr("Database"), database),
            (self.tr("Backups"), backups),
            (self.tr("Settings"), str(settings.preferences_path())),
            (self.tr("Log file"), str(logs.log_path())),
        ]
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name, value in self.facts:
            label = QLabel(value)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(name, label)
        licence = QLabel(
            self.tr("Free software under the MIT licence. Your shows stay in your own database.")
        )
        licence.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        copy = QPushButton(self.tr("&Copy details"))
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        logs_button = QPushButton(self.tr("Open &log folder"))
        logs_button.clicked.connect(self.open_log_folder)
        buttons.addButton(logs_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(summary)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(licence)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

    def details(self) -> str:
        """Everything the dialog says, as plain text for a message asking for help."""
        return "\n".join([f"liveplanner {__version__}"] + [f"{n}: {v}" for n, v in self.facts])

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

    def open_log_folder(self) -> None:
        folder: Path = logs.log_folder()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
