"""The host's view still painting every frame while the live feed takes 1,000 lines a second
(issue 21). In one process, as in the studio: the host's timer window on a live run of the demo,
its countdown asked to repaint at 60 Hz, and the show's sharing (Run ▸ Share screens…) serving
in the same process, whose feed endpoint a collector in another process sends 100 JSON lines
every 100 ms (each line four figures for one of the run's minutes, over its last two hours).
The lines go the way a collector's go in the app: HTTP on loopback, the server's thread, the
live feed's checks, the database, the alerts; the window's own desk poll then reads the figures
back and redraws them.

Measured on the countdown's paint events (an event filter), in the same window and run: first
with no feed (the baseline), then with the collector sending. Reported: the interval between
frames (median and max, against the baseline and a 16.7 ms frame) and the share of frames
missed (an interval over 1.5 frames).

Run: python benchmarks/feed_frames.py [--quick | --smoke] [--json]
(full: 15 s without and 15 s with the feed; --quick: 5 s each; --smoke: 1 s each.)
"""

import http.client
import itertools
import json
import math
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from figures import FRAME_MS, Figure, arguments, note, report, scratch_folder

SECONDS = {"full": 15.0, "quick": 5.0, "smoke": 1.0}  # each phase, after its warm-up
WARM_UP_S = 1.0  # not counted: the window's first layout, the collector's first connection
LINES_A_SECOND = 1_000
BATCH = 100  # lines a call: a collector sending every 100 ms
MINUTES = 120  # the lines' minutes: the run's last two hours, as the feed takes them
MISSED = 1.5  # an interval over 1.5 frames: a frame was missed
MISSED_TARGET_PCT = 1.0


# The other process: the team's collector.


def collector(url: str, seconds: float) -> None:
    """Send BATCH lines every BATCH / LINES_A_SECOND seconds for `seconds`; print what the
    endpoint said it took."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    every = BATCH / LINES_A_SECOND
    start = time.perf_counter()
    sent = taken = bad = late = 0
    answers: list[float] = []
    for call in range(math.ceil(seconds / every)):
        due = start + call * every
        wait = due - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        else:
            late += 1
        minute = datetime.now(UTC).replace(second=0, microsecond=0)
        lines = [
            json.dumps(
                {
                    "minute": (minute - timedelta(minutes=(sent + i) % MINUTES)).isoformat(),
                    "online_viewers": 10_000 + (sent + i) % 997,
                    "gmv": 1234.5 + i,
                    "orders": 10 + call % 50,
                    "likes": 300 + i,
                }
            )
            for i in range(BATCH)
        ]
        asked = time.perf_counter()
        connection.request("POST", parts.path, "\n".join(lines).encode())
        answer = json.loads(connection.getresponse().read())
        answers.append((time.perf_counter() - asked) * 1000)
        sent += BATCH
        taken += answer["taken"]
        bad += answer["bad"]
    connection.close()
    print(json.dumps({"sent": sent, "taken": taken, "bad": bad, "late": late, "answers": answers}))


# This process: the host's window and the sharing.


def measure(size: str, folder: Path) -> list[Figure]:
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from liveplanner.app.demo import create_demo
    from liveplanner.app.workspace import open_database
    from liveplanner.core.enums import RunKind
    from liveplanner.storage.shows import load_plan
    from liveplanner.ui.rehearsal.host_view import HostView
    from liveplanner.ui.rehearsal.run_controller import RunController
    from liveplanner.web.sharing import ScreenServer

    class Frames(QObject):
        """Asks `widget` to repaint at each 60 Hz deadline (a missed deadline is skipped, as
        a display's vsync skips it) and keeps the time of the paint each request brought."""

        def __init__(self, widget: QWidget) -> None:
            super().__init__(widget)
            self.widget = widget
            self.painted: list[float] | None = None  # None: not counting
            self._asked = False
            self._frame = 0
            self._start = 0.0
            self.timer = QTimer(self)
            self.timer.setSingleShot(True)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.timeout.connect(self._tick)
            widget.installEventFilter(self)

        def start(self) -> None:
            self._start = time.perf_counter()
            self._schedule()

        def _tick(self) -> None:
            self._asked = True
            self.widget.update()
            self._schedule()

        def _schedule(self) -> None:
            now = time.perf_counter()
            self._frame = max(self._frame + 1, math.ceil((now - self._start) * 1000 / FRAME_MS))
            due = self._start + self._frame * FRAME_MS / 1000
            self.timer.start(max(0, round((due - now) * 1000)))

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self._asked:
                self._asked = False
                if self.painted is not None:
                    self.painted.append(time.perf_counter())
            return False

    seconds = SECONDS[size]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(f"sqlite:///{folder / 'frames.sqlite3'}", backup_dir=folder)
    show_id = create_demo(db)
    controller = RunController(db, load_plan(db, show_id), RunKind.LIVE)
    view = HostView(controller)
    view.resize(1366, 705)
    view.show()
    server = ScreenServer(db, show_id)
    shared = server.start()
    frames = Frames(view.countdown)
    controller.act("toggle")
    frames.start()
    phases: dict[str, list[float]] = {}
    collected: list[str] = []

    def count(name: str) -> None:
        frames.painted = phases[name] = []

    def feed() -> None:
        frames.painted = None  # the baseline's seconds are up
        process = subprocess.Popen(
            [sys.executable, __file__, "--collector", shared.feed, str(WARM_UP_S + seconds)],
            stdout=subprocess.PIPE,
            text=True,
        )
        QTimer.singleShot(round(WARM_UP_S * 1000), lambda: count("feed"))

        def done() -> None:
            if process.poll() is None:
                QTimer.singleShot(50, done)
                return
            frames.painted = None
            collected.append(process.communicate()[0])
            # End the run first: quitting closes the window, which would ask about an open run.
            controller.act("end")
            app.quit()

        QTimer.singleShot(round((WARM_UP_S + seconds) * 1000), done)

    QTimer.singleShot(round(WARM_UP_S * 1000), lambda: count("alone"))
    QTimer.singleShot(round((WARM_UP_S + seconds) * 1000), feed)
    app.exec()
    frames.timer.stop()
    view.ticker.stop()
    server.stop()
    db.close()

    sent = json.loads(collected[0].strip().splitlines()[-1])
    figures = {name: intervals(painted) for name, painted in phases.items()}
    alone, fed = figures["alone"], figures["feed"]
    note(
        f"feed frames: {len(alone)} frames without the feed, {len(fed)} with it over "
        f"{seconds:g} s each; the collector sent {sent['sent']:,} lines in "
        f"{len(sent['answers'])} calls ({sent['late']} sent late), {sent['taken']:,} taken, "
        f"{sent['bad']} bad; slowest answer {max(sent['answers']):.0f} ms; frames missed "
        f"{missed(alone)} without, {missed(fed)} with; baseline: the same window and run "
        "with no feed"
    )
    what = f"feed frames: host's countdown with {LINES_A_SECOND:,} feed lines/s"
    return [
        Figure(f"{what}, frame interval, median, vs no feed", statistics.median(fed), "ms",
               statistics.median(alone), 1.1),
        Figure(f"{what}, frame interval, median, vs a frame", statistics.median(fed), "ms",
               FRAME_MS, 1.1),
        Figure(f"{what}, frame interval, max, vs no feed", max(fed), "ms", max(alone)),
        Figure(f"{what}, frame interval, max, vs a frame", max(fed), "ms", FRAME_MS),
        Figure(f"{what}, frames missed, vs {MISSED_TARGET_PCT:g} %", share(fed), "%",
               MISSED_TARGET_PCT, 1.0),
        Figure(f"feed frames: no feed, frames missed, vs {MISSED_TARGET_PCT:g} %", share(alone),
               "%", MISSED_TARGET_PCT),
    ]  # fmt: skip


def intervals(painted: list[float]) -> list[float]:
    return [(b - a) * 1000 for a, b in itertools.pairwise(painted)]


def missed(gaps: list[float]) -> int:
    return sum(gap > MISSED * FRAME_MS for gap in gaps)


def share(gaps: list[float]) -> float:
    return 100 * missed(gaps) / max(len(gaps), 1)


def main() -> None:
    if len(sys.argv) > 3 and sys.argv[1] == "--collector":
        collector(sys.argv[2], float(sys.argv[3]))
        return
    args = arguments()
    with scratch_folder() as folder:
        figures = measure(args.size, folder)
    report(figures, args.json)


if __name__ == "__main__":
    main()
