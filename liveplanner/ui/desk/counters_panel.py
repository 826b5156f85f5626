"""The desk's live counters: the current segment's products (stock, sold, left) and promos
(released, claimed), "—" where nobody has counted; floor control and ops set them here."""

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from liveplanner.core.enums import DeskEventKind
from liveplanner.core.live_desk import MAX_UNITS, ProductCount, PromoCount
from liveplanner.ui import labels

SOLD_OUT_STYLE = "color: white; background-color: #c0392b; font-weight: bold;"
DEFAULT_RELEASE = 100  # "+N released" for a promo whose plan gives no quantity


def figure(value: int | None) -> str:
    """A counter's figure: "—" when nobody has said, never 0 for missing."""
    return labels.EMPTY if value is None else f"{value:,}"


class CountersPanel(QScrollArea):
    counted = Signal(object, str, object)
    """A counter set: (DeskEventKind, "promo:ID" or "product:ID", units or None)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumHeight(1)
        self.keys: list[str] = []
        self.figures: dict[str, QLabel] = {}
        self.spins: dict[str, QSpinBox] = {}
        self.buttons: dict[str, QPushButton] = {}  # "sold_out:promo:1", "released:promo:1", …
        self.counting = False
        self.sold: dict[str, int | None] = {}  # the sold figures last shown, by product
        self.empty_text = ""
        self._stale = False  # the words changed language: the rows are made again
        self._rebuild([], [], False, {})

    def show_counts(
        self,
        products: tuple[ProductCount, ...],
        promos: tuple[PromoCount, ...],
        counting: bool,
        enabled: bool,
        empty: str,
        release_units: dict[int, int],
    ) -> None:
        """`counting`: this screen sets counters (floor control, ops); `enabled`: a run is open;
        `release_units`: what the segment's release of each promo puts out, "+N released"'s
        first N."""
        keys = [f"product:{p.id}" for p in products] + [f"promo:{p.id}" for p in promos]
        self.empty_text = empty
        if keys != self.keys or counting != self.counting or self._stale:
            self._rebuild(list(products), list(promos), counting, release_units)
        for product in products:
            text = (
                self.tr("stock %1 · sold %2 · left %3")
                .replace("%1", figure(product.stock))
                .replace("%2", figure(product.sold))
                .replace("%3", figure(product.left))
            )
            key = f"product:{product.id}"
            self._figures(key, text, product.sold_out)
            spin = self.spins.get(key)
            if spin is not None and product.sold != self.sold.get(key) and not spin.hasFocus():
                spin.setValue(product.sold or 0)  # "Sold N" starts from the latest figure
            self.sold[key] = product.sold
        for promo in promos:
            text = (
                self.tr("released %1 · claimed %2")
                .replace("%1", figure(promo.released))
                .replace("%2", figure(promo.claimed))
            )
            self._figures(f"promo:{promo.id}", text, promo.sold_out)
        for control in [*self.spins.values(), *self.buttons.values()]:
            control.setEnabled(enabled)

    def relabel(self) -> None:
        """The buttons' words are made with the rows: the next show_counts makes them again,
        in the language now chosen (a units box keeps what was typed in it)."""
        self._stale = True

    def _figures(self, key: str, text: str, sold_out: bool) -> None:
        label = self.figures[key]
        text = html.escape(text)
        if sold_out:
            # By markup, not a style sheet: the label keeps the size the window gives its text.
            words = html.escape(self.tr("SOLD OUT")).replace(" ", "&nbsp;")  # never split
            text += f' · <span style="{SOLD_OUT_STYLE}">&nbsp;{words}&nbsp;</span>'
        if label.text() != text:
            label.setText(text)
        # The units box is as wide as a show's figures, not as the largest it takes.
        for spin in self.spins.values():
            spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("000,000") + 48)

    def _rebuild(
        self,
        products: list[ProductCount],
        promos: list[PromoCount],
        counting: bool,
        release_units: dict[int, int],
    ) -> None:
        self.keys = [f"product:{p.id}" for p in products] + [f"promo:{p.id}" for p in promos]
        self.counting = counting
        kept = {key: spin.value() for key, spin in self.spins.items()} if self._stale else {}
        self._stale = False
        self.figures, self.spins, self.buttons = {}, {}, {}
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(0, 0, 0, 0)
        row = 0
        for product in products:
            key = f"product:{product.id}"
            self._row(grid, row, product.name, key)
            if counting:
                spin = self._spin(key, kept.get(key, product.sold or 0))
                sold = self._button(self.tr("Sold %1"), key, spin)
                sold.clicked.connect(
                    lambda _c=False, k=key: self.counted.emit(
                        DeskEventKind.SOLD, k, self.spins[k].value()
                    )
                )
                self.buttons[f"sold:{key}"] = sold
                grid.addWidget(spin, 2 * row, 3, 2, 1)
                grid.addWidget(sold, 2 * row, 4, 2, 1)
            row += 1
        for promo in promos:
            key = f"promo:{promo.id}"
            self._row(grid, row, labels.named(labels.promo_kind(promo.kind), promo.name), key)
            if counting:
                out = QPushButton(self.tr("Sold out"))
                out.setAutoDefault(True)  # Enter on the focused button presses it
                out.clicked.connect(
                    lambda _c=False, k=key: self.counted.emit(DeskEventKind.SOLD_OUT, k, None)
                )
                units = release_units.get(promo.id) or promo.planned or DEFAULT_RELEASE
                spin = self._spin(key, kept.get(key, units))
                released = self._button(self.tr("+%1 released"), key, spin)
                released.clicked.connect(
                    lambda _c=False, k=key: self.counted.emit(
                        DeskEventKind.RELEASED, k, self.spins[k].value()
                    )
                )
                self.buttons[f"sold_out:{key}"] = out
                self.buttons[f"released:{key}"] = released
                grid.addWidget(out, 2 * row, 2, 2, 1)
                grid.addWidget(spin, 2 * row, 3, 2, 1)
                grid.addWidget(released, 2 * row, 4, 2, 1)
            row += 1
        empty = QLabel(self.empty_text)
        empty.setVisible(not self.keys)
        grid.addWidget(empty, 2 * row, 0, 1, 5)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2 * row + 1, 1)
        self.setWidget(inner)  # the old rows go with the old widget

    def _row(self, grid: QGridLayout, row: int, name: str, key: str) -> None:
        """The name over its figures, beside the controls: a long name is cut, never the
        controls."""
        title = QLabel(f"<b>{html.escape(name)}</b>")  # bold by markup: the size stays the window's
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setToolTip(html.escape(name))
        figures = QLabel()
        figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures[key] = figures
        title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        title.setMinimumWidth(60)
        figures.setWordWrap(True)  # the figures wrap beside the controls; none is cut
        grid.addWidget(title, 2 * row, 0, 1, 2)
        grid.addWidget(figures, 2 * row + 1, 0, 1, 2)

    def _spin(self, key: str, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, MAX_UNITS)
        spin.setGroupSeparatorShown(True)
        spin.setValue(value)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.spins[key] = spin
        return spin

    def _button(self, words: str, key: str, spin: QSpinBox) -> QPushButton:
        """A button whose words carry the units beside it: "+100 released", "Sold 120"."""
        button = QPushButton(words.replace("%1", f"{spin.value():,}"))
        button.setAutoDefault(True)
        spin.valueChanged.connect(lambda v: button.setText(words.replace("%1", f"{v:,}")))
        return button
