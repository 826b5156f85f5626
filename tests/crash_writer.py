"""A writer for test_crash_safety: edits a show through the public storage API until killed.

Run as `python crash_writer.py`. It imports everything first and prints `ready`, then reads one
line of JSON from stdin (url, backup_dir, round, show_id, segment_ids, edits), so the test can
start the next writer while the current one works and not wait for Python and SQLAlchemy to load.

Then it opens the database (as the app does after a crash), starts a rehearsal run (one
transaction; prints `run ID`) and does `edits` edits. Edit i (from 1):

- updates segment_ids[i % len(segment_ids)]: title `round R edit i`, duration R * 1000 + i
  (one transaction, against the version it last saw);
- logs a NOTE event on the run (one transaction): seq i, seconds i, text `edit i`;

and only then prints `saved i` and flushes. A kill lands anywhere in that sequence.
"""

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from liveplanner.app.workspace import open_database
from liveplanner.core.enums import RunEventKind, RunKind
from liveplanner.storage import runs, segments, shows


def edit_title(round_: int, edit: int) -> str:
    return f"round {round_} edit {edit}"


def edit_duration(round_: int, edit: int) -> int:
    return round_ * 1000 + edit


def main() -> None:
    print("ready", flush=True)
    job = json.loads(sys.stdin.readline())
    round_ = int(job["round"])
    segment_ids = [int(i) for i in job["segment_ids"]]
    db = open_database(job["url"], backup_dir=Path(job["backup_dir"]))
    versions = {s.id: s.version for s in shows.load_plan(db, job["show_id"]).segments}
    run_id = runs.start_run(db, job["show_id"], RunKind.REHEARSAL, datetime.now(UTC), 0.0)
    print(f"run {run_id}", flush=True)
    for edit in range(1, int(job["edits"]) + 1):
        segment_id = segment_ids[edit % len(segment_ids)]
        saved = segments.update_segment(
            db,
            segment_id,
            versions[segment_id],
            title=edit_title(round_, edit),
            duration_s=edit_duration(round_, edit),
        )
        versions[segment_id] = saved.version
        runs.log_event(
            db,
            run_id,
            RunEventKind.NOTE,
            datetime.now(UTC),
            float(edit),
            segment_id=segment_id,
            seconds=edit,
            text=f"edit {edit}",
        )
        print(f"saved {edit}", flush=True)
    db.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
