"""How the editor keeps up with a 1,000-segment show: opening it, re-timing after a move, and
painting the table while scrolling. Medians in milliseconds against a 16.7 ms frame (60 Hz);
what follows a keystroke or a scroll (the re-timing and redraw after a move, a page of scrolling)
must fit in one frame.

Run: python benchmarks/editor_retiming.py [--quick | --smoke] [--json]
"""

import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from figures import FRAME_MS, Figure, arguments, note, report, scratch_folder
from PySide6.QtWidgets import QApplication

from liveplanner.app.demo import demo_plan
from liveplanner.app.workspace import open_database
from liveplanner.core.rules import check
from liveplanner.core.schedule import schedule
from liveplanner.storage import shows
from liveplanner.ui.editor import commands
from liveplanner.ui.editor.show_editor import ShowEditor

# segments, repeats of each step, times the editor is opened
SIZES = {"full": (1000, 25, 7), "quick": (1000, 5, 3), "smoke": (50, 1, 1)}


def ms(seconds: float) -> float:
    return seconds * 1000


def timed(action: object, repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        samples.append(ms(time.perf_counter() - start))
    return samples


def measure(size: str, folder: Path) -> list[Figure]:
    count, repeats, opens = SIZES[size]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(f"sqlite:///{folder / 'bench.sqlite3'}", backup_dir=folder)
    base = demo_plan()
    big = replace(
        base,
        segments=tuple(
            replace(base.segments[i % len(base.segments)], id=i + 1) for i in range(count)
        ),
        releases=(),
        duties=(),
    )
    show_id = shows.save_plan(db, big)
    note(f"editor: {count:,} segments, medians of {repeats} (the editor opened {opens} times)")
    figures = []

    def frames(name: str, samples: list[float], target: float | None = None) -> None:
        note(f"editor: {name}: max {max(samples):.2f} ms")
        figures.append(
            Figure(
                f"editor, {count:,} segments: {name}, vs a frame",
                statistics.median(samples),
                "ms",
                FRAME_MS,
                target,
            )
        )

    frames(
        "open the editor (load, model, widgets)",
        timed(lambda: ShowEditor(db, show_id).deleteLater(), opens),
    )
    editor = ShowEditor(db, show_id)
    editor.resize(1400, 900)
    editor.show()
    app.processEvents()
    doc = editor.doc

    frames("re-time the whole show (core.schedule)", timed(lambda: schedule(doc.plan), repeats))

    def move_first_to_end() -> None:
        order = [s.id for s in doc.plan.segments]
        doc.reorder_segments(order[1:] + order[:1])

    # The database write of a move is measured apart from the re-timing the screen waits for.
    def retime_in_memory() -> None:
        order = [s.id for s in doc.plan.segments]
        by_id = {s.id: s for s in doc.plan.segments}
        doc.plan = replace(doc.plan, segments=tuple(by_id[i] for i in order[1:] + order[:1]))
        doc.segments_reordered.emit()
        # What the document does after any change: times and findings again, then views redraw.
        doc.schedule = schedule(doc.plan)
        doc.findings = check(doc.plan)
        doc.plan_changed.emit()

    frames("re-time, findings and table update after a move", timed(retime_in_memory, repeats), 1.0)
    frames("the same with the move's database write", timed(move_first_to_end, repeats))
    command_samples = timed(
        lambda: doc.undo_stack.push(commands.MoveSegments.by(doc, [doc.plan.segments[0].id], 1)),
        repeats,
    )
    frames("a move as an undo command (Alt+Down)", command_samples)

    view = editor.table
    bar = view.verticalScrollBar()

    def scroll_a_page() -> None:
        bar.setValue((bar.value() + bar.pageStep()) % max(bar.maximum(), 1))
        view.viewport().repaint()

    frames("scroll one page and paint the table", timed(scroll_a_page, repeats * 2), 1.0)
    editor.deleteLater()
    app.processEvents()
    db.close()
    return figures


def main() -> None:
    args = arguments()
    with scratch_folder() as folder:
        figures = measure(args.size, folder)
    report(figures, args.json)


if __name__ == "__main__":
    main()
