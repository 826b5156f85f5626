"""Comparing a team's whole history on PostgreSQL: 10,000 shows of 12 segments, each run live on
the timer, with the 8 compared metrics for 150 minutes (12 M samples), against one bare SQL
aggregate over the same rows in the same run (target: 2x or less), and the process's peak
memory against 500 MB (target: under it).

"The comparison" is all the window does for Compare shows (app.review_data.compare_shows): load
the shows, their segments and live runs, place the segments, have the database aggregate the
samples, and work out every KPI and earning. The baseline is one
`SELECT show_id, sum(value), max(value) ... GROUP BY show_id` over the same rows, read back.

The history is written by the server itself (INSERT ... SELECT over generate_series, in a
scratch database made and dropped here): the rows never pass through this process, so its
peak memory is the comparison's.

Run: python benchmarks/comparison_scale.py [--quick | --smoke] [--json] [--postgres URL]
(--quick: 1,000 shows; --smoke: 20 shows, once). Without a server it measures nothing.
"""

import resource
import statistics
import time
from collections.abc import Callable

from edit_write import scratch_database
from figures import Figure, arguments, note, postgres_option, report
from sqlalchemy import func, select, text

from liveplanner.app.review_data import compare_shows
from liveplanner.app.workspace import open_database
from liveplanner.core.comparison import COMPARED_METRICS
from liveplanner.storage.comparison import chosen_shows
from liveplanner.storage.database import Database
from liveplanner.storage.samples import PLAIN

TIME_TARGET = 2.0
MEMORY_LIMIT_MB = 500.0
SIZES = {"full": (10_000, 3), "quick": (1_000, 3), "smoke": (20, 1)}  # shows, repeats
SEGMENTS, SEGMENT_MIN, MINUTES = 12, 12, 150
KINDS = ("opening", "product_intro", "flash_sale", "qa", "coupon_drop", "lucky_draw")
ZONE = "Asia/Shanghai"

# One show a day, at 19:30, 20:30 or 21:30 in Shanghai (11:30-13:30 UTC), from 2020 on.
_START = (
    "(timestamp '2020-01-01 11:30' + (s % 2000) * interval '1 day' + (s % 3) * interval '1 hour')"
)
FILL = [
    f"""INSERT INTO shows (id, title, platform, room, planned_start, time_zone, status, unlocked,
                           notes, version, created_at, updated_at)
        SELECT s, 'Show ' || s, CASE WHEN s % 4 = 0 THEN 'taobao' ELSE 'douyin' END, '',
               {_START}, '{ZONE}', 'done', false, '', 1, now(), now()
        FROM generate_series(1, :shows) AS s""",
    f"""INSERT INTO segments (id, show_id, position, kind, title, duration_s, talking_points,
                              notes, version, created_at, updated_at)
        SELECT (s - 1) * {SEGMENTS} + p + 1, s, p,
               (ARRAY{list(KINDS)})[1 + (s + p) % {len(KINDS)}], 'Segment ' || p,
               {SEGMENT_MIN * 60}, '', '', 1, now(), now()
        FROM generate_series(1, :shows) AS s, generate_series(0, {SEGMENTS - 1}) AS p""",
    f"""INSERT INTO runs (id, show_id, kind, started_at, ended_at)
        SELECT s, s, 'live', {_START},
               {_START} + interval '{SEGMENTS * SEGMENT_MIN} minutes' * 1.05
        FROM generate_series(1, :shows) AS s""",
    # started, then each segment 5 % over its length, then ended (even seqs); a minute into
    # each segment the host adds 30 seconds (odd seqs): events that place nothing, as a real
    # log has them, read all the same.
    f"""INSERT INTO run_events (run_id, seq, kind, segment_id, segment_position, wall_time,
                                monotonic_s, text)
        SELECT s, 2 * (p + 1), CASE WHEN p < 0 THEN 'started' WHEN p < {SEGMENTS}
                              THEN 'segment_started' ELSE 'ended' END,
               CASE WHEN p BETWEEN 0 AND {SEGMENTS - 1} THEN (s - 1) * {SEGMENTS} + p + 1 END,
               CASE WHEN p BETWEEN 0 AND {SEGMENTS - 1} THEN p END,
               {_START} + GREATEST(p, 0) * interval '{SEGMENT_MIN * 63} seconds',
               GREATEST(p, 0) * {SEGMENT_MIN * 63}.0, ''
        FROM generate_series(1, :shows) AS s, generate_series(-1, {SEGMENTS}) AS p""",
    f"""INSERT INTO run_events (run_id, seq, kind, segment_id, segment_position, wall_time,
                                monotonic_s, seconds, text)
        SELECT s, 2 * p + 3, 'time_added', NULL, NULL,
               {_START} + p * interval '{SEGMENT_MIN * 63} seconds' + interval '1 minute',
               p * {SEGMENT_MIN * 63}.0 + 60, 30, ''
        FROM generate_series(1, :shows) AS s, generate_series(0, {SEGMENTS - 1}) AS p""",
    f"""INSERT INTO metric_samples (show_id, metric, minute, value)
        SELECT s, (ARRAY{list(COMPARED_METRICS)})[k], {_START} + m * interval '1 minute',
               (s * 7919 + m * 104729 + k * 31) % 50000
        FROM generate_series(1, :shows) AS s, generate_series(1, {len(COMPARED_METRICS)}) AS k,
             generate_series(0, {MINUTES - 1}) AS m""",
]


def fill(db: Database, shows: int) -> int:
    with db.engine.begin() as connection:
        for statement in FILL:
            connection.execute(text(statement), {"shows": shows})
    with db.engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
        return int(connection.execute(text("SELECT count(*) FROM metric_samples")).scalar_one())


def bare_aggregate(db: Database) -> None:
    """One GROUP BY over the same rows as the comparison's, read back."""
    query = (
        select(PLAIN.c.show_id, func.sum(PLAIN.c.value), func.max(PLAIN.c.value))
        .where(
            PLAIN.c.show_id.in_(chosen_shows().scalar_subquery()),
            PLAIN.c.metric.in_(COMPARED_METRICS),
        )
        .group_by(PLAIN.c.show_id)
    )
    with db.engine.connect() as connection:
        connection.execute(query).all()


def median_of(repeats: int, job: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(size: str, postgres: str | None) -> list[Figure]:
    shows, repeats = SIZES[size]
    if not postgres:
        note("comparison scale: no PostgreSQL server given (--postgres URL): nothing measured")
        return []
    with scratch_database(postgres) as url:
        db = open_database(url)
        try:
            note(f"comparison scale: {shows:,} shows written by the server…")
            samples = fill(db, shows)

            def comparison() -> None:
                result = compare_shows(db, None, None, None, 2)
                assert len(result.shows) == shows

            comparison()  # warm the imports and the server's caches for both sides
            bare_aggregate(db)
            # Alternated, so both sides see the same load from the rest of the machine.
            base_times, our_times = [], []
            for _ in range(repeats):
                base_times.append(median_of(1, lambda: bare_aggregate(db)))
                our_times.append(median_of(1, comparison))
            base, ours = statistics.median(base_times), statistics.median(our_times)
        finally:
            db.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    note(
        f"comparison scale: {shows:,} shows, {samples:,} samples, {SEGMENTS} segments and a live "
        f"run each (median of {repeats}); baseline: one bare GROUP BY over the same rows"
    )
    return [
        Figure(
            f"compare {shows:,} shows ({samples / 1e6:.1f} M samples), PostgreSQL, "
            "vs one bare SQL aggregate",
            ours,
            "s",
            base,
            TIME_TARGET,
        ),
        Figure(
            f"compare {shows:,} shows, PostgreSQL: the process's peak memory, vs 500 MB",
            peak_mb,
            "MB",
            MEMORY_LIMIT_MB,
            1.0,
        ),
    ]


def main() -> None:
    args = arguments(postgres_option)
    report(measure(args.size, args.postgres), args.json)


if __name__ == "__main__":
    main()
