"""Two app instances (two open_database calls on one URL) editing the same show.

Optimistic versioning: the second write against a version someone else has since moved on is
refused with StaleEditError and writes nothing; edits of different rows never conflict. Also a
true race, two threads writing the same row at the same moment: exactly one wins.
"""

import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from liveplanner.app.workspace import open_database
from liveplanner.core.enums import PromoKind, SegmentKind
from liveplanner.core.plan import Product, Promo
from liveplanner.storage import parts, segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import StaleEditError, StorageError

START = datetime(2026, 11, 11, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
RACES = 12


@pytest.fixture
def two(db_url: str, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """Two sessions on one database, as two people's liveplanner would be."""
    first = open_database(db_url, backup_dir=tmp_path / "backups")
    second = open_database(db_url, backup_dir=tmp_path / "backups")
    try:
        yield first, second
    finally:
        first.close()
        second.close()


@pytest.fixture
def show_id(two: tuple[Database, Database]) -> int:
    db = two[0]
    show_id = shows.create_show(db, "11.11 beauty", START)
    segments.add_segment(db, show_id, SegmentKind.OPENING, "hello", 120)
    segments.add_segment(db, show_id, SegmentKind.PRODUCT_INTRO, "lipstick", 300)
    parts.add_part(db, show_id, Product(0, "LS-01", "lipstick", stock=100))
    parts.add_part(db, show_id, Product(0, "MS-02", "mascara", stock=50))
    parts.add_part(db, show_id, Promo(0, PromoKind.COUPON, "10 off", quantity=500))
    return show_id


def test_a_stale_segment_edit_is_refused_and_the_first_stands(
    two: tuple[Database, Database], show_id: int
) -> None:
    first, second = two
    mine = shows.load_plan(first, show_id).segments[0]
    theirs = shows.load_plan(second, show_id).segments[0]
    assert mine == theirs

    saved = segments.update_segment(first, mine.id, mine.version, title="welcome")
    assert saved.version == mine.version + 1
    with pytest.raises(StaleEditError) as refused:
        segments.update_segment(second, theirs.id, theirs.version, title="hi all", duration_s=9)
    assert (refused.value.entity, refused.value.entity_id) == ("segment", mine.id)

    for db in two:
        now = shows.load_plan(db, show_id).segments[0]
        assert (now.title, now.duration_s, now.version) == ("welcome", 120, mine.version + 1)
    # Reloaded, the second one's edit goes through.
    again = segments.update_segment(second, theirs.id, saved.version, duration_s=9)
    assert (again.title, again.duration_s) == ("welcome", 9)


def test_edits_of_two_segments_of_one_show_both_succeed(
    two: tuple[Database, Database], show_id: int
) -> None:
    first, second = two
    a, _ = shows.load_plan(first, show_id).segments
    _, b = shows.load_plan(second, show_id).segments
    segments.update_segment(first, a.id, a.version, title="welcome")
    segments.update_segment(second, b.id, b.version, title="lipstick, up close", duration_s=360)
    for db in two:
        plan = shows.load_plan(db, show_id)
        assert [(s.title, s.duration_s) for s in plan.segments] == [
            ("welcome", 120),
            ("lipstick, up close", 360),
        ]


def test_a_stale_show_edit_is_refused_and_the_first_stands(
    two: tuple[Database, Database], show_id: int
) -> None:
    first, second = two
    mine = shows.load_plan(first, show_id).show
    theirs = shows.load_plan(second, show_id).show
    assert mine.version == theirs.version

    shows.update_show(first, show_id, mine.version, title="11.11 beauty night")
    with pytest.raises(StaleEditError) as refused:
        shows.update_show(second, show_id, theirs.version, room="studio B", title="other")
    assert (refused.value.entity, refused.value.entity_id) == ("show", show_id)
    for db in two:
        show = shows.load_plan(db, show_id).show
        assert (show.title, show.room, show.version) == ("11.11 beauty night", "", mine.version + 1)


def test_a_show_edit_and_a_segment_edit_do_not_conflict(
    two: tuple[Database, Database], show_id: int
) -> None:
    first, second = two
    plan = shows.load_plan(first, show_id)
    segment = shows.load_plan(second, show_id).segments[1]
    shows.update_show(first, show_id, plan.show.version, room="studio B")
    segments.update_segment(second, segment.id, segment.version, title="lipstick, up close")
    after = shows.load_plan(first, show_id)
    assert (after.show.room, after.segments[1].title) == ("studio B", "lipstick, up close")


@pytest.mark.parametrize(
    ("kind", "index", "mine", "theirs"),
    [
        (Product, 0, {"stock": 80}, {"stock": 60, "name": "lipstick red"}),
        (Promo, 0, {"quantity": 400}, {"quantity": 300}),
    ],
)
def test_a_stale_part_edit_is_refused_and_the_first_stands(
    two: tuple[Database, Database],
    show_id: int,
    kind: type,
    index: int,
    mine: dict[str, Any],
    theirs: dict[str, Any],
) -> None:
    first, second = two
    of_kind = {Product: "products", Promo: "promos"}[kind]
    part = getattr(shows.load_plan(first, show_id), of_kind)[index]
    same = getattr(shows.load_plan(second, show_id), of_kind)[index]
    parts.update_part(first, kind, part.id, part.version, **mine)
    with pytest.raises(StaleEditError) as refused:
        parts.update_part(second, kind, same.id, same.version, **theirs)
    assert refused.value.entity_id == part.id
    for db in two:
        now = getattr(shows.load_plan(db, show_id), of_kind)[index]
        assert now.version == part.version + 1
        for name, value in mine.items():
            assert getattr(now, name) == value
        for name in set(theirs) - set(mine):
            assert getattr(now, name) == getattr(part, name)


def test_edits_of_two_products_of_one_show_both_succeed(
    two: tuple[Database, Database], show_id: int
) -> None:
    first, second = two
    a, _ = shows.load_plan(first, show_id).products
    _, b = shows.load_plan(second, show_id).products
    parts.update_part(first, Product, a.id, a.version, stock=1)
    parts.update_part(second, Product, b.id, b.version, stock=2)
    for db in two:
        assert [p.stock for p in shows.load_plan(db, show_id).products] == [1, 2]


def _race(two: tuple[Database, Database], write: Callable[[Database, int], object]) -> list[object]:
    """Both write at once (each in its own thread, with its own Database); what each got."""
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def go(k: int) -> None:
        try:
            barrier.wait(timeout=30)
            outcomes[k] = write(two[k], k)
        except Exception as exc:  # the outcome is what is checked
            outcomes[k] = exc

    threads = [threading.Thread(target=go, args=(k,)) for k in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a racing writer hung"
    return outcomes


def _lost(outcome: object) -> bool:
    """Refused as stale, or (SQLite) told the database was busy: nothing written either way."""
    if isinstance(outcome, StaleEditError):
        return True
    return isinstance(outcome, StorageError) and "another liveplanner" in str(outcome)


def test_two_writers_racing_on_one_segment_exactly_one_wins(
    two: tuple[Database, Database], show_id: int
) -> None:
    segment_id = shows.load_plan(two[0], show_id).segments[0].id
    seen: set[str] = set()
    for race in range(RACES):
        version = shows.load_plan(two[0], show_id).segments[0].version
        outcomes = _race(
            two,
            lambda db, k, version=version, race=race: segments.update_segment(
                db, segment_id, version, title=f"race {race} writer {k}", duration_s=race * 10 + k
            ),
        )
        won = [k for k, o in enumerate(outcomes) if not isinstance(o, Exception)]
        lost = [k for k, o in enumerate(outcomes) if _lost(o)]
        assert len(won) == 1 and len(lost) == 1, f"race {race}: {outcomes!r}"
        seen.add(type(outcomes[lost[0]]).__name__ + ":" + getattr(outcomes[lost[0]], "entity", ""))
        (k,) = won
        for db in two:
            now = shows.load_plan(db, show_id).segments[0]
            assert (now.title, now.duration_s, now.version) == (
                f"race {race} writer {k}",
                race * 10 + k,
                version + 1,
            ), f"race {race}"
    # The row is read locked, so the loser waits for the winner and is refused by name.
    assert seen == {"StaleEditError:segment"}


def test_two_writers_racing_on_one_show_exactly_one_wins(
    two: tuple[Database, Database], show_id: int
) -> None:
    for race in range(RACES):
        version = shows.load_plan(two[0], show_id).show.version
        outcomes = _race(
            two,
            lambda db, k, version=version, race=race: shows.update_show(
                db, show_id, version, room=f"race {race} writer {k}"
            ),
        )
        won = [k for k, o in enumerate(outcomes) if not isinstance(o, Exception)]
        lost = [k for k, o in enumerate(outcomes) if _lost(o)]
        assert len(won) == 1 and len(lost) == 1, f"race {race}: {outcomes!r}"
        for db in two:
            show = shows.load_plan(db, show_id).show
            assert (show.room, show.version) == (f"race {race} writer {won[0]}", version + 1)
