"""Advice from history (core.advice, core.advice_suggestions) on tiny histories worked by hand."""

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from liveplanner.core.advice import (
    History,
    PastProduct,
    PastSegment,
    PastShow,
    Reason,
    choose_basis,
    project,
)
from liveplanner.core.advice_suggestions import SuggestionKind, advise
from liveplanner.core.enums import Platform
from liveplanner.core.enums import SegmentKind as K
from liveplanner.core.plan import Product, Segment, Show, ShowPlan

ZONE = ZoneInfo("Asia/Shanghai")
A = Product(1, "SKU-A", "Product A", stock=1000)
B = Product(2, "SKU-B", "Product B", stock=1000)
C = Product(3, "SKU-C", "Product C", stock=1000)
# Past viewers: a peak at minute 5, then 100 to minute 30, then 70 (a fall at minute 30).
VIEWERS = (90.0,) * 5 + (110.0,) + (100.0,) * 25 + (70.0,) * 29


def _when(day: int, hour: int = 20) -> datetime:
    return datetime(2026, 10, day, hour, 0, tzinfo=ZONE)


def _past(
    show_id: int,
    *,
    hour: int = 20,
    platform: Platform = Platform.DOUYIN,
    a_fen: float = 10_000,
    sold: tuple[PastProduct, ...] = (),
) -> PastShow:
    """An hour's show: product A (10 min), B (10 min, ¥50/min) and a 3-minute coupon drop."""
    return PastShow(
        show_id,
        platform,
        _when(show_id, hour),
        (
            PastSegment(K.PRODUCT_INTRO, "sku-a", 0, 600, 600, a_fen),
            PastSegment(K.PRODUCT_INTRO, "sku-b", 10, 600, 600, 50_000),
            PastSegment(K.COUPON_DROP, "", 20, 180, 180, 9_000),
        ),
        VIEWERS,
        sold,
    )


def _draft(*segments: Segment, start: datetime | None = None) -> ShowPlan:
    show = Show(99, "Draft", start or _when(28), Platform.DOUYIN)
    return ShowPlan(show, segments, products=(A, B, C))


DRAFT = _draft(
    Segment(1, K.PRODUCT_INTRO, "A", 600, A.id),
    Segment(2, K.COUPON_DROP, "Coupon", 180),
    Segment(3, K.PRODUCT_INTRO, "B", 1020, B.id),
    Segment(4, K.QA, "Q&A", 900),
    Segment(5, K.PRODUCT_INTRO, "C", 900, C.id),
)
THREE = History((_past(1, a_fen=10_000), _past(2, a_fen=20_000), _past(3, a_fen=30_000)))


def test_a_segment_is_projected_from_the_quartiles_of_its_comparables_per_minute() -> None:
    # Product A earned ¥10, ¥20 and ¥30 a minute at the same minute and hour: equal weights.
    draft = _draft(Segment(1, K.PRODUCT_INTRO, "A", 300, A.id))
    basis = choose_basis(draft, THREE)
    assert not isinstance(basis, Reason)
    projection = project(draft, basis)

    segment = projection.segments[0]
    assert (segment.gmv.low_fen, segment.gmv.mid_fen, segment.gmv.high_fen) == (
        5_000,
        10_000,
        15_000,
    )
    assert segment.comparables == 3
    assert projection.gmv == segment.gmv
    assert basis.show_ids == (1, 2, 3) and basis.platform is Platform.DOUYIN


def test_a_product_with_too_few_past_intros_is_projected_from_its_kind() -> None:
    # Product C never ran: all six intros (¥10-30 and ¥50 a minute) count, nearer ones more.
    draft = _draft(Segment(1, K.PRODUCT_INTRO, "C", 60, C.id))
    basis = choose_basis(draft, THREE)
    assert not isinstance(basis, Reason)
    segment = project(draft, basis).segments[0]
    assert segment.comparables == 6
    assert segment.gmv.low_fen == 2_000  # A's ¥20/min (minute 0) outweighs B's (minute 10)
    assert segment.gmv.high_fen == 5_000


def test_a_show_sums_its_segments_and_a_kind_never_run_reads_every_segment() -> None:
    basis = choose_basis(DRAFT, THREE)
    assert not isinstance(basis, Reason)
    projection = project(DRAFT, basis)
    assert projection.segments[3].comparables == 9  # no Q&A before: every past segment
    assert projection.gmv.mid_fen == sum(s.gmv.mid_fen for s in projection.segments)
    assert projection.gmv.low_fen <= projection.gmv.mid_fen <= projection.gmv.high_fen


def test_fewer_than_three_comparable_shows_give_a_reason_not_a_projection() -> None:
    history = History((_past(1), _past(2)))
    advice = advise(DRAFT, history)
    assert advice.projection is None and advice.basis is None
    assert advice.reason == Reason("advice.too_few_shows", {"shows": 2, "needed": 3})


def test_shows_that_sold_nothing_are_no_basis_and_a_show_without_segments_has_no_projection() -> (
    None
):
    nothing = PastShow(
        9, Platform.DOUYIN, _when(9), (PastSegment(K.PRODUCT_INTRO, "sku-a", 0, 600, 600, 0),)
    )  # an export of zeros: a test stream
    advice = advise(DRAFT, History((_past(1), _past(2), nothing)))
    assert advice.projection is None
    assert advice.reason == Reason("advice.too_few_shows", {"shows": 2, "needed": 3})
    empty = advise(_draft(), THREE)
    assert empty.projection is None and empty.reason == Reason("advice.no_segments", {})


def test_the_basis_is_the_same_platform_in_a_similar_slot_first_then_wider() -> None:
    taobao = [_past(i, platform=Platform.TAOBAO) for i in (4, 5, 6)]
    afternoon = [_past(i, hour=14) for i in (7, 8)]
    history = History((*THREE.shows, *taobao, *afternoon))
    basis = choose_basis(DRAFT, history)
    assert not isinstance(basis, Reason)
    assert basis.show_ids == (1, 2, 3)
    assert basis.slot is not None and f"{basis.slot[0]:%H:%M}-{basis.slot[1]:%H:%M}" == (
        "18:00-22:00"
    )
    two_near = History((_past(1), _past(2), *afternoon))
    wider = choose_basis(DRAFT, two_near)
    assert not isinstance(wider, Reason)
    assert (wider.show_ids, wider.platform, wider.slot) == ((1, 2, 7, 8), Platform.DOUYIN, None)


def _kinds(plan: ShowPlan, history: History) -> dict[SuggestionKind, list[dict[str, object]]]:
    found: dict[SuggestionKind, list[dict[str, object]]] = {}
    for s in advise(plan, history).suggestions:
        found.setdefault(s.kind, []).append(dict(s.change))
    return found


def test_a_benefit_moves_to_where_past_viewers_fell_away() -> None:
    # The fall is at minute 30 (Q&A, position 4): the coupon drop (position 2) goes before it.
    assert _kinds(DRAFT, THREE)[SuggestionKind.MOVE_BENEFIT] == [{"move": 2, "to": 3}]


def test_no_benefit_moves_when_one_is_at_the_fall_or_viewers_held() -> None:
    flash = replace(
        DRAFT,
        segments=(*DRAFT.segments[:3], Segment(6, K.FLASH_SALE, "F", 300), *DRAFT.segments[3:]),
    )
    assert SuggestionKind.MOVE_BENEFIT not in _kinds(flash, THREE)
    held = History(tuple(replace(s, viewers=(100.0,) * 60) for s in THREE.shows))
    assert SuggestionKind.MOVE_BENEFIT not in _kinds(DRAFT, held)


def test_the_best_earner_per_minute_goes_to_the_prime_slot() -> None:
    # Viewers peaked at minute 5, in the draft's intro of A (¥20/min); B earned ¥50/min.
    advice = advise(DRAFT, THREE)
    prime = [s for s in advice.suggestions if s.kind is SuggestionKind.PRIME_PRODUCT]
    assert [dict(s.change) for s in prime] == [{"move": 3, "to": 1}]
    assert prime[0].figures["per_min_fen"] == 5_000 and prime[0].figures["minute"] == 5


def test_the_prime_slot_holding_the_best_earner_suggests_nothing() -> None:
    b_first = _draft(DRAFT.segments[2], *DRAFT.segments[:2], *DRAFT.segments[3:])
    assert SuggestionKind.PRIME_PRODUCT not in _kinds(b_first, THREE)


def test_lengths_follow_rehearsal_takes_and_past_over_runs() -> None:
    qa_runs = tuple(
        replace(s, segments=(*s.segments, PastSegment(K.QA, "", 30, 420, 600, None, ran=True)))
        for s in THREE.shows
    )
    history = History(qa_runs, takes={1: (900,), 3: (1_050,)})
    lengths = _kinds(DRAFT, history)[SuggestionKind.LENGTH]
    # A ran 150 % in its take; Q&A 70 % in three past live runs: 15:00 x 0.7 = 10:30.
    # B's take ran 103 %: close enough to its plan.
    assert lengths == [{"segment": 1, "duration_s": 900}, {"segment": 4, "duration_s": 630}]


def test_stock_follows_past_sell_through() -> None:
    sold = (
        PastProduct("sku-a", "Product A", 1000, 1000),  # sold out
        PastProduct("sku-b", "Product B", 1000, 500),  # half: nothing to say
        PastProduct("sku-c", "Product C", 1000, 50),  # 5 %
    )
    history = History(tuple(replace(s, products=sold) for s in THREE.shows))
    assert _kinds(DRAFT, history)[SuggestionKind.STOCK] == [
        {"product": 1, "stock": 1200},
        {"product": 3, "stock": 100},
    ]
    assert SuggestionKind.STOCK not in _kinds(DRAFT, THREE)  # no product exports


def test_a_missing_benefit_is_added_where_the_rhythm_rule_fires() -> None:
    # The coupon drop at minute 10, then none for 50 minutes: a coupon drop (the only benefit
    # the team ran, 3 minutes long) in the gap's middle, minute 35: position 4.
    added = _kinds(DRAFT, THREE)[SuggestionKind.ADD_BENEFIT]
    assert added == [{"insert": "coupon_drop", "at": 4, "duration_s": 180}]
    steady = _draft(
        Segment(1, K.PRODUCT_INTRO, "A", 1200, A.id),
        Segment(2, K.COUPON_DROP, "Coupon", 180),
        Segment(3, K.PRODUCT_INTRO, "B", 1200, B.id),
        Segment(4, K.COUPON_DROP, "Coupon", 180),
        Segment(5, K.CLOSING, "Bye", 1200),
    )
    assert SuggestionKind.ADD_BENEFIT not in _kinds(steady, THREE)


def test_too_few_shows_still_suggest_lengths_from_the_takes() -> None:
    advice = advise(DRAFT, History((_past(1),), takes={1: (900,)}))
    assert [s.kind for s in advice.suggestions] == [SuggestionKind.LENGTH]
