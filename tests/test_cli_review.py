"""`liveplanner review`, run as a user runs it."""

from pathlib import Path

import pytest
from test_cli import ok_json, run
from test_cli_import_metrics import GMV_FILE

from liveplanner.cli import main as cli


def test_review_json_has_the_specified_fields_and_adds_up(db_url: str) -> None:
    show_id = ok_json("demo", db=db_url)["show_id"]
    data = ok_json("review", str(show_id), db=db_url)
    assert data["show_id"] == show_id and data["source"] == "actual" and data["lag_minutes"] == 2
    assert {"gmv", "orders", "buyers", "peak_viewers", "avg_viewers", "conversion", "gpm"} <= set(
        data["totals"]
    )
    assert data["targets"]["gmv"] == {
        "target": 1_500_000.0,
        "actual": data["totals"]["gmv"],
        "met": False,
        "ceiling": False,
        "short_by": round(1_500_000 - data["totals"]["gmv"], 2),
        "over_by": None,
    }
    first = data["segments"][0]
    assert {"position", "title", "kind", "planned_start", "actual_start", "gmv", "orders"} <= set(
        first
    )
    assert first["planned_start"] == "2026-11-11T19:30:00+08:00"
    # Segment 9's credited minutes fell in the stream's three-minute gap: null, not 0.
    assert [s["position"] for s in data["segments"] if s["gmv"] is None] == [9]
    known = [s for s in data["segments"] if s["gmv"] is not None]
    assert round(sum(s["gmv"] for s in known), 2) == data["totals"]["gmv"]
    assert sum(s["orders"] for s in known) == data["totals"]["orders"]
    lagless = ok_json("review", str(show_id), "--lag", "0", db=db_url)
    assert lagless["lag_minutes"] == 0 and lagless["segments"] != data["segments"]


def test_review_json_says_whether_the_show_paid_with_null_for_what_the_export_lacks(
    sqlite_url: str,
) -> None:
    show_id = ok_json("demo", db=sqlite_url)["show_id"]
    data = ok_json("review", str(show_id), db=sqlite_url)
    keys = {"uv_value", "aov", "aov_per_buyer", "gpm", "conversion", "ad_spend", "roi"}
    keys |= {"gross_profit", "margin", "refunds", "net_gmv"}  # null: no product export
    money, totals = data["efficiency"], data["totals"]
    assert set(money) == keys
    assert money["uv_value"] == round(totals["gmv"] / totals["viewers"], 2)
    assert money["aov"] == round(totals["gmv"] / totals["orders"], 2)
    assert money["gpm"] == totals["gpm"] and money["conversion"] == totals["conversion"]
    # The demo bought paid traffic: ROI is GMV per yuan of it.
    assert money["roi"] == round(totals["gmv"] / money["ad_spend"], 2)
    assert 2 < money["roi"] < 4
    assert all(set(s["efficiency"]) == keys for s in data["segments"])
    nine = next(s for s in data["segments"] if s["position"] == 9)  # its sales in a gap
    assert nine["efficiency"]["aov"] is None and nine["efficiency"]["uv_value"] is None


def test_review_writes_the_report_the_name_asks_for(db_url: str, tmp_path: Path) -> None:
    show_id = ok_json("demo", db=db_url)["show_id"]
    out = tmp_path / "review.pdf"
    result = run("review", str(show_id), "--out", str(out), db=db_url)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert f"wrote {out}" in result.stdout


def test_a_bad_lag_or_report_type_is_refused(db_url: str, tmp_path: Path) -> None:
    show_id = str(ok_json("demo", db=db_url)["show_id"])
    lag = run("review", show_id, "--lag", "99", db=db_url)
    assert lag.returncode == 2 and "--lag must be 0 to 30" in lag.stderr
    kind = run("review", show_id, "--out", str(tmp_path / "r.docx"), db=db_url)
    assert kind.returncode == 2 and "r.docx" in kind.stderr
    assert not (tmp_path / "r.docx").exists()


def test_a_metric_the_export_lacks_is_null_and_other_days_minutes_are_their_own_row(
    sqlite_url: str,
) -> None:
    show_id = str(ok_json("demo", db=sqlite_url)["show_id"])
    ok_json(
        "import-metrics", str(GMV_FILE), "--show", show_id, "--keep-dates", "--replace",
        db=sqlite_url,
    )  # fmt: skip
    data = ok_json("review", show_id, db=sqlite_url)
    totals = data["totals"]
    # This export has GMV only: no ad spend, so no ROI, and no "¥0 spent".
    assert data["efficiency"]["ad_spend"] is None and data["efficiency"]["roi"] is None
    assert totals["gmv"] == 2001  # the export has GMV only
    assert totals["orders"] is None and totals["buyers"] is None
    assert totals["gpm"] is None and totals["conversion"] is None
    # No minute of the show has data: another day's figures are not judged against its targets.
    assert data["targets"]["gmv"]["actual"] is None
    assert data["targets"]["conversion"]["actual"] is None
    # Every minute is of another day: no segment has data, the row before the script has it all.
    assert all(s["gmv"] is None and s["orders"] is None for s in data["segments"])
    assert all(s["gmv_per_minute"] is None for s in data["segments"])
    (before,) = data["outside"]
    assert before["where"] == "before" and before["minutes"] == 61
    assert before["first_minute"] == "2025-07-01T19:00:00+08:00"
    assert before["gmv"] == totals["gmv"] and before["orders"] is None
    text = run("review", show_id, db=sqlite_url).stdout
    assert "orders —" in text
    assert "before script" in text and "61 min of data, 2025-07-01 19:00 – 20:00" in text


def test_a_report_that_cannot_be_written_is_refused_in_one_line_with_its_reason(
    db_url: str, tmp_path: Path
) -> None:
    """The PDF writer printed a Qt warning, then said "No such file" whatever the reason."""
    show_id = ok_json("demo", db=db_url)["show_id"]
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "a-file").write_text("")
    for out, reason in (
        (folder / "missing" / "r.pdf", "No such file or directory"),
        (folder / "a-file" / "r.pdf", "Not a directory"),
    ):
        result = run("review", str(show_id), "--out", str(out), db=db_url)
        assert result.returncode == 2
        assert result.stderr == f"liveplanner: cannot write {out}: {reason}\n"
    assert [p.name for p in folder.iterdir()] == ["a-file"]


def test_review_text_writes_targets_as_figures_people_read(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """It printed the JSON's floats: 'target gmv: 1500000.0 -> 984687.3'."""
    assert cli.main(["--database", sqlite_url, "demo"]) == 0
    capsys.readouterr()
    assert cli.main(["--database", sqlite_url, "review", "1"]) == 0
    targets = [line for line in capsys.readouterr().out.splitlines() if "target " in line]
    assert targets[0].startswith("  target gmv: 1,500,000 -> ") and targets[0].endswith("(missed)")
    assert "  target conversion: 0.08 -> " in targets[2] and ".0 " not in "\n".join(targets)


def test_review_json_judges_the_new_targets_and_gives_retention(
    sqlite_url: str, tmp_path: Path
) -> None:
    from liveplanner.app.workspace import open_database
    from liveplanner.storage import shows

    show_id = ok_json("demo", db=sqlite_url)["show_id"]
    db = open_database(sqlite_url, backup_dir=tmp_path / "backups")
    try:
        show = shows.unlock_script(db, show_id)  # the demo show is done: its script is locked
        shows.update_show(
            db,
            show_id,
            show.version,
            target_roi_bp=100_000,  # 10.0: the demo's ROI falls short
            target_max_ad_spend_fen=1_000,  # ¥10: far over
            target_gross_profit_fen=100,  # ¥1: met by the demo's product export
        )
    finally:
        db.close()
    data = ok_json("review", str(show_id), db=sqlite_url)
    roi = data["targets"]["roi"]
    assert roi["target"] == 10.0 and roi["met"] is False and not roi["ceiling"]
    assert roi["short_by"] == round(10 - roi["actual"], 4) and roi["over_by"] is None
    spend = data["targets"]["max_ad_spend"]
    assert spend["ceiling"] is True and spend["met"] is False and spend["short_by"] is None
    assert spend["over_by"] == round(data["efficiency"]["ad_spend"] - 10, 2)
    profit = data["targets"]["gross_profit"]
    assert profit == {
        "target": 1.0,
        "actual": data["efficiency"]["gross_profit"],
        "met": True,
        "ceiling": False,
        "short_by": 0.0,
        "over_by": None,
    }
    assert "avg_watch_s" in data["totals"]
    assert all({"avg_watch_s", "viewers_kept"} <= set(s) for s in data["segments"])
    kept = [s["viewers_kept"] for s in data["segments"] if s["viewers_kept"] is not None]
    assert kept and all(k > 0 for k in kept)  # the demo has online viewers every minute
