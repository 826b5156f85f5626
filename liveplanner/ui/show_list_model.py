"""The show list as a Qt table model over the ShowSummary records app.shows lists."""

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from liveplanner.app.shows import ShowSummary
from liveplanner.core.schedule import format_duration
from liveplanner.ui import labels

Index = QModelIndex | QPersistentModelIndex


class ShowListModel(QAbstractTableModel):
    START, TITLE, PLATFORM, STATUS, SEGMENTS, LENGTH = range(6)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._shows: list[ShowSummary] = []

    def set_shows(self, shows: Sequence[ShowSummary]) -> None:
        self.beginResetModel()
        self._shows = list(shows)
        self.endResetModel()

    def show_at(self, row: int) -> ShowSummary:
        return self._shows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._shows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Start"),
            self.tr("Title"),
            self.tr("Platform"),
            self.tr("Status"),
            self.tr("Segments"),
            self.tr("Length"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._shows):
            return None
        show = self._shows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.START: show.planned_start.strftime("%Y-%m-%d %H:%M"),
                self.TITLE: show.title,
                self.PLATFORM: labels.platform(show.platform),
                self.STATUS: labels.status(show.status),
                self.SEGMENTS: str(show.segments),
                self.LENGTH: format_duration(show.total_s),
            }.get(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.SEGMENTS, self.LENGTH):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return show.id
        return None
