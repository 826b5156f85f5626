"""Comparing shows with the samples aggregated in the database (storage.comparison.
compared_shows, core.comparison.compare_figures) gives every figure the comparison of the
samples themselves gives (load_comparison, compare), on SQLite and on PostgreSQL.

The shows: the demo (run live, a rehearsal too), a show with no data, and shows run live on the
timer whose exports have gaps, minutes before and after the script, no GMV at all, or only
part of the show; one has a segment deleted after its run, one was never run (planned times),
and one ran a segment twice (gone back to).
"""

import uuid
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from liveplanner.app.demo import create_demo
from liveplanner.app.review_data import compare_shows
from liveplanner.app.reviews import review_show
from liveplanner.app.workspace import open_database
from liveplanner.core.clock import SegmentTimer, timer_segments
from liveplanner.core.comparison import COMPARED_METRICS, Comparison, compare, compare_figures
from liveplanner.core.enums import Platform, RunEventKind, RunKind, SegmentKind
from liveplanner.core.plan import Segment, Show, ShowPlan, time_zone
from liveplanner.core.review_spans import Source
from liveplanner.storage import shows
from liveplanner.storage.comparison import compared_shows, load_comparison
from liveplanner.storage.database import Database
from liveplanner.storage.runs import log_clock_events, log_event, start_run
from liveplanner.storage.samples import ImportSource, replace_metrics
from liveplanner.storage.segments import remove_segments

ZONE = time_zone("Asia/Shanghai")
KINDS = (SegmentKind.OPENING, SegmentKind.PRODUCT_INTRO, SegmentKind.FLASH_SALE)


def _show(
    db: Database,
    start: datetime,
    lengths: list[int],
    minutes: range | None,
    *,
    metrics: tuple[str, ...] = COMPARED_METRICS,
    gaps: frozenset[int] = frozenset(),
    run: list[int] | None = None,
    platform: Platform = Platform.DOUYIN,
) -> int:
    """A show of segments of `lengths` seconds, run live when `run` gives the order the host
    went through them (by position; a position twice is a segment gone back to), each for
    its length; samples for `minutes` after the start but `gaps`."""
    plan = ShowPlan(
        show=Show(0, f"Show {start:%d %H:%M}", start, platform=platform),
        segments=tuple(
            Segment(i + 1, KINDS[i % len(KINDS)], f"S{i + 1}", n) for i, n in enumerate(lengths)
        ),
    )
    show_id = shows.save_plan(db, plan)
    stored = shows.load_plan(db, show_id)
    if run is not None:
        clock = {"at": 0.0}
        timer = SegmentTimer(
            timer_segments(stored),
            lambda: clock["at"],
            lambda: start + timedelta(seconds=clock["at"]),
        )
        run_id = start_run(db, show_id, RunKind.LIVE, start, 0.0)
        events = timer.start()[1:]
        for before, position in pairwise(run):
            clock["at"] += lengths[before] * 1.1
            events += timer.jump(position)
        clock["at"] += lengths[run[-1]]
        events += timer.end()
        log_clock_events(db, run_id, events)
    if minutes is not None:
        rows = [
            ((start + timedelta(minutes=m)).astimezone(UTC), metric, 37 * m + 11 * k + 5)
            for m in minutes
            if m not in gaps
            for k, metric in enumerate(metrics)
        ]
        frame = pd.DataFrame(rows, columns=["minute", "metric", "value"])
        replace_metrics(db, show_id, frame, ImportSource("test"))
    return show_id


def _history(db: Database) -> dict[str, int]:
    day = datetime(2026, 3, 2, 20, 0, tzinfo=ZONE)
    made = {"demo": create_demo(db)}
    made["blank"] = _show(db, day, [600, 900], None)
    made["gaps"] = _show(
        db,
        day + timedelta(days=1),
        [300, 45, 600, 20, 900],
        range(-5, 50),
        gaps=frozenset({3, 4, 20}),
        run=[0, 1, 2, 3, 4],
    )
    made["no gmv"] = _show(
        db,
        day + timedelta(days=2),
        [600, 600],
        range(0, 25),
        metrics=("online_viewers", "views"),
        run=[0, 1],
    )
    made["part"] = _show(db, day + timedelta(days=3), [600, 600, 600], range(0, 12), run=[0, 1, 2])
    made["planned"] = _show(
        db,
        day + timedelta(days=4, hours=-9),
        [30, 600, 90, 1200],
        range(-3, 40),
        platform=Platform.TAOBAO,
    )
    made["deleted"] = _show(
        db, day + timedelta(days=5), [400, 500, 300], range(0, 25), run=[0, 1, 2]
    )
    middle = shows.load_plan(db, made["deleted"]).segments[1].id
    shows.unlock_script(db, made["deleted"])
    remove_segments(db, [middle])
    made["again"] = _show(
        db, day + timedelta(days=6), [300, 300, 300], range(0, 25), run=[0, 1, 0, 2]
    )
    made["resumed"] = _resumed(db, day + timedelta(days=7))
    return made


def _resumed(db: Database, start: datetime) -> int:
    """A show whose live run was resumed after a crash, in a session of its own whose wall
    clock was set back two hours; then run live again, never reaching a segment."""
    show_id = _show(db, start, [600, 600], range(0, 30))
    first, second = shows.load_plan(db, show_id).segments
    run_id = start_run(db, show_id, RunKind.LIVE, start, 100.0)
    log_event(db, run_id, RunEventKind.SEGMENT_STARTED, start, 100.0, segment_id=first.id)
    log_event(db, run_id, RunEventKind.STARTED, start + timedelta(minutes=8), 3.0)
    skewed = start + timedelta(minutes=9) - timedelta(hours=2)
    log_event(db, run_id, RunEventKind.SEGMENT_STARTED, skewed, 63.0, segment_id=second.id)
    log_event(db, run_id, RunEventKind.ENDED, skewed + timedelta(minutes=11), 723.0)
    later = start_run(db, show_id, RunKind.LIVE, start + timedelta(hours=1), 0.0)
    log_event(db, later, RunEventKind.ENDED, start + timedelta(hours=1, minutes=1), 60.0)
    return show_id


def _both(db: Database, lag: int, **chosen: object) -> tuple[Comparison, Comparison]:
    rows = load_comparison(db, COMPARED_METRICS, **chosen)  # type: ignore[arg-type]
    found = compared_shows(db, COMPARED_METRICS, lag=lag, **chosen)  # type: ignore[arg-type]
    return (
        compare_figures(found.shows, found.placed, found.samples, lag),
        compare(rows.plans, rows.live_runs, rows.samples, lag),
    )


@pytest.mark.parametrize("lag", [0, 2, 7])
def test_the_database_aggregates_give_every_figure_the_samples_give(db: Database, lag: int) -> None:
    made = _history(db)
    in_sql, in_pandas = _both(db, lag)

    assert in_sql == in_pandas
    kpis = {k.show_id: k for k in in_sql.shows}
    assert kpis[made["blank"]].has_metrics is False and kpis[made["blank"]].gmv_fen is None
    assert kpis[made["no gmv"]].gmv_fen is None and kpis[made["no gmv"]].peak_viewers is not None
    assert kpis[made["gaps"]].gmv_per_min_fen is not None
    # Its first live run, 8 minutes down between sessions and 2 more after them.
    resumed = kpis[made["resumed"]]
    assert (resumed.source, resumed.seconds) == (Source.ACTUAL, 9 * 60 + 11 * 60)
    assert {e.key for e in in_sql.kinds} >= {k.value for k in KINDS}


def test_the_window_compares_in_the_database_as_the_samples_would(db: Database) -> None:
    made = _history(db)
    start = datetime(2026, 3, 4, 0, 0, tzinfo=ZONE)
    chosen = {"starts_from": start, "starts_before": start + timedelta(days=4)}
    in_sql, in_pandas = _both(db, 3, platform=Platform.DOUYIN, **chosen)

    assert in_sql == in_pandas
    assert [k.show_id for k in in_sql.shows] == [made["no gmv"], made["part"], made["deleted"]]
    assert compare_shows(
        db, Platform.DOUYIN, chosen["starts_from"], chosen["starts_before"], 3
    ) == (in_sql)


def test_no_shows_compare_to_nothing_and_a_show_without_segments_to_its_samples(
    db: Database,
) -> None:
    assert compare_shows(db, None, None, None, 2).shows == ()
    empty = _show(db, datetime(2026, 3, 2, 20, 0, tzinfo=ZONE), [], range(0, 5))
    in_sql, in_pandas = _both(db, 2)
    assert in_sql == in_pandas
    (kpis,) = in_sql.shows
    assert (kpis.show_id, kpis.seconds, kpis.gmv_seconds) == (empty, 0, 0)
    assert kpis.gmv_fen is not None and kpis.gmv_per_min_fen is None


def test_a_live_run_left_open_compares_as_its_review_places_it(db: Database) -> None:
    """A run the host left open (or the app lost) has no `ended`: its last segment runs to its
    last event of any kind, a pause or a note, in the comparison as in the show's review."""
    start = datetime(2026, 3, 2, 20, 0, tzinfo=ZONE)
    show_id = _show(db, start, [600, 600], range(0, 40))
    first, second = shows.load_plan(db, show_id).segments
    run_id = start_run(db, show_id, RunKind.LIVE, start, 0.0)
    log_event(db, run_id, RunEventKind.SEGMENT_STARTED, start, 0.0, segment_id=first.id)
    at = start + timedelta(minutes=10)
    log_event(db, run_id, RunEventKind.SEGMENT_STARTED, at, 600.0, segment_id=second.id)
    log_event(db, run_id, RunEventKind.NOTE, at + timedelta(minutes=9), 1140.0, text="还在播")
    log_event(db, run_id, RunEventKind.PAUSED, at + timedelta(minutes=15), 1500.0)

    reviewed = review_show(db, show_id, 2).review
    assert [(s.start, s.end) for s in reviewed.actual][-1] == (
        at.astimezone(UTC),
        (at + timedelta(minutes=15)).astimezone(UTC),
    )
    in_sql, in_pandas = _both(db, 2)
    assert in_sql == in_pandas
    (kpis,) = in_sql.shows
    assert kpis.seconds == 25 * 60  # both segments, the second to the pause


@pytest.mark.postgres
def test_a_server_with_no_connection_to_spare_compares_on_the_sessions_own(
    migrated_postgres_url: str, tmp_path: Path
) -> None:
    """A team's server whose connections are taken (max_connections, a role's limit) still
    compares: what runs on connections of its own runs one after another on the session's."""
    owner = open_database(migrated_postgres_url, backup_dir=tmp_path / "backups")
    _history(owner)
    expected, _ = _both(owner, 2)
    role = f"liveplanner_one_{uuid.uuid4().hex[:8]}"
    with owner.engine.begin() as admin:
        admin.execute(text(f'CREATE ROLE "{role}" LOGIN CONNECTION LIMIT 1'))
        admin.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"'))
    limited = open_database(
        make_url(migrated_postgres_url).set(username=role).render_as_string(hide_password=False),
        backup_dir=None,
        migrate=False,
    )
    try:
        found = compared_shows(limited, COMPARED_METRICS, lag=2)
        assert compare_figures(found.shows, found.placed, found.samples, 2) == expected
    finally:
        limited.close()
        with owner.engine.begin() as admin:
            admin.execute(text(f'DROP OWNED BY "{role}"'))
            admin.execute(text(f'DROP ROLE "{role}"'))
        owner.close()
