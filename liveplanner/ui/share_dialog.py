"""Run ▸ Share screens…: serve the show's live desk to the studio's phones and tablets.

Nothing is served until the user picks an address and presses Start: the pages carry a new
random token each time, shown here as a link and a QR code per role. The sharing goes on with
the dialog closed (the main window holds the server) and stops with the run, on Stop, or when
the window closes.
"""

import io
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import segno
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app.database import StorageError
from liveplanner.app.refusals import OperationRefused
from liveplanner.core.enums import Role
from liveplanner.ui import labels
from liveplanner.ui.file_dialogs import FileKind, open_file
from liveplanner.ui.words import said_of
from liveplanner.web.sharing import ScreenServer, SharedScreens, local_addresses

Sharing = tuple[ScreenServer, SharedScreens]
_ROLES = {r.value for r in Role}

DEFAULT_PORT = 8765
QR_PIXELS = 240  # a phone camera reads it from a laptop screen at arm's length


class ShareDialog(QDialog):
    started = Signal(object)  # (the ScreenServer now serving, its SharedScreens)
    stopped = Signal()

    def __init__(
        self,
        make_server: Callable[[str, int], ScreenServer],
        sharing: Sharing | None,
        parent: QWidget | None = None,
    ) -> None:
        """`make_server(bind, port)` makes a server for the open show; `sharing`: the server
        already serving and its links, if any (the dialog shows them)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share screens"))
        self.make_server = make_server
        self.server, self.shared = sharing if sharing is not None else (None, None)
        self.address = QComboBox()
        addresses = local_addresses()
        self.address.addItems(addresses)
        # The studio network's address, where phones can reach it, before loopback.
        lan = [i for i, a in enumerate(addresses) if not a.startswith("127.")]
        self.address.setCurrentIndex(lan[0] if lan else 0)
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.toggle = QPushButton()
        self.toggle.clicked.connect(self._toggle)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.roles = QListWidget()
        self.roles.currentItemChanged.connect(lambda *_: self._show_role())
        self.link = QLineEdit()
        self.link.setReadOnly(True)
        self.copy = QPushButton(self.tr("&Copy link"))
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.link.text()))
        self.follow = QPushButton(self.tr("&Follow a feed file…"))
        self.follow.setToolTip(
            self.tr(
                "A CSV a screen logger or export tool keeps appending to: its minutes are read "
                "as it grows and shown on every page"
            )
        )
        self.follow.clicked.connect(self._follow_file)
        self.following: Path | None = None
        self.code = QLabel()
        self.code.setFixedSize(QR_PIXELS, QR_PIXELS)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)

        form = QFormLayout()
        form.addRow(self.tr("&Address"), self.address)
        form.addRow(self.tr("&Port"), self.port)
        row = QHBoxLayout()
        row.addLayout(form, 1)
        row.addWidget(self.toggle)
        row.addWidget(self.follow)
        role_side = QVBoxLayout()
        role_side.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link, 1)
        link_row.addWidget(self.copy)
        role_side.addLayout(link_row)
        body = QHBoxLayout()
        body.addWidget(self.roles, 1)
        body.addLayout(role_side, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self._refresh()

    def _toggle(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server, self.shared, self.following = None, None, None
            self.stopped.emit()
        else:
            server = self.make_server(self.address.currentText(), self.port.value())
            try:
                self.shared = server.start()
            except (StorageError, OperationRefused) as exc:
                self.message.setText(said_of(exc))
                return
            self.server = server
            self.started.emit((server, self.shared))
        self._refresh()

    def _follow_file(self) -> None:
        if self.server is None:
            return
        path = open_file(
            self, FileKind.METRICS, self.tr("Follow a feed file"), self.tr("CSV (*.csv *.txt)")
        )
        if path is not None:
            self.server.feed.follow_file(path)
            self.following = path
            self._refresh()

    def _refresh(self) -> None:
        serving = self.shared is not None
        if self.shared is not None:  # what is served, as the links say it
            where = urlsplit(self.shared.url)
            if self.address.findText(where.hostname or "") < 0:
                self.address.addItem(where.hostname or "")
            self.address.setCurrentText(where.hostname or "")
            self.port.setValue(where.port or self.port.value())
        self.toggle.setText(self.tr("&Stop sharing") if serving else self.tr("&Start sharing"))
        self.address.setEnabled(not serving)
        self.port.setEnabled(not serving)
        self.message.setText(
            self.tr(
                "Serving at %1. Each link carries its own token: anyone with a link sees "
                "that screen; the viewer's screen cannot tick."
            ).replace("%1", self.shared.url)
            if self.shared is not None
            else self.tr(
                "Nothing is served until you start. The links are new each time; pick the "
                "address your phones and tablets can reach."
            )
        )
        self.roles.clear()
        for role, url in (self.shared.roles if self.shared else {}).items():
            item = QListWidgetItem(
                labels.role(Role(role)) if role in _ROLES else self.tr("Viewer (read only)")
            )
            item.setData(Qt.ItemDataRole.UserRole, url)
            self.roles.addItem(item)
        for person, url in (self.shared.people if self.shared else {}).items():
            item = QListWidgetItem(person)  # a person's own cues, whatever role they hold
            item.setData(Qt.ItemDataRole.UserRole, url)
            self.roles.addItem(item)
        if self.shared is not None and self.shared.feed:
            # Where a team's collector posts the platform's figures (JSON lines): no page, its
            # own token.
            item = QListWidgetItem(self.tr("Feed for a collector"))
            item.setData(Qt.ItemDataRole.UserRole, self.shared.feed)
            self.roles.addItem(item)
        self.follow.setEnabled(serving)
        if serving and self.following is not None:
            self.message.setText(
                self.message.text()
                + "\n"
                + self.tr("Reading %1 as it grows.").replace("%1", self.following.name)
            )
        self.roles.setEnabled(serving)
        self.link.setEnabled(serving)
        self.copy.setEnabled(serving)
        if self.roles.count():
            self.roles.setCurrentRow(0)
        else:
            self._show_role()

    def _show_role(self) -> None:
        item = self.roles.currentItem()
        url = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
        self.link.setText(url)
        self.link.setCursorPosition(0)  # the address first: the token's end matters less
        if not url:
            self.code.clear()
            return
        png = io.BytesIO()
        segno.make(url, error="m").save(png, kind="png", scale=6, border=2)
        image = QPixmap()
        image.loadFromData(png.getvalue(), "PNG")
        self.code.setPixmap(
            image.scaled(
                QR_PIXELS,
                QR_PIXELS,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,  # crisp modules, no blur
            )
        )
