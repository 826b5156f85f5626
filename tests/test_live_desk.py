"""The live desk's rules without Qt or a database (core.live_desk): which items each role sees
and may tick, what ticks and counters leave, and the host's prompt when a flash sale sells out."""

from datetime import UTC, datetime, timedelta

from liveplanner.app.demo import demo_plan
from liveplanner.core.clock import Level, Phase, Reading
from liveplanner.core.enums import DeskEventKind, PromoKind, Role
from liveplanner.core.live_desk import (
    ItemKind,
    desk_items,
    desk_state,
    desk_view,
)
from liveplanner.core.runlog import DeskEvent

PLAN = demo_plan()
T0 = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)


def _reading(index: int, elapsed: float) -> Reading:
    allowed = PLAN.segments[index].duration_s
    return Reading(
        Phase.RUNNING, index, elapsed, allowed, allowed - elapsed, Level.NORMAL, 0, 0, None
    )


def _event(seq: int, kind: DeskEventKind, item: str, quantity: int | None = None) -> DeskEvent:
    return DeskEvent(seq, kind, T0 + timedelta(seconds=seq), item, "王磊", quantity)


def _index(title_start: str) -> int:
    return next(i for i, s in enumerate(PLAN.segments) if s.title.startswith(title_start))


def test_each_release_is_one_item_in_floor_controls_cue_words_and_each_product_is_listed_once():
    items = desk_items(PLAN)
    releases = [i for i in items if i.key.startswith("release:")]
    assert len(releases) == len(PLAN.releases)
    coupon = next(i for i in releases if i.segment_index == _index("全场满199减30券·第一轮"))
    assert (coupon.kind, coupon.text, coupon.quantity) == (
        ItemKind.COUPON,
        "上架全场满199减30，1000张",
        1000,
    )
    # The demo's floor-control cue at each release is that release's item, not a second one.
    floor_cues = [i for i in items if i.kind is ItemKind.CUE and i.role is Role.FLOOR_CONTROL]
    assert floor_cues == []
    listed = [i.product_id for i in items if i.kind is ItemKind.LIST]
    assert sorted(listed) == sorted({s.product_id for s in PLAN.segments if s.product_id})
    kinds = {i.kind for i in releases}
    assert kinds == {ItemKind.COUPON, ItemKind.PRICE, ItemKind.DRAW}
    assert items == sorted(items, key=lambda i: (i.segment_index, i.offset_s))


def test_a_role_sees_its_own_cues_with_time_to_each_and_every_release_but_ticks_only_its_own():
    index = _index("9.9元数据线秒杀·第一波")
    reading = _reading(index, 4)
    host = desk_view(PLAN, reading, desk_state(PLAN, []), Role.HOST)
    floor = desk_view(PLAN, reading, desk_state(PLAN, []), Role.FLOOR_CONTROL)
    ops = desk_view(PLAN, reading, desk_state(PLAN, []), Role.OPS)
    sale = next(s for s in floor.items if s.item.kind is ItemKind.PRICE)
    assert sale.due_s == 6  # released 10 s in, 4 s gone
    assert sale.mine and not next(s for s in host.items if s.item.key == sale.item.key).mine
    stock_watch = [s for s in ops.items if s.item.text.startswith("盯库存")]
    assert [s.due_s for s in stock_watch] == [56] and stock_watch[0].mine
    assert not any(s.item.text.startswith("盯库存") for s in host.items)
    assert floor.segment_title == "9.9元数据线秒杀·第一波"
    assert floor.next_title == PLAN.segments[index + 1].title


def test_a_person_sees_the_cues_of_the_roles_they_hold_in_that_segment():
    index = _index("9.9元数据线秒杀·第一波")
    floor_person = next(m.person_id for m in PLAN.team if m.role is Role.FLOOR_CONTROL)
    view = desk_view(PLAN, _reading(index, 0), desk_state(PLAN, []), person_id=floor_person)
    assert any(s.item.kind is ItemKind.PRICE and s.mine for s in view.items)


def test_the_next_segments_cues_show_only_within_two_minutes_of_it():
    index = _index("全场满199减30券·第一轮") - 1  # the segment before the coupon drop
    length = PLAN.segments[index].duration_s
    early = desk_view(PLAN, _reading(index, 0), desk_state(PLAN, []), Role.FLOOR_CONTROL)
    late = desk_view(PLAN, _reading(index, length - 60), desk_state(PLAN, []), Role.FLOOR_CONTROL)
    assert not any(s.item.kind is ItemKind.COUPON for s in early.items)
    coupon = next(s for s in late.items if s.item.kind is ItemKind.COUPON)
    assert coupon.due_s == 60 + 30


def test_ticking_a_release_counts_its_units_and_unticking_takes_them_back():
    key = next(i.key for i in desk_items(PLAN) if i.kind is ItemKind.PRICE)
    item = next(i for i in desk_items(PLAN) if i.key == key)
    state = desk_state(PLAN, [_event(0, DeskEventKind.TICKED, key)])
    assert state.released == {item.promo_id: item.quantity}
    assert state.ticks[key].actor == "王磊" and state.recent[-1].key == key
    # A second tick of the same item counts nothing more.
    state = desk_state(
        PLAN, [_event(0, DeskEventKind.TICKED, key), _event(1, DeskEventKind.TICKED, key)]
    )
    assert state.released == {item.promo_id: item.quantity}
    state = desk_state(
        PLAN, [_event(0, DeskEventKind.TICKED, key), _event(1, DeskEventKind.UNTICKED, key)]
    )
    assert state.released == {item.promo_id: 0} and key not in state.ticks and not state.recent


def test_counters_follow_the_latest_figure_and_ignore_what_the_plan_does_not_have():
    sale = next(p for p in PLAN.promos if p.kind is PromoKind.FLASH_SALE)
    product = PLAN.products[0]
    state = desk_state(
        PLAN,
        [
            _event(0, DeskEventKind.RELEASED, f"promo:{sale.id}", 100),
            _event(1, DeskEventKind.RELEASED, f"promo:{sale.id}", 50),
            _event(2, DeskEventKind.CLAIMED, f"promo:{sale.id}", 70),
            _event(3, DeskEventKind.CLAIMED, f"promo:{sale.id}", 90),
            _event(4, DeskEventKind.SOLD, f"product:{product.id}", 12),
            _event(5, DeskEventKind.SOLD, "product:999", 12),
            _event(6, DeskEventKind.TICKED, "release:999"),
            _event(7, DeskEventKind.SOLD_OUT, "promo:999"),
            _event(8, DeskEventKind.RELEASED, f"promo:{sale.id}", 10**12),
        ],
    )
    assert state.released[sale.id] == 100_000_000  # bounded, never a figure out of range
    assert state.claimed == {sale.id: 90}
    assert state.sold == {product.id: 12}
    assert not state.ticks and not state.sold_out


def test_a_sold_out_flash_sale_prompts_the_host_to_move_on_and_stock_left_is_shown():
    index = _index("9.9元数据线秒杀·第一波")
    sale = next(r for r in PLAN.releases if r.segment_id == PLAN.segments[index].id)
    key = f"release:{sale.id}"
    product = PLAN.segments[index].product_id
    events = [
        _event(0, DeskEventKind.TICKED, key),
        _event(1, DeskEventKind.CLAIMED, f"promo:{sale.promo_id}", 400),
        _event(2, DeskEventKind.SOLD, f"product:{product}", 400),
    ]
    view = desk_view(PLAN, _reading(index, 30), desk_state(PLAN, events), Role.HOST)
    (promo,) = view.promos
    assert (promo.released, promo.claimed, promo.sold_out) == (1000, 400, False)
    (shown,) = view.products
    assert (shown.stock, shown.sold, shown.left) == (10000, 400, 9600)
    assert not view.move_on
    events.append(_event(3, DeskEventKind.CLAIMED, f"promo:{sale.promo_id}", 1000))
    view = desk_view(PLAN, _reading(index, 40), desk_state(PLAN, events), Role.HOST)
    assert view.promos[0].sold_out and view.move_on
    assert view.recent[0].key == key


def test_a_product_nobody_has_counted_shows_no_sold_figure_rather_than_zero():
    index = _index("磁吸充电宝讲解")
    view = desk_view(PLAN, _reading(index, 0), desk_state(PLAN, []), Role.HOST)
    (product,) = view.products
    assert product.sold is None and product.left is None and not product.sold_out


def test_a_finished_run_shows_no_segment_items_or_counts():
    reading = Reading(Phase.FINISHED, len(PLAN.segments), 0, 0, 0, Level.NORMAL, 0, 0, None)
    view = desk_view(PLAN, reading, desk_state(PLAN, []), Role.FLOOR_CONTROL)
    assert view.items == () and view.products == () and view.segment_title == ""
