"""GMV per minute of a kind, a show, a time slot: over the seconds of the segments the export
covers, so a partly covered show says what the covered part earned (not a diluted figure), and
nothing covered is no figure (never ¥0). The single review and the comparison of many shows
agree on every figure.

Two 5-minute product intros P1 and P2, then a 30-second opening OP, from 20:00 in Shanghai; GMV
¥6 a minute, credited two minutes after the pitch.
"""

from datetime import UTC, datetime, timedelta

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from liveplanner.core.comparison import compare
from liveplanner.core.enums import RunEventKind, RunKind, SegmentKind
from liveplanner.core.plan import Segment, Show, ShowPlan, time_zone
from liveplanner.core.review import review
from liveplanner.core.runlog import Run, RunEvent

ZONE = time_zone("Asia/Shanghai")
START = datetime(2026, 11, 11, 20, 0, tzinfo=ZONE)
P1, P2, OP = 1, 2, 3
PLAN = ShowPlan(
    show=Show(1, "Rates", START),
    segments=(
        Segment(P1, SegmentKind.PRODUCT_INTRO, "P1", 300),
        Segment(P2, SegmentKind.PRODUCT_INTRO, "P2", 300),
        Segment(OP, SegmentKind.OPENING, "O", 30),
    ),
)


def gmv(minutes: range, fen: int = 600) -> pd.DataFrame:
    rows = [((START + timedelta(minutes=i)).astimezone(UTC), "gmv", fen) for i in minutes]
    return pd.DataFrame(rows, columns=["minute", "metric", "value"])


def test_a_kind_half_covered_earns_per_minute_what_its_covered_segment_did() -> None:
    # Data stops at 20:06: P1's sales (20:00-20:06) are there, P2's (from 20:07) are not.
    result = review(PLAN, [], gmv(range(7)))

    figures = {f.segment_id: f for f in result.segments}
    assert figures[P1].gmv_fen == 7 * 600
    assert figures[P2].gmv_fen is None  # missing, not ¥0: its sales fall after the data
    intro = next(g for g in result.by_kind if g.key == SegmentKind.PRODUCT_INTRO)
    assert (intro.seconds, intro.gmv_seconds) == (600, 300)
    assert intro.gmv_per_min_fen == 7 * 600 * 60 / 300  # not diluted over P2's 5 minutes


def test_a_kind_no_segment_of_which_is_covered_has_no_rate_not_zero() -> None:
    result = review(PLAN, [], gmv(range(7)))

    opening = next(g for g in result.by_kind if g.key == SegmentKind.OPENING)
    assert opening.gmv_fen is None and opening.gmv_per_min_fen is None
    kinds = compare([PLAN], {}, gmv(range(7)).assign(show_id=1)).kinds
    assert kinds[-1].key == SegmentKind.OPENING  # no figure ranks after every figure
    assert (kinds[-1].seconds, kinds[-1].gmv_per_min_fen) == (0, None)


def test_a_short_segment_the_data_covers_made_zero_and_counts_its_seconds() -> None:
    # OP (20:10:00-20:10:30) holds no minute's middle: covered by data to 20:13, it made ¥0.
    result = review(PLAN, [], gmv(range(14)))

    opening = next(g for g in result.by_kind if g.key == SegmentKind.OPENING)
    assert (opening.gmv_fen, opening.gmv_seconds, opening.gmv_per_min_fen) == (0, 30, 0.0)


def test_a_partly_covered_show_earns_per_minute_what_its_covered_part_did() -> None:
    kpis = compare([PLAN], {}, gmv(range(7)).assign(show_id=1)).shows[0]

    assert kpis.seconds == 630 and kpis.gmv_seconds == 300
    assert kpis.gmv_per_min_fen == 7 * 600 * 60 / 300


def test_a_show_whose_export_covers_no_segment_has_no_rate() -> None:
    later = gmv(range(60, 70)).assign(show_id=1)  # an hour after the show

    result = compare([PLAN], {}, later)

    assert result.shows[0].gmv_per_min_fen is None and result.shows[0].gmv_seconds == 0
    assert all(e.gmv_per_min_fen is None for e in result.kinds + result.slots)


def _run(plan: ShowPlan, order: list[int], lengths: list[int], deleted: set[int]) -> Run:
    """A live run through segments in `order`, each for its length; `deleted` ids are not in
    the plan any more."""
    at = START.astimezone(UTC)
    events = []
    for seq, (segment, length) in enumerate(zip(order, lengths, strict=True)):
        events.append(RunEvent(seq, RunEventKind.SEGMENT_STARTED, at, 0.0, segment, seq + 1))
        at += timedelta(seconds=length)
    events.append(RunEvent(len(order), RunEventKind.ENDED, at, 0.0, None, None))
    return Run(1, plan.show.id, RunKind.LIVE, START.astimezone(UTC), at, tuple(events))


@settings(max_examples=60, deadline=None)
@given(
    lengths=st.lists(st.integers(0, 900), min_size=1, max_size=6),
    kinds=st.lists(st.sampled_from(list(SegmentKind)[:3]), min_size=6, max_size=6),
    first=st.integers(-10, 40),
    count=st.integers(1, 40),
    gaps=st.sets(st.integers(0, 40), max_size=10),
    lag=st.integers(0, 5),
    live=st.booleans(),
    deleted=st.sets(st.integers(1, 6), max_size=2),
)
def test_the_comparison_and_the_review_agree_on_every_rate(
    lengths: list[int],
    kinds: list[SegmentKind],
    first: int,
    count: int,
    gaps: set[int],
    lag: int,
    live: bool,
    deleted: set[int],
) -> None:
    every = [Segment(i + 1, kinds[i], f"S{i + 1}", n) for i, n in enumerate(lengths)]
    plan = ShowPlan(show=Show(1, "Any", START), segments=tuple(every))
    runs = []
    if live:
        runs = [_run(plan, [s.id for s in every], lengths, deleted)]
        # Segments deleted after the run: their time goes to a neighbour, as in the review.
        kept = tuple(s for s in every if s.id not in deleted) or every[:1]
        plan = ShowPlan(show=plan.show, segments=kept)
    data = gmv(range(first, first + count)).pipe(
        lambda f: f[~f["minute"].isin([f["minute"].iloc[0] + timedelta(minutes=g) for g in gaps])]
    )

    single = review(plan, runs, data, lag)
    both = compare([plan], {1: runs[0]} if runs else {}, data.assign(show_id=1), lag)

    groups = {g.key: g for g in single.by_kind}
    # Every kind the review has a rate for is compared too, not only those the comparison lists.
    assert {g.key for g in single.by_kind if g.gmv_per_min_fen is not None} <= {
        e.key for e in both.kinds
    }
    for earning in both.kinds:
        group = groups[earning.key]
        assert earning.seconds == group.gmv_seconds
        assert earning.gmv_fen == (group.gmv_fen or 0)
        assert earning.gmv_per_min_fen == group.gmv_per_min_fen
    show = both.shows[0]
    covered = sum(g.gmv_seconds for g in single.by_kind)
    assert show.gmv_seconds == covered
    if covered == 0:
        assert show.gmv_per_min_fen is None
