"""Edits the editor makes, on SQLite and PostgreSQL: each one undoable by the storage call that
reverses it, with every id, link and position as it was."""

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from liveplanner.app.demo import demo_plan
from liveplanner.core.enums import PromoKind, Role, SegmentKind
from liveplanner.core.plan import Duty, Product, Promo, Release, Segment, TeamMember
from liveplanner.storage import parts, segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import NotFoundError, StaleEditError

START = datetime(2026, 11, 11, 19, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def titles(db: Database, show_id: int) -> list[str]:
    return [s.title for s in shows.load_plan(db, show_id).segments]


def test_removed_segments_come_back_whole_under_their_old_ids(db: Database) -> None:
    show_id = shows.save_plan(db, demo_plan())
    before = shows.load_plan(db, show_id)
    # segment 4 (a coupon drop with a release and duties) and segment 6 (a flash sale)
    chosen = [before.segments[3].id, before.segments[5].id]
    removal = segments.remove_segments(db, chosen)
    during = shows.load_plan(db, show_id)
    assert len(during.segments) == len(before.segments) - 2
    assert not {r.segment_id for r in during.releases} & set(chosen)
    restored = segments.restore_segments(db, removal)
    after = shows.load_plan(db, show_id)
    assert [s.id for s in restored] == chosen
    assert [s.id for s in after.segments] == [s.id for s in before.segments]
    assert [replace(s, version=0) for s in after.segments] == [
        replace(s, version=0) for s in before.segments
    ]
    assert sorted(after.releases, key=lambda r: r.id) == sorted(before.releases, key=lambda r: r.id)
    assert sorted(after.duties, key=lambda d: d.id) == sorted(before.duties, key=lambda d: d.id)


def test_inserted_segments_land_as_a_block_at_the_position(db: Database) -> None:
    show_id = shows.create_show(db, "ins", START)
    segments.add_segment(db, show_id, SegmentKind.OPENING, "a", 60)
    segments.add_segment(db, show_id, SegmentKind.CLOSING, "d", 60)
    new = [Segment(0, SegmentKind.QA, "b", 60), Segment(0, SegmentKind.QA, "c", 90, roles={})]
    inserted = segments.insert_segments(db, show_id, 1, new)
    assert [s.title for s in inserted] == ["b", "c"]
    assert titles(db, show_id) == ["a", "b", "c", "d"]


def test_duplicates_follow_the_last_chosen_segment_with_roles_and_duties_but_no_releases(
    db: Database,
) -> None:
    show_id = shows.save_plan(db, demo_plan())
    plan = shows.load_plan(db, show_id)
    drop = plan.segments[3]  # the first coupon drop: a release and two duties
    (copy,) = segments.duplicate_segments(db, [drop.id])
    after = shows.load_plan(db, show_id)
    assert after.segments[4].id == copy.id and after.segments[4].title == drop.title
    assert copy.roles == drop.roles
    assert len([d for d in after.duties if d.segment_id == copy.id]) == len(
        [d for d in plan.duties if d.segment_id == drop.id]
    )
    assert not [r for r in after.releases if r.segment_id == copy.id]


def test_reorder_takes_exactly_the_shows_segments(db: Database) -> None:
    show_id = shows.create_show(db, "re", START)
    ids = [segments.add_segment(db, show_id, SegmentKind.OTHER, t, 60).id for t in "abc"]
    segments.reorder_segments(db, show_id, [ids[2], ids[0], ids[1]])
    assert titles(db, show_id) == ["c", "a", "b"]
    with pytest.raises(NotFoundError, match="changed meanwhile"):
        segments.reorder_segments(db, show_id, ids[:2])
    assert titles(db, show_id) == ["c", "a", "b"]


def test_moving_a_segment_is_not_an_edit_of_it(db: Database) -> None:
    show_id = shows.create_show(db, "mv", START)
    a = segments.add_segment(db, show_id, SegmentKind.OTHER, "a", 60)
    segments.add_segment(db, show_id, SegmentKind.OTHER, "b", 60)
    segments.move_segment(db, a.id, 1)
    # An editor that read `a` before the move can still change it.
    segments.update_segment(db, a.id, a.version, title="a2")
    assert titles(db, show_id) == ["b", "a2"]


def test_a_removed_product_comes_back_relinked_to_its_segments_and_promos(db: Database) -> None:
    show_id = shows.save_plan(db, demo_plan())
    plan = shows.load_plan(db, show_id)
    bank = plan.products[0]
    using = [s.id for s in plan.segments if s.product_id == bank.id]
    promos_using = [p.id for p in plan.promos if p.product_id == bank.id]
    removal = parts.remove_part(db, Product, bank.id)
    during = shows.load_plan(db, show_id)
    assert all(s.product_id is None for s in during.segments if s.id in using)
    restored = parts.restore_part(db, removal)
    assert restored == replace(bank, version=restored.version) and restored.id == bank.id
    after = shows.load_plan(db, show_id)
    assert [s.id for s in after.segments if s.product_id == bank.id] == using
    assert [p.id for p in after.promos if p.product_id == bank.id] == promos_using


def test_a_removed_promo_comes_back_with_its_releases(db: Database) -> None:
    show_id = shows.save_plan(db, demo_plan())
    plan = shows.load_plan(db, show_id)
    coupon = plan.promos[0]
    releases = [r for r in plan.releases if r.promo_id == coupon.id]
    assert releases
    removal = parts.remove_part(db, Promo, coupon.id)
    assert not [r for r in shows.load_plan(db, show_id).releases if r.promo_id == coupon.id]
    parts.restore_part(db, removal)
    after = shows.load_plan(db, show_id)
    assert [r for r in after.releases if r.promo_id == coupon.id] == releases


def test_parts_are_added_changed_and_refused_when_stale_or_negative(db: Database) -> None:
    show_id = shows.create_show(db, "parts", START)
    seg = segments.add_segment(db, show_id, SegmentKind.COUPON_DROP, "drop", 180)
    product = parts.add_part(db, show_id, Product(0, "SKU1", "cable", 4900, 1990, 600, 100))
    promo = parts.add_part(
        db, show_id, Promo(0, PromoKind.COUPON, "99-15", None, 500, 1500, None, 9900)
    )
    release = parts.add_part(db, None, Release(0, promo.id, seg.id, 30, 500))
    duty = parts.add_part(db, None, Duty(0, seg.id, 30, "release coupons", Role.FLOOR_CONTROL))
    anna = parts.person_named(db, "Anna")
    member = parts.add_part(db, show_id, TeamMember(0, anna.id, Role.HOST))
    plan = shows.load_plan(db, show_id)
    assert (plan.products, plan.promos, plan.releases, plan.duties, plan.team) == (
        (product,),
        (promo,),
        (release,),
        (duty,),
        (member,),
    )
    cheaper = parts.update_part(db, Product, product.id, product.version, live_price_fen=1890)
    assert cheaper.live_price_fen == 1890 and cheaper.version == product.version + 1
    with pytest.raises(StaleEditError, match="changed by someone else"):
        parts.update_part(db, Product, product.id, product.version, stock=1)
    with pytest.raises(ValueError, match="stock cannot be negative"):
        parts.update_part(db, Product, product.id, cheaper.version, stock=-1)
    with pytest.raises(TypeError, match="not product fields"):
        parts.update_part(db, Product, product.id, cheaper.version, colour="red")
    assert shows.load_plan(db, show_id).products == (cheaper,)
    assert parts.person_named(db, " Anna ") == anna
    assert [p.name for p in parts.list_people(db)] == ["Anna"]


def test_a_deleted_show_leaves_the_list_and_comes_back(db: Database) -> None:
    show_id = shows.save_plan(db, demo_plan())
    shows.delete_show(db, show_id)
    assert shows.list_shows(db) == []
    shows.restore_show(db, show_id)
    assert [s.id for s in shows.list_shows(db)] == [show_id]


def test_a_duplicated_show_is_a_new_draft_with_the_same_plan(db: Database) -> None:
    show_id = shows.save_plan(db, demo_plan())
    copy_id = shows.duplicate_show(db, show_id, "双11数码配件专场 (copy)")
    original, copy = shows.load_plan(db, show_id), shows.load_plan(db, copy_id)
    assert copy.show.title == "双11数码配件专场 (copy)"
    assert [s.title for s in copy.segments] == [s.title for s in original.segments]
    assert len(copy.releases) == len(original.releases)
    assert {s.id for s in copy.segments}.isdisjoint({s.id for s in original.segments})


def test_shows_filter_by_a_range_of_start_dates(db: Database) -> None:
    early = shows.create_show(db, "early", START)
    late = shows.create_show(db, "late", START + timedelta(days=10))
    assert [s.id for s in shows.list_shows(db, starts_from=START + timedelta(days=1))] == [late]
    assert [s.id for s in shows.list_shows(db, starts_before=START + timedelta(days=1))] == [early]
