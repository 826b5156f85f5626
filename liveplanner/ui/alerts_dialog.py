"""Run ▸ Live alerts…: the show's thresholds for the live feed's alerts (core.live_alerts), as
`liveplanner alerts` sets them: online viewers down a share within some minutes, GMV a share
behind the pace to target, a flash sale sold out. A share of 0 turns its alert off."""

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app.database import Database, StorageError
from liveplanner.app.live_alerts import set_show_alerts, show_alerts
from liveplanner.core.alert_settings import SETTING_BOUNDS
from liveplanner.core.refused import Refused
from liveplanner.ui.words import said_of


def _percent(bounds: tuple[int, int]) -> QSpinBox:
    box = QSpinBox()
    box.setRange(bounds[0] // 100, bounds[1] // 100)
    box.setSuffix(" %")
    return box


class AlertsDialog(QDialog):
    def __init__(self, db: Database, show_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Live alerts"))
        self.db, self.show_id = db, show_id
        self.settings = show_alerts(db, show_id)
        self.drop = _percent(SETTING_BOUNDS["viewers_drop_bp"])
        self.drop.setValue(self.settings.viewers_drop_bp // 100)
        self.within = QSpinBox()
        self.within.setRange(*SETTING_BOUNDS["viewers_window_min"])
        self.within.setSuffix(self.tr(" min"))
        self.within.setValue(self.settings.viewers_window_min)
        self.behind = _percent(SETTING_BOUNDS["pace_behind_bp"])
        self.behind.setValue(self.settings.pace_behind_bp // 100)
        self.sold_out = QCheckBox(self.tr("A flash sale &sold out"))
        self.sold_out.setChecked(self.settings.sold_out)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Online viewers &down by"), self.drop)
        form.addRow(self.tr("&within"), self.within)
        form.addRow(self.tr("GMV &behind the pace by"), self.behind)
        form.addRow("", self.sold_out)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        intro = QLabel(
            self.tr(
                "While a run is open, the live feed raises these on every screen and writes "
                "them to the run's log. 0 % turns an alert off."
            )
        )
        intro.setWordWrap(True)  # the dialog as wide as its fields, not as the sentence
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _save(self) -> None:
        settings = replace(
            self.settings,
            viewers_drop_bp=self.drop.value() * 100,
            viewers_window_min=self.within.value(),
            pace_behind_bp=self.behind.value() * 100,
            sold_out=self.sold_out.isChecked(),
        )
        try:
            set_show_alerts(self.db, self.show_id, settings)
        except (Refused, StorageError) as exc:
            self.message.setText(said_of(exc))
            return
        self.settings = settings
        self.accept()
