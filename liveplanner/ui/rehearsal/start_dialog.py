"""Before the timer: a rehearsal or the live show, or resuming the run that was interrupted."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from liveplanner.core.enums import RunKind
from liveplanner.core.runlog import Run


class StartRunDialog(QDialog):
    def __init__(self, interrupted: Run | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Run the show"))
        self.interrupted = interrupted
        self.rehearsal = QRadioButton(self.tr("&Rehearsal: a take to compare with the plan"))
        self.live = QRadioButton(self.tr("&Live show: the run the review will use"))
        self.resume = QRadioButton()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What are you running?")))
        if interrupted is not None:
            kind = (
                self.tr("live show") if interrupted.kind is RunKind.LIVE else self.tr("rehearsal")
            )
            self.resume.setText(
                self.tr("Resume the interrupted %1 where the show is now").replace("%1", kind)
            )
            layout.addWidget(self.resume)
            self.resume.setChecked(True)
        else:
            self.rehearsal.setChecked(True)
        layout.addWidget(self.rehearsal)
        layout.addWidget(self.live)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # Enter takes the choice as it stands (OK is the default button); arrows change it.
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> tuple[RunKind, Run | None]:
        """The kind of run to start, and the run to resume (None for a new one)."""
        if self.interrupted is not None and self.resume.isChecked():
            return self.interrupted.kind, self.interrupted
        return (RunKind.LIVE if self.live.isChecked() else RunKind.REHEARSAL), None
