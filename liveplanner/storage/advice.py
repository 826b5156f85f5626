"""The team's history that a draft's advice reads (core.advice), in a handful of queries however
many shows: the comparison's aggregates (storage.comparison.compared_shows: each segment's
credited GMV summed in the database), the shows' online viewers by minute, their products and
product exports, and the draft's rehearsal takes."""

from collections.abc import Iterable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from liveplanner.core.advice import History, PastProduct, PastSegment, PastShow, product_key
from liveplanner.core.comparison import ShowSamples, covered_segments
from liveplanner.core.enums import RunKind
from liveplanner.core.placement import epoch_us
from liveplanner.core.plan import Product, Segment, ShowPlan
from liveplanner.core.review_spans import DEFAULT_LAG, Source, Span, actual_spans
from liveplanner.storage.comparison import compared_shows
from liveplanner.storage.database import Database
from liveplanner.storage.models import ProductRow, ProductSalesRow
from liveplanner.storage.runs import list_runs
from liveplanner.storage.samples import PLAIN

_METRICS = ("gmv", "online_viewers")


def advice_history(db: Database, draft: ShowPlan, lag: int = DEFAULT_LAG) -> History:
    """Every show (not deleted) planned to start before the draft, with what it earned where,
    its viewers and its products; and the draft's rehearsal takes."""
    found = compared_shows(db, _METRICS, starts_before=draft.show.planned_start, lag=lag)
    others = [k for k, show in enumerate(found.shows) if show.id != draft.show.id]
    ids = [found.shows[k].id for k in others]
    with db.session() as session:
        products: dict[int, dict[int, Product]] = {i: {} for i in ids}
        for row in session.execute(
            select(
                ProductRow.show_id, ProductRow.id, ProductRow.sku, ProductRow.name, ProductRow.stock
            ).where(ProductRow.show_id.in_(ids))
        ):
            products[row.show_id][row.id] = Product(row.id, row.sku, row.name, stock=row.stock)
        sold: dict[int, dict[int, int]] = {}
        for show_id, product_id, units in session.execute(
            select(ProductSalesRow.show_id, ProductSalesRow.product_id, ProductSalesRow.sold).where(
                ProductSalesRow.show_id.in_(ids),
                ProductSalesRow.product_id.is_not(None),
                ProductSalesRow.sold.is_not(None),
            )
        ):
            if product_id is None or units is None:
                continue  # the query leaves these out: for the type checker
            its = sold.setdefault(show_id, {})
            its[product_id] = its.get(product_id, 0) + units
        viewers: dict[int, list[tuple[datetime, int]]] = {}
        result = session.connection().execute(
            select(PLAIN.c.show_id, PLAIN.c.minute, PLAIN.c.value)
            .where(PLAIN.c.show_id.in_(ids), PLAIN.c.metric == "online_viewers")
            .order_by(PLAIN.c.show_id, PLAIN.c.minute)
        )
        for show_id, minute, value in result.cursor.fetchall():
            viewers.setdefault(show_id, []).append((_moment(minute), int(value)))
        result.close()
    shows = []
    columns = found.segments
    for k in others:
        spans, source = found.placed.spans(k), found.placed.sources[k]
        if not spans:
            continue
        low, high = columns.offsets[k], columns.offsets[k + 1]
        plan = ShowPlan(
            found.shows[k],
            tuple(
                Segment(i, kind, "", seconds, product)
                for i, kind, seconds, product in zip(
                    columns.ids[low:high],
                    columns.kinds[low:high],
                    columns.durations[low:high],
                    columns.product_ids[low:high],
                    strict=True,
                )
            ),
        )
        its_products = products[plan.show.id]
        shows.append(
            PastShow(
                show_id=plan.show.id,
                platform=plan.show.platform,
                start=plan.show.planned_start.astimezone(ZoneInfo(plan.show.time_zone)),
                segments=_segments(
                    plan, spans, source, found.samples.get(plan.show.id), its_products, lag
                ),
                viewers=_by_minute(spans[0].start, viewers.get(plan.show.id, [])),
                products=tuple(
                    PastProduct(product_key(p), p.name, p.stock, units)
                    for product_id, units in sold.get(plan.show.id, {}).items()
                    if (p := its_products.get(product_id)) is not None
                ),
            )
        )
    return History(tuple(shows), _takes(db, draft))


def _segments(
    plan: ShowPlan,
    spans: list[Span],
    source: Source,
    samples: ShowSamples | None,
    products: dict[int, Product],
    lag: int,
) -> tuple[PastSegment, ...]:
    """Each segment where it first ran, its seconds over all its spans, and its credited GMV
    (None where the show's GMV series does not cover it, as the comparison says)."""
    credited: dict[int, float] = {}
    covered: set[int] = set()
    if samples is not None and samples.gmv_reach is not None:
        credited = dict(samples.credited)
        covered = covered_segments(
            [s.segment_id for s in spans],
            [epoch_us(s.start) for s in spans],
            [epoch_us(s.end) for s in spans],
            credited,
            samples.gmv_reach,
            lag,
        )
    first: dict[int, float] = {}
    seconds: dict[int, float] = {}
    origin = spans[0].start
    for span in spans:
        if span.segment_id is None:
            continue
        first.setdefault(span.segment_id, (span.start - origin).total_seconds() / 60)
        length = (span.end - span.start).total_seconds()
        seconds[span.segment_id] = seconds.get(span.segment_id, 0.0) + length
    return tuple(
        PastSegment(
            kind=s.kind,
            product=product_key(products.get(s.product_id or -1)),
            minute=first[s.id],
            seconds=round(seconds[s.id]),
            planned_s=s.duration_s,
            gmv_fen=credited.get(s.id, 0.0) if s.id in covered else None,
            ran=source is Source.ACTUAL,
        )
        for s in plan.segments
        if s.id in first
    )


def _by_minute(origin: datetime, samples: Iterable[tuple[datetime, int]]) -> tuple[float, ...]:
    """Viewers by whole minute from the show's first segment (minutes missing: the last value)."""
    curve: list[float] = []
    for moment, value in samples:
        minute = int((moment - origin).total_seconds() // 60)
        if minute < 0:
            continue
        while len(curve) < minute:
            curve.append(curve[-1] if curve else float(value))
        if len(curve) == minute:
            curve.append(float(value))
    return tuple(curve)


def _takes(db: Database, draft: ShowPlan) -> dict[int, tuple[int, ...]]:
    """Segment id -> the seconds it ran in each of the draft's rehearsal takes."""
    takes: dict[int, list[int]] = {}
    for run in list_runs(db, draft.show.id):
        if run.kind is not RunKind.REHEARSAL:
            continue
        ran: dict[int, float] = {}
        for span in actual_spans(draft, run.events):
            if span.segment_id is not None:
                length = (span.end - span.start).total_seconds()
                ran[span.segment_id] = ran.get(span.segment_id, 0.0) + length
        for segment_id, seconds in ran.items():
            takes.setdefault(segment_id, []).append(round(seconds))
    return {k: tuple(v) for k, v in takes.items()}


def _moment(stored: datetime | str) -> datetime:
    """A stored minute (naive UTC; text on SQLite) as aware UTC."""
    if isinstance(stored, str):
        stored = datetime.fromisoformat(stored)
    return stored.replace(tzinfo=UTC)
