"""A team server's database: one named, and liveplanner's tables never made among another
program's without the user saying so."""

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import create_engine, text

from liveplanner.app.settings import Preferences
from liveplanner.app.workspace import open_database
from liveplanner.cli.main import main
from liveplanner.storage.database import parse_url
from liveplanner.storage.errors import StorageError
from liveplanner.ui.translators import install_translators


@pytest.mark.parametrize(
    "url", ["postgresql://postgres@127.0.0.1:5432", "postgresql://postgres@127.0.0.1:5432/"]
)
def test_a_server_url_without_a_database_is_refused(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(StorageError, match="names no database; give one"):
        parse_url(url)
    assert main(["--database", url, "shows"]) == 2
    _, err = capsys.readouterr()
    assert err.startswith("liveplanner: postgresql+psycopg://postgres@127.0.0.1:5432")
    assert err.endswith(" names no database; give one: postgresql://USER@HOST/DATABASE\n")


def _tables(url: str) -> list[str]:
    engine = create_engine(parse_url(url))
    try:
        with engine.connect() as conn:
            return list(
                conn.execute(
                    text(
                        "SELECT table_name FROM information_schema.tables "
                        "WHERE table_schema = 'public' ORDER BY table_name"
                    )
                ).scalars()
            )
    finally:
        engine.dispose()


@pytest.fixture
def someone_elses(postgres_url: str) -> str:
    """A fresh database on the test server in which another program keeps a table."""
    engine = create_engine(parse_url(postgres_url))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE orders (id integer PRIMARY KEY, total numeric)"))
    engine.dispose()
    return postgres_url


@pytest.mark.postgres
def test_the_command_line_refuses_a_database_holding_another_programs_tables(
    someone_elses: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", someone_elses, "shows"]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1
    assert "holds 1 table of another program (orders)" in err
    assert "create one (CREATE DATABASE liveplanner) and give its URL. Nothing was created" in err
    assert _tables(someone_elses) == ["orders"]


def _answer(qtbot, button: QMessageBox.StandardButton, asked: list[str]) -> None:
    """Click `button` in the question that opens next, as a user would."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


@pytest.mark.postgres
def test_the_window_asks_before_making_its_tables_among_another_programs(
    qtbot, someone_elses: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liveplanner.ui.main_window import MainWindow

    refused: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, message: refused.append(message))
    app = QApplication.instance()
    translators = install_translators(app, QLocale(QLocale.Language.English))  # plurals
    window = MainWindow(None, Preferences(language="en"))
    qtbot.addWidget(window)
    asked: list[str] = []
    try:
        _ask_twice(qtbot, window, someone_elses, refused, asked)
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def _ask_twice(qtbot, window, someone_elses: str, refused: list[str], asked: list[str]) -> None:

    _answer(qtbot, QMessageBox.StandardButton.No, asked)
    assert not window.connect_database(someone_elses)
    (question,) = asked
    assert "already holds 1 table of another program (orders)" in question
    assert "Create liveplanner's tables beside it anyway?" in question
    assert len(refused) == 1 and "Nothing was created" in refused[0]
    assert _tables(someone_elses) == ["orders"]

    _answer(qtbot, QMessageBox.StandardButton.Yes, asked)
    assert window.connect_database(someone_elses)
    assert len(asked) == 2 and window.db is not None
    made = _tables(someone_elses)
    assert "orders" in made and "shows" in made and "alembic_version" in made
    window.close()
    # Once liveplanner's tables are there, the database is liveplanner's too: no more asking.
    open_database(someone_elses).close()


@pytest.mark.postgres
def test_an_empty_server_database_is_set_up_without_asking(
    qtbot, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liveplanner.ui.main_window import MainWindow

    said: list[str] = []  # any question or error the window would put to the user
    for box in ("question", "critical", "warning"):
        monkeypatch.setattr(QMessageBox, box, lambda _p, _t, message, *_a: said.append(message))
    window = MainWindow(None, Preferences(language="en"))
    qtbot.addWidget(window)
    assert window.connect_database(postgres_url)
    assert said == [] and window.db is not None
    assert "shows" in _tables(postgres_url)
    window.close()
    open_database(postgres_url).close()  # and storage opens it as liveplanner's


@pytest.mark.postgres
def test_the_question_and_a_no_read_in_chinese_and_name_a_few_of_many_tables(
    qtbot, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liveplanner.ui.main_window import MainWindow
    from liveplanner.ui.translators import drop_language, use_language

    engine = create_engine(parse_url(postgres_url))
    names = ["customers", "ingredients", "inventory", "invoices", "recipes", "stock", "vendors"]
    with engine.begin() as conn:
        for name in names:
            conn.execute(text(f"CREATE TABLE {name} (id integer)"))
    engine.dispose()
    refused: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, message: refused.append(message))
    use_language("zh_CN")
    try:
        window = MainWindow(None, Preferences(language="zh_CN"))
        qtbot.addWidget(window)
        asked: list[str] = []
        _answer(qtbot, QMessageBox.StandardButton.No, asked)
        assert not window.connect_database(postgres_url)
    finally:
        drop_language()

    (question,) = asked
    assert (
        "7 张表（customers、ingredients、inventory、invoices、recipes 以及另外 2 张）" in question
    )
    (told,) = refused
    assert told.startswith("未在 postgresql+psycopg://")
    assert "中创建任何表。请为 liveplanner 单独准备一个数据库" in told
    assert _tables(postgres_url) == names
