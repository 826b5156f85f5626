"""How late the host's countdown shows each new second: the display refreshes itself at the
moment its text changes; lateness is how long after that moment the refresh ran. Median and max
in milliseconds, against a 16.7 ms frame (60 Hz), over 60 s of a running segment. The median
must stay under a frame: each new second is then shown in the frame it is due.

Run: python benchmarks/timer_lateness.py [--quick | --smoke] [--json]   (10 s; 3 s)
"""

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from figures import FRAME_MS, Figure, arguments, note, report, scratch_folder
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from liveplanner.app.demo import create_demo
from liveplanner.app.workspace import open_database
from liveplanner.core.enums import RunKind
from liveplanner.storage.shows import load_plan
from liveplanner.ui.rehearsal.host_view import HostView
from liveplanner.ui.rehearsal.run_controller import RunController

SECONDS = {"full": 60, "quick": 10, "smoke": 3}


def measure(size: str, folder: Path) -> list[Figure]:
    seconds = SECONDS[size]
    app = QApplication.instance() or QApplication(sys.argv[:1])
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
    view.ticker.stop()
    db.close()
    note(f"timer: {len(lateness)} second changes over {ran:.0f} s; baseline: a 60 Hz frame")
    what = f"timer: lateness of the countdown's new second over {seconds} s"
    return [
        Figure(f"{what}, median, vs a frame", statistics.median(lateness), "ms", FRAME_MS, 1.0),
        Figure(f"{what}, max, vs a frame", max(lateness), "ms", FRAME_MS),
    ]


def main() -> None:
    args = arguments()
    with scratch_folder() as folder:
        figures = measure(args.size, folder)
    report(figures, args.json)


if __name__ == "__main__":
    main()
