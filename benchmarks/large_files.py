"""Large and hostile files a person may import, against Python's own parsing of the same bytes.

A CSV run sheet as large as a show gets (1,000 segments, each with its product: products were
looked up by scanning all of them), against ten times the read of a tenth of it, so work that
grows with the rows before it shows; a 100,000-row one, refused once its rows are counted (it
took over 200 s), against the csv module reading it; a show file of 10 MB (130,000 minute
samples), read and checked against its schema, against json.loads; and one nested 100,000 deep,
refused (a RecursionError once).

Run: python benchmarks/large_files.py [--quick | --smoke] [--json]
"""

import csv
import io
import json
import statistics
import time
from collections.abc import Callable
from datetime import UTC, timedelta

from figures import Figure, arguments, note, report

from liveplanner.app.demo import demo_plan
from liveplanner.core.show_record import MetricSample, ShowBundle
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.runsheet.reader import MAX_SHEET_ROWS, read_script
from liveplanner.formats.showfile.reader import read_show_file
from liveplanner.formats.showfile.writer import show_document

REPEATS = {"full": 5, "quick": 3, "smoke": 1}
SEGMENTS = {"full": 1000, "quick": 1000, "smoke": 50}
ROWS = {"full": 100_000, "quick": 100_000, "smoke": MAX_SHEET_ROWS + 1}
SAMPLES = {"full": 130_000, "quick": 40_000, "smoke": 1_000}
METRICS = ("online_viewers", "entries", "exits", "views", "gmv")


def run_sheet(rows: int) -> bytes:
    lines = ["序号,时长,环节,商品,链接号,直播价,库存,优惠/福利,话术要点"]
    lines += [
        f"{n},0:43,讲解,商品{n},{n},129,3000,满199减30券 500张,卖点一 卖点二"
        for n in range(1, rows + 1)
    ]
    return "\n".join(lines).encode()


def show_file(samples: int) -> bytes:
    plan = demo_plan()
    start = plan.show.planned_start.astimezone(UTC)
    per_metric = samples // len(METRICS)
    bundle = ShowBundle(
        plan=plan,
        samples=tuple(
            MetricSample(start + timedelta(minutes=m), metric, m)
            for metric in METRICS
            for m in range(per_metric)
        ),
    )
    return json.dumps(show_document(bundle), ensure_ascii=False).encode()


def median_ms(job: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        job()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def refused(job: Callable[[], object]) -> Callable[[], None]:
    def run() -> None:
        try:
            job()
        except ImportRefused:
            return
        raise AssertionError("not refused")

    return run


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(), newline="")))


def measure(size: str) -> list[Figure]:
    repeats = REPEATS[size]
    note(f"large files: medians of {repeats}")
    sheet, tenth = run_sheet(SEGMENTS[size]), run_sheet(SEGMENTS[size] // 10)
    read = median_ms(lambda: read_script(sheet, "sheet.csv"), repeats)
    linear = 10 * median_ms(lambda: read_script(tenth, "sheet.csv"), repeats)
    huge = run_sheet(ROWS[size])
    refusal = median_ms(refused(lambda: read_script(huge, "sheet.csv")), repeats)
    counted = median_ms(lambda: csv_rows(huge), repeats)
    document = show_file(SAMPLES[size])
    note(f"large files: show file of {len(document) / 2**20:.1f} MB")
    checked = median_ms(lambda: read_show_file(document, "show.json"), repeats)
    loaded = median_ms(lambda: json.loads(document), repeats)
    deep = b'{"format": "liveplanner.show", "schema_version": 1, "app": ' + b"[" * 100_000
    deep_ms = median_ms(refused(lambda: read_show_file(deep, "deep.json")), repeats)
    return [
        Figure(
            f"large files: read a {SEGMENTS[size]}-segment CSV run sheet, vs 10 x a tenth of it",
            read,
            "ms",
            linear,
            target=1.5,  # no work per row that grows with the rows before it
        ),
        Figure(
            f"large files: refuse a {ROWS[size]}-row CSV run sheet, vs csv reading it",
            refusal,
            "ms",
            counted,
            target=3,
        ),
        Figure(
            f"large files: read a show file of {SAMPLES[size]} samples, vs json.loads",
            checked,
            "ms",
            loaded,
        ),
        Figure("large files: refuse a show file nested 100,000 deep", deep_ms, "ms"),
    ]


def main() -> None:
    args = arguments()
    report(measure(args.size), args.json)


if __name__ == "__main__":
    main()
