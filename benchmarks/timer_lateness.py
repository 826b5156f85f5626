"""How late the host's countdown shows each new second: the display refreshes itself at the
moment its text changes; lateness is how long after that moment the refresh ran. Median and max
in milliseconds, against a 16 ms frame (60 Hz), over 60 s of a running segment.

Run: python benchmarks/timer_lateness.py [--quick]
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from liveplanner.core.enums import RunKind
from liveplanner.demo import create_demo
from liveplanner.storage.database import open_database
from liveplanner.storage.shows import load_plan
from liveplanner.ui.rehearsal.host_view import HostView
from liveplanner.ui.rehearsal.run_controller import RunController

FRAME_MS = 1000 / 60


def main() -> None:
    seconds = 10 if "--quick" in sys.argv else 60
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    db = open_database(f"sqlite:///{folder / 'timer.sqlite3'}", backup_dir=folder)
    plan = load_plan(db, create_demo(db))
    controller = RunController(db, plan, RunKind.REHEARSAL)
    view = HostView(controller)
    view.resize(1400, 900)
    view.show()
    lateness: list[float] = []
    original = view.refresh

    def measured_refresh() -> None:
        reading = controller.timer.read()
        past_boundary = (-reading.remaining_s) % 1.0  # time since the displayed second changed
        if controller.timer.show_started is not None and past_boundary < 0.5:
            lateness.append(past_boundary * 1000)
        original()

    view.ticker.timeout.disconnect()
    view.ticker.timeout.connect(measured_refresh)
    controller.act("toggle")
    view.refresh()
    # End the run first: quitting closes the window, which would ask about an open run.
    QTimer.singleShot(seconds * 1000, lambda: (controller.act("end"), app.quit()))
    start = time.perf_counter()
    app.exec()
    ran = time.perf_counter() - start
    median, worst = statistics.median(lateness), max(lateness)
    print(f"{len(lateness)} second changes over {ran:.0f} s; baseline: a 16.7 ms frame at 60 Hz")
    print(f"lateness median {median:6.2f} ms  ({median / FRAME_MS:4.2f} frames)")
    print(f"lateness max    {worst:6.2f} ms  ({worst / FRAME_MS:4.2f} frames)")
    view.ticker.stop()
    db.close()


if __name__ == "__main__":
    main()
