"""What one saved edit costs: a segment's field changed through storage (version check, the lock
check, a line in the show's history, commit) against two baselines on the same database: the same
edit with the history hook taken off (what the history and the lock add), and the bare write, one
UPDATE of the same row committed. Medians in milliseconds; an edit must stay far under a frame.

Run: python benchmarks/edit_write.py [--quick] [--postgres URL]
"""

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import event, update

from liveplanner.demo import demo_plan
from liveplanner.storage import history, segments, shows
from liveplanner.storage.database import Database, open_database
from liveplanner.storage.models import SegmentRow


def timed(action: Callable[[int], object], repeats: int) -> list[float]:
    samples = []
    for i in range(repeats):
        start = time.perf_counter()
        action(i)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def measure(name: str, db: Database, repeats: int) -> None:
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
    print(f"{name}: bare UPDATE + commit                 median {bare_ms:7.2f} ms")
    print(f"{name}: edit without history (baseline)      median {unwatched:7.2f} ms")
    print(
        f"{name}: edit with history and lock check     median {full:7.2f} ms"
        f"  ratio {full / unwatched:4.2f}x (target: under 2x; under 16 ms, one frame)"
    )


def main() -> None:
    repeats = 30 if "--quick" in sys.argv else 200
    folder = Path(tempfile.mkdtemp())
    db = open_database(f"sqlite:///{folder / 'bench.sqlite3'}", backup_dir=folder)
    measure("SQLite", db, repeats)
    db.close()
    if "--postgres" in sys.argv:
        db = open_database(sys.argv[sys.argv.index("--postgres") + 1])
        measure("PostgreSQL", db, repeats)
        db.close()


if __name__ == "__main__":
    main()
