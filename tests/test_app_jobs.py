"""The application's operations the command line calls, called as the window would: plain
arguments in, plain results or refusals with their figures out, no printing and no Qt."""

from pathlib import Path

import pytest
from test_cli_import_metrics import GMV_FILE
from test_script_sheet import FIXTURE

from liveplanner.app import metrics, reports, reviews, runs, scripts
from liveplanner.app.demo import create_demo
from liveplanner.app.refusals import OperationRefused
from liveplanner.storage.database import Database
from liveplanner.storage.samples import stored_metrics
from liveplanner.storage.shows import list_shows


def test_a_metrics_import_is_refused_with_figures_until_the_request_says_what_to_do(
    db: Database,
) -> None:
    show_id = create_demo(db)
    with pytest.raises(metrics.DatesOutsideShow) as outside:
        metrics.import_metrics(db, show_id, GMV_FILE, metrics.MetricsRequest())
    assert outside.value.figures["start"] == "2025-07-01 19:00"
    assert outside.value.figures["show_day"] == "2026-11-11" and not outside.value.shifted
    shift = metrics.MetricsRequest(shift_to_show_date=True)
    with pytest.raises(metrics.MetricsStored) as stored:  # the demo has metrics
        metrics.import_metrics(db, show_id, GMV_FILE, shift)
    assert stored.value.figures["show_id"] == show_id and stored.value.figures["minutes"] > 0
    before = stored_metrics(db, show_id)
    dry = metrics.import_metrics(
        db,
        show_id,
        GMV_FILE,
        metrics.MetricsRequest(shift_to_show_date=True, replace=True, dry_run=True),
    )
    assert not dry.stored and dry.result.shift_days == 498
    assert stored_metrics(db, show_id) == before
    done = metrics.import_metrics(
        db, show_id, GMV_FILE, metrics.MetricsRequest(shift_to_show_date=True, replace=True)
    )
    assert done.stored and stored_metrics(db, show_id).source.file_name == GMV_FILE.name


def test_an_unreadable_file_is_refused_with_its_path_and_reason(
    db: Database, tmp_path: Path
) -> None:
    show_id = create_demo(db)
    missing = tmp_path / "gone.csv"
    with pytest.raises(OperationRefused) as refused:
        metrics.import_metrics(db, show_id, missing, metrics.MetricsRequest(replace=True))
    assert refused.value.code == "cannot_read" and refused.value.figures["path"] == missing


def test_a_review_its_report_start_and_the_runs_planned_against_actual(db: Database) -> None:
    show_id = create_demo(db)
    with pytest.raises(OperationRefused) as refused:
        reviews.attribution_lag(99)
    assert refused.value.code == "lag_out_of_range"
    assert reviews.attribution_lag(None) == 2  # the saved preference's default
    shown = reviews.review_show(db, show_id, 2)
    assert shown.review.run_id is not None
    assert reports.run_started(shown) == "2026-11-11 19:30"
    plan, records = runs.show_runs(db, show_id)
    assert [r.run.kind.value for r in records] == ["rehearsal", "live"]
    assert len(records[1].segments) == len(plan.segments)
    assert records[1].segments[0].actual_s is not None


def test_a_run_sheet_and_a_show_file_come_in_as_new_shows(db: Database, tmp_path: Path) -> None:
    dry = scripts.import_run_sheet(db, FIXTURE, dry_run=True)
    assert dry.show_id is None and list_shows(db) == []
    sheet = scripts.import_run_sheet(db, FIXTURE, title="双12")
    assert sheet.show_id is not None and sheet.plan.show.title == "双12"
    out = tmp_path / "show.json"
    scripts.export_script(db, sheet.plan, out, "zh")
    again = scripts.import_show_file(db, out)
    assert again.show_id not in (None, sheet.show_id)
    assert len(again.plan.segments) == len(sheet.plan.segments)


def test_a_show_files_bytes_read_already_come_in_as_a_new_show(
    db: Database, tmp_path: Path
) -> None:
    from liveplanner.formats.problems import ImportRefused

    sheet = scripts.import_run_sheet(db, FIXTURE, title="双12")
    out = tmp_path / "show.json"
    scripts.export_script(db, sheet.plan, out, "zh")
    dry = scripts.import_show_data(db, out.read_bytes(), out.name, dry_run=True)
    assert dry.show_id is None and len(list_shows(db)) == 1
    stored = scripts.import_show_data(db, out.read_bytes(), out.name)
    assert stored.show_id is not None and len(list_shows(db)) == 2
    with pytest.raises(ImportRefused):
        scripts.import_show_data(db, b"{not json", "broken.json")
