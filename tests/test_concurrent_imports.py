"""Two imports of one show at once, or the server going away mid-import (PostgreSQL): one line
in words, exit 2, nothing stored, and no driver noise on stderr."""

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from liveplanner.cli.main import main
from liveplanner.storage.database import parse_url

pytestmark = pytest.mark.postgres

GMV_FILE = (
    Path(__file__).resolve().parent
    / "fixtures"
    / "external"
    / "douyin-live-gmv-export_m2_reference_final.csv"
)

# `import-metrics` with a hook at its first sample insert (after the show's old samples were
# deleted, in the same transaction): another session either commits a sample of the same
# minute, as a second import would, or ends the import's server connection.
MEDDLER = """
import sys
from sqlalchemy import Engine, create_engine, event, text
from liveplanner.cli.main import main

url, how, show_id, path = sys.argv[1:5]
other = create_engine(url)
done = []

@event.listens_for(Engine, "before_cursor_execute")
def meddle(conn, cursor, statement, params, context, many):
    if done or not statement.startswith("INSERT INTO metric_samples"):
        return
    done.append(how)
    with other.begin() as session:
        if how == "duplicate":
            session.execute(
                text("INSERT INTO metric_samples (show_id, metric, minute, value) "
                     "VALUES (:show, 'gmv', '2025-07-01 11:00:00', 1)"),
                {"show": int(show_id)},
            )
        else:
            pid = conn.connection.driver_connection.info.backend_pid
            session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    other.dispose()

code = main(["--database", url, "import-metrics", path, "--show", show_id])
assert done == [how], "the hook never ran"
sys.exit(code)
"""


def _import_meddled(url: str, how: str, show_id: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", MEDDLER, url, how, show_id, str(GMV_FILE)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _samples(url: str, show_id: str) -> list[tuple[str, int]]:
    engine = create_engine(parse_url(url))
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT metric, value FROM metric_samples WHERE show_id = :s"),
                {"s": int(show_id)},
            )
            return [tuple(r) for r in rows]
    finally:
        engine.dispose()


@pytest.fixture
def show(postgres_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    args = ["--database", postgres_url, "new-show", "--title", "7·1"]
    assert main([*args, "--start", "2025-07-01 19:00"]) == 0
    return capsys.readouterr().out.strip()


def test_an_import_racing_another_of_the_same_show_is_said_in_words(
    postgres_url: str, show: str
) -> None:
    result = _import_meddled(postgres_url, "duplicate", show)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        f"liveplanner: someone else imported metrics for show {show} at the same time; "
        "nothing was stored: run it again\n"
    )
    assert _samples(postgres_url, show) == [("gmv", 1)]  # only the other import's row


def test_a_connection_ended_mid_import_is_said_in_words_without_noise(
    postgres_url: str, show: str
) -> None:
    result = _import_meddled(postgres_url, "drop", show)
    assert result.returncode == 2 and result.stdout == ""
    where = parse_url(postgres_url).render_as_string(hide_password=True)
    assert result.stderr == (
        f"liveplanner: lost the connection to the database server ({where}); nothing was "
        "written: run it again once the server is back\n"
    )
    assert _samples(postgres_url, show) == []
