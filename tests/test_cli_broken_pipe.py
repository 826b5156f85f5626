"""`liveplanner COMMAND | head`: when the reader stops early, the command stops quietly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from liveplanner.cli import EXIT_BROKEN_PIPE
from liveplanner.demo import create_demo
from liveplanner.storage.database import open_database


@pytest.fixture
def demo_url(sqlite_url: str, tmp_path: Path) -> str:
    db = open_database(sqlite_url, backup_dir=tmp_path / "backups")
    try:
        create_demo(db)
    finally:
        db.close()
    return sqlite_url


def run_into_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command with its output going into a pipe whose reader has already gone, as
    `| head` leaves it once it has its lines: every write meets the closed pipe, so the test
    does not depend on how fast the reader is."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "liveplanner", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    ("command", "status"),
    [
        (["runs", "1"], EXIT_BROKEN_PIPE),
        (["show", "1", "--json"], EXIT_BROKEN_PIPE),
        (["shows"], EXIT_BROKEN_PIPE),
        (["--help"], 0),  # argparse itself ignores a failed write of its help
    ],
    ids=["runs", "show-json", "shows", "help"],
)
def test_a_command_into_a_closed_pipe_exits_without_a_traceback(
    demo_url: str, command: list[str], status: int
) -> None:
    result = run_into_closed_pipe("--database", demo_url, *command)

    assert result.stderr == ""  # no traceback, no "Exception ignored" at exit
    assert result.returncode == status


def test_a_reader_that_stops_after_one_line_gets_that_line(demo_url: str) -> None:
    command = [sys.executable, "-m", "liveplanner", "--database", demo_url, "runs", "1"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # as `head -1` does; the rest may or may not be written yet
        errors = process.stderr.read()
        status = process.wait(timeout=120)

    assert first.startswith("run 1 (rehearsal)")
    assert errors == ""
    assert status in (0, EXIT_BROKEN_PIPE)  # 0 when it finished writing before the close
