"""The live desk under a studio's load: 100 pages on loopback follow the demo's 3-hour run at
60x speed while the host's timer window counts down in the same process as the server (Run ▸
Share screens… serves from the window). Measured against the same window and run with no page
open, in the same run of this script:

- how late the host's countdown shows each new second (median; target: no worse than 1.5x the
  run without pages, and under a 60 Hz frame);
- how much the process grew while the pages followed (target: under 100 MB);
- how many of the run's segment changes a page showed later than a second, or never
  (target: none).

The run is timed by another process, as when the host's window is on another computer: it
writes the run log at 60x into the same database and opens the 100 event streams.

Run: python benchmarks/desk_clients.py [--quick | --smoke] [--json]
(full: the 3-hour run, 3 minutes with pages and 3 without; --quick: its first 30 minutes;
--smoke: its first 15 minutes, 10 pages).
"""

import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from figures import FRAME_MS, Figure, arguments, note, report, scratch_folder

SPEED = 60.0
SIZES = {"full": (180, 100), "quick": (30, 100), "smoke": (15, 10)}  # show minutes, pages
MEMORY_LIMIT_MB = 100.0
T0 = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)


def studio_clocks(epoch: float) -> tuple[object, object]:
    """The run's clocks at 60x from `epoch` (a time.time() both processes share)."""

    def now() -> float:
        return (time.time() - epoch) * SPEED

    def wall() -> datetime:
        return T0 + timedelta(seconds=now())

    return now, wall


# The other process: the run's timer at 60x and the pages.


def studio(url: str, show_id: int, epoch: float, minutes: int, links: list[str]) -> None:
    from liveplanner.app.run_log import RunLog
    from liveplanner.app.workspace import open_database
    from liveplanner.core.clock import SegmentTimer, timer_segments
    from liveplanner.core.enums import RunKind
    from liveplanner.storage.shows import load_plan

    now, wall = studio_clocks(epoch)
    db = open_database(url, backup_dir=Path(url.removeprefix("sqlite:///")).parent)
    plan = load_plan(db, show_id)
    timer = SegmentTimer(timer_segments(plan), now, wall)  # type: ignore[arg-type]
    log = RunLog(db, show_id, RunKind.REHEARSAL)
    changes: list[tuple[float, int]] = []  # (real time, segment index) of each change
    seen: list[list[tuple[float, int]]] = [[] for _ in links]

    async def page(i: int, link: str, session: object) -> None:
        async with session.get(link + "events") as response:  # type: ignore[attr-defined]
            async for line in response.content:
                if line.startswith(b"data: "):
                    index = json.loads(line[6:])["index"]
                    if not seen[i] or seen[i][-1][1] != index:
                        seen[i].append((time.time(), index))

    async def run() -> None:
        import aiohttp

        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None)) as session:
            pages = [asyncio.create_task(page(i, link, session)) for i, link in enumerate(links)]
            log.write(timer.start())
            changes.append((time.time(), 0))
            ends = 0
            for segment in plan.segments:
                ends += segment.duration_s
                if ends > minutes * 60:
                    break
                while now() < ends:
                    await asyncio.sleep(0.01)
                log.write(timer.next())
                changes.append((time.time(), timer.index))
            await asyncio.sleep(1.5)  # the last change reaches the pages
            log.write(timer.end())
            for task in pages:
                task.cancel()
            await asyncio.gather(*pages, return_exceptions=True)

    asyncio.run(run())
    db.close()
    # Of every change, each page that did not show its segment within a second of it.
    late = sum(
        not any(index == want and 0 <= at - when <= 1.0 for at, index in its)
        for its in seen
        for when, want in changes[1:]
    )
    print(json.dumps({"changes": len(changes) - 1, "late": late, "pages": len(links)}))


# This process: the host's window and the server.


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def phase(folder: Path, minutes: int, pages: int, index: int) -> tuple[list[float], float, dict]:
    """One run followed by `pages` pages: the host's lateness, the growth, what the pages saw."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from liveplanner.app.demo import create_demo
    from liveplanner.app.live_desk import LiveDesk
    from liveplanner.app.workspace import open_database
    from liveplanner.core.enums import RunKind
    from liveplanner.storage.shows import load_plan
    from liveplanner.ui.rehearsal.host_view import HostView
    from liveplanner.ui.rehearsal.run_controller import RunController
    from liveplanner.web.sharing import ScreenServer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    url = f"sqlite:///{folder / f'desk{index}.sqlite3'}"
    db = open_database(url, backup_dir=folder)
    shared_show = create_demo(db)
    plan = load_plan(db, create_demo(db))  # the host's own show, timed here on the real clock
    epoch = time.time() + 1.0
    now, wall = studio_clocks(epoch)
    desk = LiveDesk(db, shared_show, now=now, wall=wall)  # type: ignore[arg-type]
    server = ScreenServer(db, shared_show, desk=desk)
    shared = server.start()
    links = [shared.roles[name] for name in sorted(shared.roles)]
    links = (links * pages)[:pages]
    controller = RunController(db, plan, RunKind.REHEARSAL)
    view = HostView(controller)
    view.resize(1400, 900)
    view.show()
    lateness: list[float] = []
    original = view.refresh

    def measured_refresh() -> None:
        reading = controller.timer.read()
        past_boundary = (-reading.remaining_s) % 1.0
        if controller.timer.show_started is not None and past_boundary < 0.5:
            lateness.append(past_boundary * 1000)
        original()

    view.ticker.timeout.disconnect()
    view.ticker.timeout.connect(measured_refresh)
    controller.act("toggle")
    view.refresh()
    before = rss_mb()
    studio_process = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--studio",
            json.dumps([url, shared_show, epoch, minutes, links]),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    peak = [before]

    def check() -> None:
        peak[0] = max(peak[0], rss_mb())
        if studio_process.poll() is not None:
            controller.act("end")
            app.quit()

    watch = QTimer()
    watch.timeout.connect(check)
    watch.start(200)
    app.exec()
    watch.stop()
    view.ticker.stop()
    view.close()
    server.stop()
    db.close()
    out, _ = studio_process.communicate()
    return lateness, peak[0] - before, json.loads(out.strip().splitlines()[-1])


def measure(size: str, folder: Path) -> list[Figure]:
    minutes, pages = SIZES[size]
    alone, _, _ = phase(folder, minutes, 0, 0)
    followed, grown, seen = phase(folder, minutes, pages, 1)
    note(
        f"desk: {minutes} show minutes at {SPEED:g}x ({minutes * 60 / SPEED:.0f} s), "
        f"{pages} pages on loopback, {seen['changes']} segment changes; baseline: the same run "
        "with no page open"
    )
    what = f"desk: host's countdown lateness with {pages} pages following"
    shared_changes = seen["changes"] * seen["pages"]
    return [
        Figure(
            f"{what}, median, vs no pages",
            statistics.median(followed),
            "ms",
            statistics.median(alone),
            1.5,
        ),
        Figure(f"{what}, median, vs a frame", statistics.median(followed), "ms", FRAME_MS, 1.0),
        Figure(
            f"desk: the process's growth with {pages} pages, vs {MEMORY_LIMIT_MB:g} MB",
            grown,
            "MB",
            MEMORY_LIMIT_MB,
            1.0,
        ),
        Figure(
            "desk: a page's segment changes shown later than 1 s or never, vs all of them",
            seen["late"],
            "changes",
            shared_changes,
            0.0,
        ),
    ]


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--studio":
        url, show_id, epoch, minutes, links = json.loads(sys.argv[2])
        studio(url, show_id, epoch, minutes, links)
        return
    args = arguments()
    with scratch_folder() as folder:
        figures = measure(args.size, folder)
    report(figures, args.json)


if __name__ == "__main__":
    main()
