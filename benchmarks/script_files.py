"""Reading a big run sheet and writing scripts out, against openpyxl's own work in the same run.

A 6-hour, 500-segment team sheet (XLSX, the 整场脚本 layout with offers and role cells) read
into a plan (what the import dialog does on every change of the mapping), against openpyxl
loading the same workbook; the export of that plan to XLSX against openpyxl writing the same
cells; and the printed PDF (run sheet and cue cards) of the demo show. The dialog reads on the
GUI thread, so the read must stay well under the half second a person notices.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/script_files.py [--quick | --smoke] [--json]
"""

import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
from figures import Figure, arguments, note, report

from liveplanner.app.demo import demo_plan
from liveplanner.formats.runsheet.reader import read_script
from liveplanner.formats.runsheet.writer import write_script_xlsx

KINDS = ("产品讲解", "秒杀", "发券", "福袋", "答疑")
REPEATS = {"full": 7, "quick": 3, "smoke": 1}
SEGMENTS = {"full": 500, "quick": 500, "smoke": 20}
OFFERS = {
    "秒杀": "秒杀价59元 限量300件",
    "发券": "满199减30券 500张 每人限1张",
    "福袋": "福袋 20个",
}


def team_sheet(segments: int) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["双11 六小时专场 整场脚本"])
    sheet.append(["序号", "时间", "时长", "环节", "商品", "链接号", "原价", "直播价", "库存",
                  "优惠/福利", "话术要点", "主播", "助播", "场控", "客服", "备注"])  # fmt: skip
    for n in range(1, segments + 1):
        kind = KINDS[n % len(KINDS)]
        at = (20 * 3600 + (n - 1) * 43) % 86_400  # 43 s each: 500 make six hours, past midnight
        start = f"{at // 3600:02d}:{at % 3600 // 60:02d}:{at % 60:02d}"
        sheet.append([n, start, "0:43", kind, f"商品{n % 40}", n % 40, 199, 129, 3000,
                      OFFERS.get(kind), "卖点一\n卖点二", "小美", "阿杰", "上架链接", "置顶规则",
                      ""])  # fmt: skip
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def median_ms(job: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        job()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(size: str) -> list[Figure]:
    repeats, segments = REPEATS[size], SEGMENTS[size]
    note(f"script files: medians of {repeats}")
    data = team_sheet(segments)
    read = median_ms(lambda: read_script(data, "sheet.xlsx"), repeats)
    bare = median_ms(
        lambda: [list(r) for r in openpyxl.load_workbook(io.BytesIO(data)).active.values],
        repeats,
    )
    figures = [
        Figure(
            f"script files: read a {segments}-segment run sheet, vs openpyxl loading it",
            read,
            "ms",
            bare,
        ),
    ]
    plan = read_script(data, "sheet.xlsx").plan
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.xlsx"
        written = median_ms(lambda: write_script_xlsx(plan, out), repeats)
        rows = [[c.value for c in r] for r in openpyxl.load_workbook(out).worksheets[0].iter_rows()]

        def bare_write() -> None:
            book = openpyxl.Workbook()
            for row in rows:
                book.active.append(row)
            book.save(Path(folder) / "bare.xlsx")

        baseline = median_ms(bare_write, repeats)
        figures.append(
            Figure(
                "script files: export it to XLSX, vs openpyxl writing its run sheet's cells",
                written,
                "ms",
                baseline,
            )
        )

        from PySide6.QtWidgets import QApplication

        from liveplanner.ui.printing.documents import write_script_pdf

        app = QApplication.instance() or QApplication([])
        demo = demo_plan()
        pdf = median_ms(lambda: write_script_pdf(demo, Path(folder) / "demo.pdf"), repeats)
        figures.append(Figure("script files: print the demo show to PDF", pdf, "ms"))
        del app
    return figures


def main() -> None:
    args = arguments()
    report(measure(args.size), args.json)


if __name__ == "__main__":
    main()
