"""`liveplanner review`, run as a user runs it."""

from pathlib import Path

from test_cli import ok_json, run


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
        "short_by": round(1_500_000 - data["totals"]["gmv"], 2),
    }
    first = data["segments"][0]
    assert {"position", "title", "kind", "planned_start", "actual_start", "gmv", "orders"} <= set(
        first
    )
    assert first["planned_start"] == "2026-11-11T19:30:00+08:00"
    assert round(sum(s["gmv"] for s in data["segments"]), 2) == data["totals"]["gmv"]
    assert sum(s["orders"] for s in data["segments"]) == data["totals"]["orders"]
    lagless = ok_json("review", str(show_id), "--lag", "0", db=db_url)
    assert lagless["lag_minutes"] == 0 and lagless["segments"] != data["segments"]


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
