"""The `liveplanner` command run on a hostile input as a user runs it, in a subprocess held to the
issue's bounds (1 GiB of address space, 30 s), and the issue's standard checked on what it did:
refused in one line (exit 2, nothing changed in the database) or accepted with everything
afterwards working and every figure in range."""

import atexit
import json
import math
import os
import sqlite3
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from command_forks import Forks

# Bytes of address space, for the follow-up commands too: the heaviest, `review --out x.pdf`
# with Qt offscreen, peaks at 0.65 GiB (VmPeak, measured on the demo show), inside the cap.
MEMORY_CAP = 2**30
TIME_LIMIT = 30.0  # seconds
WEEK_S = 7 * 24 * 3600
FIGURE_LIMIT = 1e13
# Figures that may rightly be negative: a segment's net entries (entries minus exits).
SIGNED = frozenset({"net_entries"})
# "lost sys.stderr": Python had no memory left even to print the error.
_MEMORY_WORDS = ("MemoryError", "bad_alloc", "Cannot allocate memory", "lost sys.stderr")


# One server for the whole run, ended with it (closing its input ends it and its children).
FORKS = Forks()
atexit.register(FORKS.close)


@dataclass
class Ran:
    argv: list[str]
    returncode: int | None  # None: killed at the time limit
    stdout: bytes
    stderr: bytes
    seconds: float

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")

    def trouble(self) -> str:
        """How a failed run failed, as the coordinator's table names it."""
        killed = f"killed after {self.seconds:.0f} s"
        if any(word in self.err for word in _MEMORY_WORDS):
            ended = killed if self.returncode is None else f"exit {self.returncode}"
            return f"over memory ({ended}): {self.last_line()}"
        if self.returncode is None:
            return f"over time ({killed})"
        if self.returncode < 0:  # a signal: the address-space cap hit outside Python's reach
            return f"over memory (signal {-self.returncode}): {self.last_line()}"
        if "Traceback" in self.err:
            return f"traceback: {self.last_line()}"
        return f"exit {self.returncode}: {self.last_line()}"

    def last_line(self) -> str:
        lines = [line for line in self.err.splitlines() if line.strip()]
        return lines[-1][:300] if lines else "(no message)"

    def describe(self) -> str:
        return f"`{' '.join(self.argv)}` -> {self.trouble()}"


class Runner:
    """Runs `python -m liveplanner --database sqlite:///DB ...` with its data folder set, each
    command a process of its own forked from a server that has imported liveplanner once
    (command_forks.py): the same process, limits and output as a fresh one, without paying
    Python's start and the imports 20 times a case."""

    def __init__(self, database: Path, data_dir: Path) -> None:
        self.database = database
        self.env = {
            **os.environ,
            "LIVEPLANNER_DATA_DIR": str(data_dir),
            "QT_QPA_PLATFORM": "offscreen",
        }
        self.env.pop("LIVEPLANNER_DATABASE_URL", None)
        self.output = data_dir.with_name(f"{data_dir.name}-output")  # beside, not in, its data
        self.output.mkdir(parents=True, exist_ok=True)

    def start(self, *args: str) -> tuple[int, list[str], float, Path, Path]:
        argv = ["--database", f"sqlite:///{self.database}", *args]
        out = Path(tempfile.mkstemp(dir=self.output)[1])
        err = Path(tempfile.mkstemp(dir=self.output)[1])
        job = FORKS.start(argv, self.env, out, err, MEMORY_CAP)
        return job, ["liveplanner", *args], time.monotonic(), out, err

    @staticmethod
    def finish(started: tuple[int, list[str], float, Path, Path]) -> Ran:
        job, argv, began, out, err = started
        code = FORKS.wait(job, began + TIME_LIMIT)
        ran = Ran(argv, code, out.read_bytes(), err.read_bytes(), time.monotonic() - began)
        out.unlink()
        err.unlink()
        return ran

    def run(self, *args: str) -> Ran:
        return self.finish(self.start(*args))

    def run_together(self, *commands: tuple[str, ...]) -> list[Ran]:
        """Commands that only read, run side by side (each still held to the limits)."""
        return [self.finish(started) for started in [self.start(*c) for c in commands]]


def dump(database: Path) -> list[str]:
    """Everything the database holds, as SQL text (what `sqlite3 DB .dump` prints)."""
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        return list(db.iterdump())


def refusal_problems(ran: Ran, file_name: str, shown: str = "") -> list[str]:
    """What keeps a run from being a refusal in one line naming the file (and the value as the
    file gives it, when `shown`); [] when it is one."""
    problems = []
    if ran.returncode != 2:
        problems.append(ran.describe())
    lines = ran.err.split("\n")
    if not (len(lines) == 2 and lines[0].strip() and lines[1] == ""):
        problems.append(f"stderr is not one line: {ran.err[:500]!r}")
    if "Traceback" in ran.err:
        problems.append("a traceback on stderr")
    if file_name and file_name not in ran.err:
        problems.append(f"the refusal does not name the file {file_name!r}: {ran.last_line()}")
    if shown not in ran.err.replace(file_name, ""):  # "1e400" is in metrics_cell_1e400.csv
        problems.append(f"the refusal does not show the value {shown!r}: {ran.last_line()}")
    return problems


def _no_constants(name: str) -> float:
    raise ValueError(f"{name} in the JSON output")


def figure_problems(value: object, where: str = "") -> list[str]:
    """Every number finite and under 1e13, counts and durations not negative, durations under
    a week ([] when all is well)."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in figure_problems(item, f"{where}.{key}")]
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in figure_problems(item, f"{where}[{i}]")]
    if isinstance(value, bool) or not isinstance(value, int | float):
        return []
    key = where.rsplit(".", 1)[-1].split("[", 1)[0]
    problems = []
    if not math.isfinite(value) or abs(value) >= FIGURE_LIMIT:
        problems.append(f"{where} = {value!r} is out of range")
    elif value < 0 and key not in SIGNED:
        problems.append(f"{where} = {value!r} is negative")
    elif key.endswith(("_s", "seconds")) and value >= WEEK_S:
        problems.append(f"{where} = {value!r} s is a week or more")
    elif key.endswith("minutes") and key != "lag_minutes" and value >= WEEK_S / 60:
        problems.append(f"{where} = {value!r} minutes is a week or more")
    return problems


def json_output(ran: Ran) -> tuple[object, list[str]]:
    """A --json run's output, or the problems with it."""
    if ran.returncode != 0:
        return None, [ran.describe()]
    try:
        return json.loads(ran.out, parse_constant=_no_constants), []
    except ValueError as exc:
        return None, [f"`{' '.join(ran.argv)}` printed no valid JSON: {exc}"]


def follow_up_problems(runner: Runner, show_id: int, work: Path) -> list[str]:
    """After an accepted input: the show, its runs, its review and its exports all work."""
    show = str(show_id)
    outputs = {
        name: work / f"{show_id}-{name}"
        for name in ("review.xlsx", "review.pdf", "script.xlsx", "script.pdf")
    }
    # The first alone: a command may bring the database up to date (and back it up first),
    # which side by side with others would race; the rest only read, and run together.
    ran = [runner.run("show", show, "--json")]
    ran += runner.run_together(
        ("runs", show, "--json"),
        ("review", show, "--json"),
        ("review", show, "--out", str(outputs["review.xlsx"])),
        ("review", show, "--out", str(outputs["review.pdf"])),
        ("export-script", show, "--out", str(outputs["script.xlsx"])),
        ("export-script", show, "--out", str(outputs["script.pdf"])),
    )
    problems = []
    for result in ran[:3]:
        data, failed = json_output(result)
        problems += failed or figure_problems(data, result.argv[1])
    for result in ran[3:]:
        if result.returncode != 0:
            problems.append(result.describe())
    for name, path in outputs.items():
        if not path.is_file() or path.stat().st_size == 0:
            problems.append(f"no {name} was written")
    return problems


def stored_problems(database: Path, show_id: int) -> list[str]:
    """The show's stored minute metrics: none negative or out of range, all within a week."""
    try:
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
            rows = db.execute(
                "SELECT metric, min(value), max(value), min(minute), max(minute)"
                " FROM metric_samples WHERE show_id = ? GROUP BY metric",
                (show_id,),
            ).fetchall()
    except sqlite3.DatabaseError as exc:  # a restore that emptied the database, say
        return [f"the database holds no liveplanner data: {exc}"]
    problems = []
    for metric, low, high, first, last in rows:
        if low < 0 or high >= FIGURE_LIMIT:
            problems.append(f"stored {metric} runs from {low} to {high}")
        span = datetime.fromisoformat(last) - datetime.fromisoformat(first)
        if span.total_seconds() >= WEEK_S:
            problems.append(f"stored {metric} minutes span {first} to {last}")
    return problems


_CONTROL = {"\x1b", "\x07"} | {chr(c) for c in range(0x80, 0xA0)}
_CONTROL |= {chr(0xDC00 + c) for c in range(0x80, 0xA0)}  # a lone C1 byte, undecoded


def raw_control_problems(ran: Ran) -> list[str]:
    """ESC, BEL or a C1 control printed as it is: a terminal would act on it."""
    text = ran.stdout.decode("utf-8", "surrogateescape")
    found = sorted({f"U+{ord(c):04X}" for c in text if c in _CONTROL})
    return [f"`{' '.join(ran.argv)}` printed raw {', '.join(found)}"] if found else []
