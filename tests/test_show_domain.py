"""The domain of a show's times and sizes (core.plan): what no show can be is refused wherever it
is typed or stored, and whatever a show can be is planned without overflow."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from demo_helpers import editable_demo
from hypothesis import given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from liveplanner.app.workspace import open_database
from liveplanner.cli.main import main
from liveplanner.core.enums import SegmentKind
from liveplanner.core.inputs import (
    check_segment_count,
    check_segment_length,
    check_show_time,
    parse_offset,
    parse_segment_duration,
)
from liveplanner.core.plan import (
    FIRST_SHOW_TIME,
    LAST_SHOW_TIME,
    MAX_SEGMENT_S,
    MAX_SEGMENTS,
    MAX_SHOW_S,
    Segment,
    Show,
    ShowPlan,
)
from liveplanner.core.schedule import schedule
from liveplanner.storage import segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import InvalidValueError
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.editor.segment_model import SegmentTableModel
from liveplanner.ui.editor.show_form import ShowForm

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2000, 1, 1),
        datetime(2099, 12, 31, 23, 59),
        datetime(2099, 12, 31, 23, 59, tzinfo=NEW_YORK),  # 2100 in UTC: the wall time counts
    ],
)
def test_a_time_in_a_shows_years_is_taken(moment: datetime) -> None:
    assert check_show_time(moment) is moment


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (datetime(1999, 12, 31, 23, 59), "1999-12-31 23:59"),
        (datetime(2100, 1, 1), "2100-01-01 00:00"),
        (datetime(1, 1, 1, tzinfo=SHANGHAI), "0001-01-01 00:00"),  # no overflow in the check
        (datetime(9999, 12, 31, 23, 59, tzinfo=NEW_YORK), "9999-12-31 23:59"),
    ],
)
def test_a_time_no_show_can_have_is_refused_saying_the_years(moment: datetime, shown: str) -> None:
    with pytest.raises(ValueError) as refused:
        check_show_time(moment)
    assert str(refused.value) == (
        f"{shown} is not a time a show can have; expected a time in the years 2000 to 2099"
    )


def test_lengths_counts_and_offsets_past_a_show_are_refused() -> None:
    assert check_segment_length(MAX_SEGMENT_S) == MAX_SEGMENT_S
    assert check_segment_count(MAX_SEGMENTS) == MAX_SEGMENTS
    with pytest.raises(ValueError, match="a segment lasts 0 to 86400 s"):
        check_segment_length(2**31)
    with pytest.raises(ValueError, match="at most 1000 segments; this one would have 1500"):
        check_segment_count(1_500)
    with pytest.raises(ValueError, match="longer than a day"):
        parse_segment_duration("99999:00")
    assert parse_offset("86400") == MAX_SEGMENT_S
    for typed in ("86401", "24:00:01", "99999:00"):
        with pytest.raises(ValueError, match="more than a day into the segment"):
            parse_offset(typed)


@settings(max_examples=25, deadline=None)
@given(
    start=st.datetimes(min_value=FIRST_SHOW_TIME, max_value=LAST_SHOW_TIME - timedelta(minutes=1)),
    durations=st.lists(st.integers(0, MAX_SEGMENT_S), max_size=MAX_SEGMENTS),
    longest=st.booleans(),
)
def test_any_show_of_the_domain_is_scheduled_without_overflow(
    start: datetime, durations: list[int], longest: bool
) -> None:
    if longest:  # the very longest show, from the very last start
        start, durations = LAST_SHOW_TIME - timedelta(minutes=1), [MAX_SEGMENT_S] * MAX_SEGMENTS
    plan = ShowPlan(
        show=Show(1, "x", start.replace(tzinfo=SHANGHAI)),
        segments=tuple(
            Segment(i, SegmentKind.OTHER, "", d) for i, d in enumerate(durations, start=1)
        ),
    )
    planned = schedule(plan)
    assert planned.total_s == sum(durations) <= MAX_SHOW_S < 2**31
    assert planned.end - planned.start == timedelta(seconds=planned.total_s)
    assert planned.end.year < 2103


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


def test_storage_refuses_what_no_show_can_be_and_keeps_what_it_had(db: Database) -> None:
    show_id = editable_demo(db)
    before = shows.load_plan(db, show_id)
    first = before.segments[0]
    with pytest.raises(InvalidValueError, match="a segment lasts 0 to 86400 s"):
        segments.update_segment(db, first.id, first.version, duration_s=2**31 - 1)
    with pytest.raises(InvalidValueError, match="years 2000 to 2099"):
        shows.update_show(
            db, show_id, before.show.version, planned_start=datetime(9999, 12, 31, tzinfo=SHANGHAI)
        )
    many = [Segment(0, SegmentKind.OTHER, "", 60)] * (MAX_SEGMENTS - len(before.segments) + 1)
    with pytest.raises(InvalidValueError, match="at most 1000 segments"):
        segments.insert_segments(db, show_id, None, many)
    with pytest.raises(InvalidValueError, match="at most 1000 segments"):
        shows.save_plan(db, ShowPlan(before.show, tuple(many) + before.segments))
    assert shows.load_plan(db, show_id) == before


@pytest.fixture
def doc(qtbot: QtBot, db: Database) -> ShowDocument:
    return ShowDocument(db, editable_demo(db))


def test_the_editor_refuses_a_length_of_99999_minutes_with_its_reason(
    qtbot: QtBot, doc: ShowDocument
) -> None:
    model = SegmentTableModel(doc)
    before = doc.plan.segments[0].duration_s
    with qtbot.waitSignal(doc.edit_refused) as refused:
        assert not model.setData(model.index(0, SegmentTableModel.DURATION), "99999:00")
    assert "longer than a day" in refused.args[0]
    assert doc.undo_stack.count() == 0
    assert shows.load_plan(doc.db, doc.show_id).segments[0].duration_s == before


def test_the_show_form_refuses_a_start_in_year_9999(qtbot: QtBot, doc: ShowDocument) -> None:
    form = ShowForm(doc)
    qtbot.addWidget(form)
    with qtbot.waitSignal(doc.edit_refused) as refused:
        form.start.setText("9999-12-31 20:00")
        form.start.editingFinished.emit()
    assert "expected a time in the years 2000 to 2099" in refused.args[0]
    assert doc.plan.show.planned_start.year == 2026
    assert shows.load_plan(doc.db, doc.show_id).show.planned_start.year == 2026


def test_the_new_show_dialog_offers_only_a_shows_years(qtbot: QtBot) -> None:
    from PySide6.QtCore import QDateTime

    from liveplanner.ui.new_show_dialog import NewShowDialog

    dialog = NewShowDialog()
    qtbot.addWidget(dialog)
    dialog.start.setDateTime(QDateTime(datetime(9999, 12, 31, 20, 0)))
    assert dialog.chosen_start() == datetime(2099, 12, 31, 23, 59)
    dialog.start.setDateTime(QDateTime(datetime(1752, 9, 14)))
    assert dialog.chosen_start() == datetime(2000, 1, 1)


@pytest.mark.parametrize("start", ["9999-12-31 20:00", "0001-01-01 00:00"])
def test_new_show_refuses_a_start_no_show_can_have_in_one_line(
    sqlite_url: str, capsys: pytest.CaptureFixture[str], start: str
) -> None:
    argv = ["--database", sqlite_url, "new-show", "--title", "x", "--start", start]
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        f"liveplanner: --start: {start} is not a time a show can have; expected a time in the "
        "years 2000 to 2099\n"
    )
    db = open_database(sqlite_url, backup_dir=None)
    try:
        assert shows.list_shows(db) == []
    finally:
        db.close()
