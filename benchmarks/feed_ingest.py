"""How fast the live feed takes the platform's figures while a show runs (issue 21): 1,000 feed
lines a second must be ingested, so the time for 1,000 lines is measured against a 1 s budget
(ratio under 1x), and against a bare json.loads of the same lines (the least any reading of them
costs). Each way in: a collector's 1,000 JSON lines in one call (take_lines: check each line, keep
the minutes, write them in one transaction, judge the alerts), the same in ten calls of 100
(a collector sending every 100 ms), one line a call (each its own transaction, for scale; no
target: a collector batches what it reads), and 1,000 rows a screen logger appended to its CSV file,
read in one poll. Medians in milliseconds, on SQLite, over a 3-hour show's minutes.

Run: python benchmarks/feed_ingest.py [--quick | --smoke] [--json]
"""

import json
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from figures import Figure, arguments, note, report, scratch_folder

from liveplanner.app.demo import demo_plan
from liveplanner.app.live_desk import LiveDesk
from liveplanner.app.live_feed import LiveFeed
from liveplanner.app.run_log import RunLog
from liveplanner.app.workspace import open_database
from liveplanner.core.clock import SegmentTimer, timer_segments
from liveplanner.core.enums import RunKind
from liveplanner.core.plan import time_zone
from liveplanner.storage.shows import load_plan, save_plan

REPEATS = {"full": 15, "quick": 5, "smoke": 1}
LINES = 1_000
BUDGET_MS = 1_000.0  # a second's lines within the second
T0 = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)
NOW = T0 + timedelta(hours=3)
SHOW_MINUTES = 180


def json_lines(repeat: int) -> list[str]:
    """A second's lines over the show's minutes, figures changing with each repeat."""
    return [
        json.dumps(
            {
                "minute": (T0 + timedelta(minutes=i % SHOW_MINUTES)).isoformat(),
                "online_viewers": 10_000 + i + repeat,
                "gmv": 1234.5 + i + repeat,
                "orders": 10 + repeat,
                "likes": 300 + i,
            }
        )
        for i in range(LINES)
    ]


def csv_rows(repeat: int) -> str:
    """A logger's rows every 10 seconds over the show, in the show's zone."""
    local = T0.astimezone(time_zone(demo_plan().show.time_zone))
    rows = []
    for i in range(LINES):
        moment = local + timedelta(seconds=i * 10)
        rows.append(f"{moment:%Y-%m-%d %H:%M:%S},{10_000 + i + repeat},1.2万,{i + repeat},5")
    return "\n".join(rows) + "\n"


def timed(action: Callable[[int], object], repeats: int) -> float:
    samples = []
    for repeat in range(repeats):
        start = time.perf_counter()
        action(repeat)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def live_feed(folder: Path) -> LiveFeed:
    db = open_database(f"sqlite:///{folder / 'feed.sqlite3'}", backup_dir=folder)
    show_id = save_plan(db, demo_plan())
    timer = SegmentTimer(timer_segments(load_plan(db, show_id)), time.monotonic, lambda: T0)
    RunLog(db, show_id, RunKind.LIVE).write(timer.start())
    return LiveFeed(LiveDesk(db, show_id, wall=lambda: NOW), wall=lambda: NOW)


def measure(size: str, folder: Path) -> list[Figure]:
    repeats = REPEATS[size]
    feed = live_feed(folder)
    batches = {r: json_lines(r) for r in range(repeats * 3)}
    texts = {r: "\n".join(lines) for r, lines in batches.items()}

    def bare(repeat: int) -> None:
        for line in batches[repeat]:
            json.loads(line)

    def one_call(repeat: int) -> None:
        count = feed.take_lines(texts[repeats + repeat])
        assert count.taken == LINES and not count.bad, count

    def ten_calls(repeat: int) -> None:
        lines = batches[2 * repeats + repeat]
        for start in range(0, LINES, 100):
            feed.take_lines("\n".join(lines[start : start + 100]))

    def single_lines(repeat: int) -> None:
        for line in batches[repeat]:
            feed.take_lines(line)

    baseline = timed(bare, repeats)
    whole = timed(one_call, repeats)
    tenths = timed(ten_calls, repeats)
    singles = timed(single_lines, max(repeats // 3, 1))

    logger = folder / "logger.csv"
    logger.write_text("时间,在线人数,成交金额,成交订单数,点赞数\n", encoding="utf-8")
    feed.follow_file(logger)
    feed.poll()

    rows = {r: csv_rows(r) for r in range(repeats)}

    def appended(repeat: int) -> None:
        with logger.open("a", encoding="utf-8") as handle:
            handle.write(rows[repeat])
        count = feed.poll()
        assert count.taken == LINES and not count.bad, count

    file_ms = timed(appended, repeats)
    note(f"{LINES:,} lines over {SHOW_MINUTES} minutes, 4 figures a line; median of {repeats}")
    name = f"live feed, {LINES:,} lines"
    return [
        Figure(f"{name}: bare json.loads of them", baseline, "ms"),
        Figure(f"{name} in one call, vs a second", whole, "ms", BUDGET_MS, 1.0),
        Figure(f"{name} in one call, vs a bare json.loads", whole, "ms", baseline),
        Figure(f"{name} in ten calls of 100, vs a second", tenths, "ms", BUDGET_MS, 1.0),
        Figure(f"{name} in 1,000 calls of one, vs a second", singles, "ms", BUDGET_MS),
        Figure(f"{name} appended to a logger's CSV, one poll, vs a second", file_ms, "ms",
               BUDGET_MS, 1.0),
    ]  # fmt: skip


if __name__ == "__main__":
    args = arguments()
    with scratch_folder() as folder:
        report(measure(args.size, folder), args.json)
