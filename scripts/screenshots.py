"""Regenerate the README's screenshots from the demo show, in Chinese and English.

On a screen, or a virtual one:  xvfb-run -s "-screen 0 1600x1000x24" python scripts/screenshots.py
The README's pictures go to docs/screenshots/; with --tabs DIR, every tab of the editor is
also shot into DIR, for checking. Look at each picture before committing it.
"""

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QWidget

from liveplanner.core.enums import RunKind
from liveplanner.demo import create_demo
from liveplanner.settings import Preferences
from liveplanner.storage.database import Database, open_database
from liveplanner.storage.shows import load_plan
from liveplanner.ui.app import install_translators
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.rehearsal.host_view import HostView
from liveplanner.ui.rehearsal.run_controller import RunController
from liveplanner.ui.theme import apply_theme

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZE = (1500, 900)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def grab(app: QApplication, widget: QWidget, name: str) -> None:
    settle(app)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def shoot(app: QApplication, language: str, theme: str, folder: Path, tabs: Path | None) -> None:
    translators = install_translators(app, QLocale(language))
    apply_theme(app, theme)
    db = open_database(f"sqlite:///{folder / f'{language}-{theme}.sqlite3'}", backup_dir=folder)
    show_id = create_demo(db)
    window = MainWindow(db, Preferences(language=language, theme=theme))
    window.resize(*SIZE)
    window.show()
    suffix = f"{language.split('_')[0]}" + ("-dark" if theme == "dark" else "")
    if theme == "light":
        grab(app, window, f"show-list-{suffix}")
    window.open_show(show_id)
    editor = window.editor
    assert editor is not None
    editor.select_segment(editor.doc.plan.segments[3].id)  # a coupon drop: cues and a release
    grab(app, window, f"editor-{suffix}")
    if tabs is not None:
        for tab, name in (
            (editor.team, "team"),
            (editor.products, "products"),
            (editor.promos, "promos"),
            (editor.findings, "findings"),
            (editor.show_form, "show-settings"),
        ):
            editor.tabs.setCurrentWidget(tab)
            settle(app)
            window.grab().save(str(tabs / f"editor-{name}-{suffix}.png"))
    shoot_timer(app, db, show_id, suffix, theme)
    window.close()
    window.deleteLater()  # gone before the next language's window, and before Python exits
    settle(app)
    db.close()
    for translator in translators:
        app.removeTranslator(translator)


def shoot_timer(app: QApplication, db: Database, show_id: int, suffix: str, theme: str) -> None:
    """The host view and the presenter screen 15 s into the first coupon drop of a rehearsal."""
    if theme != "light":
        return
    plan = load_plan(db, show_id)
    clock = {"at": 0.0}
    start = plan.show.planned_start
    controller = RunController(
        db,
        plan,
        RunKind.REHEARSAL,
        now=lambda: clock["at"],
        wall=lambda: start + timedelta(seconds=clock["at"]),
    )
    view = HostView(controller)
    view.resize(*SIZE)
    view.show()
    controller.act("toggle")
    for _ in range(3):
        clock["at"] += 480
        controller.act("next")
    clock["at"] += 15  # the floor controller's coupon cue is due in 15 s
    view.refresh()
    grab(app, view, f"host-view-{suffix}")
    view.message.setText(view.tr("wrap up") if suffix.startswith("en") else "准备收尾")
    view.send_message()
    presenter = view.presenter
    assert presenter is not None
    presenter.showNormal()
    presenter.resize(1280, 720)
    view.refresh()
    grab(app, presenter, f"presenter-{suffix}")
    view.ticker.stop()
    presenter.close()
    view.deleteLater()
    settle(app)


def main() -> None:
    app = QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    tabs = Path(sys.argv[sys.argv.index("--tabs") + 1]) if "--tabs" in sys.argv else None
    if tabs is not None:
        tabs.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for language, theme in (("zh_CN", "light"), ("en", "light"), ("zh_CN", "dark")):
            shoot(app, language, theme, Path(folder), tabs)


if __name__ == "__main__":
    main()
