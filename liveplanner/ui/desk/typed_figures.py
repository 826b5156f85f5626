"""Floor control's fields for the figures it reads off the platform's back end during a run:
online viewers now and GMV so far, in yuan as the platform shows them ("56,000", "5.6万"); the
live feed reads them (app.live_feed) as it does the pages' (web/static/desk.js)."""

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget

# The live feed's names for what is typed: app.live_feed.TYPED.
ONLINE, GMV = "online_viewers", "gmv"


class TypedFigures(QWidget):
    typed = Signal(dict)
    """Send was asked for: {metric: text as typed} for each field not left empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.online = QLineEdit()
        self.gmv = QLineEdit()
        self.fields = {ONLINE: self.online, GMV: self.gmv}
        self.online_label = QLabel()
        self.online_label.setBuddy(self.online)
        self.gmv_label = QLabel()
        self.gmv_label.setBuddy(self.gmv)
        self.send = QPushButton()
        self.send.setAutoDefault(True)  # Enter on the focused button presses it
        for field in self.fields.values():
            # A figure is a few characters: the field is as wide as the room, not wider.
            field.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            field.setMinimumWidth(60)
            field.returnPressed.connect(self._send)
        self.send.clicked.connect(self._send)
        # One row under the counters, where floor control's other controls are: the left
        # column keeps its height for the countdown.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.online_label)
        layout.addWidget(self.online, 1)
        layout.addSpacing(12)
        layout.addWidget(self.gmv_label)
        layout.addWidget(self.gmv, 1)
        layout.addWidget(self.send)
        # Typed in order: online, then GMV, then Send.
        QWidget.setTabOrder(self.online, self.gmv)
        QWidget.setTabOrder(self.gmv, self.send)
        self.retranslate()

    def retranslate(self) -> None:
        self.online_label.setText(self.tr("&Online now"))
        self.gmv_label.setText(self.tr("&GMV so far (¥)"))
        self.online.setPlaceholderText(self.tr("e.g. 3,400"))
        self.gmv.setPlaceholderText(self.tr("e.g. 56,000"))
        self.send.setText(self.tr("Send"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _send(self) -> None:
        self.typed.emit({m: f.text().strip() for m, f in self.fields.items() if f.text().strip()})

    def taken(self, metric: str) -> None:
        """The feed took what was typed for `metric`: its field is ready for the next."""
        self.fields[metric].clear()
