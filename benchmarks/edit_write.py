"""What one saved edit costs: a segment's field changed through storage (version check, the lock
check, a line in the show's history, commit) against two baselines on the same database: the same
edit with the history hook taken off (what the history and the lock add), and the bare write, one
UPDATE of the same row committed. Medians in milliseconds; an edit must stay far under a frame.

PostgreSQL is measured too when a server is given (--postgres URL, or the
LIVEPLANNER_TEST_POSTGRES_URL the tests use): the benchmark makes its own scratch database there
and drops it afterwards, and touches nothing else on that server.

Run: python benchmarks/edit_write.py [--quick | --smoke] [--json] [--postgres URL]
"""

import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from figures import FRAME_MS, Figure, arguments, note, postgres_option, report, scratch_folder
from sqlalchemy import create_engine, event, text, update
from sqlalchemy.engine import make_url

from liveplanner.app.demo import demo_plan
from liveplanner.app.workspace import open_database
from liveplanner.storage import history, segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.models import SegmentRow

REPEATS = {"full": 200, "quick": 30, "smoke": 3}
TARGET = 2.0  # the history line and the lock check may at most double an edit


def timed(action: Callable[[int], object], repeats: int) -> list[float]:
    samples = []
    for i in range(repeats):
        start = time.perf_counter()
        action(i)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def measure_on(name: str, db: Database, repeats: int) -> list[Figure]:
    show_id = shows.save_plan(db, demo_plan())
    segment = shows.load_plan(db, show_id).segments[0]
    version = [segment.version]

    def bare(i: int) -> None:
        with db.engine.begin() as conn:
            conn.execute(
                update(SegmentRow).where(SegmentRow.id == segment.id).values(duration_s=300 + i)
            )

    def edit(i: int) -> None:
        saved = segments.update_segment(db, segment.id, version[0], duration_s=600 + i)
        version[0] = saved.version

    bare_ms = statistics.median(timed(bare, repeats))
    event.remove(db._sessions, "after_flush", history._after_flush)
    unwatched = statistics.median(timed(edit, repeats))
    history.watch(db._sessions)
    full = statistics.median(timed(edit, repeats))
    return [
        Figure(f"edit write, {name}: bare UPDATE + commit", bare_ms, "ms"),
        Figure(
            f"edit write, {name}: field edit with history and lock check, vs without",
            full,
            "ms",
            unwatched,
            TARGET,
        ),
        Figure(f"edit write, {name}: the same edit, vs a frame", full, "ms", FRAME_MS, 1.0),
    ]


@contextmanager
def scratch_database(server: str) -> Iterator[str]:
    """A new, empty database on the given PostgreSQL server, dropped afterwards."""
    url = make_url(server)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    name = f"liveplanner_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def measure(size: str, folder: Path, postgres: str | None = None) -> list[Figure]:
    repeats = REPEATS[size]
    note(f"edit write: medians of {repeats} edits")
    db = open_database(f"sqlite:///{folder / 'bench.sqlite3'}", backup_dir=folder)
    try:
        figures = measure_on("SQLite", db, repeats)
    finally:
        db.close()
    if postgres:
        with scratch_database(postgres) as url:
            db = open_database(url)
            try:
                figures += measure_on("PostgreSQL", db, repeats)
            finally:
                db.close()
    return figures


def main() -> None:
    args = arguments(postgres_option)
    with scratch_folder() as folder:
        figures = measure(args.size, folder, args.postgres)
    report(figures, args.json)


if __name__ == "__main__":
    main()
