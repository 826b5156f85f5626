"""File ▸ Database…: the choice is saved without its password (which goes to the keyring), the
connection test runs off the GUI thread, and the window goes on with what was chosen."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring_helpers import LockedKeyring, MemoryKeyring, installed, missing_keyring
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from liveplanner.app import settings
from liveplanner.app.settings import Preferences
from liveplanner.app.workspace import open_database
from liveplanner.storage import schema
from liveplanner.storage.database import Database
from liveplanner.ui.database_dialog import DatabaseDialog, ServerCheck
from liveplanner.ui.main_window import MainWindow


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def local_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'lp.sqlite3'}", backup_dir=tmp_path / "b")
    yield database
    database.close()


def make_dialog(qtbot: QtBot, preferences: Preferences | None = None) -> DatabaseDialog:
    dialog = DatabaseDialog(preferences or Preferences(language="en"))
    qtbot.addWidget(dialog)
    return dialog


def fill_server(dialog: DatabaseDialog, url: str, password: str = "") -> None:
    parsed = make_url(url)
    dialog.server_choice.setChecked(True)
    dialog.host.setText(parsed.host or "")
    dialog.port.setValue(parsed.port or 5432)
    dialog.database.setText(parsed.database or "")
    dialog.user.setText(parsed.username or "")
    dialog.password.setText(password or parsed.password or "")


def run_test(qtbot: QtBot, dialog: DatabaseDialog) -> str:
    assert dialog.test_button.isEnabled()
    dialog.test_button.click()
    assert dialog.job is not None and not dialog.test_button.isEnabled()  # not waited for
    qtbot.waitUntil(lambda: dialog.job is None, timeout=15_000)
    return dialog.test_result.text()


def test_ok_saves_the_server_without_its_password_and_the_password_in_the_keyring(
    qtbot: QtBot, memory: MemoryKeyring
) -> None:
    dialog = make_dialog(qtbot)
    assert dialog.local_choice.isChecked() and not dialog.server_box.isEnabled()
    fill_server(dialog, "postgresql://maria@db.example.com:5433/shows", password="s3cret")
    dialog.user_name.setText("  Maria Chen ")
    dialog.ok_button.click()

    assert dialog.result() == DatabaseDialog.DialogCode.Accepted
    saved = settings.load_preferences()
    assert saved.database_url == "postgresql://maria@db.example.com:5433/shows"
    assert saved.user_name == "Maria Chen" and dialog.preferences == saved
    assert "s3cret" not in settings.preferences_path().read_text(encoding="utf-8")
    assert memory.passwords == {("liveplanner", "maria@db.example.com:5433/shows"): "s3cret"}
    assert dialog.connection_url() == "postgresql://maria:s3cret@db.example.com:5433/shows"

    again = make_dialog(qtbot, saved)  # opened again: the server filled in, the password hidden
    assert again.server_choice.isChecked()
    assert (again.host.text(), again.port.value(), again.database.text(), again.user.text()) == (
        "db.example.com",
        5433,
        "shows",
        "maria",
    )
    assert again.password.text() == "" and again.password.placeholderText()
    again.save_password.setChecked(False)  # unticked: the saved password is forgotten
    again.ok_button.click()
    assert memory.passwords == {}


def test_choosing_this_computer_saves_no_server(qtbot: QtBot, memory: MemoryKeyring) -> None:
    server = Preferences(database_url="postgresql://maria@db.example.com:5432/shows")
    dialog = make_dialog(qtbot, server)
    dialog.local_choice.setChecked(True)
    assert not dialog.server_box.isEnabled() and dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert settings.load_preferences().database_url == ""
    assert dialog.connection_url() == settings.local_database_url()


def test_a_server_needs_host_database_and_user(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.server_choice.setChecked(True)
    assert not dialog.ok_button.isEnabled() and not dialog.test_button.isEnabled()
    fill_server(dialog, "postgresql://maria@db.example.com/shows")
    assert dialog.ok_button.isEnabled() and dialog.test_button.isEnabled()
    dialog.user.clear()
    assert not dialog.ok_button.isEnabled()


def test_a_keyring_that_refuses_is_said_and_the_dialog_stays_open(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    with installed(LockedKeyring()):
        dialog = make_dialog(qtbot)
        dialog.show()
        fill_server(dialog, "postgresql://maria@db.example.com/shows", password="s3cret")
        dialog.ok_button.click()
        assert len(shown) == 1 and "system keyring is not available" in shown[0]
        assert dialog.isVisible() and dialog.result() != DatabaseDialog.DialogCode.Accepted
        assert settings.load_preferences().database_url == ""  # nothing saved
        dialog.save_password.setChecked(False)  # go on without saving it
        dialog.ok_button.click()
    assert dialog.result() == DatabaseDialog.DialogCode.Accepted
    assert (
        settings.load_preferences().database_url == "postgresql://maria@db.example.com:5432/shows"
    )
    assert dialog.connection_url() == "postgresql://maria:s3cret@db.example.com:5432/shows"


def test_without_a_keyring_the_password_serves_this_session_only(qtbot: QtBot) -> None:
    with installed(missing_keyring()):
        dialog = make_dialog(qtbot)
        assert not dialog.save_password.isChecked() and dialog.keyring_note is not None
        fill_server(dialog, "postgresql://maria@db.example.com/shows", password="s3cret")
        assert not dialog.save_password.isEnabled()
        dialog.ok_button.click()
    assert dialog.result() == DatabaseDialog.DialogCode.Accepted
    assert (
        settings.load_preferences().database_url == "postgresql://maria@db.example.com:5432/shows"
    )
    assert dialog.connection_url() == "postgresql://maria:s3cret@db.example.com:5432/shows"


def test_the_connection_test_finds_an_empty_database_to_set_up(
    qtbot: QtBot, postgres_url: str, memory: MemoryKeyring
) -> None:
    dialog = make_dialog(qtbot)
    fill_server(dialog, postgres_url)
    text = run_test(qtbot, dialog)
    assert text.startswith("Connected to PostgreSQL ")
    assert "will be set up on first connect" in text


def test_the_connection_test_finds_a_database_that_is_ready(
    qtbot: QtBot, postgres_url: str, memory: MemoryKeyring, tmp_path: Path
) -> None:
    open_database(postgres_url, backup_dir=tmp_path / "b").close()
    dialog = make_dialog(qtbot)
    fill_server(dialog, postgres_url)
    assert "is ready" in run_test(qtbot, dialog)


def test_the_connection_test_reports_the_servers_refusal(
    qtbot: QtBot, memory: MemoryKeyring
) -> None:
    dialog = make_dialog(qtbot)
    fill_server(dialog, "postgresql://maria@127.0.0.1:1/shows", password="x")
    text = run_test(qtbot, dialog)
    assert text.startswith("Could not connect: ")
    assert "port 1 failed" in text and "Traceback" not in text
    dialog.host.setText("127.0.0.2")  # the result spoke of the server as it was
    assert dialog.test_result.text() == ""


def test_the_window_goes_on_with_the_team_server(
    qtbot: QtBot,
    local_db: Database,
    postgres_url: str,
    memory: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = MainWindow(local_db, Preferences(language="en"))
    qtbot.addWidget(window)
    assert window.database_action.isEnabled()

    def choose_server(dialog: DatabaseDialog) -> int:
        fill_server(dialog, postgres_url, password="unused")  # trust auth takes any password
        dialog.user_name.setText("Maria")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DatabaseDialog, "exec", choose_server)
    window.open_database_settings()
    try:
        assert window.db is not None and window.db is not local_db
        assert window.db.url.get_backend_name() == "postgresql"
        assert window.db.url.database == make_url(postgres_url).database
        assert window.preferences == settings.load_preferences()
        assert window.preferences.user_name == "Maria"
        assert window.list_page is not None
    finally:
        if window.db is not None:
            window.db.close()


def test_a_server_that_cannot_be_opened_is_not_kept(
    qtbot: QtBot, local_db: Database, memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(local_db, Preferences(language="en"))
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))

    def choose_nowhere(dialog: DatabaseDialog) -> int:
        fill_server(dialog, "postgresql://maria@127.0.0.1:1/shows", "x")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DatabaseDialog, "exec", choose_nowhere)
    window.open_database_settings()
    assert window.db is local_db
    assert len(shown) == 1 and "could not open the database" in shown[0]
    assert settings.load_preferences().database_url == ""
    assert window.preferences.database_url == ""


def test_what_the_test_says_of_each_state_of_the_schema(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    head = schema.head_revision()
    older = sorted(schema.known_revisions() - {head})[0]
    said = {}
    for name, check in {
        "empty": ServerCheck("15.2", None, True),
        "no rights": ServerCheck("15.2", None, False),
        "ready": ServerCheck("15.2", head, True),
        "older": ServerCheck("15.2", older, True),
        "newer": ServerCheck("15.2", "9999_from_the_future", True),
    }.items():
        dialog._tested(check)
        said[name] = dialog.test_result.text()
    assert all(text.startswith("Connected to PostgreSQL 15.2. ") for text in said.values())
    assert "will be set up on first connect" in said["empty"]
    assert "may not create them" in said["no rights"]
    assert "is ready" in said["ready"]
    assert "will be upgraded" in said["older"]
    assert "newer liveplanner (schema 9999_from_the_future)" in said["newer"]


def test_the_saved_password_hint_is_for_the_saved_server_only(
    qtbot: QtBot, memory: MemoryKeyring
) -> None:
    server = "postgresql://maria@db.example.com:5432/shows"
    memory.set_password("liveplanner", "maria@db.example.com:5432/shows", "s3cret")
    dialog = make_dialog(qtbot, Preferences(database_url=server))
    assert dialog.password.placeholderText() == "saved in the system keyring"
    dialog.user.setText("ann")
    assert dialog.password.placeholderText() == ""
