"""The storage services on SQLite and PostgreSQL: plans round-trip, edits keep order, stale writes
are refused, runs and metrics are kept whole."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from liveplanner.app.demo import demo_plan
from liveplanner.core.enums import Platform, Role, RunEventKind, RunKind, SegmentKind, ShowStatus
from liveplanner.storage import runs, samples, segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import NotFoundError, StaleEditError, StorageError
from liveplanner.storage.samples import ImportSource

START = datetime(2026, 11, 11, 19, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def _samples(rows: list[tuple[datetime, str, int]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["minute", "metric", "value"])
    frame["minute"] = pd.to_datetime(frame["minute"], utc=True)
    return frame


def _without_ids(plan):
    people = {p.id: p.name for p in plan.people}
    products = {p.id: p.sku for p in plan.products}
    promos = {p.id: p.name for p in plan.promos}
    segment_index = {s.id: i for i, s in enumerate(plan.segments)}
    return {
        "show": replace(plan.show, id=0, version=0),
        "team": sorted((people[m.person_id], m.role) for m in plan.team),
        "products": [replace(p, id=0, version=0) for p in plan.products],
        "segments": [
            (
                replace(s, id=0, version=0, product_id=products.get(s.product_id), roles={}),
                {r: people[p] for r, p in s.roles.items()},
            )
            for s in plan.segments
        ],
        "promos": [
            replace(p, id=0, version=0, product_id=products.get(p.product_id)) for p in plan.promos
        ],
        "releases": sorted(
            (promos[r.promo_id], segment_index[r.segment_id], r.offset_s, r.quantity)
            for r in plan.releases
        ),
        "duties": sorted(
            (segment_index[d.segment_id], d.offset_s, d.cue, d.role) for d in plan.duties
        ),
    }


def test_a_saved_plan_loads_back_equal(db: Database) -> None:
    plan = demo_plan()
    show_id = shows.save_plan(db, plan)
    loaded = shows.load_plan(db, show_id)
    assert loaded.show.id == show_id
    assert _without_ids(loaded) == _without_ids(plan)
    assert loaded.show.planned_start == START
    assert loaded.show.planned_start.utcoffset() == timedelta(hours=8)


def test_people_are_shared_across_shows_by_name(db: Database) -> None:
    first = shows.load_plan(db, shows.save_plan(db, demo_plan()))
    second = shows.load_plan(db, shows.save_plan(db, demo_plan()))
    assert {p.id for p in first.people} == {p.id for p in second.people}


def test_list_shows_filters_and_sums(db: Database) -> None:
    demo_id = shows.save_plan(db, demo_plan())
    empty_id = shows.create_show(db, "Taobao test", START + timedelta(days=1), Platform.TAOBAO)
    listed = shows.list_shows(db)
    assert [s.id for s in listed] == [empty_id, demo_id]  # newest start first
    assert (listed[1].segments, listed[1].total_s) == (28, 3 * 3600)
    assert (listed[0].segments, listed[0].total_s) == (0, 0)
    assert [s.id for s in shows.list_shows(db, search="双11")] == [demo_id]
    assert [s.id for s in shows.list_shows(db, search="旗舰店")] == [demo_id]  # the room
    assert [s.id for s in shows.list_shows(db, platform=Platform.TAOBAO)] == [empty_id]
    assert shows.list_shows(db, status=ShowStatus.LIVE) == []


def test_loading_a_missing_show_says_so(db: Database) -> None:
    with pytest.raises(NotFoundError, match="no show 999"):
        shows.load_plan(db, 999)


def test_segments_added_moved_and_deleted_keep_a_gapless_order(db: Database) -> None:
    show_id = shows.create_show(db, "order", START)
    a = segments.add_segment(db, show_id, SegmentKind.OPENING, "a", 60)
    c = segments.add_segment(db, show_id, SegmentKind.CLOSING, "c", 60)
    b = segments.add_segment(db, show_id, SegmentKind.QA, "b", 60, position=1)

    def titles() -> list[str]:
        return [s.title for s in shows.load_plan(db, show_id).segments]

    assert titles() == ["a", "b", "c"]
    segments.move_segment(db, a.id, 2)
    assert titles() == ["b", "c", "a"]
    segments.move_segment(db, a.id, -5)  # clamped to the top
    assert titles() == ["a", "b", "c"]
    segments.remove_segments(db, [b.id])
    assert titles() == ["a", "c"]
    d = segments.add_segment(db, show_id, SegmentKind.OTHER, "d", 60, position=1)
    assert titles() == ["a", "d", "c"]
    assert d.id not in (a.id, c.id)


def test_an_edit_against_an_old_version_is_refused_and_changes_nothing(db: Database) -> None:
    show_id = shows.create_show(db, "stale", START)
    seg = segments.add_segment(db, show_id, SegmentKind.OPENING, "hello", 60)
    mine = segments.update_segment(db, seg.id, seg.version, title="hello everyone")
    assert mine.version == seg.version + 1
    with pytest.raises(StaleEditError, match="changed by someone else"):
        segments.update_segment(db, seg.id, seg.version, duration_s=999)
    assert shows.load_plan(db, show_id).segments[0].duration_s == 60


def test_show_fields_update_with_their_version(db: Database) -> None:
    show_id = shows.create_show(db, "v", START)
    show = shows.load_plan(db, show_id).show
    updated = shows.update_show(db, show_id, show.version, title="renamed", max_discount_bp=5000)
    assert (updated.title, updated.max_discount_bp, updated.version) == (
        "renamed",
        5000,
        show.version + 1,
    )
    with pytest.raises(StaleEditError):
        shows.update_show(db, show_id, show.version, title="lost")


def test_roles_are_set_and_cleared(db: Database) -> None:
    show_id = shows.save_plan(db, demo_plan())
    plan = shows.load_plan(db, show_id)
    first = plan.segments[0]
    other = next(p for p in plan.people if p.id != first.roles[Role.HOST])
    changed = segments.set_role(db, first.id, first.version, Role.HOST, other.id)
    assert changed.roles[Role.HOST] == other.id
    cleared = segments.set_role(db, first.id, changed.version, Role.CO_HOST, None)
    with pytest.raises(StaleEditError):
        segments.set_role(db, first.id, first.version, Role.OPS, other.id)
    assert Role.CO_HOST not in cleared.roles
    assert cleared.version > first.version


def test_deleting_a_show_removes_everything_in_it(db: Database) -> None:
    keep = shows.save_plan(db, demo_plan())
    gone = shows.save_plan(db, demo_plan())
    run_id = runs.start_run(db, gone, RunKind.REHEARSAL, datetime.now(UTC), 1.0)
    samples.replace_metrics(db, gone, _samples([(START, "gmv", 100)]), ImportSource("x.csv"))
    shows.purge_show(db, gone)
    with pytest.raises(NotFoundError):
        shows.load_plan(db, gone)
    assert runs.list_runs(db, gone) == []
    assert samples.load_metrics(db, gone).empty
    assert len(shows.load_plan(db, keep).segments) == 28
    with pytest.raises(NotFoundError):
        runs.log_event(db, run_id, RunEventKind.NOTE, datetime.now(UTC), 2.0)


def test_a_run_logs_every_event_in_order(db: Database) -> None:
    show_id = shows.save_plan(db, demo_plan())
    first_segment = shows.load_plan(db, show_id).segments[0]
    t0 = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)
    run_id = runs.start_run(db, show_id, RunKind.LIVE, t0, 100.0)
    runs.log_event(
        db,
        run_id,
        RunEventKind.SEGMENT_STARTED,
        t0,
        100.0,
        segment_id=first_segment.id,
        segment_position=0,
    )
    runs.log_event(
        db, run_id, RunEventKind.TIME_ADDED, t0 + timedelta(seconds=5), 105.0, seconds=-30
    )
    runs.log_event(
        db, run_id, RunEventKind.NOTE, t0 + timedelta(seconds=6), 106.5, text="音画不同步"
    )
    runs.end_run(db, run_id, t0 + timedelta(seconds=9), 109.0)
    (run,) = runs.list_runs(db, show_id)
    assert (run.kind, run.started_at, run.ended_at) == (RunKind.LIVE, t0, t0 + timedelta(seconds=9))
    assert [(e.seq, e.kind) for e in run.events] == [
        (0, RunEventKind.STARTED),
        (1, RunEventKind.SEGMENT_STARTED),
        (2, RunEventKind.TIME_ADDED),
        (3, RunEventKind.NOTE),
        (4, RunEventKind.ENDED),
    ]
    assert run.events[1].segment_id == first_segment.id
    assert run.events[2].seconds == -30
    assert run.events[3].text == "音画不同步" and run.events[3].monotonic_s == 106.5


def test_an_ended_run_takes_no_more_events(db: Database) -> None:
    show_id = shows.create_show(db, "r", START)
    t0 = datetime.now(UTC)
    run_id = runs.start_run(db, show_id, RunKind.REHEARSAL, t0, 0.0)
    runs.end_run(db, run_id, t0, 1.0)
    with pytest.raises(StorageError, match="has ended"):
        runs.log_event(db, run_id, RunEventKind.NOTE, t0, 2.0)


def test_metrics_are_replaced_whole_and_a_bad_batch_changes_nothing(db: Database) -> None:
    show_id = shows.create_show(db, "m", START)
    minutes = [START + timedelta(minutes=i) for i in range(3)]
    first = [(m, "gmv", 1000 * i) for i, m in enumerate(minutes)] + [
        (minutes[0], "online_viewers", 50)
    ]
    assert samples.replace_metrics(db, show_id, _samples(first), ImportSource("a.csv")) == 4
    with pytest.raises(ValueError, match="unknown metric 'gvm'"):
        samples.replace_metrics(
            db, show_id, _samples([(minutes[0], "gvm", 1)]), ImportSource("b.csv")
        )
    stored = samples.load_metrics(db, show_id)
    assert list(stored[["metric", "minute", "value"]].itertuples(index=False, name=None)) == [
        ("gmv", minutes[0], 0),
        ("gmv", minutes[1], 1000),
        ("gmv", minutes[2], 2000),
        ("online_viewers", minutes[0], 50),
    ]
    samples.replace_metrics(db, show_id, _samples(first[:1]), ImportSource("c.csv"))
    assert len(samples.load_metrics(db, show_id)) == 1
    assert samples.import_source(db, show_id) == ImportSource("c.csv")


def test_stored_metrics_say_how_many_minutes_from_which_file_and_when(db: Database) -> None:
    show_id = shows.create_show(db, "m", START)
    assert samples.stored_metrics(db, show_id) is None
    assert not samples.has_metrics(db, show_id)
    before = datetime.now(UTC).replace(microsecond=0)
    rows = [
        (START + timedelta(minutes=i), metric, i) for i in range(3) for metric in ("gmv", "likes")
    ]
    samples.replace_metrics(db, show_id, _samples(rows), ImportSource("a.csv", "", "UTF-8", 3))
    stored = samples.stored_metrics(db, show_id)
    assert stored is not None and samples.has_metrics(db, show_id)
    assert stored.minutes == 3  # minutes, not values: two metrics a minute
    assert stored.source == ImportSource("a.csv", "", "UTF-8", 3)
    assert stored.imported_at is not None
    assert before <= stored.imported_at <= datetime.now(UTC)


def test_metrics_are_written_in_bulk_batches(db: Database) -> None:
    show_id = shows.create_show(db, "bulk", START)
    many = _samples([(START + timedelta(minutes=i), "likes", i) for i in range(42_001)])
    assert samples.replace_metrics(db, show_id, many, ImportSource("big.csv")) == 42_001
    assert len(samples.load_metrics(db, show_id)) == 42_001


def test_a_cancelled_import_keeps_the_metrics_the_show_had(db: Database) -> None:
    show_id = shows.create_show(db, "cancel", START)
    samples.replace_metrics(db, show_id, _samples([(START, "gmv", 5)]), ImportSource("old.csv"))
    many = _samples([(START + timedelta(minutes=i), "likes", i) for i in range(42_001)])

    def cancel(fraction: float) -> None:
        if fraction > 0.4:
            raise KeyboardInterrupt  # anything raised from progress aborts the transaction

    with pytest.raises(KeyboardInterrupt):
        samples.replace_metrics(db, show_id, many, ImportSource("new.csv"), progress=cancel)
    stored = samples.load_metrics(db, show_id)
    assert stored[["metric", "value"]].values.tolist() == [["gmv", 5]]
    assert samples.import_source(db, show_id) == ImportSource("old.csv")
