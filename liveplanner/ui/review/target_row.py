"""The review's row of whether the show paid: one line per figure, "ROI 2.73", and where the
show set a target for it "ROI 2.73 · target 3.50 · short by 0.77", green when met, red when
not, plain when the export has no data to judge it by. Lines, not cards, so a show with every
target set still leaves the chart its room on a laptop."""

import html

from PySide6.QtWidgets import QLabel, QWidget

from liveplanner.ui.flow_layout import FlowLayout
from liveplanner.ui.review.summary_figures import PAID_FIGURES, SummaryFigure

GOOD, BAD = "#2e8b57", "#c0392b"  # as the cards' (review_page)


class TargetRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = FlowLayout(self, spacing=14)
        layout.setContentsMargins(2, 0, 2, 0)
        self.lines = [QLabel() for _ in range(PAID_FIGURES)]
        for line in self.lines:
            layout.addWidget(line)
        self.setVisible(False)

    def set(self, figures: list[SummaryFigure]) -> None:
        """One line per figure; the row hides when there are none."""
        for i, line in enumerate(self.lines):
            line.setVisible(i < len(figures))
            if i < len(figures):
                line.setText(_line(figures[i]))
        self.setVisible(bool(figures))


def _line(figure: SummaryFigure) -> str:
    line = f"<b>{html.escape(figure.caption)}</b> {html.escape(figure.value)}"
    if not figure.target:
        return line
    color = "" if figure.met is None else GOOD if figure.met else BAD
    verdict = html.escape(figure.target)
    if color:
        verdict = f'<span style="color: {color}">{verdict}</span>'
    return f"{line} · {verdict}"
