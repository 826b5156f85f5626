"""How the editor keeps up with a 1,000-segment show: opening it, re-timing after a move, and
painting the table while scrolling. Medians in milliseconds against a 16 ms frame (60 Hz).

Run: python benchmarks/editor_retiming.py [--quick]
"""

import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from liveplanner.core.schedule import schedule
from liveplanner.demo import demo_plan
from liveplanner.storage import shows
from liveplanner.storage.database import open_database
from liveplanner.ui.editor import commands
from liveplanner.ui.editor.show_editor import ShowEditor

FRAME_MS = 1000 / 60
SEGMENTS = 1000


def ms(seconds: float) -> float:
    return seconds * 1000


def timed(action: object, repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        samples.append(ms(time.perf_counter() - start))
    return samples


def report(name: str, samples: list[float]) -> None:
    median = statistics.median(samples)
    frames = median / FRAME_MS
    print(f"{name:<44} median {median:8.2f} ms  max {max(samples):8.2f} ms  {frames:5.2f} frames")


def main() -> None:
    quick = "--quick" in sys.argv
    repeats = 5 if quick else 25
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    db = open_database(f"sqlite:///{folder / 'bench.sqlite3'}", backup_dir=folder)
    base = demo_plan()
    big = replace(
        base,
        segments=tuple(
            replace(base.segments[i % len(base.segments)], id=i + 1) for i in range(SEGMENTS)
        ),
        releases=(),
        duties=(),
    )
    show_id = shows.save_plan(db, big)
    print(f"{SEGMENTS} segments, baseline: one frame at 60 Hz = {FRAME_MS:.1f} ms")

    report(
        "open the editor (load, model, widgets)",
        timed(lambda: ShowEditor(db, show_id).deleteLater(), 3 if quick else 7),
    )
    editor = ShowEditor(db, show_id)
    editor.resize(1400, 900)
    editor.show()
    app.processEvents()
    doc = editor.doc

    report("re-time the whole show (core.schedule)", timed(lambda: schedule(doc.plan), repeats))

    def move_first_to_end() -> None:
        order = [s.id for s in doc.plan.segments]
        doc.reorder_segments(order[1:] + order[:1])

    # The database write of a move is measured apart from the re-timing the screen waits for.
    def retime_in_memory() -> None:
        order = [s.id for s in doc.plan.segments]
        by_id = {s.id: s for s in doc.plan.segments}
        doc.plan = replace(doc.plan, segments=tuple(by_id[i] for i in order[1:] + order[:1]))
        doc.segments_reordered.emit()
        doc._derive()

    report("move: re-time + findings + table update", timed(retime_in_memory, repeats))
    report("move: the same with its database write", timed(move_first_to_end, repeats))
    command_samples = timed(
        lambda: doc.undo_stack.push(commands.MoveSegments.by(doc, [doc.plan.segments[0].id], 1)),
        repeats,
    )
    report("move: Alt+Down as an undo command", command_samples)

    view = editor.table
    bar = view.verticalScrollBar()

    def scroll_a_page() -> None:
        bar.setValue((bar.value() + bar.pageStep()) % max(bar.maximum(), 1))
        view.viewport().repaint()

    report("scroll one page and paint the table", timed(scroll_a_page, repeats * 2))
    editor.deleteLater()
    app.processEvents()
    db.close()


if __name__ == "__main__":
    main()
