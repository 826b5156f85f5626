"""The app's process shares Python's interpreter so that the window's frames keep their pace while
the sharing's server thread takes a feed (ui.smooth_frames; measured by
benchmarks/feed_frames.py): the whole app in its own process, as it starts."""

import os
import subprocess
import sys

from liveplanner.app.demo import create_demo
from liveplanner.app.workspace import open_database
from liveplanner.ui.smooth_frames import SWITCH_INTERVAL_S

STARTED = """
import gc, sys
from liveplanner.ui.app import run_app
code = run_app(sys.argv[1], exit_when="ready")
print("switch interval", sys.getswitchinterval(), "frozen", gc.get_freeze_count() > 0)
sys.exit(code)
"""


def test_the_app_sets_a_short_switch_interval_and_freezes_what_start_up_made(
    sqlite_url: str,
) -> None:
    db = open_database(sqlite_url)
    create_demo(db)
    db.close()
    result = subprocess.run(
        [sys.executable, "-c", STARTED, sqlite_url],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "liveplanner window ready: 1 shows" in result.stdout
    assert f"switch interval {SWITCH_INTERVAL_S} frozen True" in result.stdout, result.stdout
