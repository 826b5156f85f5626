"""The welcome page: the first time the app opens on an empty database, four ways to start
(the demo show, a blank show, a template, the team's own run sheet) and the language;
Help ▸ Welcome… brings it back."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

COLUMN_WIDTH = 720  # the page reads as one column, centred, however wide the window
CHOICE_STYLE = """
QPushButton#choice {
    border: 1px solid palette(mid); border-radius: 6px; background: palette(base);
}
QPushButton#choice:hover { border: 1px solid palette(highlight); }
QPushButton#choice:focus { border: 2px solid palette(highlight); }
QPushButton#choice:pressed { background: palette(alternate-base); }
"""


class ChoiceButton(QPushButton):
    """A big button: a title and, under it, one line (or two) on what it does."""

    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choice")
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = QLabel(title)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.description = QLabel(description)
        self.description.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(3)
        for label in (self.title, self.description):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        policy = self.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.layout().totalHeightForWidth(width)

    def sizeHint(self) -> QSize:
        return self.layout().totalSizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.layout().totalMinimumSize()


class WelcomePage(QWidget):
    demo_requested = Signal()
    """Open the demo show."""
    blank_requested = Signal()
    """Start a blank show."""
    template_requested = Signal()
    """Start a show from a template."""
    import_requested = Signal()
    """Import a run sheet the team already has as a new show."""
    list_requested = Signal()
    """Go to the show list without starting anything."""
    language_chosen = Signal(str)
    """The user picked a language: "system", "zh_CN" or "en"."""

    def __init__(self, language: str, where: str, parent: QWidget | None = None) -> None:
        """`language` is the one chosen so far; `where` says where the shows are kept."""
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to liveplanner"))
        title_font = QFont(title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 2)
        title_font.setBold(True)
        title.setFont(title_font)
        intro = QLabel(
            self.tr(
                "Plan a live-stream shopping show, rehearse and run it on a segment timer, and "
                "review it against the platform's minute-by-minute data."
            )
        )
        intro.setWordWrap(True)
        ask = QLabel(self.tr("How would you like to start?"))
        ask_font = QFont(ask.font())
        ask_font.setBold(True)
        ask.setFont(ask_font)

        self.demo = ChoiceButton(
            self.tr("Explore the demo show"),
            self.tr(
                "A complete 3-hour Double-11 show on Douyin: a team, products, coupons and flash "
                "sales, a rehearsal, a live run and its minute data to review."
            ),
        )
        self.blank = ChoiceButton(
            self.tr("Start a blank show"),
            self.tr("Give it a title, a start and a platform, then add the segments yourself."),
        )
        self.template = ChoiceButton(
            self.tr("Start from a template"),
            self.tr(
                "A 1-hour flash show, a standard 2-hour show or a 3-hour big-promo show, with a "
                "benefit every 15 to 30 minutes, ready to adjust."
            ),
        )
        self.import_sheet = ChoiceButton(
            self.tr("Import my run sheet"),
            self.tr(
                "The script you already have, as a spreadsheet (XLSX or CSV) or a show file: "
                "check how its columns were read, then plan on from there."
            ),
        )
        for button, signal in (
            (self.demo, self.demo_requested),
            (self.blank, self.blank_requested),
            (self.template, self.template_requested),
            (self.import_sheet, self.import_requested),
        ):
            button.clicked.connect(signal)

        self.language = QComboBox()
        for code, label in (
            ("system", self.tr("Same as the system")),
            ("zh_CN", "简体中文"),
            ("en", "English"),
        ):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.activated.connect(
            lambda row: self.language_chosen.emit(self.language.itemData(row))
        )
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        language_row = QHBoxLayout()
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language)
        language_row.addWidget(language_label)
        language_row.addWidget(self.language)
        language_row.addWidget(self.language_note, 1)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.where = QLabel(where)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        later = QLabel(self.tr("Help ▸ Welcome… brings this page back."))
        for quiet in (self.where, later):
            quiet.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # information, quieter
        self.to_list = QPushButton(self.tr("Go to the &show list"))
        self.to_list.clicked.connect(self.list_requested)
        footer = QHBoxLayout()
        footer.addWidget(later, 1)
        footer.addWidget(self.to_list)

        column = QWidget()
        column.setStyleSheet(CHOICE_STYLE)
        column.setMaximumWidth(COLUMN_WIDTH)
        layout = QVBoxLayout(column)
        layout.addWidget(title)
        layout.addSpacing(4)
        layout.addWidget(intro)
        layout.addSpacing(18)
        layout.addWidget(ask)
        for button in (self.demo, self.blank, self.template, self.import_sheet):
            layout.addWidget(button)
            layout.addSpacing(4)
        layout.addSpacing(18)
        layout.addLayout(language_row)
        layout.addSpacing(12)
        layout.addWidget(rule)
        layout.addWidget(self.where)
        layout.addLayout(footer)

        centred = QWidget()
        outer = QVBoxLayout(centred)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        # The page is as tall as its width needs (height for width), not as tall as every
        # wrapped text at its narrowest would be: that is what kept a scroll bar on a laptop.
        centred.setMinimumHeight(1)
        scroll = QScrollArea()  # a small window still reaches every choice
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(centred)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scroll)

    def set_language_note(self, text: str) -> None:
        """Say when the chosen language applies (empty when it already does)."""
        self.language_note.setText(text)
