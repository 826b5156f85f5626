"""`liveplanner COMMAND | head`: when the reader stops early, the command stops quietly and
exits with its own status: a reader who had enough is not a failure, nor a finding."""

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from liveplanner.app.demo import create_demo
from liveplanner.app.workspace import open_database
from liveplanner.cli.output import EXIT_FINDINGS
from liveplanner.core.enums import Platform, SegmentKind
from liveplanner.storage import segments
from liveplanner.storage.shows import create_show


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
    "command",
    [
        ["runs", "1"],
        ["show", "1", "--json"],
        ["shows"],
        ["check", "1"],
        ["review", "1"],
        ["--help"],
    ],
    ids=["runs", "show-json", "shows", "check", "review", "help"],
)
def test_a_command_into_a_closed_pipe_exits_zero_without_a_word(
    demo_url: str, command: list[str]
) -> None:
    result = run_into_closed_pipe("--database", demo_url, *command)

    assert result.stderr == ""  # no traceback, no "Exception ignored" at exit
    assert result.returncode == 0


def test_check_into_a_closed_pipe_still_exits_one_for_an_error_it_found(sqlite_url: str) -> None:
    db = open_database(sqlite_url)
    try:
        show_id = create_show(db, "t", datetime(2026, 12, 12, 20, tzinfo=UTC), Platform.DOUYIN)
        segments.add_segment(db, show_id, SegmentKind.PRODUCT_INTRO, "no product", 60)
    finally:
        db.close()

    result = run_into_closed_pipe("--database", sqlite_url, "check", str(show_id))

    assert result.stderr == ""
    assert result.returncode == EXIT_FINDINGS


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
    assert status == 0
