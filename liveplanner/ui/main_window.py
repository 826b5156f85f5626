"""The main window: for now the list of shows, with search and the demo show one click away."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from liveplanner.demo import create_demo
from liveplanner.storage.database import Database
from liveplanner.storage.errors import StorageError
from liveplanner.storage.shows import list_shows
from liveplanner.ui.show_list_model import ShowListModel


class MainWindow(QMainWindow):
    shows_changed = Signal()
    """Emitted after the list was reloaded from the database."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self._db = db
        self.setWindowTitle("liveplanner")
        self.resize(1000, 640)

        self.model = ShowListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ShowListModel.TITLE, QHeaderView.ResizeMode.Stretch)

        self.empty = QLabel(
            self.tr("No shows yet.\nAdd the demo show (File ▸ Add demo show) to see a full plan.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles and rooms"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.reload)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.stack)
        self.setCentralWidget(central)

        self._build_actions()
        self.reload()

    def _build_actions(self) -> None:
        self.demo_action = QAction(self.tr("Add &demo show"), self)
        self.demo_action.triggered.connect(self.add_demo)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        find_action = QAction(self.tr("&Find"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self.search.setFocus)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(find_action)
        toolbar = QToolBar(self.tr("Shows"))
        toolbar.setObjectName("shows_toolbar")
        toolbar.addAction(self.demo_action)
        self.addToolBar(toolbar)

    def reload(self) -> None:
        self.model.set_shows(list_shows(self._db, search=self.search.text().strip()))
        searching = bool(self.search.text().strip())
        self.stack.setCurrentWidget(
            self.table if self.model.rowCount() or searching else self.empty
        )
        count = self.model.rowCount()
        self.statusBar().showMessage(self.tr("%n show(s)", "", count))
        self.shows_changed.emit()

    def add_demo(self) -> None:
        try:
            create_demo(self._db)
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Could not add the demo show"), str(exc))
            return
        self.reload()
