"""Runs every benchmark and prints one table: figure, value, baseline, ratio, target.

Each benchmark runs in a process of its own (start-up measures cold starts, and a Qt benchmark
needs its own QApplication) and hands back its figures as JSON. A missed target is reported, not
an error: the exit status is 1 only when a benchmark fails to run. PostgreSQL is measured too
(in scratch databases edit_write.py and comparison_scale.py make and drop) when
LIVEPLANNER_TEST_POSTGRES_URL or --postgres gives a server.

Run: python benchmarks/run_all.py [--quick | --smoke] [--json] [--only NAME] [--postgres URL]
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from figures import Figure, arguments, note, postgres_option, report, summary

HERE = Path(__file__).resolve().parent
# In the README's order: start-up, the editor, the timer, then the data work.
BENCHMARKS = (
    "startup",
    "editor_retiming",
    "timer_lateness",
    "desk_clients",
    "metrics_import",
    "xlsx_import",
    "review",
    "comparison_scale",
    "advice_backtest",
    "script_files",
    "large_files",
    "edit_write",
    "feed_ingest",
    "feed_frames",
)


def options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--only", action="append", choices=BENCHMARKS, metavar="NAME", help="run only these"
    )
    postgres_option(parser)


def run_one(name: str, size: str, postgres: str | None) -> list[Figure] | None:
    """The benchmark's figures, or None when it failed (its own error is on stderr)."""
    command = [sys.executable, str(HERE / f"{name}.py"), "--json"]
    if size != "full":
        command.append(f"--{size}")
    if name in ("edit_write", "comparison_scale") and postgres:
        command += ["--postgres", postgres]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # stderr is left to the terminal: the benchmark's notes (sizes, counts) and any traceback.
    result = subprocess.run(command, stdout=subprocess.PIPE, text=True, env=env, check=False)
    if result.returncode != 0:
        note(f"{name}.py failed (exit status {result.returncode})")
        return None
    return [Figure.from_json(entry) for entry in json.loads(result.stdout)]


def closing_lines(figures: list[Figure], failed: list[str]) -> list[str]:
    """What follows the table: which targets were missed, and which benchmarks failed to run."""
    lines = summary(figures).splitlines()
    if failed:
        lines.append(f"failed to run: {', '.join(failed)}")
    return lines


def main() -> None:
    args = arguments(options)
    figures: list[Figure] = []
    failed = []
    for name in args.only or BENCHMARKS:
        note(f"running {name}.py ({args.size})…")
        measured = run_one(name, args.size, args.postgres)
        if measured is None:
            failed.append(name)
        else:
            figures += measured
    report(figures, args.json)
    for line in closing_lines(figures, failed):
        # With --json, stdout holds the JSON list only.
        print(line, file=sys.stderr if args.json else sys.stdout)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
