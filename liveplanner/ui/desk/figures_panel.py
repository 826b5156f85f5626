"""The show's figures on a role's screen: GMV so far against the plan's pace to target, online
viewers now, and the minutes so far as a small curve (online viewers as bars, GMV a minute as a
line). From the live feed's minutes in the database, whichever process took them."""

from itertools import pairwise

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from liveplanner.core.live_figures import LiveFigures

CURVE_MINUTES = 90  # the curve's last minutes
BAR = QColor("#3b82f6")
GMV_LINE = QColor("#f0a020")
BEHIND = "#c0392b"


def _yuan(fen: int | None) -> str:
    return "—" if fen is None else f"¥{round(fen / 100):,}"


class LiveCurve(QWidget):
    """The minutes so far: a bar of online viewers for each (a minute without a reading is a
    gap, never a bar of 0), and GMV a minute as a line over them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[int | None, int | None]] = []
        self.setMinimumHeight(48)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_points(self, points: list[tuple[int | None, int | None]]) -> None:
        if points != self.points:
            self.points = points
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.points:
            return
        width, height = self.width(), self.height() - 2
        step = width / max(len(self.points), 30)
        most = max([v for v, _ in self.points if v is not None] or [1]) or 1
        most_gmv = max([g for _, g in self.points if g is not None] or [1]) or 1
        for i, (viewers, _) in enumerate(self.points):
            if viewers is not None:
                bar = viewers / most * height
                painter.fillRect(QRectF(i * step, height - bar + 1, max(step - 1, 1), bar), BAR)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(GMV_LINE, 2))
        line = [
            (i * step + step / 2, height + 1 - gmv / most_gmv * height)
            for i, (_, gmv) in enumerate(self.points)
            if gmv is not None
        ]
        for (x0, y0), (x1, y1) in pairwise(line):
            painter.drawLine(int(x0), int(y0), int(x1), int(y1))


class FiguresPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gmv = QLabel()
        self.gmv.setWordWrap(True)
        self.online = QLabel()
        self.curve = LiveCurve()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.gmv)
        layout.addWidget(self.online)
        layout.addWidget(self.curve, 1)

    def show_figures(self, figures: LiveFigures | None) -> None:
        if figures is None:
            figures_text = self.tr("No figures yet: they come from the live feed")
            self.gmv.setText(figures_text)
            self.online.setText("")
            self.curve.set_points([])
            return
        pace = _yuan(figures.pace_fen)
        if figures.behind_bp is not None:
            pace += f" ({-figures.behind_bp / 100:+.0f}%)"
        self.gmv.setText(
            self.tr("GMV so far %1 · pace to target %2")
            .replace("%1", _yuan(figures.gmv_fen))
            .replace("%2", pace)
        )
        behind = figures.behind_bp is not None and figures.behind_bp > 0
        # A palette, not a style sheet: a style sheet would drop the screen's large font.
        palette = self.palette()
        if behind:
            palette.setColor(QPalette.ColorRole.WindowText, QColor(BEHIND))
        self.gmv.setPalette(palette)
        now = "—" if figures.online_now is None else f"{figures.online_now:,}"
        self.online.setText(self.tr("Online now %1").replace("%1", now))
        self.curve.set_points(
            [(p.online_viewers, p.gmv_fen) for p in figures.points[-CURVE_MINUTES:]]
        )
