"""Importing a 1,000,000-row per-second export (about 45 MB: a time and seven metrics) into the
database, against a bare pandas.read_csv of the same file in the same run (target: 3x or less).

The import is the whole job the command and the dialog do: read the bytes, decode strictly, find
the header, map the columns, read times and numbers, make minutes, and replace the show's samples
in the SQLite database (a first import, then a re-import that replaces it).

Run: python benchmarks/metrics_import.py [--quick | --smoke] [--json]
(--quick: 200,000 rows, 3 repeats; --smoke: 2,000 rows, once)
"""

import statistics
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
from figures import Figure, arguments, note, report, scratch_folder

from liveplanner.app.workspace import open_database
from liveplanner.formats.metrics.reader import read_metrics
from liveplanner.formats.metrics.records import ImportOptions
from liveplanner.storage.samples import ImportSource, replace_metrics
from liveplanner.storage.shows import create_show

ZONE = ZoneInfo("Asia/Shanghai")
TARGET = 3.0
SIZES = {"full": (1_000_000, 5), "quick": (200_000, 3), "smoke": (2_000, 1)}  # rows, repeats


def write_export(path: Path, rows: int) -> None:
    """A compass-style per-second export with realistic value ranges (seeded)."""
    rng = np.random.default_rng(11)
    times = pd.date_range("2025-11-11 20:00:00", periods=rows, freq="s")
    frame = pd.DataFrame(
        {
            "时间": times.strftime("%Y-%m-%d %H:%M:%S"),
            "实时在线人数": rng.integers(1_000, 50_000, rows),
            "进入直播间人数": rng.integers(0, 30, rows),
            "离开直播间人数": rng.integers(0, 30, rows),
            "成交金额(元)": (rng.integers(0, 100_000, rows) / 100).round(2),
            "成交订单数": rng.integers(0, 5, rows),
            "评论次数": rng.integers(0, 10, rows),
            "点赞次数": rng.integers(0, 50, rows),
        }
    )
    frame.to_csv(path, index=False)


def measure(size: str, folder: Path) -> list[Figure]:
    rows, repeats = SIZES[size]
    export = folder / "per-second.csv"
    write_export(export, rows)
    db = open_database(f"sqlite:///{folder / 'bench.sqlite3'}", backup_dir=folder)
    options = ImportOptions(ZONE)
    bare, first, again, parse = [], [], [], []
    for _ in range(repeats):
        start = time.perf_counter()
        pd.read_csv(export)
        bare.append(time.perf_counter() - start)

        show_id = create_show(db, "bench", datetime(2025, 11, 11, 20, tzinfo=ZONE))
        start = time.perf_counter()
        result = read_metrics(export.read_bytes(), export.name, options)
        parsed = time.perf_counter()
        replace_metrics(db, show_id, result.samples, ImportSource(export.name))
        first.append(time.perf_counter() - start)
        parse.append(parsed - start)

        start = time.perf_counter()
        result = read_metrics(export.read_bytes(), export.name, options)
        replace_metrics(db, show_id, result.samples, ImportSource(export.name))
        again.append(time.perf_counter() - start)
    db.close()
    baseline = statistics.median(bare)
    size_mb = export.stat().st_size / 2**20
    note(
        f"metrics import: {rows:,} rows, {size_mb:.0f} MB, {len(result.samples):,} samples; "
        f"medians of {repeats}; baseline: bare pandas.read_csv"
    )
    what = f"metrics import, {rows:,} rows"
    return [
        Figure(
            f"{what}: read and make minutes (no database), vs pandas.read_csv",
            statistics.median(parse),
            "s",
            baseline,
        ),
        Figure(
            f"{what}: import into a show (first import), vs pandas.read_csv",
            statistics.median(first),
            "s",
            baseline,
            TARGET,
        ),
        Figure(
            f"{what}: import again (replaces the samples), vs pandas.read_csv",
            statistics.median(again),
            "s",
            baseline,
            TARGET,
        ),
    ]


def main() -> None:
    args = arguments()
    with scratch_folder() as folder:
        figures = measure(args.size, folder)
    report(figures, args.json)


if __name__ == "__main__":
    main()
