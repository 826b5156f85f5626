"""core.review on a show small enough to work out by hand.

The show starts 20:00 in Shanghai (12:00 UTC) with three segments: A opening 5 min (20:00-20:05),
B flash sale 3 min (20:05-20:08), C product 2 min (20:08-20:10). Twelve minutes of data, 20:00 to
20:11: GMV (i+1) x 100 fen in minute i, one order a minute, ten views a minute, online viewers
100, 200, ... 1,200.
"""

from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from liveplanner.core.enums import PromoKind, RunEventKind, RunKind, SegmentKind
from liveplanner.core.plan import Promo, Release, Segment, Show, ShowPlan, Targets, time_zone
from liveplanner.core.review import review
from liveplanner.core.review_figures import MarkerKind, Outside, TargetName
from liveplanner.core.review_spans import Source, Span, actual_spans, on_run_day, wide
from liveplanner.core.runlog import Run, RunEvent

ZONE = time_zone("Asia/Shanghai")
START = datetime(2026, 11, 11, 20, 0, tzinfo=ZONE)
A, B, C = 1, 2, 3


def plan(**show: object) -> ShowPlan:
    return ShowPlan(
        show=Show(1, "Hand show", START, **show),  # type: ignore[arg-type]
        segments=(
            Segment(A, SegmentKind.OPENING, "A", 300),
            Segment(B, SegmentKind.FLASH_SALE, "B", 180, product_id=7),
            Segment(C, SegmentKind.PRODUCT_INTRO, "C", 120, product_id=7),
        ),
    )


def at(minutes: float) -> datetime:
    return (START + timedelta(minutes=minutes)).astimezone(UTC)


def samples(skip: tuple[int, ...] = ()) -> pd.DataFrame:
    rows = []
    for i in range(12):
        if i in skip:
            continue
        minute = at(i)
        rows += [
            (minute, "gmv", (i + 1) * 100),
            (minute, "orders", 1),
            (minute, "views", 10),
            (minute, "online_viewers", (i + 1) * 100),
        ]
    frame = pd.DataFrame(rows, columns=["minute", "metric", "value"])
    frame["minute"] = pd.to_datetime(frame["minute"], utc=True)
    return frame


def event(seq: int, kind: RunEventKind, minutes: float, segment: int | None = None) -> RunEvent:
    position = None if segment is None else segment - 1
    return RunEvent(seq, kind, at(minutes), minutes * 60, segment, position)


def run(*changes: tuple[float, int], end: float | None, kind: RunKind = RunKind.LIVE) -> Run:
    events = [event(0, RunEventKind.STARTED, changes[0][0])]
    for seq, (minute, segment) in enumerate(changes, start=1):
        events.append(event(seq, RunEventKind.SEGMENT_STARTED, minute, segment))
    if end is not None:
        events.append(event(len(events), RunEventKind.ENDED, end))
    return Run(9, 1, kind, at(changes[0][0]), None if end is None else at(end), tuple(events))


def gmv(result) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {f.title: f.gmv_fen for f in result.segments}


def test_planned_times_credit_sales_two_minutes_late_and_add_up() -> None:
    result = review(plan(), [], samples())
    assert result.source is Source.PLANNED and result.run_id is None
    # A takes minutes 0-6 (the first two clamp to it), B 7-9, C 10-11.
    assert gmv(result) == {"A": 2800, "B": 2700, "C": 2300}
    assert [f.orders for f in result.segments] == [7, 3, 2]
    assert result.totals.gmv_fen == 7800 == sum(gmv(result).values())
    assert result.totals.orders == 12


def test_no_lag_credits_each_minute_to_its_own_segment() -> None:
    result = review(plan(), [], samples(), lag=0)
    # A 0-4, B 5-7, C 8-9; the two minutes after the end are after the script.
    assert gmv(result) == {"A": 1500, "B": 2100, "C": 1900}
    (after,) = result.outside
    assert (after.where, after.minutes, after.gmv_fen, after.orders) == (Outside.AFTER, 2, 2300, 2)
    assert sum(gmv(result).values()) + after.gmv_fen == 7800 == result.totals.gmv_fen


def test_viewers_and_rates_use_the_minutes_inside_each_segment() -> None:
    a, b, c = review(plan(), [], samples()).segments
    assert (a.minutes, b.minutes, c.minutes) == (5, 3, 2)
    assert (a.avg_viewers, a.peak_viewers) == (300, 500)
    assert (b.avg_viewers, b.peak_viewers) == (700, 800)
    assert (c.avg_viewers, c.peak_viewers) == (950, 1000)
    assert a.gmv_per_min_fen == 2800 / 5
    assert a.gpm_fen == 2800 * 1000 / 50  # 50 views in A's own five minutes
    assert a.net_entries is None  # the data has no entries and exits
    assert a.comments_per_min is None


def test_live_run_times_replace_the_plan_and_rehearsals_are_ignored() -> None:
    rehearsal = run((0, A), (1, B), (2, C), end=3, kind=RunKind.REHEARSAL)
    live = run((0, A), (6, B), (8, C), end=11)  # A ran a minute over, B one short
    result = review(plan(), [rehearsal, live], samples())
    assert result.source is Source.ACTUAL and result.run_id == live.id
    assert gmv(result) == {"A": 3600, "B": 1900, "C": 2300}
    a, b, c = result.segments
    assert (a.actual_s, b.actual_s, c.actual_s) == (360, 120, 180)
    assert (a.planned_s, b.planned_s, c.planned_s) == (300, 180, 120)
    assert b.actual_start == START + timedelta(minutes=6)
    assert b.planned_start == START + timedelta(minutes=5)
    assert len(result.actual) == 3 and len(result.planned) == 3


def test_a_run_on_another_day_lays_the_plan_on_its_day_at_the_plans_clock_times() -> None:
    weeks = 23 * 24 * 60 + 10  # the script run again 23 days later, 10 minutes after its time
    live = run((weeks, A), (weeks + 6, B), (weeks + 8, C), end=weeks + 11)
    result = review(plan(), [live], samples())
    assert [s.start for s in result.planned] == [at(23 * 24 * 60 + m) for m in (0, 5, 8)]
    assert result.planned[-1].end == at(23 * 24 * 60 + 10)
    assert result.actual[0].start - result.planned[0].start == timedelta(minutes=10)
    # The minute grid is the run's day, not the three weeks between.
    assert len(result.minutes) < 3 * 24 * 60


def test_a_run_started_hours_late_keeps_the_plan_where_it_was() -> None:
    live = run((11 * 60, A), (11 * 60 + 5, B), (11 * 60 + 8, C), end=11 * 60 + 10)
    result = review(plan(), [live], samples())
    assert result.planned[0].start == at(0)


def test_the_plan_moves_a_day_on_the_shows_clock_across_a_change_of_summer_time() -> None:
    berlin = time_zone("Europe/Berlin")  # summer time ends on 2026-10-25
    planned = [Span(A, datetime(2026, 10, 24, 20, 0, tzinfo=berlin).astimezone(UTC),
                    datetime(2026, 10, 24, 20, 5, tzinfo=berlin).astimezone(UTC))]  # fmt: skip
    actual = [Span(A, datetime(2026, 10, 26, 20, 3, tzinfo=berlin).astimezone(UTC),
                   datetime(2026, 10, 26, 20, 9, tzinfo=berlin).astimezone(UTC))]  # fmt: skip
    [moved] = on_run_day(planned, actual, "Europe/Berlin")
    assert moved.start.astimezone(berlin) == datetime(2026, 10, 26, 20, 0, tzinfo=berlin)
    assert moved.end - moved.start == timedelta(minutes=5)


def test_a_run_that_never_reached_a_segment_leaves_planned_times() -> None:
    empty = Run(3, 1, RunKind.LIVE, at(0), at(1), (event(0, RunEventKind.STARTED, 0),))
    assert review(plan(), [empty], samples()).source is Source.PLANNED


def test_a_segment_gone_back_to_gets_both_stretches() -> None:
    live = run((0, A), (5, B), (6, A), (7, B), (8, C), end=10)
    spans = actual_spans(plan(), live.events)
    assert [s.segment_id for s in spans] == [A, B, A, B, C]
    result = review(plan(), [live], samples())
    assert result.segments[0].actual_s == 360 and result.segments[1].actual_s == 120
    assert sum(gmv(result).values()) == 7800


def test_time_in_a_deleted_segment_goes_to_the_segment_before_it() -> None:
    live = run((0, A), (5, 99), (8, C), end=10)  # segment 99 has since been deleted
    result = review(plan(), [live], samples())
    assert result.segments[1].actual_start is None  # B never ran
    assert result.segments[1].gmv_fen is None  # no minute was credited to it: not ¥0
    assert sum(v for v in gmv(result).values() if v is not None) == 7800


def test_an_unended_run_lasts_until_its_last_event() -> None:
    live = run((0, A), (5, B), (8, C), end=None)
    spans = actual_spans(plan(), live.events)
    assert spans[-1].segment_id == B  # C started last: no time known after it
    assert spans[-1].end == at(8)


def test_missing_minutes_are_gaps_not_zeros() -> None:
    result = review(plan(), [], samples(skip=(3,)))
    assert result.totals.missing_minutes == 1 and result.totals.minutes == 11
    assert result.minutes["gmv"].isna().sum() == 1
    assert result.totals.gmv_fen == 7800 - 400


def test_an_export_of_part_of_the_planned_show_leaves_the_rest_missing() -> None:
    # The plan runs 20:00-20:10 (ten minutes); the export covers 20:00-20:02 only.
    result = review(plan(), [], samples(skip=tuple(range(3, 12))))
    assert result.totals.minutes == 3
    assert result.totals.show_minutes == 10
    assert result.totals.missing_minutes == 7


def test_an_export_of_part_of_the_live_run_counts_the_runs_minutes_not_the_plans() -> None:
    # Run live 19:55-20:25 (30 minutes, longer than the ten planned); data for 20:00-20:11.
    live = run((-5, A), (5, B), (8, C), end=25)
    result = review(plan(), [live], samples(skip=(3,)))
    assert result.totals.show_minutes == 30
    assert result.totals.minutes == 11
    assert result.totals.missing_minutes == 30 - 11  # 19:55-19:59, 20:03 and 20:12-20:24


def test_minutes_outside_the_show_neither_cover_it_nor_count_as_missing() -> None:
    # Another day's export, with a gap of its own: none of the show's ten minutes is covered.
    earlier = samples(skip=(3,)).assign(minute=lambda f: f["minute"] - pd.Timedelta(days=150))
    totals = review(plan(), [], earlier).totals
    assert (totals.minutes, totals.show_minutes, totals.missing_minutes) == (11, 10, 10)


def test_a_show_minute_is_one_whose_middle_falls_in_the_show() -> None:
    # A live run from 20:00:40 to 20:03:20: 20:01 and 20:02 are its minutes, 20:00 and 20:03
    # (middles 20:00:30 and 20:03:30) are not.
    live = run((40 / 60, A), end=3 + 20 / 60)
    totals = review(plan(), [live], samples(skip=(1,))).totals
    assert (totals.show_minutes, totals.missing_minutes) == (2, 1)


def test_without_segments_missing_minutes_are_the_gaps_in_the_data() -> None:
    bare = ShowPlan(show=plan().show)
    totals = review(bare, [], samples(skip=(3, 4))).totals
    assert (totals.show_minutes, totals.missing_minutes) == (0, 2)


def test_summary_against_targets_says_met_or_how_far_short() -> None:
    targets = Targets(gmv_fen=10_000, viewers=None, new_followers=5)
    result = review(plan(targets=targets), [], samples())
    by_name = {t.name: t for t in result.targets}
    assert set(by_name) == {TargetName.GMV, TargetName.NEW_FOLLOWERS}
    assert by_name[TargetName.GMV].met is False
    assert by_name[TargetName.GMV].short_by == 2_200
    assert by_name[TargetName.NEW_FOLLOWERS].actual is None  # no followers in the export
    assert by_name[TargetName.NEW_FOLLOWERS].met is None
    assert result.totals.peak_viewers == 1200
    assert result.totals.avg_viewers == 650
    assert result.totals.gpm_fen == 7800 * 1000 / 120
    assert result.totals.conversion is None  # no unique viewers: no rate made up


def test_totals_by_kind_and_product_add_up() -> None:
    result = review(plan(), [], samples())
    kinds = {g.key: (g.segments, g.seconds, g.gmv_fen) for g in result.by_kind}
    assert kinds == {
        "opening": (1, 300, 2800),
        "flash_sale": (1, 180, 2700),
        "product_intro": (1, 120, 2300),
    }
    assert [(g.key, g.segments, g.gmv_fen) for g in result.by_product] == [("7", 2, 5000)]


def test_markers_sit_at_releases_and_at_promo_segments_without_one() -> None:
    base = plan()
    coupon = Promo(5, PromoKind.COUPON, "满99减20")
    with_release = ShowPlan(
        show=base.show,
        segments=base.segments,
        promos=(coupon,),
        releases=(Release(1, coupon.id, C, 30, 100),),
    )
    markers = review(with_release, [], samples()).markers
    assert [(m.kind, m.at, m.segment_id) for m in markers] == [
        (MarkerKind.FLASH_SALE, at(5), B),
        (MarkerKind.COUPON_DROP, at(8.5), C),
    ]


def test_a_show_without_metrics_or_segments_still_reviews() -> None:
    empty = samples().iloc[0:0]
    result = review(plan(), [], empty)
    assert result.totals.gmv_fen is None and result.totals.peak_viewers is None
    assert all(f.avg_viewers is None for f in result.segments)
    bare = ShowPlan(show=plan().show)
    assert review(bare, [], samples()).segments == ()


def test_a_metric_the_export_does_not_have_is_none_and_so_is_what_is_made_from_it() -> None:
    only_viewers = samples()[samples()["metric"] == "online_viewers"]
    result = review(plan(targets=Targets(gmv_fen=10_000)), [], only_viewers)
    totals = result.totals
    assert (totals.gmv_fen, totals.orders, totals.buyers) == (None, None, None)
    assert (totals.gpm_fen, totals.conversion, totals.views) == (None, None, None)
    assert totals.peak_viewers == 1200  # what the export does have is still there
    for f in result.segments:
        assert (f.gmv_fen, f.orders, f.buyers, f.gmv_per_min_fen, f.gpm_fen) == (None,) * 5
        assert f.avg_viewers is not None
    assert all(g.gmv_fen is None and g.gmv_per_min_fen is None for g in result.by_kind)
    (gmv_target,) = result.targets
    assert gmv_target.actual is None and gmv_target.met is None


def test_a_segment_the_export_does_not_reach_has_no_sales_figure_not_zero() -> None:
    first_five = samples(skip=tuple(range(5, 12)))  # the export stops after A's five minutes
    a, b, c = review(plan(), [], first_five).segments
    assert (a.gmv_fen, a.orders) == (1500, 5)
    assert (b.gmv_fen, b.orders, c.gmv_fen, c.gmv_per_min_fen) == (None, None, None, None)
    # Data all around a segment too short to be credited a minute: it sold nothing.
    short = ShowPlan(
        show=plan().show,
        segments=(
            Segment(A, SegmentKind.OPENING, "A", 300),
            Segment(B, SegmentKind.COUPON_DROP, "B", 20),
            Segment(C, SegmentKind.PRODUCT_INTRO, "C", 280),
        ),
    )
    assert review(short, [], samples()).segments[1].gmv_fen == 0


def test_a_segment_whose_minutes_are_all_missing_has_no_sales_figure_not_zero() -> None:
    # Minutes 7-9 (B's, sales credited two minutes after the pitch) are missing from an export
    # that has minutes on both sides: a stream that dropped, not a segment that sold nothing.
    gap = samples(skip=(7, 8, 9))
    result = review(plan(), [], gap)
    b = result.segments[1]
    assert (b.gmv_fen, b.orders, b.gmv_per_min_fen) == (None, None, None)
    assert result.segments[0].gmv_fen is not None and result.segments[2].gmv_fen is not None


def test_another_days_export_falls_before_the_script_not_on_its_first_segment() -> None:
    earlier = samples().assign(minute=lambda f: f["minute"] - pd.Timedelta(days=150))
    result = review(plan(), [], earlier)
    assert [f.gmv_fen for f in result.segments] == [None, None, None]
    (before,) = result.outside
    assert before.where is Outside.BEFORE
    assert (before.minutes, before.gmv_fen, before.orders) == (12, 7800, 12)
    assert before.first_minute == START - timedelta(days=150)
    assert before.last_minute == START - timedelta(days=150) + timedelta(minutes=11)
    assert result.totals.gmv_fen == 7800
    group = result.outside_group()
    assert group is not None and (group.gmv_fen, group.seconds) == (7800, None)


@given(
    durations=st.lists(st.integers(60, 900), min_size=1, max_size=5),
    first=st.integers(-20, 40),
    length=st.integers(1, 60),
    gaps=st.sets(st.integers(0, 59), max_size=10),
    lag=st.integers(0, 5),
    metrics=st.sets(st.sampled_from(["gmv", "orders", "buyers", "online_viewers"]), min_size=1),
    live=st.booleans(),
)
def test_segments_and_the_outside_rows_add_up_to_the_totals(
    durations: list[int],
    first: int,
    length: int,
    gaps: set[int],
    lag: int,
    metrics: set[str],
    live: bool,
) -> None:
    segments = tuple(
        Segment(i + 1, SegmentKind.PRODUCT_INTRO, f"S{i + 1}", d) for i, d in enumerate(durations)
    )
    show = ShowPlan(show=Show(1, "Any", START), segments=segments)
    runs = []
    if live:  # each segment ran a minute longer than planned, from 3 minutes late
        changes = [(3 + i + sum(durations[:i]) / 60, s.id) for i, s in enumerate(segments)]
        runs = [run(*changes, end=changes[-1][0] + durations[-1] / 60 + 1)]
    minutes = [m for m in range(first, first + length) if m - first not in gaps] or [first]
    rows = [(at(m), name, (m * 37) % 500) for m in minutes for name in sorted(metrics)]
    frame = pd.DataFrame(rows, columns=["minute", "metric", "value"])
    frame["minute"] = pd.to_datetime(frame["minute"], utc=True)
    result = review(show, runs, frame, lag=lag)
    rows_of = [*result.segments, *result.outside]
    for name in ("gmv_fen", "orders", "buyers"):
        total = getattr(result.totals, name)
        values = [getattr(r, name) for r in rows_of]
        if name.removesuffix("_fen") not in metrics:
            assert total is None and all(v is None for v in values)
        else:
            assert sum(v for v in values if v is not None) == total
    assert sum(r.minutes for r in rows_of) == len(result.minutes)


def test_segment_at_uses_the_reviewed_times() -> None:
    live = run((0, A), (6, B), (8, C), end=11)
    result = review(plan(), [live], samples())
    assert result.segment_at(at(5.5)) == A
    assert result.segment_at(at(20)) is None


def test_a_lag_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="0 to 30"):
        review(plan(), [], samples(), lag=31)


def test_wide_keeps_every_minute_between_first_and_last() -> None:
    table = wide(samples(skip=(2, 3)))
    assert len(table) == 12
    assert table.loc[at(2)].isna().all()


@given(
    st.lists(
        st.tuples(st.integers(0, 90), st.sampled_from(["gmv", "orders", "online_viewers"])),
        unique=True,
        min_size=1,
        max_size=60,
    ),
    st.integers(0, 10**9),
)
def test_wide_places_each_sample_as_a_pivot_would(keys: list[tuple[int, str]], seed: int) -> None:
    """The grid placed by hand equals pandas's pivot over every minute, gaps as NaN rows."""
    start = pd.Timestamp("2026-11-11 11:30", tz="UTC")
    samples = pd.DataFrame(
        {
            "minute": [start + pd.Timedelta(minutes=m) for m, _ in keys],
            "metric": [metric for _, metric in keys],
            "value": [(seed + i * 7919) % 100_000 for i in range(len(keys))],
        }
    )
    expected = samples.pivot(index="minute", columns="metric", values="value")
    full = pd.date_range(expected.index.min(), expected.index.max(), freq="min", name="minute")
    expected = expected.reindex(full).astype("float64")
    expected.columns.name = None
    pd.testing.assert_frame_equal(wide(samples), expected)


def test_wide_refuses_a_minute_given_twice_as_pivot_does() -> None:
    minute = pd.Timestamp("2026-11-11 11:30", tz="UTC")
    twice = pd.DataFrame({"minute": [minute, minute], "metric": ["gmv"] * 2, "value": [1, 2]})
    with pytest.raises(ValueError, match="duplicate"):
        wide(twice)


def test_a_stored_minute_decades_away_is_its_own_row_not_a_grid_of_decades() -> None:
    # A database that already holds a mistyped year 2062 (stored before imports left it out).
    far = pd.DataFrame(
        {"minute": [at(0) + timedelta(days=365 * 36)], "metric": ["gmv"], "value": [500]}
    )
    stored = pd.concat([samples(), far], ignore_index=True)
    result = review(plan(), [], stored)
    assert len(result.minutes) == 13  # the show's twelve minutes and the far one
    (after,) = result.outside
    assert (after.minutes, after.gmv_fen) == (3, 500)  # 20:10 and 20:11 sell for C (lag)
    assert result.totals.gmv_fen == 7800 + 500


def test_targets_are_not_judged_on_an_export_with_no_minute_of_the_show() -> None:
    earlier = samples().assign(minute=lambda f: f["minute"] - pd.Timedelta(days=150))
    result = review(plan(targets=Targets(gmv_fen=5000)), [], earlier)
    assert result.totals.gmv_fen == 7800
    assert [(t.name.value, t.actual) for t in result.targets] == [("gmv", None)]


def test_a_day_of_minutes_at_the_import_limit_adds_up_exactly_without_wrapping() -> None:
    # 1,440 minutes of ¥10 billion (10**12 fen, the most a stored minute can hold): 1.44e15 fen,
    # summed as floats (exact below 2**53), never through an int64 that could wrap.
    minutes = pd.date_range(at(-600), periods=1_440, freq="min")
    stored = pd.DataFrame({"minute": minutes, "metric": "gmv", "value": 10**12})
    result = review(plan(), [], stored)
    assert result.totals.gmv_fen == 1_440 * 10**12
    assert (
        sum(f.gmv_fen or 0 for f in result.segments) + sum(o.gmv_fen or 0 for o in result.outside)
        == 1_440 * 10**12
    )
