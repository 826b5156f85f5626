"""The host's view still painting every frame while the live feed takes 1,000 lines a second
(issue 21). In one process, as in the studio: the host's timer window on a live run of the demo,
its countdown asked to repaint at 60 Hz, and the show's sharing (Run ▸ Share screens…) serving
in the same process. The lines come the two ways the app takes a feed from outside, each from
another process at 100 lines every 100 ms, each line four figures for one of the run's last two
hours' minutes: a collector POSTing JSON lines to the sharing's feed endpoint (HTTP on loopback,
the server's thread, the live feed's checks, the database, the alerts), and a screen logger
appending CSV rows to a file the sharing follows (read on the server's poll, four times a
second). The window's own desk poll reads the figures back and redraws them.

Measured on the countdown's paint events (an event filter), in the same window and run: first
with no feed (the baseline), then with the collector, then with the file. Reported: the interval
between frames (median and max, against the baseline and a 16.7 ms frame) and the share of
frames missed (an interval over 1.5 frames). The frame's request and the paint's probe are
Python, so each frame waits for the interpreter's lock as any Python in the window does. The
process is set up as the app's (ui.smooth_frames, as run_app makes it: a 1 ms thread switch
interval, and what start-up made frozen out of the garbage collector's way).

Run: python benchmarks/feed_frames.py [--quick | --smoke] [--json]
(full: 15 s a phase; --quick: 5 s; --smoke: 1 s; each after 1 s of warm-up.)
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
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from figures import FRAME_MS, Figure, arguments, note, report, scratch_folder

SECONDS = {"full": 15.0, "quick": 5.0, "smoke": 1.0}  # each phase, after its warm-up
WARM_UP_S = 1.0  # not counted: the window's first layout, the collector's first connection
LINES_A_SECOND = 1_000
BATCH = 100  # lines a call: a collector sending every 100 ms
MINUTES = 120  # the lines' minutes: the run's last two hours, as the feed takes them
MISSED = 1.5  # an interval over 1.5 frames: a frame was missed
MISSED_TARGET_PCT = 1.0


# The other process: the team's collector, or a screen logger.


def send(target: str, seconds: float, zone: str) -> None:
    """Every BATCH / LINES_A_SECOND seconds for `seconds`, BATCH lines: POSTed to `target` (an
    http:// address) as a collector's JSON lines, or appended to the file `target` as a logger's
    CSV rows (its times in `zone`). Prints what was sent and, for a collector, what the endpoint
    said it took."""
    posting = target.startswith("http://")
    if posting:
        parts = urlsplit(target)
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
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
        now = datetime.now(UTC).replace(microsecond=0)
        # The run's last two hours, as the feed takes them (a minute of the run's is replaced).
        moments = [now - timedelta(minutes=(sent + i) % MINUTES) for i in range(BATCH)]
        if not posting:
            rows = [
                f"{m.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M:%S},{10_000 + (sent + i) % 997},"
                f"{1234.5 + i},{10 + call % 50},{300 + i}\n"
                for i, m in enumerate(moments)
            ]
            with open(target, "a", encoding="utf-8") as log:
                log.write("".join(rows))
            sent += BATCH
            continue
        lines = [
            json.dumps(
                {
                    "minute": m.isoformat(),
                    "online_viewers": 10_000 + (sent + i) % 997,
                    "gmv": 1234.5 + i,
                    "orders": 10 + call % 50,
                    "likes": 300 + i,
                }
            )
            for i, m in enumerate(moments)
        ]
        asked = time.perf_counter()
        connection.request("POST", parts.path, "\n".join(lines).encode())
        answer = json.loads(connection.getresponse().read())
        answers.append((time.perf_counter() - asked) * 1000)
        sent += BATCH
        taken += answer["taken"]
        bad += answer["bad"]
    if posting:
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
    from liveplanner.ui.smooth_frames import freeze_start_up, share_the_interpreter
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
    share_the_interpreter()  # as run_app does
    db = open_database(f"sqlite:///{folder / 'frames.sqlite3'}", backup_dir=folder)
    show_id = create_demo(db)
    plan = load_plan(db, show_id)
    controller = RunController(db, plan, RunKind.LIVE)
    view = HostView(controller)
    view.resize(1366, 705)
    view.show()
    server = ScreenServer(db, show_id)
    shared = server.start()
    logger = folder / "logger.csv"
    logger.write_text("时间,在线人数,成交金额,成交订单数,点赞数\n", encoding="utf-8")
    freeze_start_up()  # as run_app does once the window is up and the database open
    frames = Frames(view.countdown)
    controller.act("toggle")
    frames.start()
    # Each phase in turn: its name, and what its other process feeds (None: nothing).
    order: list[tuple[str, str | None]] = [
        ("alone", None),
        ("collector", shared.feed),
        ("file", str(logger)),
    ]
    painted: dict[str, list[float]] = {}
    taken: dict[str, int] = {}
    said: dict[str, dict[str, Any]] = {}

    def lines_taken() -> int:
        return server.feed.figures().lines

    def phase() -> None:
        name, target = order.pop(0)
        process = None
        if target is not None:
            if name == "file":
                server.feed.follow_file(logger)
            command = [sys.executable, __file__, "--send", target, str(WARM_UP_S + seconds)]
            process = subprocess.Popen([*command, plan.show.time_zone], stdout=subprocess.PIPE)

        def count() -> None:
            frames.painted = painted[name] = []
            taken[name] = lines_taken()

        def done() -> None:
            if process is not None and process.poll() is None:
                QTimer.singleShot(20, done)
                return
            frames.painted = None
            taken[name] = lines_taken() - taken[name]
            if process is not None:
                said[name] = json.loads(process.communicate()[0])
            if order:
                phase()
            else:
                # End the run first: quitting closes the window, which would ask about it.
                controller.act("end")
                app.quit()

        QTimer.singleShot(round(WARM_UP_S * 1000), count)
        QTimer.singleShot(round((WARM_UP_S + seconds) * 1000), done)

    phase()
    app.exec()
    frames.timer.stop()
    view.ticker.stop()
    server.stop()
    db.close()

    gaps = {name: intervals(times) for name, times in painted.items()}
    alone = gaps["alone"]
    posted = said["collector"]
    note(
        f"feed frames: {seconds:g} s a phase after {WARM_UP_S:g} s of warm-up; frames (missed) "
        + ", ".join(f"{name} {len(g)} ({missed(g)})" for name, g in gaps.items())
        + f"; lines taken while counted: collector {taken['collector']:,}, file "
        f"{taken['file']:,}; the collector's {len(posted['answers'])} calls "
        f"({posted['late']} sent late, {posted['bad']} bad lines), slowest answer "
        f"{max(posted['answers']):.0f} ms; baseline: the same window and run with no feed"
    )
    what = f"feed frames: host's countdown with {LINES_A_SECOND:,} feed lines/s"
    figures = [
        Figure(f"feed frames: no feed, frames missed, vs {MISSED_TARGET_PCT:g} %", share(alone),
               "%", MISSED_TARGET_PCT),
    ]  # fmt: skip
    for name, how in (("collector", "from a collector"), ("file", "from a growing file")):
        fed = gaps[name]
        figures += [
            Figure(f"{what} {how}, frame interval, median, vs no feed", statistics.median(fed),
                   "ms", statistics.median(alone), 1.1),
            Figure(f"{what} {how}, frame interval, median, vs a frame", statistics.median(fed),
                   "ms", FRAME_MS, 1.1),
            Figure(f"{what} {how}, frame interval, max, vs no feed", max(fed), "ms", max(alone)),
            Figure(f"{what} {how}, frame interval, max, vs a frame", max(fed), "ms", FRAME_MS),
            Figure(f"{what} {how}, frames missed, vs {MISSED_TARGET_PCT:g} %", share(fed), "%",
                   MISSED_TARGET_PCT, 1.0),
        ]  # fmt: skip
    return figures


def intervals(painted: list[float]) -> list[float]:
    return [(b - a) * 1000 for a, b in itertools.pairwise(painted)]


def missed(gaps: list[float]) -> int:
    return sum(gap > MISSED * FRAME_MS for gap in gaps)


def share(gaps: list[float]) -> float:
    return 100 * missed(gaps) / max(len(gaps), 1)


def main() -> None:
    if len(sys.argv) > 4 and sys.argv[1] == "--send":
        send(sys.argv[2], float(sys.argv[3]), sys.argv[4])
        return
    args = arguments()
    with scratch_folder() as folder:
        figures = measure(args.size, folder)
    report(figures, args.json)


if __name__ == "__main__":
    main()
