"""Run ▸ Share screens…, driven with real keys and clicks: nothing is served before Start, each
role gets a link and a QR code, the links answer with their token and refuse without it, Stop
and leaving the timer end the sharing, and a taken port is said in one line."""

import socket
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QListWidget
from pytestqt.qtbot import QtBot
from qt_helpers import dialog_from_menu, show_active

from liveplanner.app.settings import Preferences
from liveplanner.storage.database import Database
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.share_dialog import ShareDialog
from liveplanner.ui.translators import drop_language, use_language


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # the desk follows runs on both databases in test_live_desk_follow.py


@pytest.fixture(params=["en", "zh_CN"])
def window(request: pytest.FixtureRequest, qtbot: QtBot, db: Database) -> MainWindow:
    use_language(request.param)
    request.addfinalizer(drop_language)
    main = MainWindow(db, Preferences(language=request.param, welcomed=True))
    qtbot.addWidget(main)
    main.resize(1366, 705)
    main.open_show(editable_demo(db))
    show_active(qtbot, main)
    return main


def _open_dialog(qtbot: QtBot, window: MainWindow) -> ShareDialog:
    # Alt+R opens the Run menu; its Share screens… item by its accelerator.
    return dialog_from_menu(qtbot, window, Qt.Key.Key_R, Qt.Key.Key_H, ShareDialog)


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def _start_on_loopback(qtbot: QtBot, dialog: ShareDialog, port: int) -> None:
    address = dialog.findChild(QComboBox)
    qtbot.mouseClick(address, Qt.MouseButton.LeftButton)
    qtbot.keyClick(address, Qt.Key.Key_Home)
    address.hidePopup()
    assert address.currentText() == "127.0.0.1"
    dialog.port.setFocus()
    qtbot.keyClick(dialog.port, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.port, str(port))
    qtbot.mouseClick(dialog.toggle, Qt.MouseButton.LeftButton)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_sharing_serves_each_roles_link_with_its_token_until_stopped(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _open_dialog(qtbot, window)
    assert window.sharing is None
    roles = dialog.findChild(QListWidget)
    assert roles.count() == 0 and not dialog.link.text()  # nothing served before Start
    assert dialog.frameGeometry().height() <= 705
    _start_on_loopback(qtbot, dialog, _free_port())
    assert window.sharing is not None
    assert roles.count() == 12  # six screens, the demo's five people and the collector's feed
    links = []
    for row in range(11):
        rect = roles.visualItemRect(roles.item(row))
        qtbot.mouseClick(roles.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert dialog.code.pixmap() is not None and not dialog.code.pixmap().isNull()
        links.append(dialog.link.text())
    assert len(set(links)) == 11 and all(link.startswith("http://127.0.0.1:") for link in links)
    assert all(_status(link) == 200 for link in links)
    base = window.sharing[1].url
    assert _status(base + "not-a-token/") == 403
    stop = dialog.toggle
    assert roles.item(11).data(Qt.ItemDataRole.UserRole) == window.sharing[1].feed
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    assert window.sharing is None and roles.count() == 0
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(links[0], timeout=2)
    # Sharing again makes new links: the old tokens open nothing.
    _start_on_loopback(qtbot, dialog, _free_port())
    assert window.sharing is not None
    assert not set(window.sharing[1].roles.values()) & set(links)
    dialog.close()
    assert window.sharing is not None  # the sharing goes on with the dialog closed
    window.stop_sharing()


def test_a_taken_port_is_said_in_one_line_and_nothing_is_served(
    qtbot: QtBot, window: MainWindow
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        dialog = _open_dialog(qtbot, window)
        _start_on_loopback(qtbot, dialog, port)
        assert window.sharing is None
        said = dialog.message.text()
        assert str(port) in said and "\n" not in said
        assert dialog.findChild(QListWidget).count() == 0
    dialog.close()


def test_leaving_the_timer_ends_the_sharing(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F5)  # the timer, before the screens are shared
    start = QApplication.activeModalWidget()
    assert start is not None
    qtbot.keyClick(start, Qt.Key.Key_Return)  # a rehearsal
    qtbot.waitUntil(lambda: window.host_view is not None and window.host_view.isVisible())
    host = window.host_view
    dialog = _open_dialog(qtbot, window)
    _start_on_loopback(qtbot, dialog, _free_port())
    link = window.sharing[1].roles["host"]
    assert _status(link) == 200
    dialog.close()
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    qtbot.keyClick(host, Qt.Key.Key_Escape)  # leave the timer: the run is over
    qtbot.waitUntil(lambda: window.sharing is None)
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(link, timeout=2)


def test_a_feed_file_followed_from_the_dialog_reaches_the_pages(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    from PySide6.QtWidgets import QFileDialog

    from liveplanner.core.plan import time_zone

    qtbot.keyClick(window, Qt.Key.Key_F5)
    start = QApplication.activeModalWidget()
    assert start is not None
    qtbot.keyClick(start, Qt.Key.Key_Return)  # a rehearsal
    qtbot.waitUntil(lambda: window.host_view is not None and window.host_view.isVisible())
    host = window.host_view
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    qtbot.keyClick(QApplication.focusWidget() or host, Qt.Key.Key_Space)  # the run begins
    qtbot.waitUntil(lambda: host.controller.run_id is not None)
    window.activateWindow()  # back to the main window, for its Run menu
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    dialog = _open_dialog(qtbot, window)
    _start_on_loopback(qtbot, dialog, _free_port())
    zone = time_zone(window.editor.doc.plan.show.time_zone)
    minute = datetime.now(zone).strftime("%Y-%m-%d %H:%M")
    logger = tmp_path / "logger.csv"
    logger.write_text(f"时间,实时在线人数,成交金额\n{minute},2345,120\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(logger), ""))
    qtbot.mouseClick(dialog.follow, Qt.MouseButton.LeftButton)
    assert "logger.csv" in dialog.message.text()
    server = window.sharing[0]
    qtbot.waitUntil(lambda: server.feed.figures().online_now == 2345, timeout=5000)
    dialog.close()
    window.stop_sharing()


def test_live_alerts_are_set_from_the_run_menu_with_the_keys(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    from liveplanner.app.live_alerts import show_alerts
    from liveplanner.core.alert_settings import AlertSettings
    from liveplanner.ui.alerts_dialog import AlertsDialog

    dialog = dialog_from_menu(qtbot, window, Qt.Key.Key_R, Qt.Key.Key_A, AlertsDialog)
    assert dialog.frameGeometry().height() <= 705
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    for box, typed in ((dialog.drop, "30"), (dialog.behind, "0")):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)  # into the box, as a person does
        qtbot.waitUntil(lambda b=box: b.hasFocus())
        qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(box, typed)
    qtbot.keyClick(dialog.behind, Qt.Key.Key_Tab)  # on to the check box
    assert QApplication.focusWidget() is dialog.sold_out
    qtbot.keyClick(dialog.sold_out, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.sold_out, Qt.Key.Key_Return)  # Enter: OK
    qtbot.waitUntil(lambda: not dialog.isVisible())
    show_id = window.editor.doc.show_id
    assert show_alerts(db, show_id) == AlertSettings(
        viewers_drop_bp=3_000, pace_behind_bp=0, sold_out=False
    )
