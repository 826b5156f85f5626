"""Which database opens (argument, environment, the saved choice, the local file), and the
settings file never holding a server's password."""

import json
from pathlib import Path

import pytest

from liveplanner.app import settings
from liveplanner.app.settings import Preferences

SERVER = "postgresql://maria@db.example.com:5432/shows"


def test_the_order_is_argument_environment_saved_choice_local_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    local = f"sqlite:///{settings.data_dir() / 'liveplanner.sqlite3'}"
    assert settings.database_url() == local == settings.local_database_url()
    settings.save_preferences(Preferences(database_url=SERVER))
    assert settings.database_url() == SERVER
    monkeypatch.setenv(settings.DATABASE_URL_ENV, "postgresql://env@host/db")
    assert settings.database_url() == "postgresql://env@host/db"
    assert settings.database_url("sqlite:///explicit.db") == "sqlite:///explicit.db"
    monkeypatch.delenv(settings.DATABASE_URL_ENV)
    settings.save_preferences(Preferences(database_url=""))
    assert settings.database_url() == local


def test_a_password_is_never_written_to_the_settings_file() -> None:
    settings.save_preferences(
        Preferences(database_url="postgresql://maria:s3cret@db.example.com:5432/shows")
    )
    text = settings.preferences_path().read_text(encoding="utf-8")
    assert "s3cret" not in text
    assert json.loads(text)["database_url"] == SERVER
    assert settings.load_preferences().database_url == SERVER


def test_a_password_put_into_the_file_by_hand_is_not_read() -> None:
    path = settings.preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"database_url": "postgresql://maria:s3cret@db.example.com:5432/shows"}),
        encoding="utf-8",
    )
    assert settings.load_preferences().database_url == SERVER
    assert settings.database_url() == SERVER


def test_a_file_from_before_team_mode_still_loads() -> None:
    path = settings.preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    old = {"language": "zh_CN", "theme": "dark", "attribution_lag": 3, "version": 1}
    path.write_text(json.dumps(old), encoding="utf-8")
    loaded = settings.load_preferences()
    assert loaded == Preferences(language="zh_CN", theme="dark", attribution_lag=3)
    assert loaded.database_url == "" and loaded.user_name == ""
    settings.save_preferences(loaded)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == settings.PREFERENCES_VERSION


@pytest.mark.parametrize(
    ("stored", "database_url", "user_name"),
    [
        ({"database_url": 5, "user_name": ["x"]}, "", ""),
        ({"database_url": None, "user_name": None}, "", ""),
        ({"database_url": "x" * 3000, "user_name": "y" * 300}, "", ""),
        ({"database_url": f"  {SERVER} ", "user_name": "  Maria  "}, SERVER, "Maria"),
    ],
)
def test_the_database_and_the_name_are_read_leniently(
    stored: dict[str, object], database_url: str, user_name: str
) -> None:
    path = settings.preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"theme": "dark", **stored}), encoding="utf-8")
    loaded = settings.load_preferences()
    assert (loaded.theme, loaded.database_url, loaded.user_name) == (
        "dark",
        database_url,
        user_name,
    )


def test_the_history_names_the_chosen_name_else_the_login(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings.getpass, "getuser", lambda: "maria")
    assert settings.user_name(Preferences()) == "maria"
    assert settings.user_name(Preferences(user_name="Maria Chen")) == "Maria Chen"
    assert settings.user_name() == "maria"  # nothing saved yet
    settings.save_preferences(Preferences(user_name="主播 小王"))
    assert settings.user_name() == "主播 小王"

    def no_login() -> str:
        raise OSError("no login name")

    monkeypatch.setattr(settings.getpass, "getuser", no_login)
    assert settings.user_name(Preferences()) == "liveplanner"
