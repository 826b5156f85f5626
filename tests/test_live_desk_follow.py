"""A show's live desk (app.live_desk) follows the run another process times through the
database, takes ticks and counters from the screens, refuses what a screen may not send, and
leaves the run's timeline as the timer wrote it. On SQLite and PostgreSQL, on injected clocks."""

import pytest
from desk_helpers import Clocks, HostsTimer
from desk_helpers import desk as _desk

from liveplanner.app.demo import create_demo
from liveplanner.app.live_desk import DeskRefusal, LiveDesk
from liveplanner.core.clock import Phase
from liveplanner.core.enums import DeskEventKind, Role
from liveplanner.core.live_desk import ItemKind
from liveplanner.core.review_spans import actual_spans
from liveplanner.storage import runs, shows
from liveplanner.storage.database import Database


def _floor_item(desk: LiveDesk, kind: ItemKind) -> str:
    return next(s.item.key for s in desk.view(Role.FLOOR_CONTROL).items if s.item.kind is kind)


def test_the_desk_follows_the_hosts_timer_and_a_tick_reaches_every_screen(db: Database) -> None:
    show_id = create_demo(db)
    clocks = Clocks()
    floor, host_screen = _desk(db, show_id, clocks), _desk(db, show_id, clocks)
    assert floor.view().reading.phase is Phase.IDLE  # no run yet: the plan, counting nothing
    with pytest.raises(DeskRefusal) as refused:
        floor.tick("list:1", "王磊", Role.FLOOR_CONTROL, None)
    assert refused.value.code == "desk.no_run"

    host = HostsTimer(db, show_id, clocks)
    host.press("start")
    clocks.at = 90.0
    assert floor.poll() and not floor.poll()  # a second poll finds nothing new
    reading = floor.view(Role.FLOOR_CONTROL).reading
    assert (reading.phase, reading.index, reading.elapsed_s) == (Phase.RUNNING, 0, 90.0)
    clocks.at = 100.0  # between polls the desk's own clock runs on
    assert floor.view().reading.elapsed_s == 100.0

    for _ in range(5):  # on to the first flash sale (the sixth segment)
        host.press("next")
    floor.poll()
    view = floor.view(Role.FLOOR_CONTROL)
    assert view.reading.index == 5 and view.reading.elapsed_s == 0
    sale = _floor_item(floor, ItemKind.PRICE)
    floor.tick(sale, "王磊", Role.FLOOR_CONTROL, None)

    host_screen.poll()
    seen = host_screen.view(Role.HOST)
    assert seen.recent[0].key == sale and seen.recent[0].actor == "王磊"
    assert next(s for s in seen.items if s.item.key == sale).tick is not None
    assert seen.promos[0].released == 1000


def test_a_screen_ticks_only_its_own_items_and_only_the_back_end_sets_counters(
    db: Database,
) -> None:
    show_id = create_demo(db)
    clocks = Clocks()
    host = HostsTimer(db, show_id, clocks)
    host.press("start")
    desk = _desk(db, show_id, clocks)
    listing = next(i.key for i in desk.items if i.kind is ItemKind.LIST)
    for role in (Role.HOST, None):
        with pytest.raises(DeskRefusal) as refused:
            desk.tick(listing, "someone", role, None)
        assert refused.value.code == "desk.not_yours"
    with pytest.raises(DeskRefusal) as refused:
        desk.tick("release:99999", "王磊", Role.FLOOR_CONTROL, None)
    assert refused.value.code == "desk.not_yours"
    with pytest.raises(DeskRefusal) as refused:
        desk.count(DeskEventKind.SOLD, "product:1", 5, "赵敏", Role.CUSTOMER_SERVICE)
    assert refused.value.code == "desk.not_counting"
    for item, quantity, code in [
        ("product:999", 5, "desk.no_item"),
        ("promo:abc", 5, "desk.no_item"),
        ("product:1", -1, "desk.bad_units"),
        ("product:1", None, "desk.bad_units"),
        ("product:1", 10**9, "desk.bad_units"),
    ]:
        with pytest.raises(DeskRefusal) as refused:
            desk.count(DeskEventKind.SOLD, item, quantity, "王磊", Role.FLOOR_CONTROL)
        assert refused.value.code == code, item
    desk.count(DeskEventKind.SOLD, "product:1", 120, "王磊", Role.FLOOR_CONTROL)
    desk.count(DeskEventKind.SOLD_OUT, "product:1", None, "刘洋", Role.OPS)
    assert desk.view().recent == ()  # counters are not ticks
    assert desk._state.sold == {1: 120} and "product:1" in desk._state.sold_out


def test_ticks_leave_the_runs_timeline_as_the_timer_wrote_it_and_an_ended_run_takes_none(
    db: Database,
) -> None:
    show_id = create_demo(db)
    clocks = Clocks()
    host = HostsTimer(db, show_id, clocks)
    host.press("start")
    desk = _desk(db, show_id, clocks)
    plan = shows.load_plan(db, show_id)
    for _ in range(3):
        clocks.at += 200
        desk.poll()
        desk.tick("list:1", "王磊", Role.FLOOR_CONTROL, None)
        desk.count(DeskEventKind.RELEASED, "promo:1", 10, "王磊", Role.FLOOR_CONTROL)
        host.press("next")
    clocks.at += 50
    host.press("end")
    run = runs.list_runs(db, show_id)[-1]
    spans = actual_spans(plan, run.events)
    assert [(s.end - s.start).total_seconds() for s in spans] == [200, 200, 200, 50]
    assert desk.poll()
    assert desk.view().reading.phase is Phase.FINISHED
    with pytest.raises(DeskRefusal) as refused:
        desk.tick("list:2", "王磊", Role.FLOOR_CONTROL, None)
    assert refused.value.code == "desk.no_run"


def test_a_new_run_is_followed_from_its_start(db: Database) -> None:
    show_id = create_demo(db)
    clocks = Clocks()
    first = HostsTimer(db, show_id, clocks)
    first.press("start")
    desk = _desk(db, show_id, clocks)
    desk.tick("list:1", "王磊", Role.FLOOR_CONTROL, None)
    first.press("end")
    clocks.at = 600
    second = HostsTimer(db, show_id, clocks)
    second.press("start")
    assert desk.poll()
    view = desk.view(Role.FLOOR_CONTROL)
    assert view.reading.phase is Phase.RUNNING and view.reading.elapsed_s == 0
    assert view.recent == ()  # the first run's ticks stay with it


def test_the_run_begun_last_is_followed_whatever_its_computers_clock_says(db: Database) -> None:
    show_id = create_demo(db)  # its live run began on 11 November, at the time T0 is
    clocks = Clocks()
    clocks.at = -3 * 24 * 3600  # a timing computer whose clock is three days behind
    host = HostsTimer(db, show_id, clocks)
    host.press("start")
    desk = _desk(db, show_id, clocks)
    assert desk.followed is not None and desk.followed.run_id == host.log.run_id
    assert desk.view().reading.phase is Phase.RUNNING
