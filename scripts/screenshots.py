"""Regenerate the README's screenshots from the demo show, in Chinese and English.

On a screen, or a virtual one:  xvfb-run -s "-screen 0 1366x768x24" python scripts/screenshots.py
The README's pictures go to docs/screenshots/; with --tabs DIR, every tab of the editor is
also shot into DIR, for checking. Look at each picture before committing it.
"""

import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLocale
from PySide6.QtWidgets import QApplication, QWidget

from liveplanner.app import settings
from liveplanner.app.demo import create_demo
from liveplanner.app.live_desk import LiveDesk
from liveplanner.app.live_feed import LiveFeed
from liveplanner.app.refusals import OperationRefused
from liveplanner.app.settings import Preferences
from liveplanner.app.workspace import open_database
from liveplanner.core.enums import DeskEventKind, Role, RunKind, SegmentKind
from liveplanner.core.live_desk import ItemKind
from liveplanner.core.plan import ShowPlan
from liveplanner.storage import segments, shows
from liveplanner.storage.backup import backup_sqlite
from liveplanner.storage.database import Database
from liveplanner.storage.samples import load_metrics
from liveplanner.storage.shows import load_plan
from liveplanner.ui.about_dialog import AboutDialog
from liveplanner.ui.backups_dialog import BackupsDialog
from liveplanner.ui.desk.desk_window import DeskWindow
from liveplanner.ui.editor import commands
from liveplanner.ui.editor.conflict_dialog import ConflictDialog
from liveplanner.ui.editor.document import Conflict
from liveplanner.ui.history_dialog import HistoryDialog
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.printing.documents import write_script_pdf
from liveplanner.ui.rehearsal.host_view import HostView
from liveplanner.ui.rehearsal.run_controller import RunController
from liveplanner.ui.review.import_dialog import MetricsImportDialog
from liveplanner.ui.review.report import write_report
from liveplanner.ui.review.report_dialog import report_input
from liveplanner.ui.script.import_dialog import ScriptImportDialog
from liveplanner.ui.share_dialog import ShareDialog
from liveplanner.ui.theme import apply_theme
from liveplanner.ui.translators import install_translators
from liveplanner.web.sharing import ScreenServer

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZE = (1366, 705)  # a 1366×768 laptop, maximised: what a producer has


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
    if theme == "light":
        shoot_first_run(app, language, folder)
    db = open_database(f"sqlite:///{folder / f'{language}-{theme}.sqlite3'}", backup_dir=folder)
    db.user = "陈婷" if language.startswith("zh") else "Chen Ting"  # the producer, in the history
    show_id = create_demo(db, campaign=True)  # with its campaign, as a user adds it
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
    if theme == "light":
        # The Show panel's Rhythm group, the demo's own settings in it (issue 20).
        shown = editor.tabs.currentWidget()
        editor.tabs.setCurrentWidget(editor.show_tab)
        settle(app)
        editor.show_tab.ensureWidgetVisible(editor.show_form.rhythm_fields["rhythm_mix"])
        grab(app, window, f"show-rhythm-{suffix}")
        editor.tabs.setCurrentWidget(shown)
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
    shoot_desk(app, db, show_id, suffix, theme)
    if theme == "light":
        shoot_sharing(app, window, db, show_id, suffix)
        shoot_import(app, window, db, show_id, suffix, folder)
        shoot_review(app, window, suffix, folder)
        shoot_review_marks(app, window, db, suffix)
        shoot_campaign(app, window, db, suffix, folder)
        shoot_library(app, window, db, show_id, suffix)
        shoot_script(load_plan(db, show_id), suffix, folder)
        shoot_script_import(app, db, suffix)
        shoot_team(app, window, db, show_id, suffix)
        shoot_advice(app, window, show_id, suffix)
    window.close()
    window.deleteLater()  # gone before the next language's window, and before Python exits
    settle(app)
    db.close()
    for translator in translators:
        app.removeTranslator(translator)


def shoot_advice(app: QApplication, window: MainWindow, show_id: int, suffix: str) -> None:
    """The Advice tab on the demo show, unlocked for editing as the next show's plan would be."""
    window.open_show(show_id)
    editor = window.editor
    assert editor is not None
    editor.doc.set_unlocked(True)
    editor.tabs.setCurrentWidget(editor.advice)
    while editor.advice.job is not None or not editor.advice.rows:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    grab(app, window, f"editor-advice-{suffix}")


def shoot_first_run(app: QApplication, language: str, folder: Path) -> None:
    """The welcome page on an empty database, and (in English) Help ▸ About liveplanner. Both
    name the usual places of the files, not this script's temporary folder."""
    db = open_database(f"sqlite:///{folder / f'first-{language}.sqlite3'}", backup_dir=folder)
    window = MainWindow(db, Preferences(language=language))
    window.resize(*SIZE)
    window.show()
    assert window.welcome_if_first_run() and window.welcome_page is not None
    where = window.welcome_page.where
    where.setText(where.text().replace(str(db.sqlite_path), str(settings.default_database_path())))
    window.statusBar().clearMessage()
    suffix = language.split("_")[0]
    grab(app, window, f"welcome-{suffix}")
    if suffix == "en":
        about = AboutDialog(
            str(settings.default_database_path()), str(settings.default_backup_dir()), window
        )
        about.show()
        grab(app, about, f"about-{suffix}")
        about.close()
    window.close()
    window.deleteLater()
    settle(app)
    db.close()


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


def shoot_desk(app: QApplication, db: Database, show_id: int, suffix: str, theme: str) -> None:
    """Floor control's screen and the host's window 40 s into the first flash sale of a
    rehearsal: the shelf and the price ticked, 1,000 units put out and all claimed (as a feed
    reports them), so the host is told to move on."""
    if theme != "light":
        return
    plan = load_plan(db, show_id)
    clock = {"at": 0.0}
    start = plan.show.planned_start + timedelta(hours=1)  # after the timer's scene: its own run
    now, wall = (lambda: clock["at"]), (lambda: start + timedelta(seconds=clock["at"]))
    controller = RunController(db, plan, RunKind.REHEARSAL, now=now, wall=wall)
    view = HostView(controller)
    view.resize(*SIZE)
    view.show()
    controller.act("toggle")
    for segment in plan.segments[:5]:
        clock["at"] += segment.duration_s
        controller.act("next")
    desk = LiveDesk(db, show_id, now=now, wall=wall)
    # The collector's minutes so far: the room filling, and sales from the first product on.
    lines = [
        json.dumps(
            {
                "minute": (start + timedelta(minutes=m)).isoformat(),
                "online_viewers": 900 + 80 * m - (m % 6) * 50,
                "gmv": 0 if m < 13 else 1200 * (m - 12) + (m % 4) * 500,
            }
        )
        for m in range(int(clock["at"] // 60))
    ]
    LiveFeed(desk, wall=wall).take_lines("\n".join(lines))
    floor = DeskWindow(desk, Role.FLOOR_CONTROL)
    floor.resize(*SIZE)
    floor.show()
    for kind, at in ((ItemKind.LIST, 4), (ItemKind.PRICE, 12)):
        clock["at"] += at
        key = next(s.item.key for s in desk.view(Role.FLOOR_CONTROL).items if s.item.kind is kind)
        desk.tick(key, floor.actor, Role.FLOOR_CONTROL, None)
    sale = desk.view(Role.FLOOR_CONTROL).promos[0]
    clock["at"] += 24
    desk.count(DeskEventKind.SOLD, f"product:{plan.segments[5].product_id}", 1240, "", Role.OPS)
    floor.poller.poll()  # the feed's figures, as the next poll brings them
    floor.poller.pool.waitForDone()
    settle(app)
    floor.redraw()
    grab(app, floor, f"floor-control-{suffix}")
    desk.count(DeskEventKind.CLAIMED, f"promo:{sale.id}", sale.released, "", Role.OPS)
    floor.redraw()
    assert view.desk is not None
    view.desk.desk.poll()
    view.refresh()
    grab(app, view, f"host-sold-out-{suffix}")
    for window in (floor, view):
        window.ticker.stop()
    floor.close()
    view.desk.stop()
    view.deleteLater()
    floor.deleteLater()
    settle(app)


def shoot_sharing(
    app: QApplication, window: MainWindow, db: Database, show_id: int, suffix: str
) -> None:
    """Run ▸ Share screens… while serving on this computer: each role's link and its QR code."""
    server = ScreenServer(db, show_id, bind="127.0.0.1", port=8765)
    try:
        shared = server.start()
    except OperationRefused:  # the port is taken on this machine: any other will do
        server = ScreenServer(db, show_id)
        shared = server.start()
    dialog = ShareDialog(lambda bind, port: ScreenServer(db, show_id), (server, shared), window)
    dialog.show()
    grab(app, dialog, f"share-screens-{suffix}")
    dialog.close()
    server.stop()
    dialog.deleteLater()
    settle(app)


COMPASS = {  # the demo's metrics under the headers of a Douyin compass minute export
    "online_viewers": "实时在线人数",
    "entries": "进入直播间人数",
    "exits": "离开直播间人数",
    "gmv": "成交金额(元)",
    "orders": "成交订单数",
    "buyers": "成交人数",
    "product_clicks": "商品点击次数",
    "comments": "评论次数",
    "likes": "点赞次数",
    "new_followers": "新增粉丝数",
}


def compass_export(db: Database, show_id: int, path: Path) -> None:
    """The demo show's metrics written as the platform writes them: GB18030, title rows above
    the header, 1.2万-style counts, a conversion column liveplanner does not import, a total."""
    wide = load_metrics(db, show_id).pivot(index="minute", columns="metric", values="value")
    wide.index = wide.index.tz_convert(load_plan(db, show_id).show.time_zone)
    lines = ["直播间分钟级数据", "导出时间：2026-11-12 09:30", ""]
    lines.append(",".join(["时间", *COMPASS.values(), "转化率"]))
    for minute, row in wide.iterrows():
        viewers = row["online_viewers"]
        online = f"{viewers / 10_000:.2f}万" if viewers >= 10_000 else str(viewers)
        cells = [minute.strftime("%Y-%m-%d %H:%M"), online]
        cells += [f'"{row[m] / 100:,.2f}"' if m == "gmv" else str(row[m]) for m in COMPASS][1:]
        cells.append(f"{row['buyers'] / max(row['entries'], 1):.1%}")
        lines.append(",".join(cells))
    total = ["合计", "-", *[str(int(wide[m].sum())) for m in list(COMPASS)[1:]], "-"]
    total[list(COMPASS).index("gmv") + 1] = f"{wide['gmv'].sum() / 100:.2f}"
    lines.append(",".join(total))
    path.write_bytes("\r\n".join(lines).encode("gb18030"))


def shoot_import(
    app: QApplication, window: MainWindow, db: Database, show_id: int, suffix: str, folder: Path
) -> None:
    """The import dialog having read a compass export of the demo's own minutes."""
    export = folder / "直播间分钟数据-双11.csv"
    compass_export(db, show_id, export)
    dialog = MetricsImportDialog(db, load_plan(db, show_id), window, str(export))
    dialog.show()
    while dialog.job is not None:
        app.processEvents()
        time.sleep(0.01)
    grab(app, dialog, f"import-metrics-{suffix}")
    dialog.reject()
    dialog.deleteLater()
    settle(app)


def shoot_review(app: QApplication, window: MainWindow, suffix: str, folder: Path) -> None:
    """The demo show's review, and the first page of its PDF report (rendered by pdftoppm)."""
    window.open_review()
    page = window.review_page
    assert page is not None and page.review is not None
    page.select_segment(page.review.segments[17].segment_id)  # the best flash sale
    grab(app, window, f"review-{suffix}")
    report = folder / f"report-{suffix}.pdf"
    write_report(report, report_input(page))
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(report),
         str(OUT / f"report-{suffix}")],
        check=True,
    )  # fmt: skip
    print(OUT / f"report-{suffix}.png")


def shoot_review_marks(app: QApplication, window: MainWindow, db: Database, suffix: str) -> None:
    """The review's chart over the first flash sale with the live desk's marks on it: floor
    control's ticks (✓) and the sold-out alert (!), as the review shows them after a show run
    with the desk. The demo's live run has ended, which takes no more desk events, so they are
    written into its log as the desk would have written them during the run."""
    from liveplanner.core.live_desk import desk_items
    from liveplanner.storage.models import DeskEventRow

    page = window.review_page
    assert page is not None and page.review is not None and page.review.run_id is not None
    plan = load_plan(db, page.review.show_id)
    index = next(i for i, s in enumerate(plan.segments) if s.kind is SegmentKind.FLASH_SALE)
    figures = next(f for f in page.review.segments if f.position == index + 1)
    started = figures.actual_start
    assert started is not None
    log = [(0, DeskEventKind.TICKED, item.key, None) for item in desk_items(plan)
           if item.segment_index == index and item.role is Role.FLOOR_CONTROL]  # fmt: skip
    promo = next(i.promo_id for i in desk_items(plan) if i.segment_index == index and i.promo_id)
    log += [
        (150, DeskEventKind.SOLD_OUT, f"promo:{promo}", None),
        (150, DeskEventKind.ALERT, f"alert:sold_out:promo:{promo}", None),
    ]
    with db.session() as session:
        for seq, (seconds, kind, item, quantity) in enumerate(log):
            actor = "liveplanner" if kind is DeskEventKind.ALERT else "王磊"
            wall = started + timedelta(seconds=seconds + 20 + 15 * seq)
            session.add(
                DeskEventRow(run_id=page.review.run_id, seq=seq, kind=kind, wall_time=wall,
                             item=item, actor=actor, quantity=quantity)
            )  # fmt: skip
    page.set_show(page.review.show_id)
    page.select_segment(figures.segment_id)
    low = started.timestamp() - 5 * 60
    page.chart.strip.getPlotItem().setXRange(low, low + 16 * 60, padding=0)
    grab(app, window, f"review-desk-{suffix}")


def shoot_library(
    app: QApplication, window: MainWindow, db: Database, show_id: int, suffix: str
) -> None:
    """Edit ▸ Product library… over the demo: its products kept in the library, the pitched
    power bank selected with its history across the demo's campaign."""
    from liveplanner.app import library
    from liveplanner.ui.library.library_dialog import LibraryDialog

    plan = load_plan(db, show_id)
    for product in plan.products:
        library.save_to_library(db, show_id, product.id)
    window.open_show(show_id)
    assert window.editor is not None
    dialog = LibraryDialog(db, window.editor.doc, window)
    dialog.resize(*SIZE)
    dialog.show()
    pitched = plan.product(plan.segments[2].product_id)
    assert pitched is not None
    row = next(
        r for r in range(dialog.model.rowCount()) if dialog.model.product_at(r).name == pitched.name
    )
    dialog.table.selectRow(row)
    grab(app, dialog, f"library-{suffix}")
    dialog.reject()
    dialog.deleteLater()
    settle(app)


def shoot_campaign(
    app: QApplication, window: MainWindow, db: Database, suffix: str, folder: Path
) -> None:
    """The demo's campaign (Review ▸ Campaigns…) the day after 双11, its two tabs, and the first
    page of its PDF report (rendered by pdftoppm)."""
    from liveplanner.ui.review.campaign_dialog import CampaignDialog
    from liveplanner.ui.review.campaign_report import write_campaign_pdf

    dialog = CampaignDialog(db, 2, window, today=date(2026, 11, 12))
    dialog.resize(*SIZE)
    dialog.show()
    grab(app, dialog, f"campaign-{suffix}")
    dialog.tabs.setCurrentIndex(2)
    grab(app, dialog, f"campaign-earned-{suffix}")
    assert dialog.figures is not None
    report = folder / f"campaign-report-{suffix}.pdf"
    write_campaign_pdf(report, dialog.figures)
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(report),
         str(OUT / f"campaign-report-{suffix}")],
        check=True,
    )  # fmt: skip
    print(OUT / f"campaign-report-{suffix}.png")
    dialog.reject()
    dialog.deleteLater()
    settle(app)


def shoot_script(plan: ShowPlan, suffix: str, folder: Path) -> None:
    """Page 1 of the printed run sheet and the first cue card (rendered by pdftoppm)."""
    for name, sheet in (("run-sheet", True), ("cue-card", False)):
        pdf = folder / f"{name}-{suffix}.pdf"
        write_script_pdf(plan, pdf, run_sheet=sheet, cue_cards=not sheet)
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
             str(OUT / f"{name}-{suffix}")],
            check=True,
        )  # fmt: skip
        print(OUT / f"{name}-{suffix}.png")


def shoot_script_import(app: QApplication, db: Database, suffix: str) -> None:
    """The run-sheet import dialog on the team sheet the tests read."""
    sheet = Path(__file__).resolve().parent.parent / "tests/fixtures/scripts/team-run-sheet.csv"
    dialog = ScriptImportDialog(db, sheet.name, sheet.read_bytes(), today=date(2026, 11, 1))
    dialog.show()
    grab(app, dialog, f"script-import-{suffix}")
    dialog.close()


def shoot_team(
    app: QApplication, window: MainWindow, db: Database, show_id: int, suffix: str
) -> None:
    """Backups; a teammate's change meeting yours on the same segment; the show's history."""
    assert db.sqlite_path is not None and db.backup_dir is not None
    today = datetime.now(UTC).replace(hour=1, minute=0, second=0, microsecond=0)
    for hours, reason in ((-50, "on-exit"), (-26, "auto"), (-3, "before-delete"), (0, "manual")):
        backup_sqlite(db.sqlite_path, db.backup_dir, reason, now=today + timedelta(hours=hours))
    dialog = BackupsDialog(db, window)
    dialog.show()
    grab(app, dialog, f"backups-{suffix}")
    dialog.close()

    shows.unlock_script(db, show_id)
    window.open_show(show_id)
    assert window.editor is not None
    doc = window.editor.doc
    flash_sale = next(s for s in doc.plan.segments if s.kind is SegmentKind.FLASH_SALE)
    teammate = open_database(str(db.url))
    teammate.user = "王小明" if suffix.startswith("zh") else "Wang Xiaoming"
    segments.update_segment(
        teammate, flash_sale.id, flash_sale.version, duration_s=flash_sale.duration_s + 60
    )
    teammate.close()

    def grab_conflict(conflict: Conflict) -> dict[str, object]:
        shown = ConflictDialog(conflict, window)
        shown.show()
        grab(app, shown, f"conflict-{suffix}")
        shown.close()
        return conflict.defaults()

    doc.resolve_conflict = grab_conflict
    mine = {"title": flash_sale.title + " · 加赠", "duration_s": flash_sale.duration_s - 30}
    doc.undo_stack.push(commands.EditSegment(doc, flash_sale.id, mine))
    history = HistoryDialog(db, doc.plan, window)
    history.show()
    grab(app, history, f"history-{suffix}")
    history.close()


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
