"""What a benchmark reports: figures against a baseline and a target, printed as a table or JSON.

Each benchmark script returns its figures from a `measure` function and prints them with
`report`, so it runs alone (`python benchmarks/X.py [--quick | --smoke] [--json]`), and
benchmarks/run_all.py collects the same figures from each script's `--json` output.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FRAME_MS = 1000 / 60
POSTGRES_ENV = "LIVEPLANNER_TEST_POSTGRES_URL"


@dataclass(frozen=True)
class Figure:
    """One measured median. `baseline` is in the same unit: measured in the same run, or a fixed
    yardstick such as one 60 Hz frame; `target` is the ratio the figure must stay at or under,
    None when the figure is only informational."""

    name: str
    value: float
    unit: str
    baseline: float | None = None
    target: float | None = None

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline

    @property
    def missed(self) -> bool:
        ratio = self.ratio
        return self.target is not None and ratio is not None and ratio > self.target

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "baseline": self.baseline,
            "ratio": self.ratio,
            "target": self.target,
        }

    @classmethod
    def from_json(cls, entry: dict[str, Any]) -> "Figure":
        return cls(entry["name"], entry["value"], entry["unit"], entry["baseline"], entry["target"])


def timed(job: Callable[[], object]) -> float:
    """Seconds one run of `job` takes."""
    start = time.perf_counter()
    job()
    return time.perf_counter() - start


def alternating_medians(repeats: int, *jobs: Callable[[], object]) -> list[float]:
    """Each job's median seconds over `repeats` rounds, the jobs taking turns within a round:
    a baseline and what is measured against it see the same machine, where timing one's runs
    and then the other's let another process's load fall on one side only."""
    times: list[list[float]] = [[] for _ in jobs]
    for _ in range(repeats):
        for taken, job in zip(times, jobs, strict=True):
            taken.append(timed(job))
    return [statistics.median(taken) for taken in times]


def note(text: str) -> None:
    """Context for a person (sizes, counts); on stderr, so `--json` output stays parseable."""
    print(text, file=sys.stderr, flush=True)


@contextmanager
def scratch_folder() -> Iterator[Path]:
    """A folder for a benchmark's databases and files, removed afterwards (they reach 150 MB)."""
    with tempfile.TemporaryDirectory(
        prefix="liveplanner-bench-", ignore_cleanup_errors=True
    ) as name:
        yield Path(name)


def number(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 0.1:
        return f"{value:.2f}"
    return f"{value:.2g}" if value >= 0.001 else f"{value:.1e}"  # two significant digits


def table(figures: Iterable[Figure]) -> str:
    rows = [("figure", "value", "baseline", "ratio", "target", "")]
    for f in figures:
        ratio = f.ratio
        rows.append(
            (
                f.name,
                f"{number(f.value)} {f.unit}",
                "" if f.baseline is None else f"{number(f.baseline)} {f.unit}",
                "" if ratio is None else f"{ratio:.2f}x",
                "" if f.target is None else f"{f.target:g}x",
                "MISSED" if f.missed else "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:-1], widths[1:-1], strict=True)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def summary(figures: Sequence[Figure]) -> str:
    targeted = [f for f in figures if f.target is not None]
    missed = [f for f in targeted if f.missed]
    if not missed:
        return f"all {len(targeted)} targets met"
    named = [f"  {f.name}: {f.ratio:.2f}x, target {f.target:g}x" for f in missed]
    return "\n".join([f"{len(missed)} of {len(targeted)} targets missed:", *named])


def arguments(extra: Callable[[argparse.ArgumentParser], None] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=sys.modules["__main__"].__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    size.add_argument("--smoke", action="store_true", help="tiny sizes: checks the code runs")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    if extra:
        extra(parser)
    args = parser.parse_args()
    args.size = "smoke" if args.smoke else "quick" if args.quick else "full"
    return args


def postgres_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--postgres",
        metavar="URL",
        default=os.environ.get(POSTGRES_ENV),
        help=f"a PostgreSQL server to measure on too (default: ${POSTGRES_ENV})",
    )


def report(figures: Sequence[Figure], as_json: bool) -> None:
    if as_json:
        print(json.dumps([f.as_json() for f in figures], indent=2, ensure_ascii=False))
    else:
        print(table(figures))
