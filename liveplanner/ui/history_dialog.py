"""A show's history: who changed what, and when, newest first."""

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app.database import Database
from liveplanner.app.history import people_names, show_history
from liveplanner.core.plan import ShowPlan
from liveplanner.ui.history_texts import Names, describe

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def names_for(db: Database, plan: ShowPlan) -> Names:
    return Names(
        people_names(db),
        {p.id: p.name for p in plan.products},
        {p.id: p.name for p in plan.promos},
    )


class HistoryDialog(QDialog):
    def __init__(self, db: Database, plan: ShowPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of %1").replace("%1", plan.show.title))
        self.resize(980, 560)
        changes = show_history(db, plan.show.id)
        names = names_for(db, plan)
        # Local time: the history is read where it is read, not in the show's zone.
        self.rows = [
            (c.at.astimezone().strftime(TIME_FORMAT), c.who, describe(c, names)) for c in changes
        ]
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a person, a segment, a field…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, texts in enumerate(self.rows):
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.count = QLabel(self.tr("%n change(s)", None, len(self.rows)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row, texts in enumerate(self.rows):
            hidden = bool(needle) and not any(needle in t.lower() for t in texts)
            self.table.setRowHidden(row, hidden)

    def visible_rows(self) -> list[tuple[str, str, str]]:
        return [r for i, r in enumerate(self.rows) if not self.table.isRowHidden(i)]
