"""A writer killed (SIGKILL) at random moments never damages the database or loses a saved edit.

tests/crash_writer.py edits a show through the public storage API, one committed transaction at
a time, printing `saved N` after each edit (a segment update and a run event). The test kills it
after a random number of reported saves (or while it opens the database, or once its run has
started, before the first save), right after reading that line, so the kill lands somewhere in
the next edit. Then it opens the database as the app would after a crash and checks it: intact,
every reported edit there (the one after may or may not be: a commit can land before its line
is printed), the run log contiguous from seq 0, earlier runs untouched. The next round goes on
with the same database.

The kill moments come from random.Random(seed), a new seed each run; the seed is in every
assertion message, and LIVEPLANNER_CRASH_SEED=<seed> replays the same choices (the exact point
in an edit where the kill lands is up to the scheduler).
"""

import contextlib
import json
import math
import os
import random
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO
from zoneinfo import ZoneInfo

import pytest
from crash_writer import edit_duration, edit_title
from sqlalchemy import func, select, text

from liveplanner.app.workspace import open_database
from liveplanner.core.enums import RunEventKind, SegmentKind
from liveplanner.core.plan import Segment
from liveplanner.storage import runs, segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.models import Base, ShowRow

WRITER = Path(__file__).with_name("crash_writer.py")
ROUNDS = 25
EDITS = 1000
SEGMENTS = 5
SEED_ENV = "LIVEPLANNER_CRASH_SEED"
WATCHDOG_S = 120  # a writer that hangs is killed, so a broken test fails instead of hanging
START = datetime(2026, 11, 11, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@dataclass
class Writer:
    """One crash_writer process, started ahead of its turn (it waits for its job on stdin)."""

    process: subprocess.Popen[str]
    stderr: IO[str]
    lines: list[str] = field(default_factory=list)

    def read_line(self) -> str | None:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            return None
        self.lines.append(line.strip())
        return self.lines[-1]

    def errors(self) -> str:
        self.stderr.flush()
        self.stderr.seek(0)
        return self.stderr.read()[-3000:]

    def stop(self) -> None:
        """SIGKILL (if still running), reap, and read what it had printed before it died."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        while self.read_line() is not None:
            pass


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator:
    """Starts writers; whatever happens in the test, none outlives it."""
    started: list[Writer] = []

    def start() -> Writer:
        stderr = open(tmp_path / f"writer-{len(started)}.stderr", "w+")  # noqa: SIM115
        process = subprocess.Popen(
            [sys.executable, str(WRITER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            bufsize=1,
        )
        started.append(Writer(process, stderr))
        return started[-1]

    try:
        yield start
    finally:
        for writer in started:
            if writer.process.poll() is None:
                writer.process.kill()
            writer.process.wait()
            for pipe in (writer.process.stdin, writer.process.stdout):
                if pipe is not None:
                    with contextlib.suppress(OSError):
                        pipe.close()
            writer.stderr.close()


def _kill_plan(rng: random.Random) -> list[tuple[str, int]]:
    """How each round ends, in a shuffled order: ('start', 0) kills the writer right after it is
    given its job (while it opens the database), ('run', 0) once its run has started, ('saves',
    k) once it has reported k saves.

    The k are spread log-uniformly over 1..EDITS, one from each of equal slices of the log
    scale: every run has kills after the first few saves and one in the last stretch of the
    1,000, but the total number of edits stays about 3,000 (an edit is two fsynced commits, ~5 ms
    on SQLite and ~10 ms on PostgreSQL; kills uniform over the 1,000 would make this test take
    a minute or two per database, and vary as much)."""
    plan = [("start", 0), ("start", 0), ("run", 0), ("run", 0)]
    slices = ROUNDS - len(plan)
    top = math.log(EDITS)
    for j in range(slices):
        k = math.exp(rng.uniform(top * j / slices, top * (j + 1) / slices))
        plan.append(("saves", min(EDITS, max(1, round(k)))))
    rng.shuffle(plan)
    return plan


def _segment_state(plan_segments: tuple[Segment, ...]) -> dict[int, tuple[str, int, int]]:
    return {s.id: (s.title, s.duration_s, s.version) for s in plan_segments}


def _check_intact(db: Database, where: str) -> None:
    """SQLite's own checks; on both, every table of the models can be read whole."""
    with db.engine.connect() as conn:
        if db.is_sqlite:
            assert conn.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"], where
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == [], where
        for table in Base.metadata.sorted_tables:
            conn.execute(select(table)).all()
        assert conn.execute(select(func.count()).select_from(ShowRow)).scalar() == 1, where


def test_a_killed_writer_loses_no_saved_edit(db_url: str, tmp_path: Path, spawn) -> None:
    seed = int(os.environ.get(SEED_ENV) or random.SystemRandom().randrange(2**32))
    rng = random.Random(seed)
    backups = tmp_path / "backups"
    db = open_database(db_url, backup_dir=backups)
    show_id = shows.create_show(db, "crash test", START)
    segment_ids = [
        segments.add_segment(db, show_id, SegmentKind.OTHER, f"segment {k}", 60).id
        for k in range(SEGMENTS)
    ]
    state = _segment_state(shows.load_plan(db, show_id).segments)
    db.close()
    logged: dict[int, int] = {}  # every run so far -> its number of events, which must stay
    history: list[str] = []

    upcoming = spawn()
    for round_, (mode, target) in enumerate(_kill_plan(rng)):
        writer, upcoming = upcoming, (spawn() if round_ + 1 < ROUNDS else None)
        where = f"seed={seed} ({SEED_ENV}) round={round_} kill={mode}:{target}"
        timer = threading.Timer(WATCHDOG_S, writer.process.kill)
        timer.start()
        try:
            assert writer.read_line() == "ready", f"{where}: writer failed\n{writer.errors()}"
            job = {
                "url": db_url,
                "backup_dir": str(backups),
                "round": round_,
                "show_id": show_id,
                "segment_ids": segment_ids,
                "edits": EDITS,
            }
            assert writer.process.stdin is not None
            writer.process.stdin.write(json.dumps(job) + "\n")
            writer.process.stdin.flush()
            wanted = {"run": "run ", "saves": f"saved {target}"}.get(mode)
            while wanted is not None:
                line = writer.read_line()
                assert line is not None, f"{where}: writer stopped early\n{writer.errors()}"
                if line == wanted or (mode == "run" and line.startswith(wanted)):
                    break
            writer.stop()
        finally:
            timer.cancel()
        assert writer.process.returncode in (-signal.SIGKILL, 0), (
            f"{where}: writer failed ({writer.process.returncode})\n{writer.errors()}"
        )
        saves = [int(line.split()[1]) for line in writer.lines if line.startswith("saved ")]
        reported = max(saves, default=0)
        assert saves == list(range(1, reported + 1)), where
        run_lines = [int(line.split()[1]) for line in writer.lines if line.startswith("run ")]
        assert reported >= target, where
        if writer.process.returncode == 0:
            assert reported == EDITS and writer.lines[-1] == "done", where
        where += f" last reported save={reported}"
        history.append(f"{mode}:{target}->{reported}")

        # The app starts again after the crash: it opens the database as it is.
        db = open_database(db_url, backup_dir=backups)
        try:
            _check_intact(db, where)
            plan = shows.load_plan(db, show_id)
            after = _segment_state(plan.segments)
            assert sorted(after) == sorted(segment_ids), where
            # The edit after the last reported one may have landed (commit before print).
            done = reported
            if reported < EDITS:
                next_id = segment_ids[(reported + 1) % SEGMENTS]
                if after[next_id][0] == edit_title(round_, reported + 1):
                    done = reported + 1
            for k, segment_id in enumerate(segment_ids):
                title, duration, version = state[segment_id]
                mine = [i for i in range(1, done + 1) if i % SEGMENTS == k]
                if mine:
                    title, duration = edit_title(round_, mine[-1]), edit_duration(round_, mine[-1])
                expected = (title, duration, version + len(mine))
                assert after[segment_id] == expected, f"{where}: segment {k}"

            all_runs = {r.id: r for r in runs.list_runs(db, show_id)}
            for run_id, count in logged.items():
                assert run_id in all_runs, f"{where}: an earlier run is gone"
                assert len(all_runs[run_id].events) == count, f"{where}: earlier run {run_id}"
            new = [r for r in all_runs.values() if r.id not in logged]
            if run_lines or reported:
                assert [r.id for r in new] == run_lines, f"{where}: the run is missing"
            else:
                assert len(new) <= 1, where  # start_run may have committed before its line
            if new:
                (run,) = new
                events = run.events
                logged_upto = len(events) - 1
                assert [e.seq for e in events] == list(range(len(events))), where
                assert reported <= logged_upto <= done, f"{where}: {logged_upto} events"
                assert events[0].kind is RunEventKind.STARTED, where
                for seq, event in enumerate(events[1:], start=1):
                    assert (event.kind, event.text, event.seconds, event.segment_id) == (
                        RunEventKind.NOTE,
                        f"edit {seq}",
                        seq,
                        segment_ids[seq % SEGMENTS],
                    ), f"{where}: event {seq}"
                assert run.ended_at is None, where
                logged[run.id] = len(events)
            state = after
        finally:
            db.close()
    print(f"crash rounds (seed {seed}): {' '.join(history)}")
