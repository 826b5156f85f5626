"""Comparing stored shows, and review notes, on SQLite and on PostgreSQL."""

from datetime import datetime, timedelta

import pytest

from liveplanner.app.demo import create_demo
from liveplanner.core.comparison import COMPARED_METRICS, TimeSlot, compare, time_slot
from liveplanner.core.enums import NoteCategory, Platform
from liveplanner.core.plan import time_zone
from liveplanner.core.review import review
from liveplanner.core.review_spans import Source
from liveplanner.storage import notes, shows
from liveplanner.storage.comparison import load_comparison
from liveplanner.storage.database import Database
from liveplanner.storage.errors import InvalidValueError, StaleEditError
from liveplanner.storage.runs import list_runs
from liveplanner.storage.samples import load_metrics

ZONE = time_zone("Asia/Shanghai")


def test_the_comparison_credits_sales_as_the_single_review_does(db: Database) -> None:
    demo = create_demo(db)
    blank = shows.create_show(db, "No data yet", datetime(2026, 12, 1, 10, tzinfo=ZONE))
    inputs = load_comparison(db, COMPARED_METRICS)
    result = compare(inputs.plans, inputs.live_runs, inputs.samples)

    plan = shows.load_plan(db, demo)
    single = review(plan, list_runs(db, demo), load_metrics(db, demo))
    kpis = {k.show_id: k for k in result.shows}
    assert kpis[demo].gmv_fen == single.totals.gmv_fen
    assert kpis[demo].peak_viewers == single.totals.peak_viewers
    assert kpis[demo].source is Source.ACTUAL
    assert kpis[blank].has_metrics is False and kpis[blank].source is Source.PLANNED
    assert kpis[blank].gmv_per_min_fen is None
    by_kind = {g.key: g.gmv_fen for g in single.by_kind}
    assert {e.key: e.gmv_fen for e in result.kinds} == by_kind
    assert [s.show_id for s in result.shows] == [demo, blank]  # oldest first
    assert [e.key for e in result.slots] == [TimeSlot.PRIME]  # the empty show earns nothing


def test_the_comparison_chooses_shows_by_platform_and_dates(db: Database) -> None:
    demo = create_demo(db)
    start = shows.load_plan(db, demo).show.planned_start
    other = shows.create_show(db, "Taobao", start + timedelta(days=3), Platform.TAOBAO)
    only_taobao = load_comparison(db, COMPARED_METRICS, platform=Platform.TAOBAO)
    assert [p.show.id for p in only_taobao.plans] == [other]
    assert only_taobao.samples.empty
    before = load_comparison(db, COMPARED_METRICS, starts_before=start + timedelta(days=1))
    assert [p.show.id for p in before.plans] == [demo]
    assert set(before.samples["metric"]) <= set(COMPARED_METRICS)
    assert len(before.live_runs) == 1  # the rehearsal is not a live run


def test_time_slots_follow_the_hour_in_the_show_zone() -> None:
    def slot(hour: int) -> TimeSlot:
        return time_slot(datetime(2026, 1, 1, hour, tzinfo=ZONE))

    assert [slot(h) for h in (2, 9, 15, 19, 23)] == [
        TimeSlot.NIGHT,
        TimeSlot.MORNING,
        TimeSlot.AFTERNOON,
        TimeSlot.PRIME,
        TimeSlot.LATE,
    ]


def test_review_notes_are_stored_changed_and_removed(db: Database) -> None:
    demo = create_demo(db)
    segment = shows.load_plan(db, demo).segments[3].id
    minute = datetime(2026, 11, 11, 19, 35, tzinfo=ZONE)  # before the demo's own notes
    demo_notes = notes.list_notes(db, demo)
    assert len(demo_notes) == 4  # what the demo's lead wrote
    action = notes.add_note(
        db, demo, NoteCategory.ACTION, " Restock earlier ", "小王", segment, minute
    )
    whole = notes.add_note(db, demo, NoteCategory.WORKED, "Flash sales pulled orders")
    listed = notes.list_notes(db, demo)
    assert listed[0].id == action.id and listed[-1].id == whole.id  # by minute, undated last
    assert listed[0].text == "Restock earlier" and listed[0].minute == minute

    changed = notes.update_note(db, action.id, action.version, owner="小李")
    assert changed.owner == "小李" and changed.version == action.version + 1
    with pytest.raises(StaleEditError):
        notes.update_note(db, action.id, action.version, text="stale")
    assert notes.delete_note(db, whole.id) == whole
    assert len(notes.list_notes(db, demo)) == len(demo_notes) + 1


def test_a_bad_note_is_refused_and_nothing_is_stored(db: Database) -> None:
    demo = create_demo(db)
    other = shows.create_show(db, "Other", datetime(2026, 12, 1, 10, tzinfo=ZONE))
    segment = shows.load_plan(db, demo).segments[0].id
    with pytest.raises(InvalidValueError, match="needs some text"):
        notes.add_note(db, demo, NoteCategory.PROBLEM, "   ")
    with pytest.raises(InvalidValueError, match="not in show"):
        notes.add_note(db, other, NoteCategory.PROBLEM, "x", segment_id=segment)
    with pytest.raises(InvalidValueError, match="time zone"):
        notes.add_note(db, demo, NoteCategory.PROBLEM, "x", minute=datetime(2026, 11, 11, 20))
    assert len(notes.list_notes(db, demo)) == 4 and notes.list_notes(db, other) == []
