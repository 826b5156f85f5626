"""Cold start: from launching the command to the first painted window, liveplanner against a
bare PySide6 window started the same way, in the same run. Target: 2x the bare window or less.

"First painted window" is the window on screen (the database layer loads right after it);
"list ready" adds opening the database and filling the show list, for the whole story.

Run: python benchmarks/startup.py [--quick]
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def launch(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, check=True, timeout=120
    )
    elapsed = time.perf_counter() - start
    assert "shown" in result.stdout or "ready" in result.stdout, result.stdout + result.stderr
    return elapsed * 1000


def main() -> None:
    runs = 3 if "--quick" in sys.argv else 9
    folder = Path(tempfile.mkdtemp())
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
    bare_ms = statistics.median(launch(bare, env) for _ in range(runs))
    shown_ms = statistics.median(launch(shown, env) for _ in range(runs))
    ready_ms = statistics.median(launch(ready, env) for _ in range(runs))
    print(f"{runs} runs each, medians; baseline: a bare PySide6 window started the same way")
    print(f"bare PySide6 window             {bare_ms:6.0f} ms")
    ratio = shown_ms / bare_ms
    verdict = "within" if ratio <= TARGET else "OVER"
    print(f"liveplanner, first painted      {shown_ms:6.0f} ms  {ratio:4.2f}x  {verdict} {TARGET}x")
    print(f"liveplanner, show list ready    {ready_ms:6.0f} ms  {ready_ms / bare_ms:4.2f}x")
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, liveplanner.ui.app, liveplanner.ui.main_window; "
            "print(sorted(m for m in ('pandas', 'pyqtgraph') if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.strip()
    print(f"heavy modules loaded at start: {loaded}")


if __name__ == "__main__":
    main()
