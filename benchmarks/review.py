"""The review of one 6-hour show (100 segments, 15 metrics a minute, a live run) and the
comparison across 1,000 stored shows, each against pandas merely loading the same metric rows
from the same SQLite database in the same run (targets: 1.5x or less for the review, 2x for
the comparison).

"The review" is all the window does to show a show: load the plan, the runs and the metrics,
credit the minutes to segments and work out every figure. "The comparison" is what the window's
Compare shows does: load the chosen shows' segments and live runs, have SQLite aggregate their
compared metrics, and compute every KPI and earning (comparison_scale.py measures 10,000 shows
on PostgreSQL).

Run: python benchmarks/review.py [--quick | --smoke] [--json]
(--quick: 200 shows, 3 repeats; --smoke: 5 shows, once)
"""

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
from figures import Figure, alternating_medians, arguments, note, report, scratch_folder

from liveplanner.app.review_data import compare_shows
from liveplanner.app.workspace import open_database
from liveplanner.core.clock import SegmentTimer, timer_segments
from liveplanner.core.comparison import COMPARED_METRICS
from liveplanner.core.enums import RunKind, SegmentKind
from liveplanner.core.metrics import METRICS
from liveplanner.core.plan import Segment, Show, ShowPlan
from liveplanner.core.review import review
from liveplanner.storage.comparison import chosen_shows, samples_query
from liveplanner.storage.database import Database
from liveplanner.storage.runs import list_runs, log_clock_events, start_run
from liveplanner.storage.samples import PLAIN, ImportSource, load_metrics, replace_metrics
from liveplanner.storage.shows import load_plan, save_plan

ZONE = ZoneInfo("Asia/Shanghai")
TARGET = 2.0
REVIEW_TARGET = 1.5  # issue 19: the review of one show within 1.5x of loading its rows
SIZES = {"full": (1_000, 5), "quick": (200, 3), "smoke": (5, 1)}  # shows, repeats
KINDS = list(SegmentKind)


def store_show(db: Database, start: datetime, segments: int, minutes: int, seed: int) -> int:
    """A show of `segments` equal segments over `minutes`, run live on the timer, with every
    canonical metric for every minute."""
    length = minutes * 60 // segments
    plan = ShowPlan(
        show=Show(0, f"Show {seed}", start),
        segments=tuple(
            Segment(i + 1, KINDS[i % len(KINDS)], f"Segment {i + 1}", length)
            for i in range(segments)
        ),
    )
    show_id = save_plan(db, plan)
    stored = load_plan(db, show_id)
    clock = {"at": 0.0}
    timer = SegmentTimer(
        timer_segments(stored), lambda: clock["at"], lambda: start + timedelta(seconds=clock["at"])
    )
    run_id = start_run(db, show_id, RunKind.LIVE, start, 0.0)
    events = timer.start()[1:]
    for _ in stored.segments:
        clock["at"] += length * 1.05
        events += timer.next()
    log_clock_events(db, run_id, events)
    rng = np.random.default_rng(seed)
    times = pd.date_range(start, periods=minutes + 10, freq="min").tz_convert("UTC")
    frame = pd.DataFrame(
        {
            "minute": np.repeat(times, len(METRICS)),
            "metric": np.tile(list(METRICS), len(times)),
            "value": rng.integers(0, 50_000, len(times) * len(METRICS)),
        }
    )
    replace_metrics(db, show_id, frame, ImportSource("bench"))
    return show_id


def measure(size: str, folder: Path) -> list[Figure]:
    shows, repeats = SIZES[size]
    db = open_database(f"sqlite:///{folder / 'bench.sqlite3'}", backup_dir=folder)
    note("review: storing the shows…")
    big = store_show(db, datetime(2026, 1, 1, 12, tzinfo=ZONE), 100, 360, 0)
    first = datetime(2025, 1, 1, 19, 30, tzinfo=ZONE)
    for i in range(shows - 1):
        store_show(db, first + timedelta(days=i % 365, hours=i % 3), 20, 180, i + 1)

    def one_review() -> None:
        plan = load_plan(db, big)
        review(plan, list_runs(db, big), load_metrics(db, big))

    def one_baseline() -> None:
        query = PLAIN.select().where(PLAIN.c.show_id == big)
        with db.engine.connect() as connection:
            pd.read_sql(query, connection, parse_dates=["minute"])

    def comparison() -> None:
        compare_shows(db, None, None, None, 2)  # the samples aggregated by SQLite

    def comparison_baseline() -> None:
        with db.engine.connect() as connection:
            pd.read_sql(
                samples_query(chosen_shows(), COMPARED_METRICS),
                connection,
                parse_dates=["minute"],
            )

    one_review()  # warm the caches and imports before timing either side
    rows = len(load_metrics(db, big))
    base, ours = alternating_medians(repeats * 3, one_baseline, one_review)
    note(
        f"review: a 6-hour show, 100 segments, {rows:,} samples (median of {repeats * 3}); "
        "baseline: pandas read_sql of its rows"
    )
    figures = [
        Figure(
            "review: a 6-hour show (100 segments, 15 metrics, a live run), vs pandas.read_sql",
            ours * 1000,
            "ms",
            base * 1000,
            REVIEW_TARGET,
        ),
    ]
    comparison()
    base, ours = alternating_medians(repeats, comparison_baseline, comparison)
    note(
        f"review: comparison of {shows:,} shows, {len(COMPARED_METRICS)} metrics "
        f"(median of {repeats}); baseline: pandas read_sql of their rows"
    )
    figures.append(
        Figure(
            f"review: compare {shows:,} stored shows, vs pandas.read_sql", ours, "s", base, TARGET
        )
    )
    db.close()
    return figures


def main() -> None:
    args = arguments()
    with scratch_folder() as folder:
        figures = measure(args.size, folder)
    report(figures, args.json)


if __name__ == "__main__":
    main()
