"""Cold start: from launching the command to the first painted window, liveplanner against a
bare PySide6 window started the same way, in the same run. Target: 2x the bare window or less.

"First painted window" is the window on screen (the database layer loads right after it);
"list ready" adds opening the database and filling the show list, for the whole story.

Run: python benchmarks/startup.py [--quick | --smoke] [--json]
"""

import os
import subprocess
import sys
from pathlib import Path

from figures import Figure, alternating_medians, arguments, note, report, scratch_folder

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1400, 860)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""
TARGET = 2.0
RUNS = {"full": 9, "quick": 3, "smoke": 1}


def launch(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, check=True, timeout=120
    )
    assert "shown" in result.stdout or "ready" in result.stdout, result.stdout + result.stderr


def measure(size: str, folder: Path) -> list[Figure]:
    runs = RUNS[size]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["LIVEPLANNER_DATA_DIR"] = str(folder)
    database = f"sqlite:///{folder / 'start.sqlite3'}"
    app = [sys.executable, "-m", "liveplanner", "--database", database]
    subprocess.run([*app, "demo"], check=True, capture_output=True, env=env)  # a real list to show
    bare = [sys.executable, "-c", BARE]
    shown = [*app, "--exit-when", "shown"]
    ready = [*app, "--exit-when", "ready"]
    for command in (bare, shown, ready):  # warm the disk cache, so no run pays for first reads
        launch(command, env)
    # In turns, a launch of each a round: the three see the same machine.
    bare_ms, shown_ms, ready_ms = (
        seconds * 1000
        for seconds in alternating_medians(
            runs, *(lambda c=command: launch(c, env) for command in (bare, shown, ready))
        )
    )
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, liveplanner.ui.app, liveplanner.ui.main_window; "
            "print(sorted(m for m in ('pandas', 'pyqtgraph', 'sqlalchemy', 'aiohttp') "
            "if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.strip()
    note(
        f"start-up: {runs} runs each, medians; baseline: a bare PySide6 window started the same way"
    )
    note(f"start-up: heavy modules loaded at start: {loaded}")
    return [
        Figure(
            "start-up: first painted window, vs a bare PySide6 window",
            shown_ms,
            "ms",
            bare_ms,
            TARGET,
        ),
        Figure("start-up: show list filled, vs a bare PySide6 window", ready_ms, "ms", bare_ms),
    ]


def main() -> None:
    args = arguments()
    with scratch_folder() as folder:
        figures = measure(args.size, folder)
    report(figures, args.json)


if __name__ == "__main__":
    main()
