"""A database password, however written, never reaches the log, the About dialog or a message."""

import logging
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from liveplanner.app import credentials, logs
from liveplanner.app.workspace import open_database
from liveplanner.storage.errors import StorageError

SECRET = "s3cr#t/p?w@x"
QUOTED = "s3cr%23t%2Fp%3Fw%40x"
URLS = [
    f"postgresql://maria:{QUOTED}@127.0.0.1:1/shows",
    f"postgresql://maria@127.0.0.1:1/shows?password={QUOTED}&sslmode=disable",
    f"postgresql://maria:{QUOTED}@127.0.0.1:1/shows?password={QUOTED}",
]


def _leaks(text: str) -> bool:
    return any(part in text for part in (SECRET, QUOTED, "s3cr", "p?w@x"))


@pytest.mark.parametrize("url", URLS)
def test_a_password_is_masked_or_left_out_however_it_is_written(url: str) -> None:
    assert make_url(url).password == SECRET or make_url(url).query["password"] == SECRET
    shown = credentials.shown_url(url)
    kept = credentials.without_password(url)
    assert not _leaks(shown) and not _leaks(kept)
    assert shown.startswith("postgresql://maria") and "127.0.0.1:1/shows" in shown
    # What is kept (for the settings file) is still the same server, user and database.
    again = make_url(kept)
    assert (again.username, again.host, again.port, again.database) == (
        "maria",
        "127.0.0.1",
        1,
        "shows",
    )
    assert again.password is None and "password" not in again.query


def test_text_that_is_no_url_is_not_repeated_when_it_may_hold_a_password() -> None:
    with pytest.raises(StorageError) as caught:
        open_database("maria:s3cret@server")
    assert "s3cret" not in str(caught.value) and "not a database URL" in str(caught.value)
    assert credentials.shown_url("maria:s3cret@server") == "(not a database URL)"


@pytest.mark.parametrize("url", URLS)
def test_a_server_that_cannot_be_reached_is_said_without_the_password(url: str) -> None:
    with pytest.raises(StorageError) as caught:
        open_database(url)
    message = str(caught.value)
    assert "127.0.0.1:1" in message and not _leaks(message)


def test_the_logs_start_line_shows_no_password(tmp_path: Path) -> None:
    handler = logs.setup_logging()
    try:
        for url in URLS:
            logs.log_start(url)
    finally:
        logs.remove_logging(handler)
    logged = logs.log_path().read_text(encoding="utf-8")
    assert logged.count("database postgresql://maria") == len(URLS)
    assert not _leaks(logged)
    logging.getLogger("liveplanner").setLevel(logging.NOTSET)


@pytest.mark.postgres
def test_the_about_dialog_names_the_server_without_its_password(
    qtbot, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liveplanner.app.settings import Preferences
    from liveplanner.ui.main_window import MainWindow

    url = make_url(postgres_url)
    with_secret = url.set(password=SECRET).update_query_dict({"password": SECRET})
    given = with_secret.render_as_string(hide_password=False)
    window = MainWindow(None, Preferences(language="en"))
    qtbot.addWidget(window)
    # The test server trusts its local users: the password is given, and not needed.
    assert window.connect_database(given)
    shown, backups = window._database_in_use()
    assert not _leaks(shown) and shown.endswith(f"/{url.database}")
    assert backups == "by the team's server"
