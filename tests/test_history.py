"""A show's history and the lock on its script, on SQLite and PostgreSQL: every change says who
made it and what it changed; past draft the script refuses changes until unlocked on purpose."""

import threading
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from liveplanner.app.demo import demo_plan
from liveplanner.app.workspace import open_database
from liveplanner.core.enums import Role, RunEventKind, RunKind, SegmentKind, ShowStatus
from liveplanner.core.plan import Product
from liveplanner.storage import history, parts, runs, samples, segments, shows
from liveplanner.storage.backup import backup_reason, list_backups
from liveplanner.storage.database import Database
from liveplanner.storage.errors import ReadOnlyError, ScriptLockedError
from liveplanner.storage.models import ShowRow

START = datetime(2026, 11, 11, 19, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def new_show(db: Database) -> tuple[int, int]:
    show_id = shows.create_show(db, "秋冬上新", START)
    segment = segments.add_segment(db, show_id, SegmentKind.OPENING, "开场", 300)
    return show_id, segment.id


def test_a_field_edit_is_one_line_naming_who_and_what_changed(db: Database) -> None:
    show_id, segment_id = new_show(db)
    db.user = "王小明"
    segments.update_segment(db, segment_id, 1, duration_s=360, title="开场福利")
    last = history.list_changes(db, show_id)[-1]
    assert (last.who, last.entity, last.entity_id, last.action, last.label) == (
        "王小明",
        "segment",
        segment_id,
        "changed",
        "开场福利",
    )
    assert last.fields == {"duration_s": [300, 360], "title": ["开场", "开场福利"]}
    assert last.origin == db.origin


def test_a_whole_plan_saved_at_once_is_one_line_not_hundreds(db: Database) -> None:
    show_id = shows.save_plan(db, demo_plan())
    (only,) = history.list_changes(db, show_id)
    assert (only.entity, only.action) == ("show", "added")


def test_adding_reordering_and_removing_segments_and_roles_are_each_recorded(
    db: Database,
) -> None:
    show_id, first = new_show(db)
    second = segments.add_segment(db, show_id, SegmentKind.QA, "答疑", 120).id
    segments.reorder_segments(db, show_id, [second, first])
    person = parts.person_named(db, "李娜")
    segments.set_role(db, second, 1, Role.HOST, person.id)
    segments.remove_segments(db, [first])
    lines = [(c.entity, c.action, c.label) for c in history.list_changes(db, show_id)[1:]]
    assert lines == [
        ("segment", "added", "开场"),
        ("segment", "added", "答疑"),
        ("segment", "reordered", ""),
        ("segment", "changed", "答疑"),
        ("segment", "removed", "开场"),
    ]
    role_line = history.list_changes(db, show_id)[4]
    assert role_line.fields == {"role:host": [None, person.id]}
    # Moving nothing is no change.
    before = history.last_change_id(db, show_id)
    segments.reorder_segments(db, show_id, [second])
    assert history.last_change_id(db, show_id) == before


def test_approving_locks_the_script_and_a_refused_edit_changes_nothing(db: Database) -> None:
    show_id, segment_id = new_show(db)
    shows.set_status(db, show_id, ShowStatus.APPROVED)
    lines = history.last_change_id(db, show_id)
    with pytest.raises(ScriptLockedError, match="locked"):
        segments.update_segment(db, segment_id, 1, duration_s=10)
    with pytest.raises(ScriptLockedError):
        segments.add_segment(db, show_id, SegmentKind.QA, "加一段", 60)
    with pytest.raises(ScriptLockedError):
        parts.add_part(db, show_id, Product(0, show_id, name="保温杯"))
    with pytest.raises(ScriptLockedError):
        shows.update_show(db, show_id, shows.load_plan(db, show_id).show.version, title="改名")
    plan = shows.load_plan(db, show_id)
    assert [(s.title, s.duration_s) for s in plan.segments] == [("开场", 300)]
    assert plan.products == () and plan.show.title == "秋冬上新" and plan.show.locked
    assert history.last_change_id(db, show_id) == lines


def test_an_unlock_is_explicit_logged_and_ends_at_the_next_status(db: Database) -> None:
    show_id, segment_id = new_show(db)
    shows.set_status(db, show_id, ShowStatus.APPROVED)
    db.user = "producer"
    assert not shows.unlock_script(db, show_id).locked
    segments.update_segment(db, segment_id, 1, duration_s=240)
    unlock = history.list_changes(db, show_id)[-2]
    assert (unlock.who, unlock.entity, unlock.fields) == ("producer", "show", {"unlocked": [0, 1]})
    assert shows.set_status(db, show_id, ShowStatus.APPROVED).locked is False  # unchanged status
    assert shows.set_status(db, show_id, ShowStatus.DRAFT).locked is False
    assert shows.set_status(db, show_id, ShowStatus.APPROVED).locked is True
    assert shows.lock_script(db, show_id).locked is True


def test_going_live_locks_the_script_and_ending_the_live_run_marks_the_show_done(
    db: Database,
) -> None:
    show_id, segment_id = new_show(db)
    wall = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)
    rehearsal = runs.start_run(db, show_id, RunKind.REHEARSAL, wall, 0.0)
    runs.end_run(db, rehearsal, wall, 1.0)
    assert shows.load_plan(db, show_id).show.status is ShowStatus.DRAFT
    live = runs.start_run(db, show_id, RunKind.LIVE, wall, 2.0)
    assert shows.load_plan(db, show_id).show.status is ShowStatus.LIVE
    with pytest.raises(ScriptLockedError):
        segments.update_segment(db, segment_id, 1, title="临时改")
    runs.log_event(db, live, RunEventKind.TIME_ADDED, wall, 3.0, seconds=60)  # the run goes on
    runs.end_run(db, live, wall, 4.0)
    assert shows.load_plan(db, show_id).show.status is ShowStatus.DONE


def test_deleting_a_show_for_good_and_replacing_metrics_back_up_first(
    sqlite_url: str, tmp_path: Path
) -> None:
    db = open_database(sqlite_url, backup_dir=tmp_path / "backups")
    try:
        show_id, _ = new_show(db)
        minutes = pd.DataFrame(
            {
                "metric": ["online_viewers"],
                "minute": [pd.Timestamp("2026-11-11 11:30", tz="UTC")],
                "value": [100],
            }
        )
        samples.replace_metrics(db, show_id, minutes, samples.ImportSource("a.csv"))
        assert list_backups(tmp_path / "backups", "shows") == {}  # nothing to lose yet
        samples.replace_metrics(db, show_id, minutes, samples.ImportSource("b.csv"))
        shows.purge_show(db, show_id)
        reasons = sorted(
            backup_reason(p, "shows") for p in list_backups(tmp_path / "backups", "shows")
        )
        assert reasons == ["before-delete", "before-replacing-metrics"]
    finally:
        db.close()


def test_a_second_app_on_the_same_file_reads_but_cannot_write(
    sqlite_url: str, tmp_path: Path
) -> None:
    writer = open_database(sqlite_url, backup_dir=tmp_path / "backups")
    show_id, segment_id = new_show(writer)
    reader = open_database(sqlite_url, read_only=True)
    try:
        assert reader.read_only
        assert shows.load_plan(reader, show_id).segments[0].title == "开场"
        with pytest.raises(ReadOnlyError, match="read-only"):
            segments.update_segment(reader, segment_id, 1, title="x")
        # The reader holds no lock: the writer goes on writing.
        segments.update_segment(writer, segment_id, 1, title="开场 2")
        assert shows.load_plan(reader, show_id).segments[0].title == "开场 2"
    finally:
        reader.close()
        writer.close()


def test_clearing_a_role_is_recorded_and_refused_on_a_locked_script(db: Database) -> None:
    show_id, segment_id = new_show(db)
    host = parts.person_named(db, "李娜")
    segment = segments.set_role(db, segment_id, 1, Role.HOST, host.id)
    segment = segments.set_role(db, segment_id, segment.version, Role.HOST, None)
    assert history.list_changes(db, show_id)[-1].fields == {"role:host": [host.id, None]}
    segment = segments.set_role(db, segment_id, segment.version, Role.HOST, host.id)
    shows.set_status(db, show_id, ShowStatus.APPROVED)
    with pytest.raises(ScriptLockedError):
        segments.set_role(db, segment_id, segment.version, Role.HOST, None)
    assert shows.load_plan(db, show_id).segments[0].roles == {Role.HOST: host.id}


def test_an_edit_racing_an_approval_waits_for_it_and_is_refused(
    postgres_url: str, tmp_path: Path
) -> None:
    """PostgreSQL: the approval holds the show row; the edit's lock check waits for it."""
    approver = open_database(postgres_url)
    editor = open_database(postgres_url)
    try:
        show_id, segment_id = new_show(approver)
        with approver.session() as session:
            session.get(ShowRow, show_id).status = ShowStatus.APPROVED
            session.flush()  # approved, not yet committed, the row held
            outcome: list[object] = []
            thread = threading.Thread(
                target=lambda: outcome.append(
                    _try(lambda: segments.update_segment(editor, segment_id, 1, title="x"))
                )
            )
            thread.start()
            thread.join(timeout=1)
            assert thread.is_alive()  # waiting for the approval to commit, not past it
        thread.join(timeout=30)
        assert isinstance(outcome[0], ScriptLockedError)
        assert shows.load_plan(approver, show_id).segments[0].title == "开场"
    finally:
        editor.close()
        approver.close()


def _try(action: object) -> object:
    try:
        return action()  # type: ignore[operator]
    except Exception as exc:  # the outcome is what is checked
        return exc
